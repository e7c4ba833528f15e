/** The current view as a PNG: sigma's layers (WebGL and 2D canvases) drawn onto one white canvas. */
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';

type Renderer = Sigma<NodeAttributes, EdgeAttributes>;

export function viewAsPng(renderer: Renderer): string {
  // Render now, in this task: a WebGL canvas's pixels are only guaranteed until the next composite.
  renderer.refresh();
  const { width, height } = renderer.getDimensions();
  const layers = Object.values(renderer.getCanvases());
  const scale = layers[0] ? layers[0].width / width : 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const layer of layers) ctx.drawImage(layer, 0, 0, out.width, out.height);
  return out.toDataURL('image/png');
}

export function downloadPng(renderer: Renderer, fileName = 'iamgraph.png'): void {
  const link = document.createElement('a');
  link.href = viewAsPng(renderer);
  link.download = fileName;
  link.click();
}
