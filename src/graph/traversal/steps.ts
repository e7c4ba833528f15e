/**
 * The steps out of (or into) a node over one edge set: what every traversal walks. A hub (a
 * technique's "any of these targets") is folded away here: the step into it and each step out
 * of it make one step from the principal to the target, so no walk ever stops on a hub.
 */
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
  /** A folded hub: the hub and the edge out of it (`edge` is the one into it). */
  via?: { hub: string; edge: string };
}

export interface StepOptions {
  edges: EdgeSet;
  /** `in` walks edges backwards (who can reach a node). Default `out`. */
  direction?: 'out' | 'in';
  /** Follow conditional edges too. Default true. */
  includeConditional?: boolean;
  /** Fold hubs away (default); a walk that crosses them itself (the path search) takes them as they are. */
  foldHubs?: boolean;
  /** Leave out steps that need the walker to act as another principal too (`alsoActingAs`). Default false. */
  unaided?: boolean;
}

/** The steps of each node, memoized. */
export type Steps = (node: string) => readonly Step[];

export const follows = (a: EdgeAttributes, opts: StepOptions): boolean =>
  opts.edges.has(a.kind) && (opts.includeConditional !== false || !a.conditional) && !(opts.unaided && a.alsoActingAs?.length);

export const isHub = (graph: AccessGraph, node: string): boolean => graph.getNodeAttribute(node, 'kind') === 'hub';

const folded = new WeakMap<EdgeAttributes, WeakMap<EdgeAttributes, EdgeAttributes>>();

/** The one step a principal → hub → target stands for: the principal's proof, the target's facts (what it needs first, as on a direct edge). */
export function foldHub(into: EdgeAttributes, out: EdgeAttributes): EdgeAttributes {
  let byOut = folded.get(into);
  if (!byOut) folded.set(into, (byOut = new WeakMap()));
  let a = byOut.get(out);
  if (!a) {
    const requires = [...(out.requires ?? []), ...(into.requires ?? [])];
    a = { ...into, evidence: [...into.evidence, ...out.evidence], conditions: [...into.conditions, ...out.conditions], conditional: into.conditional || out.conditional, ...(requires.length ? { requires } : {}) };
    byOut.set(out, a);
  }
  return a;
}

const order = (s: Step): string => s.next + (s.attributes.technique?.id ?? s.attributes.kind);

/**
 * The one step that a step into a hub and a step on from it stand for, walking either way: the
 * edge into the hub and the principal's proof first, the target's facts after (as `foldHub`).
 */
export function foldStep(into: Step, beyond: Step): Step {
  const hub = into.next;
  if (into.next !== into.from) {
    return { edge: into.edge, from: into.from, to: beyond.to, attributes: foldHub(into.attributes, beyond.attributes), at: into.at, next: beyond.next, via: { hub, edge: beyond.edge } };
  }
  return { edge: beyond.edge, from: beyond.from, to: into.to, attributes: foldHub(beyond.attributes, into.attributes), at: into.at, next: beyond.next, via: { hub, edge: into.edge } };
}

/**
 * Offers each step of one node to `take`, in edge order, until it returns true (then says so):
 * one visitor for listing the steps and for asking whether there is one, which stops at the first
 * instead of unfolding every hub the node touches.
 */
function visitSteps(graph: AccessGraph, node: string, opts: StepOptions, take: (step: Step) => boolean): boolean {
  if (!graph.hasNode(node)) return false;
  const inward = opts.direction === 'in';
  const stepOf = (edge: string, attributes: EdgeAttributes, from: string, to: string, at: string): Step => ({ edge, from, to, attributes, at, next: inward ? from : to });
  const visit = (edge: string, attributes: EdgeAttributes, from: string, to: string): boolean => {
    if (!opts.edges.has(attributes.kind)) return false;
    const into = stepOf(edge, attributes, from, to, node);
    if (opts.foldHubs === false || !isHub(graph, into.next)) return follows(attributes, opts) && take(into);
    const across = (second: string, a: EdgeAttributes, source: string, target: string): boolean => {
      if (!opts.edges.has(a.kind)) return false;
      const step = foldStep(into, stepOf(second, a, source, target, into.next));
      return follows(step.attributes, opts) && step.next !== node && take(step);
    };
    return inward ? graph.someInEdge(into.next, across) : graph.someOutEdge(into.next, across);
  };
  return inward ? graph.someInEdge(node, visit) : graph.someOutEdge(node, visit);
}

/** The steps of one node in a deterministic order (by neighbour, then technique or kind). */
export function stepsOf(graph: AccessGraph, node: string, opts: StepOptions): Step[] {
  const list: Step[] = [];
  visitSteps(graph, node, opts, (step) => { list.push(step); return false; });
  return list.sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

/** Whether a node has a step (that `test` accepts), found without listing them all. */
export const hasStep = (graph: AccessGraph, node: string, opts: StepOptions, test: (step: Step) => boolean = () => true): boolean =>
  visitSteps(graph, node, opts, test);

/** The same, built once per node: for walks that come back to a node (path searches, repeated BFS). */
export function stepsOver(graph: AccessGraph, opts: StepOptions): Steps {
  const memo = new Map<string, readonly Step[]>();
  return (node) => {
    let steps = memo.get(node);
    if (!steps) memo.set(node, (steps = stepsOf(graph, node, opts)));
    return steps;
  };
}
