/**
 * The Neo4j export: statements pass Neo4j's own parser, values only travel as parameters, the
 * push is idempotent and snapshot-tagged, and failures are one-line errors.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { writeCypherScript } from '../../src/neo4j/cypher-script.ts';
import { defaultPushOptions, planPush, SCHEMA_STATEMENTS, type CypherStatement } from '../../src/neo4j/plan.ts';
import { executePlan, pushPlan, type StatementRunner } from '../../src/neo4j/push.ts';
import { READY_QUERIES } from '../../src/neo4j/queries.ts';
import { UserError } from '../../src/cli/errors.ts';
import { cypherErrors, decodeStringLiteral, stringLiteralTokens } from './cypher-lint.ts';
import { HOSTILE_NAMES, hostileGraph } from '../fixtures/hostile-graph.ts';

class Recorder implements StatementRunner {
  readonly calls: Array<{ mode: 'auto' | 'tx'; query: string; params: Record<string, unknown> }> = [];
  closed = false;
  async runAutoCommit(query: string, params: Record<string, unknown>) { this.calls.push({ mode: 'auto', query, params }); }
  async runInTransaction(query: string, params: Record<string, unknown>) { this.calls.push({ mode: 'tx', query, params }); }
  async close() { this.closed = true; }
}

const plan = (replace = false): CypherStatement[] => {
  const graph = hostileGraph();
  return planPush(graph, defaultPushOptions(graph, { replace, batchSize: 2 }));
};

describe('Cypher statements pass Neo4j\'s own parser', () => {
  it('every push statement (schema, replace, snapshot, node and edge batches) lints clean with its parameters', () => {
    for (const s of plan(true)) expect(cypherErrors(s.query, s.params), s.query).toEqual([]);
  });

  it('the linter does catch a broken statement (the check can fail)', () => {
    expect(cypherErrors('UNWIND $rows AS row MERGE (n:IamNode {key: row.key}) SETT n += row.props', { rows: [] })).not.toEqual([]);
  });

  it('every ready query of docs/neo4j.md lints clean', () => {
    for (const q of READY_QUERIES) expect(cypherErrors(q.query, q.params), q.id).toEqual([]);
  });

  it('the cypher-shell script lints clean, statement by statement', () => {
    const graph = hostileGraph();
    const options = defaultPushOptions(graph, { replace: true });
    const script = writeCypherScript(planPush(graph, options), options);
    // :param lines define parameters the static linter cannot see; everything else must be clean.
    const errors = cypherErrors(script, {}, true).filter((m) => !/^Parameter \$\w+ is not defined/.test(m));
    expect(errors).toEqual([]);
  });
});

describe('no injection: input values are parameters, never Cypher text', () => {
  it('no statement text contains any value from the input', () => {
    for (const s of plan(true)) {
      for (const name of HOSTILE_NAMES) expect(s.query).not.toContain(name);
      expect(s.query).not.toContain('arn:aws');
    }
  });

  it('hostile names reach the recorder intact as parameters', async () => {
    const recorder = new Recorder();
    await executePlan(plan(), recorder);
    const labels = recorder.calls.flatMap((c) => ((c.params.rows as Array<{ props: { label?: string } }>) ?? []).map((r) => r.props.label));
    for (const name of HOSTILE_NAMES) expect(labels).toContain(name);
    expect(recorder.calls.every((c) => typeof c.query === 'string')).toBe(true);
  });

  it('hostile names round-trip through the cypher-shell script as single string literals', () => {
    const graph = hostileGraph();
    const options = defaultPushOptions(graph);
    const script = writeCypherScript(planPush(graph, options), options);
    const decoded = stringLiteralTokens(script).map(decodeStringLiteral);
    for (const name of HOSTILE_NAMES) expect(decoded).toContain(name);
    // The keywords inside hostile names never became statements: exactly the planned MERGEs exist.
    const merges = script.split('\n').filter((l) => /^MERGE /.test(l)).length;
    const planned = planPush(graph, options).flatMap((s) => s.query.split('\n')).filter((l) => /^MERGE /.test(l)).length;
    expect(merges).toBe(planned);
  });
});

describe('push semantics', () => {
  it('creates constraints and indexes IF NOT EXISTS, outside explicit transactions, before any write', async () => {
    const recorder = new Recorder();
    await executePlan(plan(), recorder);
    const schema = recorder.calls.slice(0, SCHEMA_STATEMENTS.length);
    expect(schema.every((c) => c.mode === 'auto' && /IF NOT EXISTS/.test(c.query))).toBe(true);
    expect(recorder.calls.slice(SCHEMA_STATEMENTS.length).every((c) => /UNWIND \$rows|MERGE \(s:IamSnapshot/.test(c.query))).toBe(true);
  });

  it('writes batched UNWIND … MERGE statements only (idempotent), every row tagged with the snapshot', async () => {
    const statements = plan().filter((s) => s.query.startsWith('UNWIND'));
    expect(statements.length).toBeGreaterThan(2);
    for (const s of statements) {
      expect(s.query).toMatch(/MERGE/);
      expect(s.query).not.toMatch(/\bCREATE\b/);
      expect(s.params.snapshot).toMatch(/^snap-[0-9a-f]{16}$/);
      expect((s.params.rows as unknown[]).length).toBeLessThanOrEqual(2);
    }
  });

  it('the same data gives the same snapshot id and identical statements (a second push changes nothing)', () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(plan()));
    const changed = hostileGraph();
    (changed.nodes[0].attributes as { label: string }).label = 'renamed';
    expect(defaultPushOptions(changed).snapshot).not.toBe(defaultPushOptions(hostileGraph()).snapshot);
  });

  it('--replace removes older snapshots of the same accounts only', () => {
    const replace = plan(true).filter((s) => /s\.id <> \$snapshot/.test(s.query));
    expect(replace).toHaveLength(2);
    expect(replace[0].params.accounts).toEqual(['111122223333']);
    expect(plan(false).some((s) => /s\.id <> \$snapshot/.test(s.query))).toBe(false);
  });
});

describe('connection failures are one clear line', () => {
  it('a closed port gives a UserError naming the URI', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const uri = `bolt://127.0.0.1:${port}`;
    const error = await pushPlan(plan(), { uri, user: 'neo4j', password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(`cannot reach Neo4j at ${uri}`);
    expect((error as Error).message).not.toContain('\n');
  });

  it('an invalid URI is a UserError too', async () => {
    const error = await pushPlan(plan(), { uri: 'http://nowhere', user: 'u', password: 'p' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
  });
});
