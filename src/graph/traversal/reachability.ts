/**
 * "Can a act as b?" for many pairs, answered from one condensation of the graph instead of a search
 * per source: the strongly connected components of an edge set (Tarjan, iterative) become the nodes
 * of a DAG over integers, and a query walks that DAG from a's component once (memoized per
 * component). Unbounded in depth: AWS does not bound chains, only the searches that show them are.
 */
import type { AccessGraph } from '../types.ts';
import { adjacencyOf, type Adjacency } from './adjacency.ts';
import type { StepOptions } from './steps.ts';

export interface Reachability {
  /** Whether `to` is reachable from `from` over the edge set (a node reaches itself). */
  reaches(from: string, to: string): boolean;
  /** The strongly connected component of a node: nodes of one component reach the same nodes. */
  component(node: string): number | undefined;
}

/** Components of the graph over the edges `opts` follows, and the DAG between them (adjacency as arrays of component ids). */
type Condensed = { componentOf: Map<string, number>; dag: number[][] };
/** Made once per adjacency (which is rebuilt when the graph changes). */
const condensed = new WeakMap<Adjacency, Condensed>();

function condense(graph: AccessGraph, opts: StepOptions): Condensed {
  const adjacency = adjacencyOf(graph, { ...opts, direction: 'out' });
  let made = condensed.get(adjacency);
  if (!made) condensed.set(adjacency, (made = condenseRows(adjacency)));
  return made;
}

function condenseRows({ names, start, neighbours }: Adjacency): Condensed {
  const n = names.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: number[] = [];
  const next = new Int32Array(n);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    work.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const v = work[work.length - 1];
      if (start[v] + next[v] < start[v + 1]) {
        const w = neighbours[start[v] + next[v]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  const dagSets: Array<Set<number>> = Array.from({ length: components }, () => new Set());
  for (let v = 0; v < n; v++) for (let e = start[v]; e < start[v + 1]; e++) if (component[v] !== component[neighbours[e]]) dagSets[component[v]].add(component[neighbours[e]]);
  const componentOf = new Map<string, number>();
  for (let v = 0; v < n; v++) componentOf.set(names[v], component[v]);
  return { componentOf, dag: dagSets.map((s) => [...s]) };
}

/**
 * `memo`: what one walk of the DAG is kept for. `source` (default): everything a component
 * reaches, for many questions from few sources; `target`: everything that reaches a component,
 * for questions from many sources about few targets (who can act as a rewriter).
 */
export function reachability(graph: AccessGraph, opts: StepOptions, memo: 'source' | 'target' = 'source'): Reachability {
  const { componentOf, dag } = condense(graph, opts);
  const edges = memo === 'source' ? dag : reversed(dag);
  // One bit per component, per component walked from.
  const walked = new Map<number, Uint32Array>();
  const has = (bits: Uint32Array, c: number): boolean => (bits[c >>> 5] & (1 << (c & 31))) !== 0;
  const walk = (start: number): Uint32Array => {
    let seen = walked.get(start);
    if (seen) return seen;
    seen = new Uint32Array((edges.length + 31) >>> 5);
    const todo = [start];
    seen[start >>> 5] |= 1 << (start & 31);
    while (todo.length) {
      for (const c of edges[todo.pop()!]) {
        if (has(seen, c)) continue;
        seen[c >>> 5] |= 1 << (c & 31);
        todo.push(c);
      }
    }
    walked.set(start, seen);
    return seen;
  };
  return {
    reaches(from, to) {
      const a = componentOf.get(from);
      const b = componentOf.get(to);
      if (a === undefined || b === undefined) return false;
      return a === b || (memo === 'source' ? has(walk(a), b) : has(walk(b), a));
    },
    component: (node) => componentOf.get(node),
  };
}

function reversed(dag: readonly number[][]): number[][] {
  const back: number[][] = dag.map(() => []);
  for (let c = 0; c < dag.length; c++) for (const d of dag[c]) back[d].push(c);
  return back;
}
