/**
 * The graph sigma draws. Small graphs are drawn whole. A dense one (a million assume and
 * escalation edges) would take minutes to draw on a software renderer and blur into one ball on
 * any: there, those edges are drawn only while highlighted (a selection's reach, a target's paths),
 * at most MAX_DYNAMIC_EDGES at a time, and membership edges start hidden (a filter shows them).
 * Search, reach and paths always use the full graph.
 */
import { MultiDirectedGraph } from 'graphology';
import type { AccessGraph } from '../../src/graph/types.ts';
import type { BaseEdgeKind } from '../../src/graph/types.ts';
import { EDGE_GROUPS, type EdgeGroup } from './palette.ts';

export const DENSE_EDGES = 20_000;
export const MAX_DYNAMIC_EDGES = 20_000;
const ON_DEMAND: ReadonlySet<BaseEdgeKind> = new Set(['can-assume', 'escalation']);

export interface ShownGraph {
  dense: boolean;
  /**
   * The graph to draw with these on-demand edges (keys of the full graph) added to the base ones.
   * A new graph object when the set changed: sigma is given it whole (setGraph), because
   * adding or dropping thousands of edges one by one under its listeners is far slower.
   */
  show(edges: Iterable<string>): AccessGraph;
}

export function shownGraph(full: AccessGraph): ShownGraph {
  const dense = full.size > DENSE_EDGES;
  if (!dense) return { dense, show: () => full };
  const base: AccessGraph = new MultiDirectedGraph();
  full.forEachNode((node, a) => base.addNode(node, a));
  full.forEachEdge((edge, a, source, target) => {
    if (!ON_DEMAND.has(a.kind)) base.addDirectedEdgeWithKey(edge, source, target, a);
  });
  let current = base;
  let dynamic: string[] = [];
  return {
    dense,
    show(edges) {
      const next: string[] = [];
      for (const edge of edges) {
        if (next.length >= MAX_DYNAMIC_EDGES) break;
        if (ON_DEMAND.has(full.getEdgeAttribute(edge, 'kind'))) next.push(edge);
      }
      next.sort();
      if (next.length === dynamic.length && next.every((e, i) => e === dynamic[i])) return current;
      dynamic = next;
      current = next.length === 0 ? base : base.copy();
      for (const edge of next) if (!current.hasEdge(edge)) current.addDirectedEdgeWithKey(edge, full.source(edge), full.target(edge), full.getEdgeAttributes(edge));
      return current;
    },
  };
}

/** Edge groups drawn when the page opens: on a dense graph, not the thousands of membership edges. */
export const defaultGroups = (dense: boolean): Set<EdgeGroup> =>
  new Set(EDGE_GROUPS.filter((g) => g.shownByDefault && !(dense && g.id === 'membership')).map((g) => g.id));
