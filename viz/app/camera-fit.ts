/**
 * Moves the camera so that every given node is in view with a margin: the centre of their drawn
 * (framed) positions, and the ratio at which the farthest of them sits `margin` pixels inside the
 * edge. Uses sigma's display data, so it fits the positions the reducers gave (the path view).
 */
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';

const MARGIN = 70;

export function fitCamera(renderer: Sigma<NodeAttributes, EdgeAttributes>, nodes: Iterable<string>, duration = 400): void {
  const points: Array<{ x: number; y: number }> = [];
  for (const node of nodes) {
    const d = renderer.getNodeDisplayData(node);
    if (d && !d.hidden) points.push({ x: d.x, y: d.y });
  }
  if (points.length === 0) return;
  const x = (Math.min(...points.map((p) => p.x)) + Math.max(...points.map((p) => p.x))) / 2;
  const y = (Math.min(...points.map((p) => p.y)) + Math.max(...points.map((p) => p.y))) / 2;
  const { width, height } = renderer.getDimensions();
  const probe = { x, y, angle: 0, ratio: 1 };
  let ratio = 0;
  for (const p of points) {
    const v = renderer.framedGraphToViewport(p, { cameraState: probe });
    // Screen distance from the centre scales as 1 / ratio.
    ratio = Math.max(ratio, Math.abs(v.x - width / 2) / Math.max(1, width / 2 - MARGIN * 2), Math.abs(v.y - height / 2) / Math.max(1, height / 2 - MARGIN));
  }
  const camera = renderer.getCamera();
  const min = renderer.getSetting('minCameraRatio') ?? 0.01;
  const max = renderer.getSetting('maxCameraRatio') ?? 4;
  // A single node (or one column) alone: not closer than a comfortable zoom.
  ratio = Math.min(max, Math.max(min, ratio, 0.15));
  void camera.animate({ x, y, ratio, angle: 0 }, { duration });
}

/** Centres the camera on a point of the framed graph (an edge's middle), keeping the zoom. */
export function centreCamera(renderer: Sigma<NodeAttributes, EdgeAttributes>, at: { x: number; y: number }, duration = 300): void {
  void renderer.getCamera().animate({ x: at.x, y: at.y }, { duration });
}
