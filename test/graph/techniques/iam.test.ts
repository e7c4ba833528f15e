/**
 * IAM techniques of the catalog, each with a positive case and a trap that differs by exactly
 * one precondition (a missing or wrongly scoped permission, a Deny, a boundary, no way to act as
 * the target), on real-shaped GAAD. Sources: pathfinding.cloud (DataDog) iam-001…021, Rhino
 * Security Labs' "AWS IAM Privilege Escalation Methods", PMapper's IAMEdgeChecker; IAM User Guide,
 * "Permissions boundaries for IAM entities" and "Managing versions of IAM policies".
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { findPaths } from '../../../src/analysis/index.ts';
import { ADMINISTRATOR_ACCESS, allow, deny, doc, groupArn, loadGaad, policyArn, roleArn, userArn, type GaadSpec, type Statement } from './gaad.ts';

const ME = userArn('attacker');
const trustUser = (name: string) => doc({ Effect: 'Allow', Principal: { AWS: userArn(name) }, Action: 'sts:AssumeRole' });
const attacker = (statements: Statement[], extra: Partial<NonNullable<GaadSpec['users']>[number]> = {}) => ({ name: 'attacker', inline: { attack: statements }, ...extra });
const victim = { name: 'victim', managed: [ADMINISTRATOR_ACCESS] };
const S3_ONLY = 'S3Only';
/** A guardrail that denies everything but one action (the one that removes it). */
const onlyAllowing = (action: string): Statement => ({ Effect: 'Deny', NotAction: action, Resource: '*' });

interface Case {
  technique: string;
  positive: GaadSpec;
  /** One precondition missing. */
  trap: GaadSpec;
  trapIs: string;
  /** The path's source (default: the attacker user). */
  from?: string;
}

const roleAttacker = (statements: Statement[], extra: Record<string, unknown> = {}): GaadSpec => ({
  users: [{ name: 'attacker', inline: { assume: [allow('sts:AssumeRole', roleArn('worker'))] } }],
  roles: [{ name: 'worker', trust: trustUser('attacker'), inline: { attack: statements }, ...extra }],
});

const CASES: Case[] = [
  {
    technique: 'iam-create-policy-version',
    positive: { policies: { Tools: [allow('iam:CreatePolicyVersion', policyArn('Tools'))] }, users: [{ name: 'attacker', managed: ['Tools'] }] },
    trap: { policies: { Tools: [allow('iam:CreatePolicyVersion', policyArn('Other'))], Other: [allow('s3:ListAllMyBuckets')] }, users: [{ name: 'attacker', managed: ['Tools'] }] },
    trapIs: 'the permission names another policy',
  },
  {
    technique: 'iam-set-default-policy-version',
    positive: { policies: { Tools: [allow('iam:SetDefaultPolicyVersion', policyArn('Tools'))] }, otherVersions: { Tools: [[allow('*')]] }, users: [{ name: 'attacker', managed: ['Tools'] }] },
    trap: { policies: { Tools: [allow('iam:SetDefaultPolicyVersion', policyArn('Tools'))] }, otherVersions: { Tools: [[allow('s3:ListAllMyBuckets')]] }, users: [{ name: 'attacker', managed: ['Tools'] }] },
    trapIs: 'the other version grants nothing more',
  },
  {
    technique: 'iam-attach-user-policy',
    positive: { users: [attacker([allow('iam:AttachUserPolicy', ME)])] },
    trap: { policies: { [S3_ONLY]: [allow(['s3:*', 'iam:AttachUserPolicy'])] }, users: [attacker([allow('iam:AttachUserPolicy', ME)], { boundary: S3_ONLY })] },
    trapIs: 'a boundary limits what the attached policy grants',
  },
  {
    technique: 'iam-attach-group-policy',
    positive: { groups: [{ name: 'devs' }], users: [attacker([allow('iam:AttachGroupPolicy', groupArn('devs'))], { groups: ['devs'] })] },
    trap: { groups: [{ name: 'devs' }, { name: 'ops' }], users: [attacker([allow('iam:AttachGroupPolicy', groupArn('ops'))], { groups: ['devs'] })] },
    trapIs: 'the permission names a group the attacker is not in',
  },
  {
    technique: 'iam-put-user-policy',
    positive: { users: [attacker([allow('iam:PutUserPolicy', ME)])] },
    trap: { users: [attacker([allow('iam:PutUserPolicy', ME), deny('iam:PutUserPolicy')])] },
    trapIs: 'an explicit Deny',
  },
  {
    technique: 'iam-put-group-policy',
    positive: { groups: [{ name: 'devs' }], users: [attacker([allow('iam:PutGroupPolicy', groupArn('devs'))], { groups: ['devs'] })] },
    trap: { groups: [{ name: 'devs' }], users: [attacker([allow('iam:GetGroupPolicy', groupArn('devs'))], { groups: ['devs'] })] },
    trapIs: 'only a read permission',
  },
  {
    technique: 'iam-attach-role-policy',
    positive: roleAttacker([allow('iam:AttachRolePolicy', roleArn('worker'))]),
    trap: roleAttacker([allow('iam:AttachRolePolicy', roleArn('worker')), deny('iam:AttachRolePolicy', roleArn('worker'))]),
    trapIs: 'an explicit Deny',
  },
  {
    technique: 'iam-put-role-policy',
    positive: roleAttacker([allow('iam:PutRolePolicy', roleArn('worker'))]),
    trap: roleAttacker([allow('iam:PutRolePolicy', roleArn('other'))]),
    trapIs: 'the permission names another role',
  },
  {
    technique: 'iam-add-user-to-group',
    positive: { groups: [{ name: 'admins', managed: [ADMINISTRATOR_ACCESS] }], users: [attacker([allow('iam:AddUserToGroup', groupArn('admins'))])] },
    trap: { groups: [{ name: 'admins', managed: [ADMINISTRATOR_ACCESS] }, { name: 'readers' }], users: [attacker([allow('iam:AddUserToGroup', groupArn('readers'))])] },
    trapIs: 'the permission names a group without admin rights',
  },
  {
    technique: 'iam-delete-user-permissions-boundary',
    positive: { policies: { [S3_ONLY]: [allow(['s3:*', 'iam:DeleteUserPermissionsBoundary'])] }, users: [attacker([allow('*')], { boundary: S3_ONLY })] },
    trap: { policies: { [S3_ONLY]: [allow(['s3:*'])] }, users: [attacker([allow('*')], { boundary: S3_ONLY })] },
    trapIs: 'the boundary itself blocks removing it',
  },
  {
    technique: 'iam-put-user-permissions-boundary',
    positive: { policies: { [S3_ONLY]: [allow(['s3:*', 'iam:PutUserPermissionsBoundary'])] }, users: [attacker([allow(['s3:*', 'ec2:*', 'iam:*', 'lambda:*', 'kms:*', 'organizations:*', 'sts:*', 'iamgraph:*'])], { boundary: S3_ONLY })] },
    trap: { policies: { [S3_ONLY]: [allow(['s3:*', 'iam:PutUserPermissionsBoundary'])] }, users: [attacker([allow(['s3:*', 'iam:PutUserPermissionsBoundary'])], { boundary: S3_ONLY })] },
    trapIs: 'without the boundary its own policies still are not admin',
  },
  {
    technique: 'iam-delete-role-permissions-boundary',
    positive: { ...roleAttacker([allow('*')], { boundary: S3_ONLY }), policies: { [S3_ONLY]: [allow(['s3:*', 'iam:DeleteRolePermissionsBoundary'])] } },
    trap: { ...roleAttacker([allow('*'), deny('iam:DeleteRolePermissionsBoundary')], { boundary: S3_ONLY }), policies: { [S3_ONLY]: [allow(['s3:*', 'iam:DeleteRolePermissionsBoundary'])] } },
    trapIs: 'an explicit Deny',
  },
  {
    technique: 'iam-detach-user-deny-policy',
    positive: { policies: { Guardrail: [onlyAllowing('iam:DetachUserPolicy')] }, users: [attacker([allow('*')], { managed: ['Guardrail'] })] },
    trap: { policies: { Guardrail: [deny('*')] }, users: [attacker([allow('*')], { managed: ['Guardrail'] })] },
    trapIs: 'the guardrail denies detaching itself',
  },
  {
    technique: 'iam-delete-user-deny-policy',
    positive: { users: [{ name: 'attacker', inline: { attack: [allow('*')], guardrail: [onlyAllowing('iam:DeleteUserPolicy')] } }] },
    trap: { users: [{ name: 'attacker', inline: { attack: [allow('*')], guardrail: [deny('*')] } }] },
    trapIs: 'the guardrail denies deleting itself',
  },
  {
    technique: 'iam-detach-role-deny-policy',
    positive: { ...roleAttacker([allow('*')], { managed: ['Guardrail'] }), policies: { Guardrail: [onlyAllowing('iam:DetachRolePolicy')] } },
    trap: { ...roleAttacker([allow('*')], { managed: ['Guardrail'] }), policies: { Guardrail: [deny('*')] } },
    trapIs: 'the guardrail denies detaching itself',
  },
  {
    technique: 'iam-delete-role-deny-policy',
    positive: roleAttacker([allow('*')], { inline: { attack: [allow('*')], guardrail: [onlyAllowing('iam:DeleteRolePolicy')] } }),
    trap: roleAttacker([allow('*')], { inline: { attack: [allow('*')], guardrail: [deny('*')] } }),
    trapIs: 'the guardrail denies deleting itself',
  },
  {
    technique: 'iam-put-role-permissions-boundary',
    positive: { ...roleAttacker([allow('*')], { boundary: S3_ONLY }), policies: { [S3_ONLY]: [allow(['s3:*', 'iam:PutRolePermissionsBoundary'])] } },
    trap: { ...roleAttacker([allow('*')], { boundary: S3_ONLY }), policies: { [S3_ONLY]: [allow(['s3:*', 'iam:PutRolePolicy'])] } },
    trapIs: 'the boundary allows another action, not replacing itself',
  },
  {
    technique: 'iam-remove-user-from-group',
    positive: { groups: [{ name: 'restricted', inline: { guard: [onlyAllowing('iam:RemoveUserFromGroup')] } }], users: [attacker([allow('*')], { groups: ['restricted'] })] },
    trap: { groups: [{ name: 'restricted', inline: { guard: [deny('*')] } }], users: [attacker([allow('*')], { groups: ['restricted'] })] },
    trapIs: 'the group denies leaving it',
  },
  {
    technique: 'iam-attach-role-policy-reachable',
    positive: { users: [attacker([allow(['iam:AttachRolePolicy', 'sts:AssumeRole'], roleArn('target'))])], roles: [{ name: 'target', trust: trustUser('attacker') }] },
    trap: { users: [attacker([allow(['iam:AttachRolePolicy', 'sts:AssumeRole'], roleArn('target'))])], roles: [{ name: 'target', trust: trustUser('someone-else') }] },
    trapIs: 'the role does not trust the attacker',
  },
  {
    technique: 'iam-put-role-policy-reachable',
    positive: { users: [attacker([allow(['iam:PutRolePolicy', 'sts:AssumeRole'], roleArn('target'))])], roles: [{ name: 'target', trust: trustUser('attacker') }] },
    trap: { users: [attacker([allow('iam:PutRolePolicy', roleArn('target'))])], roles: [{ name: 'target', trust: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }) }] },
    trapIs: 'a trust naming the account needs an identity Allow of sts:AssumeRole, which is missing',
  },
  {
    technique: 'iam-attach-user-policy-reachable',
    positive: { users: [attacker([allow(['iam:AttachUserPolicy', 'iam:CreateAccessKey'], userArn('victim'))]), { name: 'victim' }] },
    trap: { users: [attacker([allow('iam:AttachUserPolicy', userArn('victim'))]), { name: 'victim' }] },
    trapIs: 'no way to act as the user afterwards',
  },
  {
    technique: 'iam-put-user-policy-reachable',
    positive: { users: [attacker([allow(['iam:PutUserPolicy', 'iam:CreateLoginProfile'], userArn('victim'))]), { name: 'victim' }] },
    trap: { users: [attacker([allow(['iam:PutUserPolicy', 'iam:CreateLoginProfile'], userArn('victim'))]), { name: 'victim', boundary: S3_ONLY }], policies: { [S3_ONLY]: [allow('s3:*')] } },
    trapIs: 'the user\'s boundary limits the written policy',
  },
  {
    technique: 'iam-create-policy-version-reachable',
    positive: { policies: { Shared: [allow('s3:ListAllMyBuckets')] }, users: [attacker([allow('iam:CreatePolicyVersion', policyArn('Shared')), allow('sts:AssumeRole', roleArn('target'))])], roles: [{ name: 'target', trust: trustUser('attacker'), managed: ['Shared'] }] },
    trap: { policies: { Shared: [allow('s3:ListAllMyBuckets')] }, users: [attacker([allow('iam:CreatePolicyVersion', policyArn('Shared'))])], roles: [{ name: 'target', trust: trustUser('someone-else'), managed: ['Shared'] }] },
    trapIs: 'no way to act as the role holding the policy',
  },
  {
    technique: 'iam-delete-role-permissions-boundary-reachable',
    positive: { policies: { [S3_ONLY]: [allow('s3:*')] }, users: [attacker([allow(['iam:DeleteRolePermissionsBoundary', 'sts:AssumeRole'], roleArn('target'))])], roles: [{ name: 'target', trust: trustUser('attacker'), managed: [ADMINISTRATOR_ACCESS], boundary: S3_ONLY }] },
    trap: { policies: { [S3_ONLY]: [allow('s3:*')] }, users: [attacker([allow(['iam:DeleteRolePermissionsBoundary'], roleArn('other')), allow('sts:AssumeRole', roleArn('target'))])], roles: [{ name: 'target', trust: trustUser('attacker'), managed: [ADMINISTRATOR_ACCESS], boundary: S3_ONLY }] },
    trapIs: 'the permission names another role',
  },
  {
    technique: 'iam-delete-user-permissions-boundary-reachable',
    positive: { policies: { [S3_ONLY]: [allow('s3:*')] }, users: [attacker([allow(['iam:DeleteUserPermissionsBoundary', 'iam:CreateAccessKey'], userArn('victim'))]), { ...victim, boundary: S3_ONLY }] },
    trap: { policies: { [S3_ONLY]: [allow('s3:*')] }, users: [attacker([allow('iam:CreateAccessKey', userArn('victim'))]), { ...victim, boundary: S3_ONLY }] },
    trapIs: 'no permission to remove the boundary',
  },
  {
    technique: 'iam-create-access-key',
    positive: { users: [attacker([allow('iam:CreateAccessKey', userArn('victim'))]), victim] },
    trap: { users: [attacker([allow('iam:CreateAccessKey', userArn('someone'))]), victim] },
    trapIs: 'the permission names another user',
  },
  {
    technique: 'iam-create-login-profile',
    positive: { users: [attacker([allow('iam:CreateLoginProfile', userArn('victim'))]), victim] },
    trap: { users: [attacker([allow('iam:CreateLoginProfile', userArn('victim')), deny('iam:CreateLoginProfile')]), victim] },
    trapIs: 'an explicit Deny',
  },
  {
    technique: 'iam-update-login-profile',
    positive: { users: [attacker([allow('iam:UpdateLoginProfile', userArn('victim'))]), victim] },
    trap: { users: [attacker([allow('iam:UpdateLoginProfile', userArn('victim'))], { boundary: S3_ONLY }), victim], policies: { [S3_ONLY]: [allow('s3:*')] } },
    trapIs: 'a boundary blocks the action',
  },
  {
    technique: 'iam-update-assume-role-policy',
    positive: { users: [attacker([allow('iam:UpdateAssumeRolePolicy', roleArn('admin'))])], roles: [{ name: 'admin', trust: 'ec2.amazonaws.com', managed: [ADMINISTRATOR_ACCESS] }] },
    trap: { users: [attacker([allow('iam:UpdateAssumeRolePolicy', roleArn('admin'), { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })], { boundary: S3_ONLY })], roles: [{ name: 'admin', trust: 'ec2.amazonaws.com', managed: [ADMINISTRATOR_ACCESS] }], policies: { [S3_ONLY]: [allow('s3:*')] } },
    trapIs: 'a boundary blocks the action',
  },
];

async function adminPaths(spec: GaadSpec, from = ME) {
  const { model, graph } = await loadGaad(spec);
  return findPaths(graph, model, from, 'admin', DEFAULT_ANALYSIS_OPTIONS).paths;
}

describe('IAM techniques: a path to admin, and none when one precondition is missing', () => {
  it.each(CASES.map((c) => [c.technique, c] as const))('%s', async (technique, c) => {
    const paths = await adminPaths(c.positive, c.from);
    expect(paths.some((p) => p.hops.some((h) => h.kind === technique)), `no path via ${technique}`).toBe(true);
    const trapped = await adminPaths(c.trap, c.from);
    expect(trapped, `trap (${c.trapIs}) still reaches admin`).toEqual([]);
  });
  it('every IAM technique of the catalog has a case here', async () => {
    const { IAM_TECHNIQUES } = await import('../../../src/graph/techniques/catalog/iam.ts');
    expect(IAM_TECHNIQUES.map((t) => t.id).filter((id) => !CASES.some((c) => c.technique === id))).toEqual([]);
  });
});
