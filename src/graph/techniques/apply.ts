/**
 * Checks every technique of the catalog for every principal with the real engine and adds an
 * escalation edge for each one that works: to the target principal ("obtains its permissions")
 * or to `admin` ("can grant itself anything its boundary and SCPs allow, and that is everything").
 */
import type { AccountModel } from '../../model/types.ts';
import type { Decision, ResidualCondition } from '../../policy/types.ts';
import { mayAllow, resourceIndependent } from '../../access/decide.ts';
import { decideAccess } from '../../access/decide.ts';
import { adminCheck, ALLOW_ALL } from '../../access/admin.ts';
import { addEdge, evidenceOf, type BuildContext } from '../context.ts';
import type { PrincipalProfile } from '../../access/profile.ts';
import { ADMIN_NODE, type EdgeAttributes, type Evidence, type TechniqueRef } from '../types.ts';
import { TECHNIQUES } from './catalog/index.ts';
import type { Gain, RequiredAction, Technique } from './types.ts';
import { ACTING_AS, bfs, stepsOnce } from '../traversal/index.ts';

import { partitionOf } from '../../policy/arn.ts';
interface Indexes {
  usersByAccount: Map<string, string[]>;
  rolesByAccount: Map<string, string[]>;
  groupsByAccount: Map<string, string[]>;
  /** `${account} ${service}` → roles whose trust policy names the service */
  rolesTrustingService: Map<string, string[]>;
  /** `${account} ${provider}` → roles whose trust policy names the Federated provider */
  rolesTrustingFederated: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndexes(model: AccountModel): Indexes {
  const ix: Indexes = { usersByAccount: new Map(), rolesByAccount: new Map(), groupsByAccount: new Map(), rolesTrustingService: new Map(), rolesTrustingFederated: new Map() };
  for (const u of Object.values(model.users)) push(ix.usersByAccount, u.accountId, u.arn);
  for (const g of Object.values(model.groups)) push(ix.groupsByAccount, g.accountId, g.arn);
  for (const r of Object.values(model.roles)) {
    if (r.serviceLinked) continue;
    push(ix.rolesByAccount, r.accountId, r.arn);
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
    for (const provider of providers) push(ix.rolesTrustingFederated, `${r.accountId} ${provider}`, r.arn);
  }
  return ix;
}

function targetsFor(technique: Technique, profile: PrincipalProfile, model: AccountModel, ix: Indexes): string[] {
  const user = model.users[profile.arn];
  switch (technique.targets) {
    case 'self':
      return [profile.arn];
    case 'policies-of-self': {
      const entity = user ?? model.roles[profile.arn];
      const ids = [...entity.managedPolicies, ...(user ? user.groups.flatMap((g) => model.groups[g]?.managedPolicies ?? []) : [])];
      return [...new Set(ids)].filter((id) => model.policies[id]?.kind === 'customer-managed').sort();
    }
    case 'own-groups':
      return user ? user.groups : [];
    case 'other-groups':
      return user ? (ix.groupsByAccount.get(profile.accountId) ?? []).filter((g) => !user.groups.includes(g)) : [];
    case 'other-users':
      return (ix.usersByAccount.get(profile.accountId) ?? []).filter((u) => u !== profile.arn);
    case 'roles':
      return (ix.rolesByAccount.get(profile.accountId) ?? []).filter((r) => r !== profile.arn);
    case 'roles-trusting-service':
    case 'roles-trusting-federated':
      return ((technique.targets === 'roles-trusting-service' ? ix.rolesTrustingService : ix.rolesTrustingFederated).get(`${profile.accountId} ${technique.service}`) ?? [])
        .filter((r) => r !== profile.arn && (!technique.needsInstanceProfile || model.roles[r].instanceProfiles.length > 0));
  }
}

function resourceOf(required: RequiredAction, target: string, profile: PrincipalProfile): string {
  if (required.resource === 'target') return target;
  return required.resource.replace('{partition}', partitionOf(profile.arn)).replace('{account}', profile.accountId);
}

/**
 * Decides a required action. When it targets "any resource of a kind" (`*` or a template) and is not
 * allowed on everything, the principal may still hold it on some resources — e.g. codebuild:StartBuild
 * on `project/app-*`: each Allow statement's own resource pattern is tried, since an existing
 * resource matching it is exactly what the edge will say it needs.
 */
function decideSomewhere(model: AccountModel, profile: PrincipalProfile, required: RequiredAction, resource: string): Decision {
  const context = required.context ? { context: required.context } : {};
  const d = decideAccess(model, profile, { action: required.action, resource, ...context });
  if (d.decision === 'allowed' || required.resource === 'target') return d;
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

/** Decisions that do not depend on the target (see resourceIndependent), per principal and action. */
type DecisionMemo = Map<string, Decision>;

/** All actions of one alternative allowed? Returns their decisions, or undefined. */
function tryAlternative(model: AccountModel, profile: PrincipalProfile, alternative: RequiredAction[], target: string, memo: DecisionMemo): Decision[] | undefined {
  const decisions: Decision[] = [];
  for (const required of alternative) {
    const resource = resourceOf(required, target, profile);
    const independent = !model.roles[resource] && (required.resource === '*' || resourceIndependent(profile, required.action));
    const memoKey = required.resource === 'target' ? memoKeyOf(required) : `${memoKeyOf(required)} ${resource}`;
    // Keys the technique fixes (iam:PassedToService); others, such as iam:AssociatedResourceArn, stay unknown.
    const d = (independent ? memo.get(memoKey) : undefined) ?? decideSomewhere(model, profile, required, resource);
    if (independent) memo.set(memoKey, d);
    if (d.decision !== 'allowed') return undefined;
    decisions.push(d);
  }
  return decisions;
}

/** Would the source be admin with what the technique gains it? */
function hypotheticalAdmin(model: AccountModel, profile: PrincipalProfile, gain: Gain, target: string) {
  switch (gain) {
    case 'no-boundary':
      return adminCheck(model, profile, { withoutBoundary: true });
    case 'target-group-policies': {
      const group = model.groups[target];
      const extra = [...group.inlinePolicies, ...group.managedPolicies].map((id) => model.policies[id]?.policy).filter((p) => p !== undefined);
      return adminCheck(model, profile, { identity: [...profile.identity, ...extra] });
    }
    case 'any-policy':
      return adminCheck(model, profile, { identity: [...profile.identity, ALLOW_ALL] });
  }
}

/** How conditional an alternative's edge would be: residual conditions weigh more than resources it needs. */
const doubtOf = (decisions: Decision[], alternative: RequiredAction[]): number =>
  (decisions.some((d) => d.conditional) ? 2 : 0) + (alternative.some((r) => r.requires) ? 1 : 0);

const techniqueRefs = new WeakMap<Technique, TechniqueRef>();

function escalationAttributes(technique: Technique, chosen: RequiredAction[], decisions: Decision[]): EdgeAttributes {
  let ref = techniqueRefs.get(technique);
  if (!ref) techniqueRefs.set(technique, (ref = { id: technique.id, name: technique.name, publicIds: technique.publicIds }));
  const evidence: Evidence[] = [...new Map(decisions.flatMap(evidenceOf).map((e) => [`${e.policy}#${e.statement}`, e])).values()];
  const conditions: ResidualCondition[] = decisions.flatMap((d) => d.residual);
  const requires = [...(technique.requires ? [technique.requires] : []), ...chosen.flatMap((r) => (r.requires ? [r.requires] : []))];
  return {
    kind: 'escalation',
    technique: ref,
    actions: chosen.map((r) => r.action),
    evidence,
    conditions,
    conditional: conditions.length > 0 || requires.length > 0,
    ...(requires.length ? { requires } : {}),
  };
}

/** Rewriting another principal's permissions pays off only if one can then act as it. */
interface PendingTargetAdmin {
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/**
 * How far to look for a way to act as the rewritten principal. Bounded (the closure of a dense
 * graph is too costly to compute per source): the usual case is a role one can assume directly.
 */
const TARGET_ADMIN_REACH = 2;

/** What `from` can act as within TARGET_ADMIN_REACH hops: true = only conditionally. */
function reachable(ctx: BuildContext, from: string): Map<string, boolean> {
  const maxDepth = Math.min(TARGET_ADMIN_REACH, ctx.options.maxDepth);
  const firmly = bfs(stepsOnce(ctx.graph, { edges: ACTING_AS, includeConditional: false }), [from], { maxDepth });
  const any = bfs(stepsOnce(ctx.graph, { edges: ACTING_AS }), [from], { maxDepth });
  return new Map([...any.keys()].map((node) => [node, !firmly.has(node)]));
}

function resolveTargetAdmin(ctx: BuildContext, pending: readonly PendingTargetAdmin[]): void {
  const bySource = new Map<string, Map<string, boolean>>();
  const couldBeAdmin = new Map<string, ReturnType<typeof adminCheck>>();
  for (const { source, target, attributes } of pending) {
    if (ctx.admins.has(target)) continue; // already admin: reaching it is its own path
    let ways = bySource.get(source);
    if (!ways) bySource.set(source, (ways = reachable(ctx, source)));
    const conditionalWay = ways.get(target);
    if (conditionalWay === undefined || target === source) continue;
    const targetProfile = ctx.profiles.get(target);
    if (!targetProfile) continue;
    let admin = couldBeAdmin.get(target);
    if (!admin) couldBeAdmin.set(target, (admin = adminCheck(ctx.model, targetProfile, { identity: [...targetProfile.identity, ALLOW_ALL] })));
    if (!admin.admin) continue;
    addEdge(ctx, source, ADMIN_NODE, {
      ...attributes,
      evidence: [...attributes.evidence, { policy: target, policyType: 'identity', statement: -1, effect: 'Allow', note: `target: ${target}, which the source can act as` }],
      conditions: [...attributes.conditions, ...admin.conditions],
      conditional: attributes.conditional || admin.conditional || conditionalWay,
      requires: [...(attributes.requires ?? []), `acting as ${target} (see its can-assume or escalation edges)`],
    });
  }
}

export function applyTechniques(ctx: BuildContext): void {
  const { model } = ctx;
  const ix = buildIndexes(model);
  const pending: PendingTargetAdmin[] = [];
  for (const [arn, profile] of ctx.profiles) {
    // Admins can already do everything; escalation edges from them would only add noise.
    if (model.roles[arn]?.serviceLinked || ctx.admins.has(arn)) continue;
    const memo: DecisionMemo = new Map();
    for (const technique of TECHNIQUES) {
      if (!technique.sources.includes(profile.kind)) continue;
      const viable = technique.anyOf.filter((alt) => alt.every((r) => mayAllow(profile, r.action)));
      if (viable.length === 0) continue;
      // Targets whose decisions are the same (memoized, target-independent) share one attributes object.
      let last: { decisions: Decision[]; attributes: EdgeAttributes } | undefined;
      for (const target of targetsFor(technique, profile, model, ix)) {
        let decisions: Decision[] | undefined;
        let chosen: RequiredAction[] = [];
        for (const alternative of viable) {
          const found = tryAlternative(model, profile, alternative, target, memo);
          if (found && (!decisions || doubtOf(found, alternative) < doubtOf(decisions, chosen))) [decisions, chosen] = [found, alternative];
        }
        if (!decisions) continue;
        const same = last !== undefined && last.decisions.length === decisions.length && last.decisions.every((d, i) => d === decisions![i]);
        const attributes = same ? last!.attributes : escalationAttributes(technique, chosen, decisions);
        last = { decisions, attributes };
        const { evidence, conditions } = attributes;
        if (technique.result === 'target') {
          if (!ctx.graph.hasNode(target) || target === arn) continue;
          addEdge(ctx, arn, target, attributes);
          const pass = chosen.findIndex((r) => r.action === 'iam:PassRole');
          if (pass >= 0) {
            addEdge(ctx, arn, target, {
              kind: 'can-pass-to-service', actions: ['iam:PassRole'], evidence: evidenceOf(decisions[pass]),
              conditions: decisions[pass].residual, conditional: decisions[pass].conditional, requires: [`passed to ${chosen[pass].context?.['iam:PassedToService'] ?? technique.service}`],
            });
          }
          continue;
        }
        if (technique.result === 'target-admin') {
          pending.push({ source: arn, target, attributes });
          continue;
        }
        const admin = hypotheticalAdmin(model, profile, technique.gain ?? 'any-policy', target);
        if (!admin.admin) continue;
        addEdge(ctx, arn, ADMIN_NODE, {
          ...attributes,
          evidence: [...evidence, { policy: target, policyType: 'identity', statement: -1, effect: 'Allow', note: `target: ${target}` }],
          conditions: [...conditions, ...admin.conditions],
          conditional: attributes.conditional || admin.conditional,
        });
      }
    }
  }
  resolveTargetAdmin(ctx, pending);
}
