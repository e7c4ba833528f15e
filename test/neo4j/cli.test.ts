/** The export commands end to end on the flagship example, through the real binary. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { cypherErrors } from './cypher-lint.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const bin = here('../../bin/iamgraph.js');
const company = here('../../examples/company.yaml');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('iamgraph export / neo4j on examples/company.yaml', () => {
  it('export --format opengraph validates against the BloodHound OpenGraph schema', () => {
    const r = run(['export', '-i', company, '--format', 'opengraph', '-o', '-']);
    expect(r.status).toBe(0);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(here('../fixtures/neo4j/opengraph.schema.json'), 'utf8')));
    const doc = JSON.parse(r.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.graph.edges.some((e: { kind: string }) => e.kind === 'AWSCanEscalate')).toBe(true);
  });
  it('export --format graphml loads back with graphology', () => {
    const back = parseGraphml(MultiDirectedGraph, run(['export', '-i', company, '--format', 'graphml', '-o', '-']).stdout);
    expect(back.hasNode('arn:aws:iam::111122223333:user/dev2-be-kang')).toBe(true);
  });
  it('neo4j cypher writes a script that Neo4j\'s parser accepts, and the same data gives the same bytes', () => {
    const a = run(['neo4j', 'cypher', '-i', company, '-o', '-']);
    expect(a.status).toBe(0);
    expect(cypherErrors(a.stdout, {}, true).filter((m) => !/^Parameter \$\w+ is not defined/.test(m))).toEqual([]);
    expect(run(['neo4j', 'cypher', '-i', company, '-o', '-']).stdout).toBe(a.stdout);
  });
  it('neo4j push to a closed port: one line, exit 2', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const r = run(['neo4j', 'push', '-i', company, '--uri', `bolt://127.0.0.1:${port}`, '-q'], { NEO4J_PASSWORD: 'x' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^iamgraph: cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port}`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('neo4j push without the password variable is a usage error', () => {
    const env = { ...process.env };
    delete env.NEO4J_PASSWORD;
    const r = spawnSync(process.execPath, [bin, 'neo4j', 'push', '-i', company, '--uri', 'bolt://127.0.0.1:1'], { encoding: 'utf8', env });
    expect([r.status, r.stderr.trim()]).toEqual([2, 'iamgraph: --password-env: environment variable NEO4J_PASSWORD is not set']);
  });
});
