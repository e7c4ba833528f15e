/**
 * Escalations compose: what one step gains (a group's policies, a removed guardrail, a way to act
 * as another principal) is what the next step uses, to a fixpoint, at any reach.
 * pathfinding.cloud iam-013 (AddUserToGroup), iam-014/019 (AttachRolePolicy + a way in);
 * IAM User Guide, "Policy evaluation logic" (an explicit Deny wins until it is removed) and
 * "Managing versions of IAM policies" (SetDefaultPolicyVersion makes an existing version default).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { findPaths } from '../../../src/analysis/index.ts';
import { buildGraph } from '../../../src/graph/index.ts';
import { allow, deny, doc, groupArn, loadGaad, policyArn, roleArn, userArn, type GaadSpec, type Statement } from './gaad.ts';

const ME = userArn('attacker');
const trust = (arn: string) => doc({ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' });
const ALL_BUT = (action: string): Statement => ({ Effect: 'Deny', NotAction: action, Resource: '*' });

async function pathsToAdmin(spec: GaadSpec) {
  const { model, graph } = await loadGaad(spec);
  return findPaths(graph, model, ME, 'admin', DEFAULT_ANALYSIS_OPTIONS).paths;
}
const kinds = (p: { hops: Array<{ kind: string }> }) => p.hops.map((h) => h.kind);

describe('composition of escalation steps', () => {
  it('joining a non-admin group that holds iam:* and then attaching AdministratorAccess reaches admin in 2 hops', async () => {
    const spec: GaadSpec = {
      groups: [{ name: 'iam-operators', inline: { iam: [allow('iam:*')] } }],
      users: [{ name: 'attacker', inline: { join: [allow('iam:AddUserToGroup', groupArn('iam-operators'))] } }],
    };
    const paths = await pathsToAdmin(spec);
    const two = paths.find((p) => p.hops.length === 2 && p.hops[0].kind === 'iam-add-user-to-group');
    expect(two, JSON.stringify(paths.map(kinds))).toBeDefined();
    expect(two!.verdict).toBe('reachable');
    expect(['iam-attach-user-policy', 'iam-put-user-policy']).toContain(two!.hops[1].kind);
    // The group alone is not admin: no 1-hop path.
    expect(paths.some((p) => p.hops.length === 1)).toBe(false);
  });
  it('trap: the group holds only read permissions → no path', async () => {
    expect(await pathsToAdmin({
      groups: [{ name: 'readers', inline: { read: [allow(['iam:Get*', 'iam:List*'])] } }],
      users: [{ name: 'attacker', inline: { join: [allow('iam:AddUserToGroup', groupArn('readers'))] } }],
    })).toEqual([]);
  });

  it('removing a Deny guardrail is the first hop, using the permission it blocked the second', async () => {
    const spec: GaadSpec = {
      policies: { NoIamWrites: [deny(['iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:CreatePolicyVersion'])] },
      users: [{ name: 'attacker', managed: ['NoIamWrites'], inline: { work: [allow(['iam:AttachUserPolicy', 'iam:DetachUserPolicy'], ME)] } }],
    };
    const paths = await pathsToAdmin(spec);
    expect(paths.map(kinds)).toContainEqual(['iam-detach-user-deny-policy', 'iam-attach-user-policy']);
    const first = paths.find((p) => p.hops[0].kind === 'iam-detach-user-deny-policy')!;
    expect(first.hops[0].evidence.some((e) => e.note?.includes(`without ${policyArn('NoIamWrites')}`))).toBe(true);
  });
  it('trap: the guardrail also denies detaching it → no path', async () => {
    expect(await pathsToAdmin({
      policies: { NoIamWrites: [deny(['iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:CreatePolicyVersion', 'iam:DetachUserPolicy'])] },
      users: [{ name: 'attacker', managed: ['NoIamWrites'], inline: { work: [allow(['iam:AttachUserPolicy', 'iam:DetachUserPolicy'], ME)] } }],
    })).toEqual([]);
  });

  const chain = (lastTrusts: string): GaadSpec => ({
    users: [{ name: 'attacker', inline: { work: [allow('sts:AssumeRole', roleArn('hop1')), allow('iam:AttachRolePolicy', roleArn('target'))] } }],
    roles: [
      { name: 'hop1', trust: trust(ME), inline: { next: [allow('sts:AssumeRole', roleArn('hop2'))] } },
      { name: 'hop2', trust: trust(roleArn('hop1')), inline: { next: [allow('sts:AssumeRole', roleArn('hop3'))] } },
      { name: 'hop3', trust: trust(roleArn('hop2')), inline: { next: [allow('sts:AssumeRole', roleArn('target'))] } },
      { name: 'target', trust: trust(lastTrusts) },
    ],
  });
  it('rewriting a role pays off through a 4-hop chain into it (no reach limit)', async () => {
    const paths = await pathsToAdmin(chain(roleArn('hop3')));
    const rewrite = paths.find((p) => p.hops.some((h) => h.kind === 'iam-attach-role-policy-reachable'));
    expect(rewrite, JSON.stringify(paths.map(kinds))).toBeDefined();
    expect(rewrite!.verdict).toBe('reachable');
    const way = rewrite!.hops.flatMap((h) => h.evidence).find((e) => e.note?.startsWith('then acting as role/target'));
    expect(way?.note).toBe('then acting as role/target: user/attacker → role/hop1 → role/hop2 → role/hop3 → role/target');
  });
  it('trap: the chain is broken at its last trust (it names a role nobody reaches) → no path', async () => {
    expect(await pathsToAdmin(chain(roleArn('unrelated')))).toEqual([]);
  });

  const split = (writerTrusts: string): GaadSpec => ({
    users: [{ name: 'attacker', inline: { work: [allow('sts:AssumeRole', [roleArn('writer'), roleArn('enterer')])] } }],
    roles: [
      { name: 'writer', trust: trust(writerTrusts), inline: { write: [allow('iam:AttachRolePolicy', roleArn('target'))] } },
      { name: 'enterer', trust: trust(ME), inline: { enter: [allow('sts:AssumeRole', roleArn('target'))] } },
      { name: 'target', trust: trust(roleArn('enterer')) },
    ],
  });
  it('one principal the source can act as rewrites the role, another one enters it: the path enters it, rewritten by the first', async () => {
    const paths = await pathsToAdmin(split(ME));
    const p = paths.find((x) => x.hops.some((h) => h.kind === 'iam-attach-role-policy-reachable'));
    expect(p, JSON.stringify(paths.map(kinds))).toBeDefined();
    expect(p!.verdict).toBe('reachable');
    expect(p!.hops.map((h) => h.to)).toEqual([roleArn('enterer'), roleArn('target'), `${roleArn('target')}#gains:any-policy=${roleArn('target')}`, 'admin']);
    const rewrite = p!.hops.find((h) => h.kind === 'iam-attach-role-policy-reachable')!;
    expect(rewrite.alsoActingAs).toEqual([roleArn('writer')]);
    expect(rewrite.evidence.map((e) => e.note ?? '')).toContain('made by role/writer, which the attacker must also act as');
  });
  it('trap: the source cannot act as the principal that would rewrite the role (it trusts someone else) → no path', async () => {
    expect(await pathsToAdmin(split(userArn('someone-else')))).toEqual([]);
  });

  // The writer is at the end of a chain longer than --max-depth: AWS bounds no chain, and the
  // path shown (enterer → target rewritten → admin) is short; only the hop's side condition is far.
  const farWriter = (links: number): GaadSpec => ({
    users: [{ name: 'attacker', inline: { work: [allow('sts:AssumeRole', [roleArn('w1'), roleArn('enterer')])] } }],
    roles: [
      ...Array.from({ length: links }, (_, i) => ({ name: `w${i + 1}`, trust: trust(i === 0 ? ME : roleArn(`w${i}`)), inline: { next: [allow('sts:AssumeRole', roleArn(`w${i + 2}`))] } })),
      { name: `w${links + 1}`, trust: trust(roleArn(`w${links}`)), inline: { write: [allow('iam:AttachRolePolicy', roleArn('target'))] } },
      { name: 'enterer', trust: trust(ME), inline: { enter: [allow('sts:AssumeRole', roleArn('target'))] } },
      { name: 'target', trust: trust(roleArn('enterer')) },
    ],
  });
  it('the principal that rewrites the role is further than --max-depth from the source: the short path into the role is still found', async () => {
    const paths = await pathsToAdmin(farWriter(DEFAULT_ANALYSIS_OPTIONS.maxDepth + 2));
    const p = paths.find((x) => x.hops.some((h) => h.kind === 'iam-attach-role-policy-reachable'));
    expect(p, JSON.stringify(paths.map(kinds))).toBeDefined();
    expect(p!.hops.find((h) => h.alsoActingAs)!.alsoActingAs).toEqual([roleArn(`w${DEFAULT_ANALYSIS_OPTIONS.maxDepth + 3}`)]);
  });
  it('trap: the chain to that principal is broken in the middle → no path through the rewrite', async () => {
    const spec = farWriter(DEFAULT_ANALYSIS_OPTIONS.maxDepth + 2);
    spec.roles![4] = { ...spec.roles![4], trust: trust(userArn('someone-else')) };
    const paths = await pathsToAdmin(spec);
    expect(paths.filter((x) => x.hops.some((h) => h.kind === 'iam-attach-role-policy-reachable'))).toEqual([]);
  });
});

describe('policy versions: GAAD holds every version, the engine decides whether switching grants more', () => {
  const spec = (older: Statement[]): GaadSpec => ({
    policies: { Tools: [allow('iam:SetDefaultPolicyVersion', policyArn('Tools'))] },
    otherVersions: { Tools: [older] },
    users: [{ name: 'attacker', managed: ['Tools'] }],
  });
  it('a non-default version that allows everything: an unconditional path', async () => {
    const paths = await pathsToAdmin(spec([allow('*')]));
    expect(paths.map(kinds)).toEqual([['iam-set-default-policy-version']]);
    expect(paths[0].verdict).toBe('reachable');
    expect(paths[0].hops[0].requires).toBeUndefined();
  });
  it('a non-default version that grants less: no path', async () => {
    expect(await pathsToAdmin(spec([allow('s3:ListAllMyBuckets')]))).toEqual([]);
  });
  it('a non-default version that grants a next step: the switch is the first hop', async () => {
    const paths = await pathsToAdmin(spec([allow('iam:AttachUserPolicy', ME)]));
    expect(paths.map(kinds)).toContainEqual(['iam-set-default-policy-version', 'iam-attach-user-policy']);
  });
  it('a guardrail removed by switching back to a version without the Deny', async () => {
    const paths = await pathsToAdmin({
      policies: { Tools: [allow('*'), ALL_BUT('iam:SetDefaultPolicyVersion')] },
      otherVersions: { Tools: [[allow('*')]] },
      users: [{ name: 'attacker', managed: ['Tools'] }],
    });
    expect(paths.map(kinds)).toEqual([['iam-set-default-policy-version']]);
  });
});

describe('time conditions are decided at the analysis time (--as-of)', () => {
  const at = '2026-12-01T12:00:00Z';
  const spec = (condition: Record<string, Record<string, string>>): GaadSpec => ({
    users: [{ name: 'attacker', inline: { work: [allow('iam:AttachUserPolicy', ME, condition)] } }],
  });
  const paths = async (s: GaadSpec, asOf?: string) => {
    const { model } = await loadGaad(s);
    const options = { ...DEFAULT_ANALYSIS_OPTIONS, ...(asOf ? { asOf } : {}) };
    return findPaths(buildGraph(model, options), model, ME, 'admin', options).paths;
  };
  it('a condition that can never hold again (a token issued before a past date) blocks the hop', async () => {
    expect(await paths(spec({ DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }), at)).toEqual([]);
  });
  it('a condition that holds at the analysis time is satisfied: the path is unconditional', async () => {
    const found = await paths(spec({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }), at);
    expect(found.map((p) => p.verdict)).toEqual(['reachable']);
  });
  it('an epoch-time window that has closed blocks the hop; one that is open does not', async () => {
    expect(await paths(spec({ NumericLessThan: { 'aws:EpochTime': '1700000000' } }), at)).toEqual([]);
    expect((await paths(spec({ NumericGreaterThan: { 'aws:EpochTime': '1700000000' } }), at)).map((p) => p.verdict)).toEqual(['reachable']);
  });
  it('without an analysis time the key is unknown: the path stays, conditional', async () => {
    expect((await paths(spec({ DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }))).map((p) => p.verdict)).toEqual(['conditional']);
  });
});
