/**
 * The graph's steps over one edge set as integer arrays (compressed rows: node i's neighbours are
 * `neighbours[start[i] .. start[i + 1])`), built once per graph and edge set, both ways. Walks
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

type Built = { order: number; size: number; out: Adjacency; in: Adjacency };
const built = new WeakMap<AccessGraph, Map<string, Built>>();

const keyOf = (opts: StepOptions): string => `${[...opts.edges].sort().join(',')}|${opts.includeConditional !== false}|${opts.unaided === true}`;

/** The adjacency of a graph over `opts`, rebuilt only when nodes or edges were added or dropped since (both directions at once: one is the other transposed). */
export function adjacencyOf(graph: AccessGraph, opts: StepOptions): Adjacency {
  let byKey = built.get(graph);
  if (!byKey) built.set(graph, (byKey = new Map()));
  const key = keyOf(opts);
  let memo = byKey.get(key);
  if (!memo || memo.order !== graph.order || memo.size !== graph.size) {
    const out = build(graph, opts);
    byKey.set(key, (memo = { order: graph.order, size: graph.size, out, in: transposed(out) }));
  }
  return opts.direction === 'in' ? memo.in : memo.out;
}

/** Rows of (from, to) pairs: counting sort by `from`, each row without repeats, in pair order. */
function rowsOf(n: number, from: ArrayLike<number>, to: ArrayLike<number>, count: number): { start: Int32Array; neighbours: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) start[from[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const rows = new Int32Array(count);
  for (let e = 0; e < count; e++) rows[fill[from[e]]++] = to[e];
  const seen = new Int32Array(n).fill(-1);
  const neighbours = new Int32Array(count);
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
  return { start: compact, neighbours: neighbours.slice(0, k) };
}

function build(graph: AccessGraph, opts: StepOptions): Adjacency {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const hub = new Uint8Array(graph.order);
  graph.forEachNode((node, a) => {
    if (a.kind === 'hub') hub[names.length] = 1;
    ids.set(node, names.length);
    names.push(node);
  });
  const from: number[] = [];
  const to: number[] = [];
  graph.forEachEdge((_e, a, source, target) => {
    if (!follows(a, opts)) return;
    from.push(ids.get(source)!);
    to.push(ids.get(target)!);
  });
  return { ids, names, hub, ...rowsOf(names.length, from, to, from.length) };
}

function transposed(out: Adjacency): Adjacency {
  const n = out.names.length;
  const count = out.neighbours.length;
  const from = new Int32Array(count);
  for (let i = 0; i < n; i++) for (let e = out.start[i]; e < out.start[i + 1]; e++) from[e] = i;
  return { ...out, ...rowsOf(n, out.neighbours, from, count) };
}
