/**
 * The graph sigma draws. Small graphs are drawn whole. A dense one (a million assume and
 * escalation edges) would take minutes to draw on a software renderer and blur into one ball on
 * any: there, those edges are drawn only while highlighted (a selection's reach, a target's paths),
 * at most MAX_DYNAMIC_EDGES at a time, and membership edges start hidden (a filter shows them).
 * Search, reach and paths always use the full graph.
 */
import type { AccessGraph } from '../../src/graph/types.ts';
import type { BaseEdgeKind } from '../../src/graph/types.ts';
import { addEdges, edgeCount, unpackGraph, unpackNodes } from '../pack.ts';
import type { PackedGraph } from '../payload.ts';
import { EDGE_GROUPS, type EdgeGroup } from './palette.ts';

export const DENSE_EDGES = 20_000;
export const MAX_DYNAMIC_EDGES = 20_000;
const ON_DEMAND: ReadonlySet<BaseEdgeKind> = new Set(['can-assume', 'escalation']);

/**
 * The graphs behind the view. `base` has every node and the edges drawn at rest; `full()` has every
 * edge. In a dense graph they differ, and the full one (a million edges, seconds to build) is not
 * needed to open: the first view draws none of the edges base lacks. It is built while the page is
 * idle (`buildWhenIdle`), and whatever is left at once when `full()` is first asked for.
 */
export interface GraphSource {
  dense: boolean;
  /** The full graph's edge count. */
  size: number;
  base: AccessGraph;
  full(): AccessGraph;
  buildWhenIdle(): void;
}

export function graphSource(packed: PackedGraph): GraphSource {
  const size = edgeCount(packed);
  if (size <= DENSE_EDGES) {
    const graph = unpackGraph(packed);
    return { dense: false, size, base: graph, full: () => graph, buildWhenIdle: () => {} };
  }
  const full = unpackNodes(packed);
  let next = 0;
  const buildWhenIdle = () => {
    if (next < size) requestIdleCallback((deadline) => {
      next = addEdges(full, packed, next, () => deadline.timeRemaining() > 1);
      buildWhenIdle();
    });
  };
  return {
    dense: true,
    size,
    base: unpackGraph(packed, (kind) => !ON_DEMAND.has(kind)),
    full() {
      if (next < size) next = addEdges(full, packed, next);
      return full;
    },
    buildWhenIdle,
  };
}

export interface ShownGraph {
  dense: boolean;
  /**
   * The graph to draw with these on-demand edges (keys of the full graph) added to the base ones.
   * A new graph object when the set changed: sigma is given it whole (setGraph), because
   * adding or dropping thousands of edges one by one under its listeners is far slower.
   */
  show(edges: Iterable<string>): AccessGraph;
}

export function shownGraph(source: GraphSource): ShownGraph {
  const { dense, base } = source;
  if (!dense) return { dense, show: () => base };
  let current = base;
  let dynamic: string[] = [];
  return {
    dense,
    show(edges) {
      const next: string[] = [];
      for (const edge of edges) {
        if (next.length >= MAX_DYNAMIC_EDGES) break;
        if (ON_DEMAND.has(source.full().getEdgeAttribute(edge, 'kind'))) next.push(edge);
      }
      next.sort();
      if (next.length === dynamic.length && next.every((e, i) => e === dynamic[i])) return current;
      dynamic = next;
      current = next.length === 0 ? base : base.copy();
      const full = source.full();
      for (const edge of next) if (!current.hasEdge(edge)) current.addDirectedEdgeWithKey(edge, full.source(edge), full.target(edge), full.getEdgeAttributes(edge));
      return current;
    },
  };
}

/** Edge groups drawn when the page opens: on a dense graph, not the thousands of membership edges. */
export const defaultGroups = (dense: boolean): Set<EdgeGroup> =>
  new Set(EDGE_GROUPS.filter((g) => g.shownByDefault && !(dense && g.id === 'membership')).map((g) => g.id));
