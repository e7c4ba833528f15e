/** The graph in graphology's export form, with nodes and edges sorted by key (deterministic). */
import type { SerializedGraph } from 'graphology-types';
import type { AccessGraph } from './types.ts';
import type { EdgeAttributes, NodeAttributes } from './types.ts';

export type SerializedAccessGraph = SerializedGraph<NodeAttributes, EdgeAttributes>;

export function serializeGraph(graph: AccessGraph): SerializedAccessGraph {
  const data = graph.export();
  const byKey = (a: { key?: string }, b: { key?: string }) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0);
  return { ...data, nodes: [...data.nodes].sort(byKey), edges: [...data.edges].sort(byKey) };
}
