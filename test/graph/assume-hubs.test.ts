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
import { findPaths, privesc } from '../../src/analysis/index.ts';
import { HUB_MIN_TARGETS } from '../../src/graph/context.ts';
import { assumeRoleCycle, longRoleChain } from '../../src/report/findings/role-chains.ts';
import { DEFAULT_REPORT_OPTIONS } from '../../src/report/types.ts';
import { ADMINISTRATOR_ACCESS, allow, deny, groupArn, loadGaad, roleArn, userArn, type PolicyDocument, type Statement } from './techniques/gaad.ts';

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

// The role-chain findings walk hubs without unfolding them (IAM User Guide, "Roles terms and
// concepts": role chaining): the roles in a chain or a cycle are the same as over direct edges.
describe('role chains and cycles through an AssumeRole hub', () => {
  const trustRole = (name: string): PolicyDocument => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: roleArn(name) }, Action: 'sts:AssumeRole' }] });
  const rules = async (assumers: Record<string, Statement[]>) => {
    const { model, graph } = await loadGaad({
      users: [{ name: 'alice', inline: { p: [allow('sts:AssumeRole', roleArn('app-*'))] } }],
      roles: [
        ...Array.from({ length: HUB_MIN_TARGETS }, (_, i) => ({ name: `app-${i}`, trust: ROOT, ...(assumers[`app-${i}`] ? { inline: { p: assumers[`app-${i}`] } } : {}) })),
        { name: 'c1', trust: trustRole('app-5'), inline: { p: [allow('sts:AssumeRole', roleArn('c2'))] } },
        { name: 'c2', trust: trustRole('c1'), inline: { p: [allow('sts:AssumeRole', roleArn('c3'))] } },
        { name: 'c3', trust: trustRole('c2') },
      ],
    });
    const input = { model, graph, privesc: privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS), options: { ...DEFAULT_REPORT_OPTIONS, analysis: DEFAULT_ANALYSIS_OPTIONS } };
    return { graph, chains: longRoleChain.run(input), cycles: assumeRoleCycle.run(input) };
  };

  it('alice enters app-5 through the hub, then c1 → c2 → c3: c3 is four hops away, its chain starts with the hub\'s folded hop', async () => {
    const { graph, chains } = await rules({ 'app-5': [allow('sts:AssumeRole', roleArn('c1'))] });
    expect(graph.filterNodes((_n, a) => a.kind === 'hub').length).toBeGreaterThan(0);
    expect(chains.map((f) => [f.subject, f.facts])).toEqual([[userArn('alice'), { roles: [roleArn('c3')], roleCount: 1, longestChain: 4, limit: 3, reachesAdmin: false }]]);
    const [path] = chains[0].paths ?? [];
    expect(path.hops.map((h) => [h.from, h.to])).toEqual([[userArn('alice'), roleArn('app-5')], [roleArn('app-5'), roleArn('c1')], [roleArn('c1'), roleArn('c2')], [roleArn('c2'), roleArn('c3')]]);
    expect(path.hops[0].evidence.map((e) => `${e.policyType} ${e.policy.split(':').pop()}`)).toEqual(['identity user/alice#inline/p', 'trust role/app-5#trust']);
  });

  it('two app roles that may assume any role form a cycle of those two: not the hub, not the roles they only enter', async () => {
    const { cycles } = await rules({ 'app-1': [allow('sts:AssumeRole')], 'app-2': [allow('sts:AssumeRole')] });
    expect(cycles.map((f) => f.facts?.members)).toEqual([[roleArn('app-1'), roleArn('app-2')]]);
    expect(cycles[0].paths?.[0].hops.map((h) => [h.from, h.to])).toEqual([[roleArn('app-1'), roleArn('app-2')], [roleArn('app-2'), roleArn('app-1')]]);
  });

  it('trap: one app role entering its own hub is no cycle', async () => {
    const { cycles } = await rules({ 'app-1': [allow('sts:AssumeRole')] });
    expect(cycles).toEqual([]);
  });
});

// An escalated node (a principal with gains) is worth making only if it leads where its principal
// does not already go. Its gains can split the trusted roles differently (another scoped
// statement, another hub part): new only for the roles its principal cannot assume already.
describe('an escalated principal entering the roles it could already assume', () => {
  const APP = ['a', 'b', 'c', 'd'];
  const spec = (groupAllows: string) => ({
    users: [
      { name: 'alice', inline: { p: [allow('sts:AssumeRole', roleArn('app-*')), allow('iam:AddUserToGroup', groupArn('more'))] } },
      ...['u1', 'u2', 'u3'].map((name) => ({ name, inline: { p: [allow('sts:AssumeRole', roleArn('app-*'))] } })),
    ],
    groups: [{ name: 'more', inline: { g: [allow('sts:AssumeRole', groupAllows)] } }],
    roles: [...APP.map((n) => ({ name: `app-${n}`, trust: ROOT })), { name: 'ops', trust: ROOT }],
  });
  const escalated = ({ graph }: Loaded) => graph.filterNodes((_n, a) => a.kind === 'escalated');

  it('a group allowing one of those roles again (a second scoped statement, other hub parts) makes no escalated node', async () => {
    const loaded = await loadGaad(spec(roleArn('app-a')));
    expect(hubs(loaded).length).toBeGreaterThan(0);
    expect(escalated(loaded)).toEqual([]);
  });

  it('a group allowing a role she could not assume (ops) does: the joined alice enters it', async () => {
    const loaded = await loadGaad(spec(roleArn('ops')));
    const [joined] = escalated(loaded);
    expect(joined).toBe(`${userArn('alice')}#gains:target-group-policies=${groupArn('more')}`);
    expect(findPaths(loaded.graph, loaded.model, userArn('alice'), roleArn('ops'), DEFAULT_ANALYSIS_OPTIONS).paths.map((p) => p.hops.map((h) => h.to))).toEqual([[joined, roleArn('ops')]]);
  });
});
