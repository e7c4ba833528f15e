/**
 * Pure lookups over an AccountModel, indexed once per model (WeakMap): what the graph and the
 * analyses ask for every principal.
 */
import { UserError } from '../errors.ts';
import { compilePolicy } from '../policy/compile.ts';
import type { CallerInfo, CompiledPolicy, PolicyLevel } from '../policy/types.ts';
import { accountOfArn, isAccountId, isRootArn, namesWholeAccount, principalValueArn } from '../policy/arn.ts';
import type { AccountModel } from './types.ts';

const boundaryCache = new WeakMap<CompiledPolicy, CompiledPolicy>();

function compiled(model: AccountModel, ids: readonly string[]): CompiledPolicy[] {
  const out: CompiledPolicy[] = [];
  for (const id of ids) {
    const policy = model.policies[id]?.policy;
    if (policy) out.push(policy);
  }
  return out;
}

/** Identity policies in force for a user (its own and its groups') or a role. */
export function identityPoliciesOf(model: AccountModel, principalArn: string): CompiledPolicy[] {
  const user = model.users[principalArn];
  if (user) {
    const ids = [...user.inlinePolicies, ...user.managedPolicies];
    for (const groupArn of user.groups) {
      const group = model.groups[groupArn];
      if (group) ids.push(...group.inlinePolicies, ...group.managedPolicies);
    }
    return compiled(model, [...new Set(ids)]);
  }
  const role = model.roles[principalArn];
  if (role) return compiled(model, [...role.inlinePolicies, ...role.managedPolicies]);
  return [];
}

/** The permissions boundary, compiled as a boundary (so explanations say so). */
export function boundaryOf(model: AccountModel, principalArn: string): CompiledPolicy | undefined {
  const arn = model.users[principalArn]?.boundary ?? model.roles[principalArn]?.boundary;
  const policy = arn ? model.policies[arn]?.policy : undefined;
  if (!policy) return undefined;
  let boundary = boundaryCache.get(policy);
  if (!boundary) {
    boundary = compilePolicy(policy.parsed, { ...policy.meta, type: 'boundary' });
    boundaryCache.set(policy, boundary);
  }
  return boundary;
}

function levels(model: AccountModel, accountId: string, kind: 'scps' | 'rcps'): PolicyLevel[] | undefined {
  const org = model.organization;
  if (!org) return undefined;
  const node = org.nodes[accountId];
  if (!node) return undefined;
  const chain: string[] = [];
  for (let id: string | undefined = accountId; id; id = org.nodes[id]?.parent) chain.unshift(id);
  return chain.map((id) => ({ target: id, policies: compiled(model, org.nodes[id]?.[kind] ?? []) }));
}

/** SCP levels from the root down to the account; undefined when there is no organization data for it. */
export const scpLevelsFor = (model: AccountModel, accountId: string): PolicyLevel[] | undefined => levels(model, accountId, 'scps');

/** RCP levels from the root down to the resource's account. */
export function rcpLevelsFor(model: AccountModel, accountId: string): PolicyLevel[] | undefined {
  const all = levels(model, accountId, 'rcps');
  // No RCP attached anywhere means the organization does not use RCPs (AWS attaches RCPFullAWSAccess otherwise).
  return all && all.some((l) => l.policies.length > 0) ? all : undefined;
}

export function callerOf(model: AccountModel, principalArn: string): CallerInfo {
  const user = model.users[principalArn];
  if (user) return { type: 'IAMUser', arn: user.arn, accountId: user.accountId };
  const role = model.roles[principalArn];
  if (role) return { type: 'IAMRole', arn: role.arn, accountId: role.accountId, ...(role.serviceLinked ? { serviceLinkedRole: true } : {}) };
  if (isRootArn(principalArn)) return { type: 'AccountRoot', arn: principalArn, accountId: accountOfArn(principalArn)! };
  throw new UserError(`unknown principal ${principalArn}`);
}

/** Role ARN → its trust policy; resource ARN → its resource policy. */
export function resourcePolicyOf(model: AccountModel, resourceArn: string): CompiledPolicy | undefined {
  const role = model.roles[resourceArn];
  if (role) return model.policies[role.trustPolicy]?.policy;
  const resource = model.resources[resourceArn];
  return resource?.resourcePolicy ? model.policies[resource.resourcePolicy]?.policy : undefined;
}

export function principalsOf(model: AccountModel): string[] {
  return [...Object.keys(model.users), ...Object.keys(model.roles)].sort();
}

/**
 * An ARN or a short form → the principal's ARN: `user/alice`, `role/Deploy`, `role/path/Deploy`,
 * `111122223333:role/Deploy`, `alice` (a unique user or role name), an account id (its root).
 */
export function resolvePrincipal(model: AccountModel, text: string): string {
  if (model.users[text] || model.roles[text]) return text;
  if (namesWholeAccount(text)) return principalValueArn(text);
  const m = /^(?:([^:/]+):)?(?:(user|role)\/)?(.+)$/.exec(text)!;
  const [, prefix, kind, rest] = m;
  const account = prefix !== undefined && isAccountId(prefix) ? prefix : undefined;
  if (prefix !== undefined && !account) throw new UserError(`principal "${text}": expected ACCOUNT:user/NAME with a 12-digit account id, got "${prefix}"`);
  const name = rest.split('/').pop()!;
  const candidates = [...Object.values(model.users).map((u) => ({ kind: 'user', arn: u.arn, account: u.accountId, name: u.name, path: u.path })),
    ...Object.values(model.roles).map((r) => ({ kind: 'role', arn: r.arn, account: r.accountId, name: r.name, path: r.path }))]
    .filter((c) => (!kind || c.kind === kind) && (!account || c.account === account) && c.name === name && (!rest.includes('/') || `${c.path}${c.name}`.endsWith(`/${rest}`)));
  if (candidates.length === 1) return candidates[0].arn;
  if (candidates.length > 1) throw new UserError(`principal "${text}" is ambiguous: ${candidates.map((c) => c.arn).join(', ')}`);
  const lower = name.toLowerCase();
  const close = principalsOf(model).filter((arn) => arn.toLowerCase().includes(lower)).slice(0, 3);
  throw new UserError(`unknown principal "${text}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`);
}

/**
 * Access keys a user holds, from the credential report (a key slot with no key reads `false` and
 * `N/A`); undefined without a report. IAM allows two per user ("IAM and AWS STS quotas").
 */
export function accessKeyCount(model: AccountModel, userArn: string): number | undefined {
  const keys = model.users[userArn]?.credentials?.accessKeys;
  return keys && keys.filter((k) => k.active || k.lastRotated !== undefined).length;
}
