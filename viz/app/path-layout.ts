/**
 * The path view's layout: the nodes of the listed paths in layers, left to right by hop (sources
 * at the left, the target at the right, parallel paths in rows), by dagre. Placed over the middle
 * of the graph's own extent, so sigma's framing (and the faded rest) stays where it was.
 */
import dagre from '@dagrejs/dagre';
import type { AccessGraph } from '../../src/graph/types.ts';
import { edgesOfHop, type SourcedPath } from './paths.ts';

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** The share of the graph's extent the path view spans. */
const SPAN = 0.8;

export interface Extent {
  x: [number, number];
  y: [number, number];
}

export function extentOf(graph: AccessGraph): Extent {
  const e: Extent = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  graph.forEachNode((_n, a) => {
    e.x = [Math.min(e.x[0], a.x ?? 0), Math.max(e.x[1], a.x ?? 0)];
    e.y = [Math.min(e.y[0], a.y ?? 0), Math.max(e.y[1], a.y ?? 0)];
  });
  return graph.order === 0 ? { x: [0, 1], y: [0, 1] } : e;
}

export function pathLayout(graph: AccessGraph, paths: readonly SourcedPath[], extent: Extent): Positions {
  const out = new Map<string, { x: number; y: number }>();
  if (paths.length === 0) return out;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 140, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const addNode = (n: string) => {
    if (!g.hasNode(n)) g.setNode(n, { width: 24, height: 24 });
  };
  // Insertion order decides dagre's first ordering: keep it the paths' (deterministic) order.
  for (const { from, path } of paths) {
    addNode(from);
    for (const hop of path.hops) {
      // A hop through a technique's hub is drawn through it: the hub gets a column of its own.
      const chain = [hop.from, ...edgesOfHop(graph, hop).slice(1).map((e) => graph.source(e)), hop.to];
      chain.forEach(addNode);
      for (let i = 1; i < chain.length; i++) if (chain[i - 1] !== chain[i] && !g.hasEdge(chain[i - 1], chain[i])) g.setEdge(chain[i - 1], chain[i]);
    }
  }
  dagre.layout(g);
  const at = (n: string) => g.node(n) as { x: number; y: number };
  const nodes = (g.nodes() as string[]).filter((n) => graph.hasNode(n));
  const xs = nodes.map((n) => at(n).x);
  const ys = nodes.map((n) => at(n).y);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  const ew = extent.x[1] - extent.x[0] || 1;
  const eh = extent.y[1] - extent.y[0] || 1;
  const scale = Math.min(w > 0 ? (ew * SPAN) / w : Infinity, h > 0 ? (eh * SPAN) / h : Infinity, ew / 4);
  const cx = (extent.x[0] + extent.x[1]) / 2;
  const cy = (extent.y[0] + extent.y[1]) / 2;
  const mx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const my = (Math.max(...ys) + Math.min(...ys)) / 2;
  // dagre's y grows downwards, the graph's upwards.
  for (const n of nodes) out.set(n, { x: cx + (at(n).x - mx) * scale, y: cy - (at(n).y - my) * scale });
  return out;
}
