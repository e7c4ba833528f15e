/**
 * BloodHound OpenGraph JSON (the generic ingest format: `{metadata, graph: {nodes, edges}}`),
 * following BloodHound's published node and edge JSON schemas: nodes have an id, kinds and a
 * flat property map; edges reference their ends by id and carry a kind of `[A-Za-z0-9_]+`.
 */
import type { BaseEdgeKind, NodeKind } from '../graph/types.ts';
import { edgesOf, nodesOf, type SerializedAccessGraph } from '../graph/serialize.ts';
import { edgeProperties, nodeProperties, type PropertyMap } from '../graph/properties.ts';
import { NODE_LABELS } from '../graph/labels.ts';

export const OPENGRAPH_SOURCE_KIND = 'AWSIAMGraph';

const EDGE_KINDS: Record<BaseEdgeKind, string> = {
  'member-of': 'AWSMemberOf',
  'has-policy': 'AWSHasPolicy',
  trusts: 'AWSTrusts',
  'can-assume': 'AWSCanAssume',
  'can-pass-to-service': 'AWSCanPassToService',
  'can-access': 'AWSCanAccess',
  'is-admin': 'AWSIsAdmin',
  escalation: 'AWSCanEscalate',
  'runs-as': 'AWSRunsAs',
};

export interface OpenGraphNode {
  id: string;
  kinds: string[];
  properties: PropertyMap;
}

export interface OpenGraphEdge {
  kind: string;
  start: { value: string; match_by: 'id' };
  end: { value: string; match_by: 'id' };
  properties: PropertyMap;
}

export interface OpenGraphDocument {
  metadata: { source_kind: string };
  graph: { nodes: OpenGraphNode[]; edges: OpenGraphEdge[] };
}

const nodeKinds = (kind: NodeKind): string[] => [`AWS${NODE_LABELS[kind]}`, OPENGRAPH_SOURCE_KIND];

export function toOpenGraph(graph: SerializedAccessGraph): OpenGraphDocument {
  const nodes = nodesOf(graph).map((node) => ({
    id: node.key,
    kinds: nodeKinds(node.attributes.kind),
    properties: {
      ...nodeProperties(node.key, node.attributes),
      name: node.attributes.label,
      displayname: node.attributes.label,
      objectid: node.key,
    },
  }));
  const edges = edgesOf(graph).map((edge) => ({
    kind: EDGE_KINDS[edge.attributes.kind],
    start: { value: edge.source, match_by: 'id' as const },
    end: { value: edge.target, match_by: 'id' as const },
    properties: edgeProperties(edge.key, edge.attributes),
  }));
  return { metadata: { source_kind: OPENGRAPH_SOURCE_KIND }, graph: { nodes, edges } };
}
