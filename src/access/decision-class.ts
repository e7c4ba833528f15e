/**
 * Principals alike for one action. Without a resource policy, a decision depends on the principal
 * only through the statements of its identity policies, boundary and SCPs that match the action,
 * its kind of caller, its account and the request keys: principals whose matching statements are
 * the same, none of them reading the principal (a policy variable, aws:PrincipalArn, a principal
 * tag …), get the same decision on every resource. So one evaluation serves hundreds of identical
 * CI roles, and an escalated principal on every action its gain leaves alone.
 */
import type { PolicyLevel } from '../policy/types.ts';
import { factsOf, PRINCIPAL_KEY } from './policy-facts.ts';
import type { PrincipalProfile } from './profile.ts';

/** The caller's kind and account and the request keys every principal of its options shares, as a short id. */
const callerClasses = new WeakMap<PrincipalProfile['caller'], WeakMap<PrincipalProfile['known'], string>>();
const callerClassIds = new Map<string, string>();

function callerClass(profile: PrincipalProfile): string {
  let byKnown = callerClasses.get(profile.caller);
  if (!byKnown) callerClasses.set(profile.caller, (byKnown = new WeakMap()));
  let id = byKnown.get(profile.known);
  if (id === undefined) {
    const shared = Object.entries(profile.known).filter(([key]) => !PRINCIPAL_KEY.test(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const text = JSON.stringify([profile.caller.type, profile.accountId, profile.caller.serviceLinkedRole === true, shared]);
    id = callerClassIds.get(text);
    if (id === undefined) callerClassIds.set(text, (id = String(callerClassIds.size)));
    byKnown.set(profile.known, id);
  }
  return id;
}

/** Whether a statement of these organization levels matching the action reads the principal. */
export const levelsReadPrincipal = (levels: readonly PolicyLevel[] | undefined, action: string): boolean =>
  levels !== undefined && levels.some((level) => level.policies.some((p) => factsOf(p, action).dependsOnPrincipal));

/** The class of the profile for the action (principals of one class get one decision per resource); undefined when a statement reads the principal. */
export function decisionClass(profile: PrincipalProfile, action: string): string | undefined {
  let key = `${action} ${callerClass(profile)}`;
  for (const policy of profile.identity) {
    const f = factsOf(policy, action);
    if (f.dependsOnPrincipal) return undefined;
    if (f.matching) key += ` ${f.matching}`;
  }
  if (profile.boundary) {
    const f = factsOf(profile.boundary, action);
    if (f.dependsOnPrincipal) return undefined;
    key += ` B${f.matching}`;
  }
  for (const level of profile.scpLevels ?? []) {
    key += ` @${level.target}`;
    for (const policy of level.policies) {
      const f = factsOf(policy, action);
      if (f.dependsOnPrincipal) return undefined;
      if (f.matching) key += ` ${f.matching}`;
    }
  }
  return key;
}
