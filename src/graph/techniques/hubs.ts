/**
 * Hubs: when a principal's decisions for a technique are the same whatever the target — every
 * required action is decided on `*`, a template or the principal itself, or on the target with
 * every matching statement naming Resource "*" — one edge to the technique's hub for the account
 * stands for one edge per target, and the hub has one edge to each target, shared by every such
 * principal: principals + targets edges instead of their product (a dense account, where many can
 * act on "any user" or "any role"). Walks fold a hub away (traversal/steps.ts), so paths, proofs
 * and answers are those of the direct edges.
 *
 * The hub's edges carry what belongs to the target: preconditions the input settles per target
 * (a free access-key slot) and what the technique needs beyond its actions. Alternatives keep
 * their order of preference: a target an earlier alternative cannot serve (its precondition fails
 * there) is served by the next one's hub.
 */
import { decisionClassNumber, resourceIndependent } from '../../access/decide.ts';
import type { PrincipalProfile } from '../../access/profile.ts';
import { inventoryStatus } from '../../model/compute.ts';
import type { Decision } from '../../policy/types.ts';
import { addEdge, ensureNode, HUB_MIN_TARGETS, hubPays, type BuildContext } from '../context.ts';
import { hubNodeKey, type EdgeAttributes } from '../types.ts';
import { escalationAttributes, passAttributes, techniqueRefOf } from './attributes.ts';
import { existingSites } from './existing.ts';
import { onlyIfHolds, requiredPerPrincipal, tryAlternative, viableAlternatives, type DecisionMemo } from './required.ts';
import { accountTargets, rewriteTargets, type Indexes, type RewriteTarget } from './targets.ts';
import type { RequiredAction, Technique } from './types.ts';

export { HUB_MIN_TARGETS };

/**
 * Hubs made so far (key → whether it has any target), how many principals could use each
 * technique's hub in an account, and the edges into hubs of principals decided alike (alikeKey).
 */
export interface HubCache {
  made: Map<string, boolean>;
  sources: Map<string, number>;
  edges: Map<string, HubEdge[]>;
  /** Whether an alternative's decisions on a target are each principal's own (decidedPerPrincipalOn). */
  perPrincipal: Map<string, boolean>;
}

export const newHubCache = (): HubCache => ({ made: new Map(), sources: new Map(), edges: new Map(), perPrincipal: new Map() });

type HubEdge = { target: string; key: string; attributes: EdgeAttributes };

const TARGET_INDEPENDENT = new Set(['*', 'source']);

/** Is the alternative decided the same for every target, for this principal? */
export const independentOfTarget = (profile: PrincipalProfile, alternative: readonly RequiredAction[]): boolean =>
  alternative.every((r) => TARGET_INDEPENDENT.has(r.resource) || r.resource.startsWith('arn:') ||
    (r.resource === 'target' && !/^sts:/i.test(r.action) && resourceIndependent(profile, r.action)));

/**
 * Can this principal's rewrites with the technique be one record for all its targets (rewrites.ts)?
 * Its targets are the account's (rewriteTargets), the decision is the same for each, and no
 * alternative has a precondition that differs between them. Unlike a hub this changes no edge, so
 * it needs no threshold.
 */
export function rewritesInBulk(ctx: BuildContext, ix: Indexes, technique: Technique, profile: PrincipalProfile, viable: readonly RequiredAction[][]): readonly RewriteTarget[] | undefined {
  if (technique.result !== 'rewrite-target' || technique.administeredFrom || technique.runsOn) return undefined;
  if (!viable.every((alt) => alt.every((r) => !r.onlyIf) && independentOfTarget(profile, alt))) return undefined;
  return rewriteTargets(technique, profile.accountId, ctx.model, ix);
}

/** The alternatives a principal's identity policies could allow, when a hub can stand for its edges (else undefined). */
const viableForHub = (technique: Technique, profile: PrincipalProfile): RequiredAction[][] | undefined => {
  const viable = viableAlternatives(technique, profile);
  return viable.length > 0 && viable.every((alt) => independentOfTarget(profile, alt)) ? viable : undefined;
};

/**
 * Principals of the account (the escalated ones aside) whose edges for the technique a hub could
 * stand for: counted once per technique and account, cheaply (whether their policies could allow it).
 */
function hubSources(ctx: BuildContext, hubs: HubCache, technique: Technique, account: string): number {
  const key = `${technique.id} ${account}`;
  let count = hubs.sources.get(key);
  if (count === undefined) {
    count = 0;
    for (const arn of ctx.principalsByAccount.get(account) ?? []) {
      const profile = ctx.profiles.get(arn);
      if (profile && technique.sources.includes(profile.kind) && !ctx.admins.has(arn) && !ctx.model.roles[arn]?.serviceLinked && viableForHub(technique, profile)) count++;
    }
    hubs.sources.set(key, count);
  }
  return count;
}

/** Can this principal's edges for the technique go through a hub? */
export function usesHub(ctx: BuildContext, ix: Indexes, hubs: HubCache, technique: Technique, profile: PrincipalProfile, viable: readonly RequiredAction[][]): boolean {
  if (technique.result !== 'target' || technique.administeredFrom) return false;
  const targets = accountTargets(technique, profile.accountId, ctx.model, ix)?.length ?? 0;
  if (targets === 0) return false;
  // Where an inventory shows compute of the kind, each resource is a hop of its own (decided on its ARN).
  if (technique.runsOn) {
    const status = inventoryStatus(ctx.model, technique.runsOn.kind, profile.accountId);
    if (status.whole || status.regions.length > 0 || ix.computeKinds.has(`${technique.runsOn.kind} ${profile.accountId}`)) return false;
  }
  // Sources are counted only when the targets alone do not decide.
  return viable.every((alt) => independentOfTarget(profile, alt)) && (targets >= HUB_MIN_TARGETS || hubPays(hubSources(ctx, hubs, technique, profile.accountId), targets));
}

const doubtOf = (decisions: Decision[], alternative: readonly RequiredAction[]): number =>
  (decisions.some((d) => d.conditional) ? 2 : 0) + (alternative.some((r) => r.requires) ? 1 : 0);

const withoutOnlyIf = new WeakMap<RequiredAction[], RequiredAction[]>();
/** The alternative without its target-side preconditions (the hub's edges check them). */
function decidedPart(alternative: RequiredAction[]): RequiredAction[] {
  let part = withoutOnlyIf.get(alternative);
  if (!part) withoutOnlyIf.set(alternative, (part = alternative.map(({ onlyIf: _, ...r }) => r)));
  return part;
}

const SELECTOR_TEXT: Partial<Record<Technique['targets'], (t: Technique) => string>> = {
  'other-users': () => 'any user',
  roles: () => 'any role',
  'roles-trusting-service': (t) => `any role trusting ${t.service}${t.needsInstanceProfile ? ' with an instance profile' : ''}`,
  'roles-trusting-federated': (t) => `any role trusting ${t.service}`,
};

/** What a hub's edge to a target carries: the technique's needs there; undefined when the target is not one of the hub's. */
function hubEdgeTo(ctx: BuildContext, ix: Indexes, technique: Technique, target: string, alternative: readonly RequiredAction[], earlier: readonly RequiredAction[][]): EdgeAttributes | undefined {
  const { model } = ctx;
  if (!alternative.every((r) => onlyIfHolds(model, r, target))) return undefined;
  if (earlier.some((alt) => alt.every((r) => onlyIfHolds(model, r, target)))) return undefined;
  let requires = technique.requires;
  if (technique.runsOn) {
    const sites = existingSites(model, technique.runsOn, target, ix.computeByRole.get(target) ?? []);
    if ('absent' in sites) return undefined;
    if ('unknown' in sites) requires = `${technique.requires} (${sites.unknown})`;
  }
  return { kind: 'escalation', technique: techniqueRefOf(technique), evidence: [], conditions: [], conditional: Boolean(requires), ...(requires ? { requires: [requires] } : {}) };
}

/** The hub of a technique, an alternative (after the ones that serve targets first) and an account: made once, with its edges; undefined when it has no target. */
function hubOf(ctx: BuildContext, ix: Indexes, hubs: HubCache, technique: Technique, account: string, chosen: { index: number; alt: RequiredAction[] }, earlier: Array<{ index: number; alt: RequiredAction[] }>): string | undefined {
  const key = hubNodeKey(technique.id, chosen.index, account, earlier.map((e) => e.index).join(','));
  if (!hubs.made.has(key)) {
    const edges: Array<[string, EdgeAttributes]> = [];
    for (const target of accountTargets(technique, account, ctx.model, ix)!) {
      if (!ctx.graph.hasNode(target)) continue;
      const attributes = hubEdgeTo(ctx, ix, technique, target, chosen.alt, earlier.map((e) => e.alt));
      if (attributes) edges.push([target, attributes]);
    }
    hubs.made.set(key, edges.length > 0);
    if (edges.length > 0) {
      ensureNode(ctx.graph, key, { kind: 'hub', label: `${SELECTOR_TEXT[technique.targets]!(technique)} of ${account} (${technique.id})`, accountId: account, details: { technique: technique.id, targets: edges.length } });
      // A role passed through the hub: the hub says which roles, as a principal's own edges would.
      const passes = chosen.alt.some((r) => r.action === 'iam:PassRole');
      for (const [target, attributes] of edges) {
        addEdge(ctx, key, target, attributes);
        if (passes) addEdge(ctx, key, target, { kind: 'can-pass-to-service', actions: ['iam:PassRole'], evidence: [], conditions: [], conditional: false });
      }
    }
  }
  return hubs.made.get(key) ? key : undefined;
}

/**
 * Principals of one account whose decisions of every action the technique's viable alternatives
 * name are shared by one class (decide.ts) get the same decisions on any target, so the same edges
 * into the same hubs: a key for them, or undefined when a decision is the principal's own (on its
 * own ARN, or read from the principal).
 */
function alikeKey(ctx: BuildContext, hubs: HubCache, technique: Technique, profile: PrincipalProfile, viable: readonly RequiredAction[][], any: string, needs: string | undefined, passEdges: boolean): string | undefined {
  let key = `${technique.id} ${profile.accountId} ${passEdges} ${needs ?? ''}`;
  for (const alt of viable) {
    const index = technique.anyOf.indexOf(alt);
    if (decidedPerPrincipalOn(ctx, hubs, technique, index, profile, any)) return undefined;
    key += ` ${index}`;
    for (const r of alt) {
      if (r.resource === 'source' && (!resourceIndependent(profile, r.action) || requiredPerPrincipal(ctx.model, profile, r, any))) return undefined;
      const cls = decisionClassNumber(profile, r.action);
      if (cls === undefined) return undefined;
      key += `.${cls}`;
    }
  }
  return key;
}

/** Whether an action of the alternative, on a target other than the source, is decided per principal: the same for every principal of the target's account, so memoized. */
function decidedPerPrincipalOn(ctx: BuildContext, hubs: HubCache, technique: Technique, index: number, profile: PrincipalProfile, any: string): boolean {
  const key = `${technique.id} ${index} ${any}`;
  let own = hubs.perPrincipal.get(key);
  if (own === undefined) hubs.perPrincipal.set(key, (own = technique.anyOf[index].some((r) => r.resource !== 'source' && requiredPerPrincipal(ctx.model, profile, r, any))));
  return own;
}

/**
 * The principal's edges into the technique's hubs: its alternatives decided once (on any target,
 * their target-side preconditions left to the hubs), most preferred first, each serving the
 * targets the ones before it cannot; once per set of principals decided alike.
 */
export function hubEdges(ctx: BuildContext, ix: Indexes, hubs: HubCache, technique: Technique, profile: PrincipalProfile, viable: RequiredAction[][], memo: DecisionMemo, needs: string | undefined, passEdges: boolean): readonly HubEdge[] {
  const any = accountTargets(technique, profile.accountId, ctx.model, ix)!.find((t) => t !== profile.arn);
  if (!any) return [];
  const key = alikeKey(ctx, hubs, technique, profile, viable, any, needs, passEdges);
  let edges = key === undefined ? undefined : hubs.edges.get(key);
  if (!edges) {
    edges = decideHubEdges(ctx, ix, hubs, technique, profile, viable, any, memo, needs, passEdges);
    if (key !== undefined) hubs.edges.set(key, edges);
  }
  return edges;
}

function decideHubEdges(ctx: BuildContext, ix: Indexes, hubs: HubCache, technique: Technique, profile: PrincipalProfile, viable: RequiredAction[][], any: string, memo: DecisionMemo, needs: string | undefined, passEdges: boolean): HubEdge[] {
  const allowed = viable
    .map((alt) => ({ index: technique.anyOf.indexOf(alt), alt, decisions: tryAlternative(ctx.model, profile, decidedPart(alt), any, memo) }))
    .filter((a): a is { index: number; alt: RequiredAction[]; decisions: Decision[] } => a.decisions !== undefined)
    .sort((a, b) => doubtOf(a.decisions, a.alt) - doubtOf(b.decisions, b.alt) || a.index - b.index);
  const edges: HubEdge[] = [];
  const earlier: Array<{ index: number; alt: RequiredAction[] }> = [];
  for (const a of allowed) {
    const hub = hubOf(ctx, ix, hubs, technique, profile.accountId, a, earlier);
    if (hub) {
      edges.push({ target: hub, key: technique.id, attributes: escalationAttributes(technique, a.alt, a.decisions, needs, '') });
      const pass = passEdges ? passAttributes(technique, a.alt, a.decisions) : undefined;
      if (pass) edges.push({ target: hub, key: 'can-pass-to-service', attributes: pass });
    }
    // An alternative without target-side preconditions serves every target the earlier ones left.
    if (a.alt.every((r) => !r.onlyIf)) break;
    earlier.push(a);
  }
  return edges;
}
