/**
 * `aws iam get-account-authorization-details` output (GAAD), as the AWS CLI prints it: users,
 * groups, roles (trust policy, instance profiles, boundary, last use, tags) and managed policies
 * with every version (only the default one is in force). Documents may be objects or URL-encoded
 * strings; the account comes from the ARNs, so pages and accounts can be mixed freely.
 */
import { inlinePolicyId, trustPolicyId } from '../../src/model/ids.ts';
import { accountOfArn, type IamArnKind } from '../../src/policy/arn.ts';
import type { Tag } from '../../src/model/types.ts';
import type { ModelBuilder } from '../builder.ts';
import { expectArray, expectIamArn, expectRecord, expectString, InputProblem, isRecord } from '../errors.ts';

export const isGaad = (doc: unknown): boolean =>
  isRecord(doc) && (['UserDetailList', 'GroupDetailList', 'RoleDetailList'].some((k) => k in doc) ||
    (Array.isArray(doc.Policies) && doc.Policies.some((p) => isRecord(p) && 'PolicyVersionList' in p)));

interface Ctx {
  b: ModelBuilder;
  file: string;
}

const tagsOf = (v: unknown, pointer: string): Tag[] =>
  expectArray(v, pointer).map((t, i) => {
    const tag = expectRecord(t, `${pointer}/${i}`);
    return { key: expectString(tag.Key, `${pointer}/${i}/Key`), value: typeof tag.Value === 'string' ? tag.Value : '' };
  });

/** A principal's ARN and the account it names (an IAM ARN of a principal always names one). */
function principalArn(v: unknown, kind: IamArnKind, pointer: string): { arn: string; accountId: string } {
  const arn = expectIamArn(v, kind, pointer);
  return { arn, accountId: accountOfArn(arn)! };
}

function inlinePolicies(ctx: Ctx, ownerArn: string, list: unknown, pointer: string, nameKey = 'PolicyName', docKey = 'PolicyDocument'): string[] {
  return expectArray(list, pointer).map((p, i) => {
    const at = `${pointer}/${i}`;
    const entry = expectRecord(p, at);
    const name = expectString(entry[nameKey], `${at}/${nameKey}`);
    const id = inlinePolicyId(ownerArn, name);
    ctx.b.addPolicy({ id, name, kind: 'inline', type: 'identity', document: entry[docKey], source: { file: ctx.file, pointer: `${at}/${docKey}` } });
    return id;
  });
}

function attached(ctx: Ctx, list: unknown, pointer: string): string[] {
  return expectArray(list, pointer).map((p, i) => {
    const entry = expectRecord(p, `${pointer}/${i}`);
    const arn = expectIamArn(entry.PolicyArn, 'policy', `${pointer}/${i}/PolicyArn`);
    ctx.b.referencePolicy(arn, typeof entry.PolicyName === 'string' ? entry.PolicyName : arn.split('/').pop()!);
    return arn;
  });
}

function boundaryOf(ctx: Ctx, v: unknown, pointer: string): string | undefined {
  if (v === undefined) return undefined;
  const arn = expectIamArn(expectRecord(v, pointer).PermissionsBoundaryArn, 'policy', `${pointer}/PermissionsBoundaryArn`);
  ctx.b.referencePolicy(arn, arn.split('/').pop()!);
  return arn;
}

/** Runs `fn` for each element; a bad element is an input error, the others still load. */
function each(ctx: Ctx, list: unknown, pointer: string, fn: (entry: Record<string, unknown>, at: string) => void): void {
  let items: unknown[];
  try {
    items = expectArray(list, pointer);
  } catch (err) {
    if (err instanceof InputProblem) return void ctx.b.errors.push({ file: ctx.file, pointer: err.pointer, message: err.detail });
    throw err;
  }
  items.forEach((item, i) => {
    const at = `${pointer}/${i}`;
    try {
      fn(expectRecord(item, at), at);
    } catch (err) {
      if (!(err instanceof InputProblem)) throw err;
      ctx.b.errors.push({ file: ctx.file, pointer: err.pointer, message: err.detail });
    }
  });
}

export function readGaad(doc: Record<string, unknown>, file: string, b: ModelBuilder, base = ''): void {
  const ctx: Ctx = { b, file };

  each(ctx, doc.Policies, `${base}/Policies`, (p, at) => {
    const arn = expectIamArn(p.Arn, 'policy', `${at}/Arn`);
    const name = expectString(p.PolicyName, `${at}/PolicyName`);
    const versions = expectArray(p.PolicyVersionList, `${at}/PolicyVersionList`);
    const index = versions.findIndex((v) => isRecord(v) && (v.IsDefaultVersion === true || (p.DefaultVersionId !== undefined && v.VersionId === p.DefaultVersionId)));
    if (index < 0) throw new InputProblem(`${at}/PolicyVersionList`, 'expected a version with IsDefaultVersion true, got none');
    const version = versions[index] as Record<string, unknown>;
    const account = accountOfArn(arn);
    if (account) b.account(account, { external: false });
    const otherVersions = versions.flatMap((v, i) => (i !== index && isRecord(v) && v.Document !== undefined
      ? [{ versionId: typeof v.VersionId === 'string' ? v.VersionId : `#${i}`, document: v.Document, source: { file, pointer: `${at}/PolicyVersionList/${i}/Document` } }]
      : []));
    b.addPolicy({
      id: arn, name, kind: arn.includes(':iam::aws:') ? 'aws-managed' : 'customer-managed', type: 'identity',
      document: version.Document, source: { file, pointer: `${at}/PolicyVersionList/${index}/Document` },
      ...(otherVersions.length ? { otherVersions } : {}),
    });
  });

  each(ctx, doc.GroupDetailList, `${base}/GroupDetailList`, (g, at) => {
    const { arn, accountId } = principalArn(g.Arn, 'group', `${at}/Arn`);
    b.account(accountId, { external: false });
    b.defineGroup({
      arn, accountId,
      name: expectString(g.GroupName, `${at}/GroupName`),
      path: typeof g.Path === 'string' ? g.Path : '/',
      ...(typeof g.GroupId === 'string' ? { groupId: g.GroupId } : {}),
      managedPolicies: attached(ctx, g.AttachedManagedPolicies, `${at}/AttachedManagedPolicies`).sort(),
      inlinePolicies: inlinePolicies(ctx, arn, g.GroupPolicyList, `${at}/GroupPolicyList`).sort(),
      source: { file, pointer: at },
    });
  });

  each(ctx, doc.UserDetailList, `${base}/UserDetailList`, (u, at) => {
    const { arn, accountId } = principalArn(u.Arn, 'user', `${at}/Arn`);
    b.account(accountId, { external: false });
    const boundary = boundaryOf(ctx, u.PermissionsBoundary, `${at}/PermissionsBoundary`);
    const groupNames = expectArray(u.GroupList, `${at}/GroupList`).map((g, i) => expectString(g, `${at}/GroupList/${i}`));
    b.defineUser({
      arn, accountId,
      name: expectString(u.UserName, `${at}/UserName`),
      path: typeof u.Path === 'string' ? u.Path : '/',
      ...(typeof u.UserId === 'string' ? { userId: u.UserId } : {}),
      groups: [],
      managedPolicies: attached(ctx, u.AttachedManagedPolicies, `${at}/AttachedManagedPolicies`).sort(),
      inlinePolicies: inlinePolicies(ctx, arn, u.UserPolicyList, `${at}/UserPolicyList`).sort(),
      ...(boundary ? { boundary } : {}),
      tags: tagsOf(u.Tags, `${at}/Tags`),
      ...(typeof u.CreateDate === 'string' ? { createDate: u.CreateDate } : {}),
      source: { file, pointer: at },
    }, groupNames);
  });

  each(ctx, doc.RoleDetailList, `${base}/RoleDetailList`, (r, at) => {
    const { arn, accountId } = principalArn(r.Arn, 'role', `${at}/Arn`);
    const name = expectString(r.RoleName, `${at}/RoleName`);
    const path = typeof r.Path === 'string' ? r.Path : '/';
    b.account(accountId, { external: false });
    const trustId = trustPolicyId(arn);
    b.addPolicy({ id: trustId, name: `${name} trust policy`, kind: 'trust', type: 'trust', document: r.AssumeRolePolicyDocument, source: { file, pointer: `${at}/AssumeRolePolicyDocument` } });
    const profiles: string[] = [];
    each(ctx, r.InstanceProfileList, `${at}/InstanceProfileList`, (ip, ipAt) => {
      const ipArn = expectIamArn(ip.Arn, 'instance-profile', `${ipAt}/Arn`);
      profiles.push(ipArn);
      const existing = b.instanceProfiles.get(ipArn);
      b.instanceProfiles.set(ipArn, {
        arn: ipArn, accountId,
        name: expectString(ip.InstanceProfileName, `${ipAt}/InstanceProfileName`),
        path: typeof ip.Path === 'string' ? ip.Path : '/',
        roles: [...new Set([...(existing?.roles ?? []), arn])].sort(),
      });
    });
    const boundary = boundaryOf(ctx, r.PermissionsBoundary, `${at}/PermissionsBoundary`);
    const lastUsed = isRecord(r.RoleLastUsed) && typeof r.RoleLastUsed.LastUsedDate === 'string' ? r.RoleLastUsed.LastUsedDate : undefined;
    b.defineRole({
      arn, accountId, name, path,
      ...(typeof r.RoleId === 'string' ? { roleId: r.RoleId } : {}),
      trustPolicy: trustId,
      managedPolicies: attached(ctx, r.AttachedManagedPolicies, `${at}/AttachedManagedPolicies`).sort(),
      inlinePolicies: inlinePolicies(ctx, arn, r.RolePolicyList, `${at}/RolePolicyList`).sort(),
      ...(boundary ? { boundary } : {}),
      instanceProfiles: profiles.sort(),
      tags: tagsOf(r.Tags, `${at}/Tags`),
      serviceLinked: path.startsWith('/aws-service-role/'),
      ...(lastUsed ? { lastUsed } : {}),
      ...(typeof r.MaxSessionDuration === 'number' ? { maxSessionDuration: r.MaxSessionDuration } : {}),
      source: { file, pointer: at },
    });
  });
}
