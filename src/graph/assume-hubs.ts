/**
 * AssumeRole through hubs: roles whose trust policy admits the principals of one account and
 * nothing it could condition — every statement that allows sts:AssumeRole to AWS principals names
 * only that account's root, without a Condition, and no statement denies — let in exactly the
 * principals of that account whose own policies allow sts:AssumeRole on them. For a principal
 * whose policies allow it on Resource "*" that is one decision for all of them, so one edge to the
 * hub "the roles of A that trust account B" replaces one edge per role (see techniques/hubs.ts:
 * the same folding, the same threshold).
 */
import { decideAccess, resourceScopedStatements, scopeMask } from '../access/decide.ts';
import type { CompiledPolicy, CompiledStatement } from '../policy/types.ts';
import { accountOfPrincipalValue, namesWholeAccount } from '../policy/arn.ts';
import { addEdge, ensureNode, evidenceOf, hubPays, type AssumeHubs, type BuildContext } from './context.ts';
import type { PrincipalProfile } from '../access/profile.ts';
import type { EdgeAttributes, Evidence } from './types.ts';

const assumeHubKey = (roleAccount: string, trustedAccount: string): string => `hub:can-assume@${roleAccount}/trusting:${trustedAccount}`;

/** The account a trust admits as a whole and only so, with the statements that say it; undefined when the trust says anything more. */
function wholeAccountTrust(trust: CompiledPolicy): { account: string; statements: Evidence[] } | undefined {
  let account: string | undefined;
  const statements: Evidence[] = [];
  for (const s of trust.statements) {
    if (s.parsed.effect === 'Deny' || s.parsed.notPrincipal) return undefined;
    const block = s.parsed.principal;
    if (!block || !s.matchesAction('sts:AssumeRole')) continue;
    if (block === '*') return undefined;
    const aws = block.AWS ?? [];
    if (aws.length === 0) continue;
    if (s.parsed.condition.length > 0) return undefined;
    for (const value of aws) {
      const named = namesWholeAccount(value) ? accountOfPrincipalValue(value) : undefined;
      if (!named || (account && named !== account)) return undefined;
      account = named;
    }
    statements.push({ ...s.ref });
  }
  return account ? { account, statements } : undefined;
}

/** Roles whose trust admits one account as a whole, by `roleAccount/trustingAccount` hub key. */
function wholeAccountGroups(ctx: BuildContext): Map<string, Array<{ role: string; statements: Evidence[] }>> {
  const { model } = ctx;
  const groups = new Map<string, Array<{ role: string; statements: Evidence[] }>>();
  for (const role of Object.values(model.roles)) {
    const trust = model.policies[role.trustPolicy]?.policy;
    if (!trust || role.serviceLinked) continue;
    const whole = wholeAccountTrust(trust);
    if (!whole || model.accounts[whole.account]?.external !== false) continue;
    const key = assumeHubKey(role.accountId, whole.account);
    const list = groups.get(key);
    if (list) list.push({ role: role.arn, statements: whole.statements });
    else groups.set(key, [{ role: role.arn, statements: whole.statements }]);
  }
  return groups;
}

const refKey = (s: CompiledStatement): string => `${s.ref.policy}#${s.ref.statement}`;
const scopes = new WeakMap<PrincipalProfile, { statements: readonly CompiledStatement[]; key: string } | null>();

/**
 * The statements a principal's sts:AssumeRole decision depends on (those naming resources other
 * than "*": none for most), as a key that principals holding the same policies share; null when
 * one holds a policy variable (the roles it matches depend on the principal).
 */
function scopeOf(profile: PrincipalProfile): { statements: readonly CompiledStatement[]; key: string } | null {
  if (!scopes.has(profile)) {
    const statements = resourceScopedStatements(profile, 'sts:AssumeRole');
    const variable = statements.some((st) => (st.parsed.resource ?? st.parsed.notResource ?? []).some((r) => r.includes('${')));
    scopes.set(profile, variable ? null : { statements, key: statements.map(refKey).join('|') });
  }
  return scopes.get(profile)!;
}

/**
 * The hubs of a graph, made as principals need them: the roles of one account that trust another
 * as a whole (enough of them for a hub to pay: hubPays), split by which of a principal's scoped statements
 * match each role — the part a role falls in decides alike for every principal with that scope.
 */
export function assumeHubs(ctx: BuildContext): AssumeHubs {
  const { model, graph } = ctx;
  type Group = { key: string; roles: Array<{ role: string; statements: Evidence[] }> };
  const groupOf = new Map<string, Group>();
  const groupsTrusting = new Map<string, Group[]>();
  for (const [key, roles] of wholeAccountGroups(ctx)) {
    const trusted = key.split('/trusting:')[1];
    if (!hubPays(ctx.assumersByAccount.get(trusted)?.length ?? 0, roles.length)) continue;
    const group = { key, roles };
    for (const r of roles) groupOf.set(r.role, group);
    groupsTrusting.set(trusted, [...(groupsTrusting.get(trusted) ?? []), group].sort((a, b) => (a.key < b.key ? -1 : 1)));
  }
  const parts = new Map<string, Parts | null>();
  const partition = (group: Group, scope: { statements: readonly CompiledStatement[]; key: string }): Parts | null => {
    const byMask = new Map<string, Array<{ role: string; statements: Evidence[] }>>();
    for (const r of group.roles) {
      const mask = scopeMask(scope.statements, r.role);
      if (mask === undefined) return null;
      const list = byMask.get(mask);
      if (list) list.push(r);
      else byMask.set(mask, [r]);
    }
    const firstTwo = new Map<string, string[]>();
    const roleAccount = model.roles[group.roles[0].role].accountId;
    const trusted = group.key.split('/trusting:')[1];
    for (const [mask, members] of [...byMask].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const hub = scope.key === '' ? group.key : `${group.key}#${mask}:${hashOf(scope.key)}`;
      const alike = scope.key === '' ? '' : ` (${members.length} that ${scope.statements.length === 1 ? 'a scoped statement matches' : 'scoped statements match'} alike)`;
      ensureNode(graph, hub, { kind: 'hub', label: `any role of ${roleAccount} trusting account ${trusted}${alike} (can-assume)`, accountId: roleAccount, details: { technique: 'can-assume', targets: members.length } });
      for (const { role, statements } of members) {
        addEdge(ctx, hub, role, { kind: 'can-assume', actions: ['sts:AssumeRole'], evidence: statements, conditions: [], conditional: false });
      }
      firstTwo.set(hub, members.slice(0, 2).map((m) => m.role));
    }
    return { firstTwo };
  };
  const partsOf = (group: Group, scope: { statements: readonly CompiledStatement[]; key: string }) => {
    const key = `${group.key}\u0000${scope.key}`;
    if (!parts.has(key)) parts.set(key, partition(group, scope));
    return parts.get(key)!;
  };
  /** The parts of every group trusting the profile's account, or null when one cannot be split for its scope (it then enters their roles directly). */
  const splits = (profile: PrincipalProfile): Parts[] | null => {
    const scope = scopeOf(profile);
    if (!scope) return null;
    const out: Parts[] = [];
    for (const group of groupsTrusting.get(profile.accountId) ?? []) {
      const split = partsOf(group, scope);
      if (!split) return null;
      out.push(split);
    }
    return out;
  };
  const entries = (principal: string, profile: PrincipalProfile): Array<{ hub: string; role: string }> | undefined => {
    const parts = splits(profile);
    if (!parts) return undefined;
    // A role entering itself is no step: decide on another of the part's roles.
    return parts.flatMap((split) => [...split.firstTwo].flatMap(([hub, [first, second]]) => {
      const role = first === principal ? second : first;
      return role === undefined ? [] : [{ hub, role }];
    }));
  };
  const direct = new Map<string, string[]>();
  return {
    entries,
    grouped: (role) => groupOf.has(role),
    directAssumers(account) {
      if (!direct.has(account)) direct.set(account, (ctx.assumersByAccount.get(account) ?? []).filter((p) => splits(ctx.profiles.get(p)!) === null));
      return direct.get(account)!;
    },
    linkTrustedPrincipals() {
      for (const account of [...groupsTrusting.keys()].sort()) {
        for (const source of ctx.assumersByAccount.get(account) ?? []) {
          for (const { hub, role } of entries(source, ctx.profiles.get(source)!) ?? []) addEdgeIntoAssumeHub(ctx, source, hub, role);
        }
      }
    },
  };
}

/** A hub group split for one scope: each part's first two roles (one to decide on that is not the source). */
interface Parts {
  firstTwo: Map<string, string[]>;
}

export const NO_ASSUME_HUBS: AssumeHubs = { entries: () => undefined, grouped: () => false, directAssumers: () => [], linkTrustedPrincipals: () => undefined };

/** A short stable text for a scope key (hub keys stay readable). */
function hashOf(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

/** A principal's edge into a hub: its policies' decision on one of the hub's roles, without that role's trust statements (the hub's edges carry each role's). */
export function intoAssumeHub(ctx: BuildContext, profile: PrincipalProfile, anyRole: string): EdgeAttributes | undefined {
  const d = decideAccess(ctx.model, profile, { action: 'sts:AssumeRole', resource: anyRole });
  if (d.decision !== 'allowed') return undefined;
  return { kind: 'can-assume', actions: ['sts:AssumeRole'], evidence: evidenceOf(d).filter((e) => e.policyType !== 'trust'), conditions: d.residual, conditional: d.conditional };
}

/** The source's edge into the hub that lets it into `role` (made once per source and hub). */
function addEdgeIntoAssumeHub(ctx: BuildContext, source: string, hub: string, role: string): void {
  if (ctx.graph.hasEdge(`${source}->${hub}:can-assume`)) return;
  const attributes = intoAssumeHub(ctx, ctx.profiles.get(source)!, role);
  if (attributes) addEdge(ctx, source, hub, attributes);
}
