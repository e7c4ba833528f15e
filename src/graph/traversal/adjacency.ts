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

/** An edge of the set that needs its walker to act as other principals too (`alsoActingAs`). */
export interface AidedEdge {
  from: string;
  to: string;
  needs: readonly string[];
}

/** `plain`: the pairs of the edges that need nobody else, kept (as node ids) when some edges do, for the adjacency without those. */
type Built = { order: number; size: number; out: Adjacency; in: Adjacency; aided: AidedEdge[]; plain?: { from: Int32Array; to: Int32Array } };
const built = new WeakMap<AccessGraph, Map<string, Built>>();

const keyOf = (opts: StepOptions): string => `${[...opts.edges].sort().join(',')}|${opts.includeConditional !== false}|${opts.unaided === true}`;

function builtFor(graph: AccessGraph, opts: StepOptions): Built {
  let byKey = built.get(graph);
  if (!byKey) built.set(graph, (byKey = new Map()));
  const key = keyOf(opts);
  let memo = byKey.get(key);
  if (!memo || memo.order !== graph.order || memo.size !== graph.size) {
    if (opts.unaided) {
      const whole = builtFor(graph, { ...opts, unaided: false });
      // Without edges that need another principal, the whole adjacency is already this one.
      memo = whole.plain ? withAdjacency(graph, withoutAided(whole.out, whole.plain), []) : { ...whole, aided: [] };
    } else {
      const made = build(graph, opts);
      memo = { ...withAdjacency(graph, made.out, made.aided), ...(made.plain ? { plain: made.plain } : {}) };
    }
    byKey.set(key, memo);
  }
  return memo;
}

const withAdjacency = (graph: AccessGraph, out: Adjacency, aided: AidedEdge[]): Built => ({ order: graph.order, size: graph.size, out, in: transposed(out), aided });

/** The adjacency of a graph over `opts`, rebuilt only when nodes or edges were added or dropped since (both directions at once: one is the other transposed). */
export function adjacencyOf(graph: AccessGraph, opts: StepOptions): Adjacency {
  const memo = builtFor(graph, opts);
  return opts.direction === 'in' ? memo.in : memo.out;
}

/** The edges of the set that need their walker to act as other principals too, found with its adjacency (none when `opts.unaided`). */
export const aidedEdges = (graph: AccessGraph, opts: StepOptions): readonly AidedEdge[] => builtFor(graph, opts).aided;

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

function build(graph: AccessGraph, opts: StepOptions): Pick<Built, 'out' | 'aided' | 'plain'> {
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
  const aided: AidedEdge[] = [];
  const plain: number[] = [];
  graph.forEachEdge((_e, a, source, target) => {
    if (!follows(a, opts)) return;
    if (a.alsoActingAs?.length) aided.push({ from: source, to: target, needs: a.alsoActingAs });
    else plain.push(from.length);
    from.push(ids.get(source)!);
    to.push(ids.get(target)!);
  });
  const out = { ids, names, hub, ...rowsOf(names.length, from, to, from.length) };
  if (aided.length === 0) return { out, aided };
  return { out, aided, plain: { from: Int32Array.from(plain, (e) => from[e]), to: Int32Array.from(plain, (e) => to[e]) } };
}

/** The same adjacency without the edges that need another principal: rows of the pairs kept from the whole one's pass over the graph's edges. */
function withoutAided(whole: Adjacency, plain: NonNullable<Built['plain']>): Adjacency {
  return { ...whole, ...rowsOf(whole.names.length, plain.from, plain.to, plain.from.length) };
}

function transposed(out: Adjacency): Adjacency {
  const n = out.names.length;
  const count = out.neighbours.length;
  const from = new Int32Array(count);
  for (let i = 0; i < n; i++) for (let e = out.start[i]; e < out.start[i + 1]; e++) from[e] = i;
  return { ...out, ...rowsOf(n, out.neighbours, from, count) };
}
