/** The steps out of (or into) a node over one edge set: what every traversal walks. */
import type { AccessGraph, EdgeAttributes } from '../types.ts';
import type { EdgeSet } from './edge-sets.ts';

export interface Step {
  edge: string;
  /** The edge's own source and target. */
  from: string;
  to: string;
  attributes: EdgeAttributes;
  /** The node whose step this is, and the node it leads to (`from`/`to`, swapped when walking in). */
  at: string;
  next: string;
}

export interface StepOptions {
  edges: EdgeSet;
  /** `in` walks edges backwards (who can reach a node). Default `out`. */
  direction?: 'out' | 'in';
  /** Follow conditional edges too. Default true. */
  includeConditional?: boolean;
}

/** The steps of each node, memoized. */
export type Steps = (node: string) => readonly Step[];

export const follows = (a: EdgeAttributes, opts: StepOptions): boolean => opts.edges.has(a.kind) && (opts.includeConditional !== false || !a.conditional);

const order = (s: Step): string => s.next + (s.attributes.technique?.id ?? s.attributes.kind);

/** The steps of one node in a deterministic order (by neighbour, then technique or kind). */
export function stepsOf(graph: AccessGraph, node: string, opts: StepOptions): Step[] {
  const list: Step[] = [];
  if (!graph.hasNode(node)) return list;
  const inward = opts.direction === 'in';
  const visit = (edge: string, attributes: EdgeAttributes, from: string, to: string) => {
    if (follows(attributes, opts)) list.push({ edge, from, to, attributes, at: node, next: inward ? from : to });
  };
  if (inward) graph.forEachInEdge(node, visit);
  else graph.forEachOutEdge(node, visit);
  return list.sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

/** The same, built once per node: for walks that come back to a node (path searches, repeated BFS). */
export function stepsOver(graph: AccessGraph, opts: StepOptions): Steps {
  const memo = new Map<string, readonly Step[]>();
  return (node) => {
    let steps = memo.get(node);
    if (!steps) memo.set(node, (steps = stepsOf(graph, node, opts)));
    return steps;
  };
}

/** Unmemoized steps, for a walk that visits each node once (one BFS over a large graph). */
export const stepsOnce = (graph: AccessGraph, opts: StepOptions): Steps => (node) => stepsOf(graph, node, opts);
