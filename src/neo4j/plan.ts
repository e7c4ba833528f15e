/**
 * Plans a push as a list of Cypher statements with parameters. Pure: the same graph and options
 * always give the same statements, which both the live push and the cypher-shell script execute.
 */
import { createHash } from 'node:crypto';
import { accountsOf, edgesOf, nodesOf, type SerializedAccessGraph } from '../graph/serialize.ts';
import { edgeProperties, nodeProperties, type PropertyMap } from '../graph/properties.ts';
import { BASE_LABEL, nodeLabel, relationshipType, SNAPSHOT_LABEL } from '../graph/labels.ts';

export interface CypherStatement {
  query: string;
  params: Record<string, unknown>;
  /** Schema changes and batched deletes must run outside an explicit transaction. */
  autoCommit: boolean;
  /** Rows this statement writes (for progress). */
  rows: number;
}

export interface PushOptions {
  snapshot: string;
  /** Accounts this snapshot covers (replace removes older snapshots of them). */
  accounts: string[];
  replace: boolean;
  batchSize: number;
}

export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE CONSTRAINT iamgraph_node_identity IF NOT EXISTS FOR (n:${BASE_LABEL}) REQUIRE (n.snapshot, n.key) IS UNIQUE`,
  `CREATE CONSTRAINT iamgraph_snapshot_id IF NOT EXISTS FOR (s:${SNAPSHOT_LABEL}) REQUIRE s.id IS UNIQUE`,
  `CREATE INDEX iamgraph_node_arn IF NOT EXISTS FOR (n:${BASE_LABEL}) ON (n.arn)`,
  `CREATE INDEX iamgraph_node_kind IF NOT EXISTS FOR (n:${BASE_LABEL}) ON (n.kind)`,
  `CREATE INDEX iamgraph_node_account IF NOT EXISTS FOR (n:${BASE_LABEL}) ON (n.accountId)`,
];

const REPLACE_NODES = `MATCH (s:${SNAPSHOT_LABEL}) WHERE s.id <> $snapshot AND any(a IN s.accounts WHERE a IN $accounts)
MATCH (n:${BASE_LABEL} {snapshot: s.id})
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`;

const REPLACE_SNAPSHOTS = `MATCH (s:${SNAPSHOT_LABEL}) WHERE s.id <> $snapshot AND any(a IN s.accounts WHERE a IN $accounts)
DELETE s`;

const SNAPSHOT = `MERGE (s:${SNAPSHOT_LABEL} {id: $snapshot})
SET s.accounts = $accounts, s.nodeCount = $nodeCount, s.edgeCount = $edgeCount`;

const nodeStatement = (label: string): string => `UNWIND $rows AS row
MERGE (n:${BASE_LABEL} {snapshot: $snapshot, key: row.key})
SET n:${label}
SET n += row.props`;

const edgeStatement = (type: string): string => `UNWIND $rows AS row
MATCH (a:${BASE_LABEL} {snapshot: $snapshot, key: row.source})
MATCH (b:${BASE_LABEL} {snapshot: $snapshot, key: row.target})
MERGE (a)-[r:${type} {snapshot: $snapshot, key: row.key}]->(b)
SET r += row.props`;

interface NodeRow { key: string; props: PropertyMap }
interface EdgeRow { key: string; source: string; target: string; props: PropertyMap }

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A snapshot id derived from the graph's content: pushing the same data twice reuses it. */
export function contentSnapshotId(graph: SerializedAccessGraph): string {
  const hash = createHash('sha256');
  for (const node of nodesOf(graph)) hash.update(JSON.stringify([node.key, nodeProperties(node.key, node.attributes)]));
  for (const edge of edgesOf(graph)) hash.update(JSON.stringify([edge.key, edge.source, edge.target, edgeProperties(edge.key, edge.attributes)]));
  return `snap-${hash.digest('hex').slice(0, 16)}`;
}

export function defaultPushOptions(graph: SerializedAccessGraph, overrides: Partial<PushOptions> = {}): PushOptions {
  return {
    snapshot: overrides.snapshot ?? contentSnapshotId(graph),
    accounts: overrides.accounts ?? accountsOf(graph),
    replace: overrides.replace ?? false,
    batchSize: overrides.batchSize ?? 1000,
  };
}

/** Every statement of a push, in execution order. */
export function planPush(graph: SerializedAccessGraph, options: PushOptions): CypherStatement[] {
  const { snapshot, accounts } = options;
  const nodes = nodesOf(graph);
  const edges = edgesOf(graph);
  const plan: CypherStatement[] = SCHEMA_STATEMENTS.map((query) => ({ query, params: {}, autoCommit: true, rows: 0 }));
  if (options.replace) {
    plan.push({ query: REPLACE_NODES, params: { snapshot, accounts }, autoCommit: true, rows: 0 });
    plan.push({ query: REPLACE_SNAPSHOTS, params: { snapshot, accounts }, autoCommit: false, rows: 0 });
  }
  plan.push({
    query: SNAPSHOT,
    params: { snapshot, accounts, nodeCount: nodes.length, edgeCount: edges.length },
    autoCommit: false,
    rows: 1,
  });
  for (const [kind, group] of groupBy(nodes, (n) => n.attributes.kind)) {
    const query = nodeStatement(nodeLabel(kind));
    const rows: NodeRow[] = group.map((n) => ({ key: n.key, props: nodeProperties(n.key, n.attributes) }));
    for (const batch of batches(rows, options.batchSize)) {
      plan.push({ query, params: { snapshot, rows: batch }, autoCommit: false, rows: batch.length });
    }
  }
  for (const [kind, group] of groupBy(edges, (e) => e.attributes.kind)) {
    const query = edgeStatement(relationshipType(kind));
    const rows: EdgeRow[] = group.map((e) => ({
      key: e.key,
      source: e.source,
      target: e.target,
      props: edgeProperties(e.key, e.attributes),
    }));
    for (const batch of batches(rows, options.batchSize)) {
      plan.push({ query, params: { snapshot, rows: batch }, autoCommit: false, rows: batch.length });
    }
  }
  return plan;
}
