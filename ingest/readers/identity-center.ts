/**
 * IAM Identity Center: permission sets and account assignments (`aws sso-admin`) and the
 * identity store's users, groups and memberships (`aws identitystore`), mapped onto the
 * `AWSReservedSSO_<PermissionSet>_<suffix>` roles they create in each account. When an account's
 * export lacks that role, it is built from the permission set (and a warning says so).
 */
import { inlinePolicyId, trustPolicyId } from '../../src/model/ids.ts';
import { iamArn } from '../../src/policy/arn.ts';
import type { IdentityCenterAssignment, IdentityCenterPrincipal } from '../../src/model/types.ts';
import type { ModelBuilder } from '../builder.ts';
import { describeValue, expectAccountId, expectArray, expectIamArn, forEachElement, expectRecord, expectString, isRecord } from '../errors.ts';

export const isIdentityCenter = (doc: unknown): boolean => isRecord(doc) && Array.isArray(doc.PermissionSets);

const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';

interface PermissionSet {
  arn: string;
  name: string;
  inline?: string;
  managed: string[];
  boundary?: string;
}

function findSsoRole(b: ModelBuilder, account: string, setName: string): string | undefined {
  const prefix = `AWSReservedSSO_${setName}_`;
  for (const role of b.roles.values()) if (role.accountId === account && role.name.startsWith(prefix)) return role.arn;
  return undefined;
}

export function readIdentityCenter(doc: Record<string, unknown>, file: string, b: ModelBuilder, base = ''): void {
  const store = typeof doc.IdentityStoreId === 'string' ? doc.IdentityStoreId : 'identity-store';
  const sets = new Map<string, PermissionSet>();
  forEachElement(b.errors, file, doc.PermissionSets, `${base}/PermissionSets`, (p, at) => {
    const ps = expectRecord(isRecord(p) && isRecord(p.PermissionSet) ? { ...p.PermissionSet, ...p } : p, at);
    const arn = expectString(ps.PermissionSetArn, `${at}/PermissionSetArn`);
    const set: PermissionSet = { arn, name: expectString(ps.Name, `${at}/Name`), managed: [] };
    if (typeof ps.InlinePolicy === 'string' && ps.InlinePolicy.trim() !== '') {
      set.inline = `${arn}#inline`;
      b.addPolicy({ id: set.inline, name: `${set.name} inline policy`, kind: 'permission-set', type: 'identity', document: ps.InlinePolicy, source: { file, pointer: `${at}/InlinePolicy` } });
    }
    expectArray(ps.AttachedManagedPolicies, `${at}/AttachedManagedPolicies`).forEach((m, j) => {
      const policyArn = expectIamArn(expectRecord(m, `${at}/AttachedManagedPolicies/${j}`).Arn, 'policy', `${at}/AttachedManagedPolicies/${j}/Arn`);
      b.referencePolicy(policyArn, policyArn.split('/').pop()!);
      set.managed.push(policyArn);
    });
    if (isRecord(ps.PermissionsBoundary) && typeof ps.PermissionsBoundary.ManagedPolicyArn === 'string') {
      set.boundary = String(ps.PermissionsBoundary.ManagedPolicyArn);
      b.referencePolicy(set.boundary, set.boundary.split('/').pop()!);
    }
    sets.set(arn, set);
  });

  const principals: IdentityCenterPrincipal[] = [];
  const memberships = new Map<string, string[]>();
  forEachElement(b.errors, file, doc.GroupMemberships, `${base}/GroupMemberships`, (m, _at, i) => {
    const entry = expectRecord(m, `${base}/GroupMemberships/${i}`);
    const userId = isRecord(entry.MemberId) ? expectString(entry.MemberId.UserId, `${base}/GroupMemberships/${i}/MemberId/UserId`) : expectString(entry.UserId, `${base}/GroupMemberships/${i}/UserId`);
    const groupId = expectString(entry.GroupId, `${base}/GroupMemberships/${i}/GroupId`);
    memberships.set(userId, [...(memberships.get(userId) ?? []), `idc-group:${store}/${groupId}`]);
  });
  forEachElement(b.errors, file, doc.Users, `${base}/Users`, (u, _at, i) => {
    const user = expectRecord(u, `${base}/Users/${i}`);
    const id = expectString(user.UserId, `${base}/Users/${i}/UserId`);
    principals.push({ id: `idc-user:${store}/${id}`, kind: 'idc-user', name: String(user.UserName ?? user.DisplayName ?? id), groups: (memberships.get(id) ?? []).sort() });
  });
  forEachElement(b.errors, file, doc.Groups, `${base}/Groups`, (g, _at, i) => {
    const group = expectRecord(g, `${base}/Groups/${i}`);
    const id = expectString(group.GroupId, `${base}/Groups/${i}/GroupId`);
    principals.push({ id: `idc-group:${store}/${id}`, kind: 'idc-group', name: String(group.DisplayName ?? id), groups: [] });
  });

  const assignments: IdentityCenterAssignment[] = [];
  forEachElement(b.errors, file, doc.AccountAssignments, `${base}/AccountAssignments`, (a, at) => {
    const entry = expectRecord(a, at);
    const setArn = expectString(entry.PermissionSetArn, `${at}/PermissionSetArn`);
    const set = sets.get(setArn);
    const accountId = expectAccountId(entry.AccountId, `${at}/AccountId`);
    const kind = entry.PrincipalType === 'GROUP' ? 'idc-group' : 'idc-user';
    const principalId = `${kind}:${store}/${expectString(entry.PrincipalId, `${at}/PrincipalId`)}`;
    if (!set) {
      b.errors.push({ file, pointer: `${at}/PermissionSetArn`, message: `expected a permission set listed in PermissionSets, got ${describeValue(setArn)}` });
      return;
    }
    let roleArn = findSsoRole(b, accountId, set.name);
    if (!roleArn) {
      roleArn = iamArn(accountId, 'role', `AWSReservedSSO_${set.name}_0000000000000000`, SSO_PATH);
      b.warn('sso-role-synthesized', `no export of account ${accountId} holds the AWSReservedSSO_${set.name}_… role: modelled from permission set ${set.name}`, roleArn, { file, pointer: at });
      const trustId = trustPolicyId(roleArn);
      b.addPolicy({ id: trustId, name: `${set.name} trust policy`, kind: 'trust', type: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: iamArn(accountId, 'saml-provider', 'AWSSSO_IdentityCenter_DO_NOT_DELETE') }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }] } });
      const inline = set.inline ? [set.inline] : [];
      b.roles.set(roleArn, {
        arn: roleArn, name: roleArn.split('/').pop()!, path: SSO_PATH, accountId, trustPolicy: trustId,
        managedPolicies: [...set.managed].sort(), inlinePolicies: inline.map((id) => id === set.inline ? inlinePolicyId(roleArn!, 'AwsSSOInlinePolicy') : id).sort(),
        ...(set.boundary ? { boundary: set.boundary } : {}), instanceProfiles: [], tags: [], serviceLinked: false, permissionSetArn: set.arn,
      });
      if (set.inline) {
        const record = b.policies.get(set.inline);
        if (record?.policy) b.addPolicy({ id: inlinePolicyId(roleArn, 'AwsSSOInlinePolicy'), name: 'AwsSSOInlinePolicy', kind: 'inline', type: 'identity', document: record.policy.parsed.raw, source: record.source });
      }
    } else {
      b.roles.get(roleArn)!.permissionSetArn = set.arn;
    }
    assignments.push({ principalId, permissionSetArn: set.arn, permissionSetName: set.name, accountId, roleArn });
  });

  const owner = doc.OwnerAccountId === undefined ? undefined : expectAccountId(doc.OwnerAccountId, `${base}/OwnerAccountId`);
  const existing = b.identityCenter;
  b.identityCenter = {
    ...(typeof doc.InstanceArn === 'string' ? { instanceArn: doc.InstanceArn } : existing?.instanceArn ? { instanceArn: existing.instanceArn } : {}),
    ...(owner ? { ownerAccountId: owner } : existing?.ownerAccountId ? { ownerAccountId: existing.ownerAccountId } : {}),
    principals: [...(existing?.principals ?? []), ...principals].sort((x, y) => (x.id < y.id ? -1 : 1)),
    assignments: [...(existing?.assignments ?? []), ...assignments].sort((x, y) => (`${x.principalId}${x.accountId}${x.permissionSetArn}` < `${y.principalId}${y.accountId}${y.permissionSetArn}` ? -1 : 1)),
  };
}
