/**
 * Against a real Neo4j 5 when NEO4J_URI is set (e.g. `docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/password neo4j:5`,
 * then `NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=password npm test`). Skipped otherwise.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { defaultPushOptions, planPush } from '../../src/neo4j/plan.ts';
import { pushPlan } from '../../src/neo4j/push.ts';
import { READY_QUERIES } from '../../src/neo4j/queries.ts';
import { HOSTILE_NAMES, hostileGraph } from '../fixtures/hostile-graph.ts';

const uri = process.env.NEO4J_URI;
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? 'password';

describe.skipIf(!uri)('live Neo4j push', () => {
  const graph = hostileGraph();
  const options = defaultPushOptions(graph, { replace: true });

  async function read<T>(query: string, params: Record<string, unknown>, map: (r: neo4j.Record) => T): Promise<T[]> {
    const driver = neo4j.driver(uri!, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
    try {
      const result = await driver.executeQuery(query, params);
      return result.records.map(map);
    } finally {
      await driver.close();
    }
  }

  it('pushes, and a second push of the same data changes nothing', async () => {
    await pushPlan(planPush(graph, options), { uri: uri!, user, password });
    const count = () => read('MATCH (n:IamNode {snapshot: $s}) OPTIONAL MATCH (n)-[r {snapshot: $s}]->() RETURN count(DISTINCT n) AS n, count(r) AS r', { s: options.snapshot }, (r) => [r.get('n'), r.get('r')]);
    const first = await count();
    await pushPlan(planPush(graph, options), { uri: uri!, user, password });
    expect(await count()).toEqual(first);
    expect(first[0]).toEqual([graph.nodes.length, graph.edges.length]);
  });

  it('hostile names round-trip intact', async () => {
    const labels = await read('MATCH (n:User {snapshot: $s}) RETURN n.label AS label', { s: options.snapshot }, (r) => r.get('label') as string);
    for (const name of HOSTILE_NAMES) expect(labels).toContain(name);
  });

  it('every ready query runs', async () => {
    for (const q of READY_QUERIES) {
      await read(q.query, { ...q.params, snapshot: options.snapshot }, (r) => r.keys);
    }
  });
});
