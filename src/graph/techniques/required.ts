/** Deciding a technique's required actions for one source and target, with the real engine. */
import { decideAccess, mayAllow, resourceIndependent, resourceScopedStatements, scopeMask, decidedPerPrincipal } from '../../access/decide.ts';
import { VERSION_SEPARATOR } from '../../access/gains.ts';
import type { PrincipalProfile } from '../../access/profile.ts';
import { accessKeyCount } from '../../model/query.ts';
import type { AccountModel } from '../../model/types.ts';
import { partitionOf, ssoAccountArn, ssoInstanceOfPermissionSet } from '../../policy/arn.ts';
import type { Decision } from '../../policy/types.ts';
import type { RequiredAction, Technique } from './types.ts';

/** IAM's quota of access keys per user. */
const MAX_ACCESS_KEYS = 2;

/** Templates naming the target's own Identity Center ARNs: concrete resources, like `target`. */
const SSO_TEMPLATES: Record<string, (model: AccountModel, role: string) => string | undefined> = {
  '{permissionSet}': (model, role) => model.roles[role]?.permissionSetArn,
  '{instance}': (model, role) => ssoInstanceOfPermissionSet(model.roles[role]?.permissionSetArn ?? ''),
  '{targetAccount}': (model, role) => model.roles[role] && ssoAccountArn(model.roles[role].accountId, partitionOf(role)),
};
const namesTarget = (required: RequiredAction): boolean => required.resource === 'target' || required.resource === 'source' || required.resource in SSO_TEMPLATES;

function resourceOf(model: AccountModel, required: RequiredAction, target: string, profile: PrincipalProfile, site: string | undefined): string | undefined {
  if (site !== undefined && required.onExisting) return site;
  if (required.resource === 'target') return target.split(VERSION_SEPARATOR)[0];
  if (required.resource === 'source') return profile.arn;
  if (required.resource in SSO_TEMPLATES) return SSO_TEMPLATES[required.resource](model, target);
  const template = required.resource.includes('{partition}') ? required.resource.replace('{partition}', partitionOf(profile.arn)) : required.resource;
  return template.replace('{account}', profile.accountId);
}

/**
 * Decides a required action. When it targets "any resource of a kind" (`*` or a template) and is not
 * allowed on everything, the principal may still hold it on some resources — e.g. codebuild:StartBuild
 * on `project/app-*`: each Allow statement's own resource pattern is tried, since an existing
 * resource matching it is exactly what the edge will say it needs.
 */
function decideSomewhere(model: AccountModel, profile: PrincipalProfile, required: RequiredAction, resource: string, concrete: boolean): Decision {
  const context = required.context ? { context: required.context } : {};
  const d = decideAccess(model, profile, { action: required.action, resource, ...context });
  if (d.decision === 'allowed' || concrete || namesTarget(required)) return d;
  for (const policy of profile.identity) {
    for (const s of policy.statements) {
      if (s.parsed.effect !== 'Allow' || !s.matchesAction(required.action)) continue;
      for (const pattern of s.parsed.resource ?? []) {
        if (!pattern.startsWith('arn:')) continue;
        const somewhere = decideAccess(model, profile, { action: required.action, resource: pattern, ...context });
        if (somewhere.decision === 'allowed') return somewhere;
      }
    }
  }
  return d;
}

const memoKeys = new WeakMap<RequiredAction, string>();
const memoKeyOf = (r: RequiredAction): string => {
  let key = memoKeys.get(r);
  if (!key) memoKeys.set(r, (key = `${r.action} ${JSON.stringify(r.context ?? {})}`));
  return key;
};

/** Decisions that do not depend on the target (see resourceIndependent), or depend on it only through which of the principal's resource-scoped statements match it (scopedKey), per principal and action. */
export type DecisionMemo = Map<string, Decision>;

/**
 * For an action on a user, group or role of the model (no resource policy decides it; sts:* on a
 * role, decided by its trust, aside): the decision depends on the target only through its account
 * and which of the principal's resource-scoped statements match it, so targets alike share it — a
 * principal holding iam:AttachUserPolicy on one policy's ARN is denied on every user by one
 * decision, not one per user. Undefined when a match cannot be told apart from the principal
 * (a policy variable in the pattern).
 */
function scopedKey(model: AccountModel, profile: PrincipalProfile, required: RequiredAction, resource: string): string | undefined {
  const entity = model.users[resource] ?? model.groups[resource] ?? (/^sts:/i.test(required.action) ? undefined : model.roles[resource]);
  const mask = entity && scopeMask(resourceScopedStatements(profile, required.action), resource);
  return mask === undefined ? undefined : `${memoKeyOf(required)} @${entity!.accountId} ${mask}`;
}

/** The technique's alternatives whose every action the principal's identity policies could allow (a cheap prefilter). */
export const viableAlternatives = (technique: Technique, profile: PrincipalProfile): RequiredAction[][] =>
  technique.anyOf.filter((alt) => alt.every((r) => mayAllow(profile, r.action)));

/** A precondition on the target the input settles (true when it cannot tell). */
export function onlyIfHolds(model: AccountModel, required: RequiredAction, target: string): boolean {
  return required.onlyIf !== 'free-access-key-slot' || (accessKeyCount(model, target) ?? 0) < MAX_ACCESS_KEYS;
}

/**
 * All actions of one alternative allowed? Returns their decisions, or undefined. `site`: the
 * existing resource's ARN (from an inventory) that `onExisting` actions are decided on.
 */
export function tryAlternative(model: AccountModel, profile: PrincipalProfile, alternative: RequiredAction[], target: string, memo: DecisionMemo, site?: string): Decision[] | undefined {
  const decisions: Decision[] = [];
  for (const required of alternative) {
    if (!onlyIfHolds(model, required, target)) return undefined;
    const resource = resourceOf(model, required, target, profile, site);
    if (resource === undefined) return undefined;
    // A role's trust policy decides sts:AssumeRole* on it; any other action on a role is decided by the caller's side and the role's account alone.
    const role = model.roles[resource];
    const independent = !(role && /^sts:/i.test(required.action)) && (required.resource === '*' || resourceIndependent(profile, required.action));
    const memoKey = independent
      ? (required.resource !== 'target' ? `${memoKeyOf(required)} ${resource}` : role ? `${memoKeyOf(required)} @${role.accountId}` : memoKeyOf(required))
      : site === undefined && required.resource === 'target' ? scopedKey(model, profile, required, resource) : undefined;
    // Keys the technique fixes (iam:PassedToService); others, such as iam:AssociatedResourceArn, stay unknown.
    const d = (memoKey !== undefined ? memo.get(memoKey) : undefined) ?? decideSomewhere(model, profile, required, resource, site !== undefined && required.onExisting === true);
    if (memoKey !== undefined) memo.set(memoKey, d);
    if (d.decision !== 'allowed') return undefined;
    decisions.push(d);
  }
  return decisions;
}

/**
 * Whether a required action's decision on a target is each principal's own (decide.ts:
 * decidedPerPrincipal), not shared by the principals of a class.
 */
export function requiredPerPrincipal(model: AccountModel, profile: PrincipalProfile, required: RequiredAction, target: string): boolean {
  const resource = resourceOf(model, required, target, profile, undefined);
  return resource === undefined || decidedPerPrincipal(model, { action: required.action, resource, ...(required.context ? { context: required.context } : {}) });
}
