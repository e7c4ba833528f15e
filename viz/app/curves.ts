/**
 * Parallel edges (several edges between the same two nodes, either way) get distinct curvatures,
 * so two techniques from kang to one role read as two arcs instead of one line. An edge alone
 * between its nodes stays straight (and may be dashed). Curvatures are in one frame (the pair's
 * lower key first): an edge drawn the other way has its sign flipped, so it bends to its side.
 */
import type { AccessGraph } from '../../src/graph/types.ts';

/** The curvature step between neighbouring parallel edges (sigma's edge-curve units). */
const STEP = 0.45;

/** Over `edges` (the path view's: the only ones drawn then), else over every edge of the graph. */
export function parallelCurvatures(graph: AccessGraph, edges?: Iterable<string>): Map<string, number> {
  const pairs = new Map<string, string[]>();
  const add = (edge: string, source: string, target: string) => {
    if (source === target) return;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const list = pairs.get(key);
    if (list) list.push(edge);
    else pairs.set(key, [edge]);
  };
  if (edges) for (const edge of edges) add(edge, graph.source(edge), graph.target(edge));
  else graph.forEachEdge((edge, _a, source, target) => add(edge, source, target));
  const out = new Map<string, number>();
  for (const edges of pairs.values()) {
    if (edges.length < 2) continue;
    edges.sort();
    edges.forEach((edge, i) => {
      const offset = (i - (edges.length - 1) / 2) * STEP || STEP / 2;
      out.set(edge, graph.source(edge) < graph.target(edge) ? offset : -offset);
    });
  }
  return out;
}
