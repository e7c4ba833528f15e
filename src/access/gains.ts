/**
 * What an escalation step gains a principal, as data, and the principal with it: the policies of a
 * group it joins, any policy it writes, a managed policy switched to another version, a Deny
 * policy or group removed, its boundary removed. The techniques check every next step against
 * the gained profile, and the questions decide a path's last action with it.
 */
import type { AccountModel } from '../model/types.ts';
import type { CompiledPolicy } from '../policy/types.ts';
import { ALLOW_ALL } from './admin.ts';
import type { PrincipalProfile } from './profile.ts';

export type GainKind =
  /** It writes itself any identity policy (attach, put). */
  | 'any-policy'
  /** It rewrites the target managed policy it holds (a new default version): allow-all in its place. */
  | 'rewritten-target-policy'
  /** It joins the target group: the group's policies. */
  | 'target-group-policies'
  /** Its permissions boundary goes (deleted, or replaced by one that allows everything). */
  | 'no-boundary'
  /** The target policy is detached from it or deleted (a Deny guardrail). */
  | 'without-target-policy'
  /** It leaves the target group (the group's Deny guardrails go with it). */
  | 'without-target-group'
  /** A managed policy it holds is switched to another existing version (target: `policy#version/ID`). */
  | 'target-policy-version';

export interface Gain {
  kind: GainKind;
  /** The group, policy or policy version the gain is about; the principal itself otherwise. */
  target: string;
}

export const VERSION_SEPARATOR = '#version/';

export const policyVersionKey = (policyId: string, versionId: string): string => `${policyId}${VERSION_SEPARATOR}${versionId}`;

const policiesOf = (model: AccountModel, ids: readonly string[]): CompiledPolicy[] =>
  ids.map((id) => model.policies[id]?.policy).filter((p): p is CompiledPolicy => p !== undefined);

/** The profile with one gain, or undefined when the gain changes nothing for it. */
export function withGain(model: AccountModel, profile: PrincipalProfile, gain: Gain): PrincipalProfile | undefined {
  switch (gain.kind) {
    case 'any-policy':
      return profile.identity.includes(ALLOW_ALL) ? undefined : { ...profile, identity: [...profile.identity, ALLOW_ALL] };
    case 'rewritten-target-policy':
      return profile.identity.some((p) => p.meta.id === gain.target) ? { ...profile, identity: [...profile.identity.filter((p) => p.meta.id !== gain.target), ALLOW_ALL] } : undefined;
    case 'target-group-policies': {
      const group = model.groups[gain.target];
      if (!group) return undefined;
      const held = new Set(profile.identity.map((p) => p.meta.id));
      const added = policiesOf(model, [...group.managedPolicies, ...group.inlinePolicies]).filter((p) => !held.has(p.meta.id));
      return added.length ? { ...profile, identity: [...profile.identity, ...added] } : undefined;
    }
    case 'no-boundary': {
      if (!profile.boundary) return undefined;
      const { boundary: _dropped, ...rest } = profile;
      return rest;
    }
    case 'without-target-policy': {
      const identity = profile.identity.filter((p) => p.meta.id !== gain.target);
      return identity.length < profile.identity.length ? { ...profile, identity } : undefined;
    }
    case 'without-target-group': {
      const group = model.groups[gain.target];
      const user = model.users[profile.arn];
      if (!group || !user) return undefined;
      // Policies the user also holds directly, or through another group, stay.
      const kept = new Set([...user.managedPolicies, ...user.inlinePolicies, ...user.groups.filter((g) => g !== gain.target).flatMap((g) => [...(model.groups[g]?.managedPolicies ?? []), ...(model.groups[g]?.inlinePolicies ?? [])])]);
      const gone = new Set([...group.managedPolicies, ...group.inlinePolicies].filter((id) => !kept.has(id)));
      const identity = profile.identity.filter((p) => !gone.has(p.meta.id));
      return identity.length < profile.identity.length ? { ...profile, identity } : undefined;
    }
    case 'target-policy-version': {
      const at = gain.target.indexOf(VERSION_SEPARATOR);
      const policyId = gain.target.slice(0, at);
      const versionId = gain.target.slice(at + VERSION_SEPARATOR.length);
      const version = model.policies[policyId]?.otherVersions?.find((v) => v.versionId === versionId);
      if (!version || !profile.identity.some((p) => p.meta.id === policyId)) return undefined;
      return { ...profile, identity: profile.identity.map((p) => (p.meta.id === policyId ? version.policy : p)) };
    }
  }
}

/** The profile with every gain in order; undefined when one of them changes nothing. */
export function withGains(model: AccountModel, profile: PrincipalProfile, gains: readonly Gain[]): PrincipalProfile | undefined {
  let current: PrincipalProfile | undefined = profile;
  for (const gain of gains) {
    current = current && withGain(model, current, gain);
  }
  return current;
}

/** Short text of a gain, for node labels and hop notes. */
export function gainText(gain: Gain): string {
  switch (gain.kind) {
    case 'any-policy': return 'any policy it writes';
    case 'rewritten-target-policy': return `${gain.target} rewritten to allow anything`;
    case 'target-group-policies': return `the policies of ${gain.target}`;
    case 'no-boundary': return 'no permissions boundary';
    case 'without-target-policy': return `without ${gain.target}`;
    case 'without-target-group': return `outside ${gain.target}`;
    case 'target-policy-version': return `${gain.target.replace(VERSION_SEPARATOR, ' at version ')}`;
  }
}
