/** The targets a technique is tried on, for one source: indexes built once per graph. */
import { policyVersionKey } from '../../access/gains.ts';
import type { PrincipalProfile } from '../../access/profile.ts';
import { computeByRole } from '../../model/compute.ts';
import type { AccountModel, ComputeResource } from '../../model/types.ts';
import { accountOfPrincipalValue, iamArn, namesWholeAccount, parseRoleSessionArn } from '../../policy/arn.ts';
import type { Technique } from './types.ts';

export interface Indexes {
  usersByAccount: Map<string, string[]>;
  rolesByAccount: Map<string, string[]>;
  groupsByAccount: Map<string, string[]>;
  /** `${account} ${service}` → roles whose trust policy names the service */
  rolesTrustingService: Map<string, string[]>;
  /** `${account} ${provider}` → roles whose trust policy names the Federated provider */
  rolesTrustingFederated: Map<string, string[]>;
  /** account → customer-managed policies attached to someone, with who holds them */
  attachedPolicies: Map<string, Map<string, string[]>>;
  /** What trust policies name: an account id, a principal ARN, or `*` → the roles that name it. */
  rolesTrusting: Map<string, string[]>;
  /** Identity Center's roles (from permission sets), every account. */
  permissionSetRoles: string[];
  /** group → its members. */
  membersOf: Map<string, string[]>;
  /** role → the compute the inventories show running as it. */
  computeByRole: Map<string, ComputeResource[]>;
  /** `kind account` of every compute resource in the inventories. */
  computeKinds: Set<string>;
  /** `technique account` → its rewrite targets there (rewriteTargets), made once. */
  rewriteTargets: Map<string, RewriteTarget[] | undefined>;
}

/** A target of a rewrite technique and the principals rewriting it changes. */
export interface RewriteTarget {
  target: string;
  principals: readonly string[];
}

function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndexes(model: AccountModel): Indexes {
  const ix: Indexes = { usersByAccount: new Map(), rolesByAccount: new Map(), groupsByAccount: new Map(), rolesTrustingService: new Map(), rolesTrustingFederated: new Map(), attachedPolicies: new Map(), rolesTrusting: new Map(), permissionSetRoles: [], membersOf: new Map(), computeByRole: computeByRole(model), computeKinds: new Set(Object.values(model.compute).map((c) => `${c.kind} ${c.accountId}`)), rewriteTargets: new Map() };
  const attached = (account: string, policies: readonly string[], holder: string) => {
    let byPolicy = ix.attachedPolicies.get(account);
    if (!byPolicy) ix.attachedPolicies.set(account, (byPolicy = new Map()));
    for (const id of policies) if (model.policies[id]?.kind === 'customer-managed') push(byPolicy, id, holder);
  };
  for (const u of Object.values(model.users)) {
    push(ix.usersByAccount, u.accountId, u.arn);
    for (const g of u.groups) push(ix.membersOf, g, u.arn);
    attached(u.accountId, u.managedPolicies, u.arn);
  }
  for (const g of Object.values(model.groups)) {
    push(ix.groupsByAccount, g.accountId, g.arn);
    attached(g.accountId, g.managedPolicies, g.arn);
  }
  for (const r of Object.values(model.roles)) {
    if (r.serviceLinked) continue;
    push(ix.rolesByAccount, r.accountId, r.arn);
    if (r.permissionSetArn) ix.permissionSetRoles.push(r.arn);
    attached(r.accountId, r.managedPolicies, r.arn);
    const trust = model.policies[r.trustPolicy]?.policy;
    const services = new Set<string>();
    const providers = new Set<string>();
    for (const s of trust?.statements ?? []) {
      const block = s.parsed.principal;
      if (s.parsed.effect !== 'Allow' || !block || block === '*') continue;
      for (const svc of block.Service ?? []) services.add(svc);
      for (const provider of block.Federated ?? []) providers.add(provider);
    }
    for (const svc of services) push(ix.rolesTrustingService, `${r.accountId} ${svc}`, r.arn);
    const named = new Set<string>();
    for (const s of trust?.statements ?? []) {
      const block = s.parsed.principal;
      if (s.parsed.effect !== 'Allow' || !block) continue;
      for (const v of block === '*' ? ['*'] : block.AWS ?? []) named.add(v === '*' ? '*' : namesWholeAccount(v) ? accountOfPrincipalValue(v)! : sessionRole(v) ?? v);
    }
    for (const key of named) push(ix.rolesTrusting, key, r.arn);
    for (const provider of providers) push(ix.rolesTrustingFederated, `${r.accountId} ${provider}`, r.arn);
  }
  return ix;
}

/** The role a role-session ARN names (a trust naming a session admits its role's sessions). */
function sessionRole(value: string): string | undefined {
  const session = parseRoleSessionArn(value);
  return session && iamArn(session.account, 'role', session.roleName, '/', session.partition);
}

/** Roles whose trust policy could admit a principal: naming it, its account, or anyone. */
export function rolesThatMayTrust(ix: Indexes, principal: string, account: string): string[] {
  return [...new Set([...(ix.rolesTrusting.get(principal) ?? []), ...(ix.rolesTrusting.get(account) ?? []), ...(ix.rolesTrusting.get('*') ?? [])])];
}

/** Managed and inline policies of a user or role and its groups. */
function ownPolicies(model: AccountModel, arn: string, withGroups: boolean): string[] {
  const user = model.users[arn];
  const entity = user ?? model.roles[arn];
  if (!entity) return [];
  const groups = withGroups && user ? user.groups.flatMap((g) => model.groups[g]?.managedPolicies ?? []) : [];
  return [...new Set([...entity.managedPolicies, ...entity.inlinePolicies, ...groups])];
}

const hasDeny = (model: AccountModel, id: string): boolean => Boolean(model.policies[id]?.policy?.statements.some((s) => s.parsed.effect === 'Deny'));

/** The principals a rewrite of this target changes: the user or role itself; for a policy, everyone who holds it (a group's members). */
export function principalsRewritten(model: AccountModel, target: string, ix: Indexes, account: string): string[] {
  if (model.users[target] || model.roles[target]) return [target];
  const holders = ix.attachedPolicies.get(account)?.get(target) ?? [];
  return [...new Set(holders.flatMap((h) => (model.groups[h] ? ix.membersOf.get(h) ?? [] : [h])))].sort();
}

/**
 * For selectors that name every principal of a kind in the source's account (users, roles, roles
 * trusting a service or provider): that list, the source included; undefined for the others.
 */
export function accountTargets(technique: Technique, account: string, model: AccountModel, ix: Indexes): string[] | undefined {
  switch (technique.targets) {
    case 'other-users':
      return ix.usersByAccount.get(account) ?? [];
    case 'roles':
      return ix.rolesByAccount.get(account) ?? [];
    case 'roles-trusting-service':
    case 'roles-trusting-federated':
      return ((technique.targets === 'roles-trusting-service' ? ix.rolesTrustingService : ix.rolesTrustingFederated).get(`${account} ${technique.service}`) ?? [])
        .filter((r) => !technique.needsInstanceProfile || model.roles[r].instanceProfiles.length > 0);
    default:
      return undefined;
  }
}

/**
 * For a rewrite technique whose targets are the same for every source of an account but the ones
 * it leaves out (targetsLeftOut): each target, in targetsFor's order, with the principals it
 * rewrites; undefined for the other selectors.
 */
export function rewriteTargets(technique: Technique, account: string, model: AccountModel, ix: Indexes): readonly RewriteTarget[] | undefined {
  const key = `${technique.id} ${account}`;
  if (!ix.rewriteTargets.has(key)) {
    const principals = accountTargets(technique, account, model, ix);
    const policies = technique.targets === 'policies-of-others' ? attachedPoliciesOf(ix, account) : undefined;
    ix.rewriteTargets.set(key, principals?.map((p) => ({ target: p, principals: [p] })) ?? policies?.map((id) => ({ target: id, principals: principalsRewritten(model, id, ix, account) })));
  }
  return ix.rewriteTargets.get(key);
}

/** The customer-managed policies attached to someone in the account, sorted. */
const attachedPoliciesOf = (ix: Indexes, account: string): string[] => [...(ix.attachedPolicies.get(account)?.keys() ?? [])].sort();

/** The targets of rewriteTargets a source leaves out: itself, or the policies it holds. */
export const targetsLeftOut = (technique: Technique, profile: PrincipalProfile, model: AccountModel): ReadonlySet<string> =>
  new Set(technique.targets === 'policies-of-others' ? ownPolicies(model, profile.arn, true) : [profile.arn]);

export function targetsFor(technique: Technique, profile: PrincipalProfile, model: AccountModel, ix: Indexes): string[] {
  const user = model.users[profile.arn];
  switch (technique.targets) {
    case 'self':
      return [profile.arn];
    case 'policies-of-self':
      return ownPolicies(model, profile.arn, true).filter((id) => model.policies[id]?.kind === 'customer-managed').sort();
    case 'policy-versions-of-self':
      return ownPolicies(model, profile.arn, true).flatMap((id) => (model.policies[id]?.otherVersions ?? []).map((v) => policyVersionKey(id, v.versionId))).sort();
    case 'managed-deny-policies-of-self':
    case 'inline-deny-policies-of-self': {
      const inline = technique.targets === 'inline-deny-policies-of-self';
      return ownPolicies(model, profile.arn, false).filter((id) => hasDeny(model, id) && (model.policies[id]?.kind === 'inline') === inline).sort();
    }
    case 'policies-of-others': {
      const own = targetsLeftOut(technique, profile, model);
      return attachedPoliciesOf(ix, profile.accountId).filter((id) => !own.has(id));
    }
    case 'own-groups':
      return user ? user.groups : [];
    case 'other-groups':
      return user ? (ix.groupsByAccount.get(profile.accountId) ?? []).filter((g) => !user.groups.includes(g)) : [];
    case 'other-users':
    case 'roles':
    case 'roles-trusting-service':
    case 'roles-trusting-federated':
      return accountTargets(technique, profile.accountId, model, ix)!.filter((t) => t !== profile.arn);
    case 'permission-set-roles':
      return ix.permissionSetRoles.filter((r) => r !== profile.arn);
  }
}

/**
 * What a technique `administeredFrom` a service's instance needs when tried from `account`:
 * nothing from the account that administers it (Identity Center: the instance's owner, else the
 * organization's management account); from another, being its delegated administrator.
 */
export function administrationRequirement(technique: Technique, model: AccountModel, account: string): string | undefined {
  if (technique.administeredFrom !== 'identity-center') return undefined;
  const owner = model.identityCenter?.ownerAccountId ?? model.organization?.managementAccountId;
  if (owner === account) return undefined;
  return `account ${account} being a delegated administrator of IAM Identity Center${owner ? ` (its instance is administered from ${owner})` : ''}`;
}
