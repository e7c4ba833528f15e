/** Breadth-first search over steps: every node reached, its depth and the step that first reached it. */
import type { AccessGraph } from '../types.ts';
import { adjacencyOf } from './adjacency.ts';
import { foldStep, type Step, type StepOptions, type Steps } from './steps.ts';

export interface BfsOptions {
  /** Stop after this many steps from a start. Default: no bound. */
  maxDepth?: number;
  /** Only enter nodes this accepts (starts are always entered). */
  allowed?: (node: string) => boolean;
  /** Stop as soon as a node this accepts is reached (it is in the result). */
  until?: (node: string) => boolean;
  /**
   * Nodes walked through, not entered (hubs, over steps that do not fold them): a step into one
   * and each step out of it are one step, folded only for the nodes it newly reaches, so a walk
   * costs what it reaches, not every node times every hub member. A crossed start stands for
   * where it leads.
   */
  cross?: (node: string) => boolean;
}

export interface Reached {
  depth: number;
  /** The step that first reached the node; null for a start. */
  via: Step | null;
}

export function bfs(steps: Steps, starts: Iterable<string>, opts: BfsOptions = {}): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  let frontier: string[] = [];
  const crossed = opts.cross ?? (() => false);
  for (const start of starts) {
    for (const node of crossed(start) ? steps(start).map((s) => s.next) : [start]) {
      if (reached.has(node)) continue;
      reached.set(node, { depth: 0, via: null });
      frontier.push(node);
    }
  }
  const maxDepth = opts.maxDepth ?? Infinity;
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    /** Records a newly reached node; true when the walk is done. */
    const enter = (node: string, via: () => Step): boolean => {
      if (reached.has(node) || (opts.allowed && !opts.allowed(node))) return false;
      reached.set(node, { depth, via: via() });
      next.push(node);
      return opts.until?.(node) === true;
    };
    for (const node of frontier) {
      for (const step of steps(node)) {
        if (!crossed(step.next)) {
          if (enter(step.next, () => step)) return reached;
          continue;
        }
        for (const beyond of steps(step.next)) {
          if (beyond.next !== node && enter(beyond.next, () => foldStep(step, beyond))) return reached;
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/** A step from `node` to `to`: a direct one, or one through a crossed node (folded), in step order; undefined when there is none. */
export function stepBetween(steps: Steps, node: string, to: string, cross: (node: string) => boolean): Step | undefined {
  for (const step of steps(node)) {
    if (step.next === to) return step;
    if (!cross(step.next)) continue;
    const beyond = steps(step.next).find((s) => s.next === to);
    if (beyond && to !== node) return foldStep(step, beyond);
  }
  return undefined;
}

/** The steps from a start to `node` along the BFS tree (empty for a start or an unreached node). */
export function stepsTo(reached: ReadonlyMap<string, Reached>, node: string): Step[] {
  const path: Step[] = [];
  for (let step = reached.get(node)?.via; step; step = reached.get(step.at)?.via) path.push(step);
  return path.reverse();
}

/**
 * Every node within `maxDepth` steps of the starts, with its depth, over the graph's adjacency
 * arrays (no step objects): for walks that need only what they reach, on graphs of millions of edges.
 */
export function depthsFrom(graph: AccessGraph, starts: Iterable<string>, opts: StepOptions & Pick<BfsOptions, 'maxDepth'> & { extra?: ReadonlyMap<string, readonly string[]> }): Map<string, number> {
  const { ids, names, start, neighbours, hub } = adjacencyOf(graph, opts);
  // Steps the edge set leaves out but this walk takes (in its direction), by node id.
  const extra = new Map<number, number[]>();
  for (const [from, tos] of opts.extra ?? []) {
    const id = ids.get(from);
    if (id !== undefined) extra.set(id, tos.flatMap((to) => ids.get(to) ?? []));
  }
  const depth = new Int32Array(names.length).fill(-1);
  const reached: number[] = [];
  let frontier: number[] = [];
  for (const name of starts) {
    const id = ids.get(name);
    if (id === undefined || depth[id] >= 0) continue;
    depth[id] = 0;
    reached.push(id);
    frontier.push(id);
  }
  const maxDepth = opts.maxDepth ?? Infinity;
  const inward = opts.direction === 'in';
  for (let d = 1; d <= maxDepth && frontier.length; d++) {
    const next: number[] = [];
    const enter = (w: number): void => {
      depth[w] = d;
      reached.push(w);
      next.push(w);
    };
    const step = (w: number): void => {
      if (depth[w] >= 0) return;
      if (!hub[w]) return enter(w);
      // A hub is half a step: crossed at once, so what lies beyond it is one step away, as its folded steps say.
      depth[w] = inward ? d - 1 : d;
      reached.push(w);
      for (let f = start[w]; f < start[w + 1]; f++) if (depth[neighbours[f]] < 0) enter(neighbours[f]);
    };
    for (const v of frontier) {
      for (let e = start[v]; e < start[v + 1]; e++) step(neighbours[e]);
      for (const w of extra.get(v) ?? []) step(w);
    }
    frontier = next;
  }
  return new Map(reached.map((id) => [names[id], depth[id]]));
}

/** From a start to the first of `goals` a walk meets: the chain's nodes, or undefined. */
export type NearestChain = (start: string, goals: ReadonlySet<string>) => string[] | undefined;

/**
 * Shortest chains over the graph's adjacency arrays as they are now (edges added later are not
 * walked): from a start to the nearest goal, the first by name of those as near, hubs crossed and
 * not listed. For thousands of walks on one graph that each stop early (one per rewriter): one
 * visit mark per node shared by every walk, a generation per walk.
 */
export function nearestChains(graph: AccessGraph, opts: StepOptions): NearestChain {
  const { ids, names, start: row, neighbours, hub } = adjacencyOf(graph, opts);
  const seen = new Int32Array(names.length);
  const parent = new Int32Array(names.length);
  let walk = 0;
  /** The chain to the first by name of the goals met at one depth: the same whatever the edge order. */
  const chainToFirst = (met: number[]): string[] => {
    let id = met[0];
    for (const m of met) if (names[m] < names[id]) id = m;
    const nodes: string[] = [];
    for (let v = id; v >= 0; v = parent[v]) nodes.push(names[v]);
    return nodes.reverse();
  };
  return (start, goals) => {
    const from = ids.get(start);
    if (from === undefined) return undefined;
    const goal = new Set<number>();
    for (const g of goals) {
      const id = ids.get(g);
      if (id !== undefined) goal.add(id);
    }
    walk++;
    const met: number[] = [];
    let frontier: number[] = [];
    for (const s of hub[from] ? neighbours.subarray(row[from], row[from + 1]) : [from]) {
      if (seen[s] === walk) continue;
      seen[s] = walk;
      parent[s] = -1;
      if (goal.has(s)) met.push(s);
      frontier.push(s);
    }
    while (frontier.length && met.length === 0) {
      const next: number[] = [];
      for (const v of frontier) {
        for (let e = row[v]; e < row[v + 1]; e++) {
          const w = neighbours[e];
          if (seen[w] === walk) continue;
          // A hub is crossed once: what lies beyond it is one step from the first node that reached it.
          if (hub[w]) seen[w] = walk;
          for (const x of hub[w] ? neighbours.subarray(row[w], row[w + 1]) : [w]) {
            if (seen[x] === walk) continue;
            seen[x] = walk;
            parent[x] = v;
            if (goal.has(x)) met.push(x);
            next.push(x);
          }
        }
      }
      frontier = next;
    }
    return met.length ? chainToFirst(met) : undefined;
  };
}
