/** The graph in graphology's export form, with nodes and edges sorted by key (deterministic), and read back as every exporter reads it. */
import type { SerializedGraph } from 'graphology-types';
import type { AccessGraph, EdgeAttributes, NodeAttributes } from './types.ts';

export type SerializedAccessGraph = SerializedGraph<NodeAttributes, EdgeAttributes>;

const byKey = (a: { key?: string }, b: { key?: string }): number => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0);

export function serializeGraph(graph: AccessGraph): SerializedAccessGraph {
  const data = graph.export();
  return { ...data, nodes: [...data.nodes].sort(byKey), edges: [...data.edges].sort(byKey) };
}

export type SerializedNode = SerializedAccessGraph['nodes'][number] & { attributes: NodeAttributes };
export type SerializedEdge = SerializedAccessGraph['edges'][number] & { attributes: EdgeAttributes; key: string };

/** Nodes with attributes, sorted by key. */
export function nodesOf(graph: SerializedAccessGraph): SerializedNode[] {
  return graph.nodes
    .filter((n): n is SerializedNode => n.attributes !== undefined)
    .slice()
    .sort(byKey);
}

/** Edges with attributes and a key (`source->target#i` when the graph gave none), sorted by key. */
export function edgesOf(graph: SerializedAccessGraph): SerializedEdge[] {
  const counts = new Map<string, number>();
  return graph.edges
    .filter((e) => e.attributes !== undefined)
    .map((e) => {
      if (e.key !== undefined) return e as SerializedEdge;
      const base = `${e.source}->${e.target}:${e.attributes!.kind}`;
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      return { ...e, key: `${base}#${n}` } as SerializedEdge;
    })
    .sort(byKey);
}

/** Accounts whose IAM data the graph holds (not external ones), sorted. */
export function accountsOf(graph: SerializedAccessGraph): string[] {
  const ids = new Set<string>();
  for (const node of nodesOf(graph)) {
    const { kind, accountId } = node.attributes;
    if (accountId && (kind === 'user' || kind === 'role' || kind === 'group' || kind === 'account')) ids.add(accountId);
  }
  return [...ids].sort();
}
