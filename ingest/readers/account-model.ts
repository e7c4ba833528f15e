/**
 * The hand-written account model (YAML or JSON; schema in schema/account-model.schema.json):
 * accounts with users, groups, roles, named policies and resources, and the organization tree.
 * Short forms resolve inside the account (`user/alice`, `role/Deploy`, a policy's name), and the
 * result is the same model a GAAD export of that account gives.
 */
import { inlinePolicyId, resourcePolicyId, trustPolicyId } from '../../src/model/ids.ts';
import { pointerPart } from '../../src/policy/parse.ts';
import { accountOfArn, iamArn, isAccountId, rootArn, type IamArnKind } from '../../src/policy/arn.ts';
import type { Tag } from '../../src/model/types.ts';
import type { ModelBuilder } from '../builder.ts';
import { describeValue, expectArn, expectArray, expectIamArn, expectRecord, expectString, InputProblem, isRecord } from '../errors.ts';
import { addOrgPolicy } from './organization.ts';

export const isAccountModel = (doc: unknown): boolean => isRecord(doc) && Array.isArray(doc.accounts);

interface Ctx {
  b: ModelBuilder;
  file: string;
  account: string;
  /** policy name → ARN, for this account's named policies */
  policyNames: Map<string, string>;
}

function accountId(v: unknown, pointer: string): string {
  const id = typeof v === 'number' ? String(v).padStart(12, '0') : v;
  if (typeof id !== 'string' || !isAccountId(id)) throw new InputProblem(pointer, `expected a 12-digit account id (quote it in YAML), got ${describeValue(v)}`);
  return id;
}

/** Tag values are strings; YAML may give a number or boolean for an unquoted one. */
function tagValue(v: unknown, pointer: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new InputProblem(pointer, `expected a tag value string, got ${describeValue(v)}`);
}

function tagsOf(v: unknown, pointer: string): Tag[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) {
    return v.map((t, i) => {
      const tag = expectRecord(t, `${pointer}/${i}`);
      return { key: expectString(tag.key ?? tag.Key, `${pointer}/${i}/key`), value: tagValue(tag.value ?? tag.Value, `${pointer}/${i}/value`) };
    });
  }
  return Object.entries(expectRecord(v, pointer)).map(([key, value]) => ({ key, value: tagValue(value, `${pointer}/${pointerPart(key)}`) }));
}

/**
 * The ARN a name and path stand for. A hand-written model may name things as IAM never would
 * (control characters, line breaks, markup): every output keeps such a name as data. Only an empty
 * name is an input error.
 */
function namedArn(account: string, kind: IamArnKind, name: unknown, path: string, pointer: string): string {
  const text = expectString(name, pointer);
  if (text === '') throw new InputProblem(pointer, `expected an IAM name, got ${describeValue(name)}`);
  return iamArn(account, kind, text, path);
}

function pathOf(v: unknown, pointer: string): string {
  if (v === undefined) return '/';
  const path = expectString(v, pointer);
  if (!path.startsWith('/') || !path.endsWith('/')) throw new InputProblem(pointer, `expected a path such as "/" or "/service-role/", got ${describeValue(path)}`);
  return path;
}

/** A policy reference: an ARN, or the name of a policy defined in this account's `policies`. */
function policyRef(ctx: Ctx, v: unknown, pointer: string): string {
  const ref = expectString(v, pointer);
  if (ref.startsWith('arn:')) {
    expectIamArn(ref, 'policy', pointer);
    ctx.b.referencePolicy(ref, ref.split('/').pop()!);
    return ref;
  }
  const arn = ctx.policyNames.get(ref);
  if (!arn) throw new InputProblem(pointer, `expected a policy ARN or the name of a policy in this account's "policies", got ${describeValue(ref)}`);
  return arn;
}

function inlineOf(ctx: Ctx, ownerArn: string, v: unknown, pointer: string): string[] {
  if (v === undefined) return [];
  return Object.entries(expectRecord(v, pointer)).map(([name, document]) => {
    const id = inlinePolicyId(ownerArn, name);
    ctx.b.addPolicy({ id, name, kind: 'inline', type: 'identity', document, source: { file: ctx.file, pointer: `${pointer}/${name}` } });
    return id;
  }).sort();
}

/**
 * A principal in short form → the Principal element entry it stands for:
 * `user/alice`, `role/path/Deploy`, `111122223333:role/Deploy`, an ARN, an account id,
 * `*`, `ec2.amazonaws.com` (a service), `saml-provider/Okta` / `oidc-provider/host` (federated).
 */
export function shortPrincipal(value: string, account: string): { type: 'AWS' | 'Service' | 'Federated'; value: string } {
  if (value === '*') return { type: 'AWS', value: '*' };
  if (value.startsWith('arn:')) return { type: /:(saml|oidc)-provider\//.test(value) ? 'Federated' : 'AWS', value };
  if (isAccountId(value)) return { type: 'AWS', value: rootArn(value) };
  if (/\.amazonaws\.com(\.cn)?$/.test(value)) return { type: 'Service', value };
  const m = /^(?:([^:/]+):)?(user|role|group|saml-provider|oidc-provider)\/(.+)$/.exec(value);
  if (!m || (m[1] !== undefined && !isAccountId(m[1]))) throw new InputProblem('', `expected a principal (user/NAME, role/NAME, ACCOUNT:role/NAME, an ARN, an account id, a service or *), got ${describeValue(value)}`);
  const [, acct = account, kind, rest] = m;
  const slash = rest.lastIndexOf('/');
  const path = slash < 0 ? '/' : `/${rest.slice(0, slash)}/`;
  const name = rest.slice(slash + 1);
  const arn = iamArn(acct, kind, name, kind.endsWith('provider') ? '/' : path);
  return { type: kind.endsWith('provider') ? 'Federated' : 'AWS', value: kind.endsWith('provider') ? iamArn(acct, kind, rest, '/') : arn };
}

/** The trust element: a policy document, or a short list of principals allowed to assume the role. */
function trustDocument(v: unknown, account: string, pointer: string): unknown {
  if (isRecord(v) && 'Statement' in v) return v;
  if (typeof v === 'string' && v.trim().startsWith('{')) return v;
  const list = Array.isArray(v) ? v : [v];
  const principals: Record<string, string[]> = {};
  list.forEach((entry, i) => {
    try {
      const p = shortPrincipal(expectString(entry, `${pointer}/${i}`), account);
      (principals[p.type] ??= []).push(p.value);
    } catch (err) {
      if (err instanceof InputProblem && err.pointer === '') throw new InputProblem(Array.isArray(v) ? `${pointer}/${i}` : pointer, err.detail);
      throw err;
    }
  });
  const statements = [];
  if (principals.AWS || principals.Service) {
    const principal: Record<string, string[]> = {};
    if (principals.AWS) principal.AWS = principals.AWS;
    if (principals.Service) principal.Service = principals.Service;
    statements.push({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });
  }
  for (const provider of principals.Federated ?? []) {
    statements.push({ Effect: 'Allow', Principal: { Federated: provider }, Action: provider.includes(':saml-provider/') ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity' });
  }
  return { Version: '2012-10-17', Statement: statements };
}

function guard(ctx: Ctx, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof InputProblem)) throw err;
    ctx.b.errors.push({ file: ctx.file, pointer: err.pointer, message: err.detail });
  }
}

function readAccount(b: ModelBuilder, file: string, raw: Record<string, unknown>, at: string): void {
  const account = accountId(raw.id, `${at}/id`);
  b.account(account, { external: false, ...(typeof raw.name === 'string' ? { name: raw.name } : {}) });
  const ctx: Ctx = { b, file, account, policyNames: new Map() };

  expectArray(raw.policies, `${at}/policies`).forEach((p, i) => guard(ctx, () => {
    const pAt = `${at}/policies/${i}`;
    const entry = expectRecord(p, pAt);
    const arn = entry.arn !== undefined ? expectIamArn(entry.arn, 'policy', `${pAt}/arn`)
      : namedArn(account, 'policy', entry.name, pathOf(entry.path, `${pAt}/path`), `${pAt}/name`);
    const name = typeof entry.name === 'string' ? entry.name : arn.split('/').pop()!;
    ctx.policyNames.set(name, arn);
    if (entry.document === undefined) b.referencePolicy(arn, name);
    else b.addPolicy({ id: arn, name, kind: arn.includes(':iam::aws:') ? 'aws-managed' : 'customer-managed', type: 'identity', document: entry.document, source: { file, pointer: `${pAt}/document` } });
  }));

  const groupNames = new Set<string>();
  expectArray(raw.groups, `${at}/groups`).forEach((g, i) => guard(ctx, () => {
    const gAt = `${at}/groups/${i}`;
    const entry = expectRecord(g, gAt);
    const name = expectString(entry.name, `${gAt}/name`);
    const arn = namedArn(account, 'group', name, pathOf(entry.path, `${gAt}/path`), `${gAt}/name`);
    groupNames.add(name);
    b.defineGroup({
      arn, name, path: pathOf(entry.path, `${gAt}/path`), accountId: account,
      managedPolicies: expectArray(entry.policies, `${gAt}/policies`).map((p, j) => policyRef(ctx, p, `${gAt}/policies/${j}`)).sort(),
      inlinePolicies: inlineOf(ctx, arn, entry.inline, `${gAt}/inline`),
      source: { file, pointer: gAt },
    });
  }));

  expectArray(raw.users, `${at}/users`).forEach((u, i) => guard(ctx, () => {
    const uAt = `${at}/users/${i}`;
    const entry = expectRecord(u, uAt);
    const name = expectString(entry.name, `${uAt}/name`);
    const path = pathOf(entry.path, `${uAt}/path`);
    const arn = namedArn(account, 'user', name, path, `${uAt}/name`);
    const boundary = entry.boundary === undefined ? undefined : policyRef(ctx, entry.boundary, `${uAt}/boundary`);
    const groupNames = expectArray(entry.groups, `${uAt}/groups`).map((g, j) => expectString(g, `${uAt}/groups/${j}`));
    b.defineUser({
      arn, name, path, accountId: account, groups: [],
      managedPolicies: expectArray(entry.policies, `${uAt}/policies`).map((p, j) => policyRef(ctx, p, `${uAt}/policies/${j}`)).sort(),
      inlinePolicies: inlineOf(ctx, arn, entry.inline, `${uAt}/inline`),
      ...(boundary ? { boundary } : {}),
      tags: tagsOf(entry.tags, `${uAt}/tags`),
      source: { file, pointer: uAt },
    }, groupNames);
  }));

  expectArray(raw.roles, `${at}/roles`).forEach((r, i) => guard(ctx, () => {
    const rAt = `${at}/roles/${i}`;
    const entry = expectRecord(r, rAt);
    const name = expectString(entry.name, `${rAt}/name`);
    const path = pathOf(entry.path, `${rAt}/path`);
    const arn = namedArn(account, 'role', name, path, `${rAt}/name`);
    if (entry.trust === undefined) throw new InputProblem(`${rAt}/trust`, 'expected a trust policy document or a list of principals, got nothing');
    const trustId = trustPolicyId(arn);
    b.addPolicy({ id: trustId, name: `${name} trust policy`, kind: 'trust', type: 'trust', document: trustDocument(entry.trust, account, `${rAt}/trust`), source: { file, pointer: `${rAt}/trust` } });
    const profiles = expectArray(entry.instanceProfiles, `${rAt}/instanceProfiles`).map((p, j) => {
      const profileName = expectString(p, `${rAt}/instanceProfiles/${j}`);
      const profileArn = namedArn(account, 'instance-profile', profileName, '/', `${rAt}/instanceProfiles/${j}`);
      const existing = b.instanceProfiles.get(profileArn);
      b.instanceProfiles.set(profileArn, { arn: profileArn, name: profileName, path: '/', accountId: account, roles: [...new Set([...(existing?.roles ?? []), arn])].sort() });
      return profileArn;
    });
    const boundary = entry.boundary === undefined ? undefined : policyRef(ctx, entry.boundary, `${rAt}/boundary`);
    b.defineRole({
      arn, name, path, accountId: account, trustPolicy: trustId,
      managedPolicies: expectArray(entry.policies, `${rAt}/policies`).map((p, j) => policyRef(ctx, p, `${rAt}/policies/${j}`)).sort(),
      inlinePolicies: inlineOf(ctx, arn, entry.inline, `${rAt}/inline`),
      ...(boundary ? { boundary } : {}),
      instanceProfiles: profiles.sort(),
      tags: tagsOf(entry.tags, `${rAt}/tags`),
      serviceLinked: path.startsWith('/aws-service-role/'),
      source: { file, pointer: rAt },
    });
  }));

  expectArray(raw.resources, `${at}/resources`).forEach((r, i) => guard(ctx, () => {
    const rAt = `${at}/resources/${i}`;
    const entry = expectRecord(r, rAt);
    const arn = expectArn(entry.arn, `${rAt}/arn`);
    const owner = accountOfArn(arn) ?? account;
    const resource = { arn, accountId: owner, service: arn.split(':')[2] ?? '', tags: tagsOf(entry.tags, `${rAt}/tags`), source: { file, pointer: rAt } };
    if (entry.policy !== undefined) {
      const id = resourcePolicyId(arn);
      b.addPolicy({ id, name: `${arn} resource policy`, kind: 'resource', type: 'resource', document: entry.policy, source: { file, pointer: `${rAt}/policy` } });
      b.resources.set(arn, { ...resource, resourcePolicy: id });
    } else {
      b.resources.set(arn, resource);
    }
  }));
}

function readOrganization(b: ModelBuilder, file: string, raw: Record<string, unknown>, at: string): void {
  if (raw.id !== undefined) b.organizationId = expectString(raw.id, `${at}/id`);
  if (raw.managementAccount !== undefined) b.managementAccountId = accountId(raw.managementAccount, `${at}/managementAccount`);
  const names = new Map<string, string>();
  expectArray(raw.policies, `${at}/policies`).forEach((p, i) => {
    const pAt = `${at}/policies/${i}`;
    const entry = expectRecord(p, pAt);
    const name = expectString(entry.name, `${pAt}/name`);
    const type = entry.type === 'rcp' ? 'rcp' : entry.type === 'scp' || entry.type === undefined ? 'scp' : (() => { throw new InputProblem(`${pAt}/type`, `expected "scp" or "rcp", got ${describeValue(entry.type)}`); })();
    const id = addOrgPolicy(b, type, typeof entry.id === 'string' ? entry.id : name, name, entry.document, { file, pointer: `${pAt}/document` });
    names.set(name, id);
  });
  const refs = (v: unknown, pointer: string, type: 'scp' | 'rcp'): string[] =>
    expectArray(v, pointer).map((p, i) => {
      const name = expectString(p, `${pointer}/${i}`);
      const id = names.get(name);
      if (!id || !id.startsWith(`${type}:`)) throw new InputProblem(`${pointer}/${i}`, `expected the name of a ${type.toUpperCase()} in organization.policies, got ${describeValue(name)}`);
      return id;
    });
  const root = expectRecord(raw.root, `${at}/root`);
  const rootId = expectString(root.id, `${at}/root/id`);
  b.orgNodes.set(rootId, { id: rootId, kind: 'root', scps: refs(root.scps, `${at}/root/scps`, 'scp'), rcps: refs(root.rcps, `${at}/root/rcps`, 'rcp') });
  const attach = (accounts: unknown, parent: string, pointer: string) => {
    expectArray(accounts, pointer).forEach((a, i) => {
      const entry = isRecord(a) ? a : { id: a };
      const id = accountId(entry.id, `${pointer}/${i}${isRecord(a) ? '/id' : ''}`);
      b.orgNodes.set(id, { id, kind: 'account', parent, scps: refs(entry.scps, `${pointer}/${i}/scps`, 'scp'), rcps: refs(entry.rcps, `${pointer}/${i}/rcps`, 'rcp') });
    });
  };
  attach(root.accounts, rootId, `${at}/root/accounts`);
  expectArray(raw.ous, `${at}/ous`).forEach((o, i) => {
    const oAt = `${at}/ous/${i}`;
    const ou = expectRecord(o, oAt);
    const id = expectString(ou.id, `${oAt}/id`);
    b.orgNodes.set(id, {
      id, kind: 'ou', parent: typeof ou.parent === 'string' ? ou.parent : rootId,
      ...(typeof ou.name === 'string' ? { name: ou.name } : {}),
      scps: refs(ou.scps, `${oAt}/scps`, 'scp'), rcps: refs(ou.rcps, `${oAt}/rcps`, 'rcp'),
    });
    attach(ou.accounts, id, `${oAt}/accounts`);
  });
}

export function readAccountModel(doc: Record<string, unknown>, file: string, b: ModelBuilder, base = ''): void {
  const accounts = expectArray(doc.accounts, `${base}/accounts`);
  accounts.forEach((a, i) => {
    const at = `${base}/accounts/${i}`;
    try {
      readAccount(b, file, expectRecord(a, at), at);
    } catch (err) {
      if (!(err instanceof InputProblem)) throw err;
      b.errors.push({ file, pointer: err.pointer, message: err.detail });
    }
  });
  if (doc.organization !== undefined) {
    try {
      readOrganization(b, file, expectRecord(doc.organization, `${base}/organization`), `${base}/organization`);
    } catch (err) {
      if (!(err instanceof InputProblem)) throw err;
      b.errors.push({ file, pointer: err.pointer, message: err.detail });
    }
  }
}
