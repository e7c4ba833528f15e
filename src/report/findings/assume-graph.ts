/** The can-assume subgraph: adjacency, shortest chains and strongly connected components. */
import type { Hop } from '../../analysis/types.ts';
import type { AccessGraph } from '../../graph/types.ts';
import { hopFromEdge } from './graph-hops.ts';

export type Adjacency = Map<string, Hop[]>;

export function assumeAdjacency(graph: AccessGraph): Adjacency {
  const adj: Adjacency = new Map();
  graph.forEachEdge((_k, a, source, target) => {
    if (a.kind !== 'can-assume' || source === target) return;
    const list = adj.get(source) ?? [];
    list.push(hopFromEdge(source, target, a));
    adj.set(source, list);
  });
  for (const list of adj.values()) list.sort((x, y) => (x.to < y.to ? -1 : x.to > y.to ? 1 : 0));
  return adj;
}

/**
 * BFS from the nodes `first` (at chain length 1, reached by no hop here): for each node reached,
 * the hop that first reached it and its chain length.
 */
export function chainsFrom(adj: Adjacency, first: readonly string[], allowed?: ReadonlySet<string>): { via: Map<string, Hop | null>; levels: Map<string, number> } {
  const via = new Map<string, Hop | null>(first.map((n) => [n, null]));
  const levels = new Map<string, number>(first.map((n) => [n, 1]));
  let frontier = [...new Set(first)];
  for (let level = 2; frontier.length; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const hop of adj.get(node) ?? []) {
        if (via.has(hop.to) || (allowed && !allowed.has(hop.to))) continue;
        via.set(hop.to, hop);
        levels.set(hop.to, level);
        next.push(hop.to);
      }
    }
    frontier = next;
  }
  return { via, levels };
}

/** BFS from `start`: for each reached node, the hop that first reached it (shortest chains). */
export function shortestChains(adj: Adjacency, start: string, allowed?: ReadonlySet<string>): Map<string, Hop | null> {
  return chainsFrom(adj, [start], allowed).via;
}

export function chainTo(via: ReadonlyMap<string, Hop | null>, target: string): Hop[] {
  const hops: Hop[] = [];
  for (let hop = via.get(target); hop; hop = via.get(hop.from)) hops.push(hop);
  return hops.reverse();
}

/** Tarjan's algorithm, iterative; components of two or more nodes, each sorted, sorted by first node. */
export function cyclicComponents(adj: Adjacency): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const nodes = [...adj.keys()].sort();
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const edges = adj.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++].to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) out.push(component.sort());
      }
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
