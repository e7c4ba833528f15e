/**
 * The graph's steps over one edge set as integer arrays (compressed rows: node i's neighbours are
 * `neighbours[start[i] .. start[i + 1])`), built once per graph, edge set and direction. Walks
 * that touch every edge (distances to a target, who can act as a node, the condensation) run over
 * these instead of graphology's per-edge callbacks over a multigraph, several times faster on
 * graphs of millions of edges. Parallel edges (one per technique) are one neighbour here.
 */
import type { AccessGraph } from '../types.ts';
import { follows, type StepOptions } from './steps.ts';

export interface Adjacency {
  ids: ReadonlyMap<string, number>;
  names: readonly string[];
  start: Int32Array;
  neighbours: Int32Array;
  /** 1 for a hub (half a step: walks cross it). */
  hub: Uint8Array;
}

type Built = { order: number; size: number; adjacency: Adjacency };
const built = new WeakMap<AccessGraph, Map<string, Built>>();

const keyOf = (opts: StepOptions): string => `${[...opts.edges].sort().join(',')}|${opts.direction ?? 'out'}|${opts.includeConditional !== false}`;

/** The adjacency of a graph over `opts`, rebuilt only when nodes or edges were added or dropped since. */
export function adjacencyOf(graph: AccessGraph, opts: StepOptions): Adjacency {
  let byKey = built.get(graph);
  if (!byKey) built.set(graph, (byKey = new Map()));
  const key = keyOf(opts);
  const memo = byKey.get(key);
  if (memo && memo.order === graph.order && memo.size === graph.size) return memo.adjacency;
  const adjacency = build(graph, opts);
  byKey.set(key, { order: graph.order, size: graph.size, adjacency });
  return adjacency;
}

function build(graph: AccessGraph, opts: StepOptions): Adjacency {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const n = graph.order;
  const hub = new Uint8Array(n);
  graph.forEachNode((node, a) => {
    if (a.kind === 'hub') hub[names.length] = 1;
    ids.set(node, names.length);
    names.push(node);
  });
  const inward = opts.direction === 'in';
  const from: number[] = [];
  const to: number[] = [];
  graph.forEachEdge((_e, a, source, target) => {
    if (!follows(a, opts)) return;
    from.push(ids.get(inward ? target : source)!);
    to.push(ids.get(inward ? source : target)!);
  });
  // Counting sort by source, then each row without repeats (kept in edge order).
  const start = new Int32Array(n + 1);
  for (const f of from) start[f + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const rows = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) rows[fill[from[e]]++] = to[e];
  const seen = new Int32Array(n).fill(-1);
  const neighbours = new Int32Array(from.length);
  const compact = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    compact[i] = k;
    for (let e = start[i]; e < start[i + 1]; e++) {
      const w = rows[e];
      if (seen[w] === i) continue;
      seen[w] = i;
      neighbours[k++] = w;
    }
  }
  compact[n] = k;
  return { ids, names, start: compact, neighbours: neighbours.slice(0, k), hub };
}
