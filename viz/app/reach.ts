/** What a node can reach and what can reach it: BFS over the edges that grant or change identity. */
import type { AccessGraph } from '../../src/graph/types.ts';
import type { BaseEdgeKind } from '../../src/graph/types.ts';

/** Trust edges say who a role lets in, and policy edges what is attached: neither is reach. */
const REACH_KINDS: ReadonlySet<BaseEdgeKind> = new Set(['can-assume', 'escalation', 'can-pass-to-service', 'member-of', 'can-access', 'is-admin']);

export function reach(graph: AccessGraph, start: string, direction: 'out' | 'in', includeConditional: boolean): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const visit = (_edge: string, a: { kind: BaseEdgeKind; conditional: boolean }, source: string, target: string) => {
      if (!REACH_KINDS.has(a.kind) || (!includeConditional && a.conditional)) return;
      const next = direction === 'out' ? target : source;
      if (seen.has(next)) return;
      seen.add(next);
      queue.push(next);
    };
    if (direction === 'out') graph.forEachOutEdge(node, visit);
    else graph.forEachInEdge(node, visit);
  }
  return seen;
}

export const isReachEdge = (kind: BaseEdgeKind): boolean => REACH_KINDS.has(kind);
