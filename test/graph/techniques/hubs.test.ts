/**
 * Hubs: principals whose decisions for a technique do not depend on the target share one "any
 * role" node per technique and account instead of one edge per target. The answers must be the
 * ones direct edges give — same hops, same proof, same depth — and a permission that does depend
 * on the target (a resource pattern, a Deny on one role) keeps its direct, per-target edges.
 * IAM User Guide, "Policy evaluation logic" (a Deny on the resource overrides an Allow on `*`).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { findPaths, privesc } from '../../../src/analysis/index.ts';
import { HUB_MIN_TARGETS } from '../../../src/graph/techniques/hubs.ts';
import { passableAdminRole } from '../../../src/report/findings/passable-admin-roles.ts';
import { DEFAULT_REPORT_OPTIONS } from '../../../src/report/types.ts';
import { ADMINISTRATOR_ACCESS, allow, deny, loadGaad, roleArn, trustService, userArn, type Statement } from './gaad.ts';

const trustAccount = { Version: '2012-10-17' as const, Statement: [{ Effect: 'Allow' as const, Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] };

async function account(statements: Statement[]) {
  return loadGaad({
    users: [{ name: 'alice', inline: { p: statements } }, { name: 'bob', inline: { p: statements } }],
    roles: [
      { name: 'ops-admin', trust: trustAccount, managed: [ADMINISTRATOR_ACCESS] },
      ...Array.from({ length: HUB_MIN_TARGETS }, (_, i) => ({ name: `app-${i}`, trust: trustAccount })),
    ],
  });
}

/** The technique hubs (the roles trusting the account also make an AssumeRole hub, for the admin role that may assume them). */
const hubs = (graph: Awaited<ReturnType<typeof account>>['graph']) => graph.filterNodes((_n, a) => a.kind === 'hub' && a.details?.technique !== 'can-assume');
const shape = (graph: Awaited<ReturnType<typeof account>>['graph'], model: Awaited<ReturnType<typeof account>>['model'], who: string) =>
  findPaths(graph, model, userArn(who), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths.map((p) => ({ verdict: p.verdict, hops: p.hops.map((h) => [h.from, h.to, h.kind, h.evidence.map((e) => `${e.policy}#${e.statement}`)]) }));

describe('a technique on any role, allowed on Resource "*"', () => {
  it('goes through one hub shared by both principals, and gives the paths direct edges would', async () => {
    const { model, graph } = await account([allow('iam:UpdateAssumeRolePolicy')]);
    expect(hubs(graph)).toHaveLength(1);
    const hub = hubs(graph)[0];
    expect(graph.inDegree(hub)).toBe(2);
    expect(graph.outDegree(hub)).toBe(HUB_MIN_TARGETS + 1);
    // The same permission on role/* is decided per role (a resource pattern): direct edges, the same answer.
    const direct = await account([allow('iam:UpdateAssumeRolePolicy', 'arn:aws:iam::111122223333:role/*')]);
    expect(hubs(direct.graph)).toHaveLength(0);
    expect(shape(graph, model, 'alice')).toEqual(shape(direct.graph, direct.model, 'alice'));
    expect(shape(graph, model, 'alice')).toEqual([{ verdict: 'reachable', hops: [[userArn('alice'), roleArn('ops-admin'), 'iam-update-assume-role-policy', [`${userArn('alice')}#inline/p#0`]], [roleArn('ops-admin'), 'admin', 'is-admin', expect.any(Array)]] }]);
  });

  it('privesc lists the principals, never the hub, and the hops never end on it', async () => {
    const { model, graph } = await account([allow('iam:UpdateAssumeRolePolicy')]);
    const answer = privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS);
    expect(answer.findings.map((f) => f.principal)).toEqual([userArn('alice'), userArn('bob')]);
    expect(answer.findings.flatMap((f) => f.paths.flatMap((p) => p.hops.map((h) => h.to))).some((to) => to.startsWith('hub:'))).toBe(false);
  });

  it('a hub hop counts as one hop for --max-depth', async () => {
    const { model, graph } = await account([allow('iam:UpdateAssumeRolePolicy')]);
    expect(findPaths(graph, model, userArn('alice'), 'admin', { ...DEFAULT_ANALYSIS_OPTIONS, maxDepth: 2 }).paths).toHaveLength(1);
    expect(findPaths(graph, model, userArn('alice'), 'admin', { ...DEFAULT_ANALYSIS_OPTIONS, maxDepth: 1 }).paths).toHaveLength(0);
  });

  it('with fewer targets than a hub pays for, the edges stay direct (the same answer)', async () => {
    const { graph } = await loadGaad({ users: [{ name: 'alice', inline: { p: [allow('iam:UpdateAssumeRolePolicy')] } }], roles: [{ name: 'ops-admin', trust: trustAccount, managed: [ADMINISTRATOR_ACCESS] }] });
    expect(hubs(graph)).toHaveLength(0);
    expect(graph.hasEdge(`${userArn('alice')}->${roleArn('ops-admin')}:iam-update-assume-role-policy`)).toBe(true);
  });

  it('few targets, many principals: a hub once it halves the edges (principals × targets ≥ 2 × (principals + targets)), the same answer', async () => {
    const few = (users: number) => loadGaad({
      users: Array.from({ length: users }, (_, i) => ({ name: i === 0 ? 'alice' : `u${i}`, inline: { p: [allow('iam:UpdateAssumeRolePolicy'), allow('sts:AssumeRole')] } })),
      roles: [{ name: 'ops-admin', trust: trustAccount, managed: [ADMINISTRATOR_ACCESS] }, ...['a', 'b', 'c'].map((n) => ({ name: `app-${n}`, trust: trustAccount }))],
    });
    const crowd = await few(4);
    const alone = await few(1);
    // 4 × 4 = 16 ≥ 2 × 8: a technique hub and an AssumeRole hub; 1 × 4 < 2 × 5: direct edges.
    expect(hubs(crowd.graph)).toHaveLength(1);
    expect(crowd.graph.filterNodes((_n, a) => a.kind === 'hub' && a.details?.technique === 'can-assume')).toHaveLength(1);
    expect(alone.graph.filterNodes((_n, a) => a.kind === 'hub')).toHaveLength(0);
    expect(shape(crowd.graph, crowd.model, 'alice')).toEqual(shape(alone.graph, alone.model, 'alice'));
    expect(shape(crowd.graph, crowd.model, 'alice').map((p) => p.hops.map((h) => h[2]))).toEqual([['can-assume', 'is-admin'], ['iam-update-assume-role-policy', 'is-admin']]);
  });

  it('trap: a Deny on the admin role makes the decision depend on the target: per-role edges, none to it', async () => {
    const { model, graph } = await account([allow('iam:UpdateAssumeRolePolicy'), deny('iam:UpdateAssumeRolePolicy', roleArn('ops-admin'))]);
    expect(hubs(graph)).toHaveLength(0);
    expect(findPaths(graph, model, userArn('alice'), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths).toEqual([]);
  });

  it('trap: allowed only on app-* roles → no path to the admin role', async () => {
    const { model, graph } = await account([allow('iam:UpdateAssumeRolePolicy', 'arn:aws:iam::111122223333:role/app-*')]);
    expect(findPaths(graph, model, userArn('alice'), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths).toEqual([]);
  });

  // Principals decided alike share their edges into the hub; a decision that reads the principal
  // (aws:username) or a boundary that differs is each principal's own.
  const shared = (bobBoundary?: string) => loadGaad({
    policies: { Rotate: [allow('iam:UpdateAssumeRolePolicy', '*', { StringEquals: { 'aws:username': 'alice' } })], Plain: [allow('iam:UpdateAssumeRolePolicy')], ReadOnly: [allow('iam:Get*')] },
    users: [{ name: 'alice', managed: ['Rotate'] }, { name: 'bob', managed: ['Rotate'] }, { name: 'carol', managed: ['Plain'] }, { name: 'dave', managed: ['Plain'], ...(bobBoundary ? { boundary: bobBoundary } : {}) }],
    roles: [{ name: 'ops-admin', trust: trustAccount, managed: [ADMINISTRATOR_ACCESS] }, ...Array.from({ length: HUB_MIN_TARGETS }, (_, i) => ({ name: `app-${i}`, trust: trustAccount }))],
  });
  const escalating = async (bobBoundary?: string) => {
    const { model, graph } = await shared(bobBoundary);
    return privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS).findings.map((f) => f.principal);
  };

  it('a condition on the principal\'s own name is decided for each principal: alice escalates, bob with the same policy does not', async () => {
    expect(await escalating()).toEqual([userArn('alice'), userArn('carol'), userArn('dave')]);
  });

  it('trap: the same policy under a boundary that does not allow the action → no path for that principal only', async () => {
    expect(await escalating('ReadOnly')).toEqual([userArn('alice'), userArn('carol')]);
  });

});

// Rewriting "any role" (iam:AttachRolePolicy on Resource "*") is one record per rewriter, not one
// per role (rewrites.ts): the path must be the one per-role decisions give.
describe('a rewrite of any role, allowed on Resource "*"', () => {
  const rewriters = (statements: Statement[]) => loadGaad({
    users: [{ name: 'alice', inline: { p: statements } }, { name: 'bob', inline: { p: statements } }],
    roles: Array.from({ length: HUB_MIN_TARGETS }, (_, i) => ({ name: `app-${i}`, trust: trustAccount })),
  });
  const paths = (loaded: Awaited<ReturnType<typeof rewriters>>, who: string) =>
    findPaths(loaded.graph, loaded.model, userArn(who), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths.map((p) => ({ verdict: p.verdict, hops: p.hops.map((h) => [h.from, h.to, h.kind, h.technique?.id, h.evidence.map((e) => e.note ?? `${e.policy}#${e.statement}`)]) }));

  it('alice attaches a policy to a role she can assume, then assumes it: the same path as per-role decisions', async () => {
    const bulk = await rewriters([allow('iam:AttachRolePolicy'), allow('sts:AssumeRole')]);
    const perRole = await rewriters([allow('iam:AttachRolePolicy', 'arn:aws:iam::111122223333:role/*'), allow('sts:AssumeRole')]);
    const got = paths(bulk, 'alice');
    expect(got).toEqual(paths(perRole, 'alice'));
    expect(got.map((p) => p.hops.map((h) => h[3]))).toEqual([['iam-attach-role-policy-reachable']]);
    expect(got[0].hops[0][4]).toEqual(expect.arrayContaining([`${userArn('alice')}#inline/p#0`, expect.stringContaining('rewrites role/app-0'), expect.stringContaining('as for 15 more')]));
  });

  it('trap: without sts:AssumeRole she cannot act as any role she rewrites → no path', async () => {
    const bulk = await rewriters([allow('iam:AttachRolePolicy')]);
    expect(paths(bulk, 'alice')).toEqual([]);
  });
});

// "Any policy someone else holds" (iam:CreatePolicyVersion on Resource "*") is one record too: the
// policies the rewriter holds itself are left out, as the per-policy decisions leave them out.
describe('a new version of any policy others hold, allowed on Resource "*"', () => {
  const holders = (statements: Statement[]) => loadGaad({
    users: [{ name: 'alice', inline: { p: statements }, managed: ['Mine'] }, { name: 'bob' }],
    roles: [{ name: 'target', trust: trustAccount, managed: ['Shared'] }],
    policies: { Shared: [allow('s3:ListAllMyBuckets')], Mine: [allow('s3:ListAllMyBuckets')] },
  });
  const paths = (loaded: Awaited<ReturnType<typeof holders>>) =>
    findPaths(loaded.graph, loaded.model, userArn('alice'), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths.map((p) => p.hops.map((h) => [h.from, h.to, h.technique?.id, h.evidence.map((e) => e.note ?? `${e.policy}#${e.statement}`)]));

  it('alice rewrites Shared, held by a role she can assume: the same path as per-policy decisions', async () => {
    const bulk = paths(await holders([allow('iam:CreatePolicyVersion'), allow('sts:AssumeRole')]));
    const perPolicy = paths(await holders([allow('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/*'), allow('sts:AssumeRole')]));
    expect(bulk).toEqual(perPolicy);
    expect(bulk.map((hops) => hops.map((h) => h[2]))).toContainEqual(['iam-create-policy-version-reachable']);
    expect(bulk.flat().flatMap((h) => h[3] as string[])).toContainEqual(expect.stringContaining('(through policy/Shared)'));
  });

  it('a policy she holds herself is left out (rewriting it is her own escalation), as per-policy decisions leave it out', async () => {
    const both = (statements: Statement[]) => loadGaad({
      users: [{ name: 'alice', inline: { p: statements }, managed: ['Mine'] }, { name: 'bob', managed: ['Shared'] }],
      roles: [{ name: 'target', trust: trustAccount, managed: ['Mine'] }],
      policies: { Shared: [allow('s3:ListAllMyBuckets')], Mine: [allow('s3:ListAllMyBuckets')] },
    });
    const bulk = paths(await both([allow('iam:CreatePolicyVersion'), allow('sts:AssumeRole')]));
    expect(bulk).toEqual(paths(await both([allow('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/*'), allow('sts:AssumeRole')])));
    expect(bulk.flat().flatMap((h) => h[3] as string[]).some((e) => e.includes('(through policy/Mine)'))).toBe(false);
  });

  it('trap: without sts:AssumeRole she cannot act as the role that holds it → no path through it', async () => {
    const bulk = paths(await holders([allow('iam:CreatePolicyVersion')]));
    expect(bulk.map((hops) => hops.map((h) => h[2]))).not.toContainEqual(['iam-create-policy-version-reachable']);
  });
});

// PassRole decided on Resource "*" is the same for every role a service trusts: one hub per
// technique, whose edges also say which roles can be passed (the passable-admin-role finding reads
// them through the hub). IAM User Guide, "Granting a user permissions to pass a role to an AWS service".
describe('passing any role trusting lambda.amazonaws.com, allowed on Resource "*"', () => {
  const passers = (users: number, passRole: Statement) => loadGaad({
    users: Array.from({ length: users }, (_, i) => ({ name: i === 0 ? 'alice' : `u${i}`, inline: { p: [passRole, allow(['lambda:CreateFunction', 'lambda:InvokeFunction'])] } })),
    roles: [{ name: 'fn-admin', trust: trustService('lambda.amazonaws.com'), managed: [ADMINISTRATOR_ACCESS] }, ...['a', 'b', 'c'].map((n) => ({ name: `fn-${n}`, trust: trustService('lambda.amazonaws.com') }))],
  });
  const passable = async (loaded: Awaited<ReturnType<typeof passers>>) => {
    const { model, graph } = loaded;
    const privescAnswer = privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS);
    return passableAdminRole.run({ model, graph, privesc: privescAnswer, options: { ...DEFAULT_REPORT_OPTIONS, analysis: DEFAULT_ANALYSIS_OPTIONS } });
  };

  it('goes through one hub with the paths and the passable-admin-role finding that direct edges give', async () => {
    const crowd = await passers(4, allow('iam:PassRole'));
    const alone = await passers(1, allow('iam:PassRole'));
    expect(hubs(crowd.graph).map((h) => crowd.graph.getNodeAttribute(h, 'details')?.technique)).toEqual(['pass-role-lambda']);
    expect(hubs(alone.graph)).toEqual([]);
    expect(shape(crowd.graph, crowd.model, 'alice')).toEqual(shape(alone.graph, alone.model, 'alice'));
    expect(shape(crowd.graph, crowd.model, 'alice').map((p) => p.hops.map((h) => h[2]))).toEqual([['pass-role-lambda', 'is-admin']]);
    const [finding] = await passable(crowd);
    expect(finding.subject).toBe(roleArn('fn-admin'));
    expect(finding.facts?.passers).toEqual([userArn('alice'), ...[1, 2, 3].map((i) => userArn(`u${i}`))]);
    expect(finding.paths![0].hops[0].evidence.map((e) => `${e.policy}#${e.statement}`)).toContain(`${userArn('alice')}#inline/p#0`);
    expect((await passable(alone))[0].facts?.passers).toEqual([userArn('alice')]);
    // Which roles can be passed, through the hub: one can-pass-to-service edge into it per passer, one out of it per role.
    const hub = hubs(crowd.graph)[0];
    expect(crowd.graph.outEdges(hub).filter((e) => crowd.graph.getEdgeAttribute(e, 'kind') === 'can-pass-to-service')).toHaveLength(4);
    expect(crowd.graph.hasEdge(`${userArn('alice')}->${hub}:can-pass-to-service`)).toBe(true);
  });

  it('trap: PassRole only on the fn-a, fn-b, fn-c roles → decided per role, no path to admin, no finding', async () => {
    const scoped = await passers(4, allow('iam:PassRole', ['a', 'b', 'c'].map((n) => roleArn(`fn-${n}`))));
    expect(hubs(scoped.graph)).toEqual([]);
    expect(findPaths(scoped.graph, scoped.model, userArn('alice'), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths).toEqual([]);
    expect(await passable(scoped)).toEqual([]);
  });
});
