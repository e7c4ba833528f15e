/** Breadth-first search over steps: every node reached, its depth and the step that first reached it. */
import type { Step, Steps } from './steps.ts';

export interface BfsOptions {
  /** Stop after this many steps from a start. Default: no bound. */
  maxDepth?: number;
  /** Only enter nodes this accepts (starts are always entered). */
  allowed?: (node: string) => boolean;
}

export interface Reached {
  depth: number;
  /** The step that first reached the node; null for a start. */
  via: Step | null;
}

export function bfs(steps: Steps, starts: Iterable<string>, opts: BfsOptions = {}): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  let frontier: string[] = [];
  for (const start of starts) {
    if (reached.has(start)) continue;
    reached.set(start, { depth: 0, via: null });
    frontier.push(start);
  }
  const maxDepth = opts.maxDepth ?? Infinity;
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const step of steps(node)) {
        if (reached.has(step.next) || (opts.allowed && !opts.allowed(step.next))) continue;
        reached.set(step.next, { depth, via: step });
        next.push(step.next);
      }
    }
    frontier = next;
  }
  return reached;
}

/** The steps from a start to `node` along the BFS tree (empty for a start or an unreached node). */
export function stepsTo(reached: ReadonlyMap<string, Reached>, node: string): Step[] {
  const path: Step[] = [];
  for (let step = reached.get(node)?.via; step; step = reached.get(step.at)?.via) path.push(step);
  return path.reverse();
}
