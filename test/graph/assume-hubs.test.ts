/**
 * AssumeRole through hubs: roles whose trust names only their account's root (no condition, no
 * Deny) admit exactly the account's principals whose own policies allow sts:AssumeRole on them
 * (IAM User Guide, "Policy evaluation logic" — "Cross-account policy evaluation" and "Role trust
 * policies": a trust naming the account delegates to its identity policies). Principals whose
 * policies decide alike for all such roles share one hub; those with statements scoped to some of
 * the roles share a hub per subset the statements match. Answers must equal direct edges'.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import { findPaths } from '../../src/analysis/index.ts';
import { HUB_MIN_TARGETS } from '../../src/graph/context.ts';
import { ADMINISTRATOR_ACCESS, allow, deny, loadGaad, roleArn, userArn, type PolicyDocument, type Statement } from './techniques/gaad.ts';

const ROOT: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] };
const MFA: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] };

async function account(users: Record<string, Statement[]>, adminTrust: PolicyDocument = ROOT) {
  return loadGaad({
    users: Object.entries(users).map(([name, statements]) => ({ name, inline: { p: statements } })),
    roles: [
      { name: 'ops-admin', trust: adminTrust, managed: [ADMINISTRATOR_ACCESS] },
      ...Array.from({ length: HUB_MIN_TARGETS }, (_, i) => ({ name: `app-${i}`, trust: ROOT })),
    ],
  });
}
type Loaded = Awaited<ReturnType<typeof account>>;
const hubs = ({ graph }: Loaded) => graph.filterNodes((_n, a) => a.kind === 'hub');
const toAdmin = ({ graph, model }: Loaded, who: string) =>
  findPaths(graph, model, userArn(who), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths.map((p) => ({ verdict: p.verdict, hops: p.hops.map((h) => [h.to, h.kind, h.evidence.map((e) => `${e.policyType} ${e.policy.split(':').pop()}#${e.statement}`)]) }));

describe('roles that trust their account', () => {
  it('a principal allowed sts:AssumeRole on "*" enters them through one hub: its statement and the role\'s trust are the proof', async () => {
    const loaded = await account({ alice: [allow('sts:AssumeRole')] });
    expect(hubs(loaded)).toHaveLength(1);
    expect(loaded.graph.outDegree(userArn('alice'))).toBe(1);
    expect(toAdmin(loaded, 'alice')).toEqual([{ verdict: 'reachable', hops: [
      [roleArn('ops-admin'), 'can-assume', ['identity user/alice#inline/p#0', 'trust role/ops-admin#trust#0']],
      ['admin', 'is-admin', ['identity policy/AdministratorAccess#0']],
    ] }]);
    // Too few roles for a hub: direct edges, and the same answer.
    const direct = await loadGaad({ users: [{ name: 'alice', inline: { p: [allow('sts:AssumeRole')] } }], roles: [{ name: 'ops-admin', trust: ROOT, managed: [ADMINISTRATOR_ACCESS] }] });
    expect(hubs(direct)).toHaveLength(0);
    expect(toAdmin(direct, 'alice')).toEqual(toAdmin(loaded, 'alice'));
  });

  it('statements scoped to some roles: a hub per subset they match, the same answers as direct edges', async () => {
    const loaded = await account({ bob: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/ops-*')], carol: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/ops-*')] });
    expect(hubs(loaded).length).toBeGreaterThanOrEqual(2);
    expect(toAdmin(loaded, 'bob')).toEqual([{ verdict: 'reachable', hops: [
      [roleArn('ops-admin'), 'can-assume', ['identity user/bob#inline/p#0', 'trust role/ops-admin#trust#0']],
      ['admin', 'is-admin', ['identity policy/AdministratorAccess#0']],
    ] }]);
  });

  it('trap: scoped to the app roles only → no path to the admin role', async () => {
    const loaded = await account({ bob: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/app-*')], carol: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/app-*')] });
    expect(toAdmin(loaded, 'bob')).toEqual([]);
  });

  it('trap: a Deny on the admin role beside an Allow on "*" → no path to it', async () => {
    const loaded = await account({ alice: [allow('sts:AssumeRole'), deny('sts:AssumeRole', roleArn('ops-admin'))], dave: [allow('sts:AssumeRole'), deny('sts:AssumeRole', roleArn('ops-admin'))] });
    expect(toAdmin(loaded, 'alice')).toEqual([]);
  });

  it('a trust with a condition is not a hub\'s: the direct edge keeps the condition (conditional path)', async () => {
    const loaded = await account({ alice: [allow('sts:AssumeRole')] }, MFA);
    expect(toAdmin(loaded, 'alice').map((p) => p.verdict)).toEqual(['conditional']);
    expect(loaded.graph.hasEdge(`${userArn('alice')}->${roleArn('ops-admin')}:can-assume`)).toBe(true);
  });
});
