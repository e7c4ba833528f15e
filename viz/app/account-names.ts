/**
 * Accounts as groups: the CLI's layout seeds each account's nodes together (layout.ts); here each
 * account's name is drawn above its group, on a 2D layer of its own after every frame. Where the
 * names go is computed once (the layout does not move); each frame transforms one point per
 * account, so a 20,000-principal graph pans as before. Not drawn in the path view, whose nodes
 * are placed by hop, not by account.
 */
import type Sigma from 'sigma';
import type { AccessGraph, EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';

const LAYER = 'account-names';

interface Anchor {
  name: string;
  x: number;
  top: number;
}

function anchorsOf(graph: AccessGraph): Anchor[] {
  const groups = new Map<string, { name: string; sumX: number; n: number; top: number }>();
  graph.forEachNode((_node, a) => {
    if (a.accountId === undefined || a.x === undefined || a.y === undefined) return;
    const g = groups.get(a.accountId) ?? { name: a.accountId, sumX: 0, n: 0, top: -Infinity };
    if (a.kind === 'account' && a.label !== a.accountId) g.name = `${a.label} (${a.accountId})`;
    g.sumX += a.x;
    g.n++;
    g.top = Math.max(g.top, a.y);
    groups.set(a.accountId, g);
  });
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => ({ name: g.name, x: g.sumX / g.n, top: g.top }));
}

export function drawAccountNames(renderer: Sigma<NodeAttributes, EdgeAttributes>, graph: AccessGraph, hidden: () => boolean): void {
  const anchors = anchorsOf(graph);
  if (anchors.length < 2) return;
  renderer.createCanvasContext(LAYER, { style: { pointerEvents: 'none' } });
  // sigma sizes its layers on resize, which it skips while the container keeps its size.
  renderer.resize(true);
  const ctx = renderer.getCanvases()[LAYER].getContext('2d')!;
  renderer.on('afterRender', () => {
    const { width, height } = renderer.getDimensions();
    ctx.clearRect(0, 0, width, height);
    if (hidden()) return;
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = 'rgba(91, 100, 117, 0.85)';
    for (const a of anchors) {
      const p = renderer.graphToViewport({ x: a.x, y: a.top });
      ctx.fillText(a.name, p.x, p.y - 16);
    }
  });
}
