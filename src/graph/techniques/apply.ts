/**
 * Checks every technique of the catalog for every principal with the real engine, and composes
 * them to a fixpoint. A technique either lets the source act as a target principal, or gains the
 * source something (a group's policies, any policy, a guardrail removed, another policy version):
 * admin when the gained profile is admin, otherwise a new `escalated` node — the source with the
 * gain — from which every technique (and every AssumeRole) is tried again, up to MAX_GAINS gains.
 * Rewrites of another principal (rewrites.ts) are resolved last, over the whole graph.
 */
import { decideAccess, mayAllow } from '../../access/decide.ts';
import { adminCheck } from '../../access/admin.ts';
import { gainText, withGain, type Gain } from '../../access/gains.ts';
import type { PrincipalProfile } from '../../access/profile.ts';
import type { Decision } from '../../policy/types.ts';
import { addEdge, ensureEscalatedNode, escalatedKey, evidenceOf, noteOf, type BuildContext } from '../context.ts';
import { ADMIN_NODE, type EdgeAttributes } from '../types.ts';
import { TECHNIQUES } from './catalog/index.ts';
import { tryAlternative, viableAlternatives, type DecisionMemo } from './required.ts';
import { adminAttributes, escalationAttributes, passAttributes } from './attributes.ts';
import { resolveRewrites, type BulkRewrite, type Rewrite } from './rewrites.ts';
import { administrationRequirement, buildIndexes, principalsRewritten, rolesThatMayTrust, targetsFor, targetsLeftOut, type Indexes } from './targets.ts';
import { intoAssumeHub } from '../assume-hubs.ts';
import { isHub } from '../traversal/index.ts';
import { existingSites } from './existing.ts';
import { hubEdges, newHubCache, rewritesInBulk, usesHub, type HubCache } from './hubs.ts';
import type { RequiredAction, Technique } from './types.ts';

/** Gains composed on one principal at most (each is a hop; --max-depth bounds the paths anyway). */
const MAX_GAINS = 3;
/** Escalated nodes in one graph at most: a bound on the work, whatever the input. */
const MAX_ESCALATED = 20_000;

/** Who tries the techniques: a principal, or a principal with what earlier steps gained it. */
interface Actor {
  node: string;
  principal: string;
  profile: PrincipalProfile;
  gains: Gain[];
  /** For an escalated actor: the edge that makes it, added only if it leads anywhere new. */
  via?: { from: string; attributes: EdgeAttributes; key: string };
}

interface FoundEdge {
  target: string;
  attributes: EdgeAttributes;
  key: string;
}


/** How conditional an alternative's edge would be: residual conditions weigh more than resources it needs. */
const doubtOf = (decisions: Decision[], alternative: RequiredAction[]): number =>
  (decisions.some((d) => d.conditional) ? 2 : 0) + (alternative.some((r) => r.requires) ? 1 : 0);

/** The alternative whose actions are all allowed and whose edge is least conditional (the first of equals). */
function chooseAlternative(ctx: BuildContext, profile: PrincipalProfile, viable: RequiredAction[][], target: string, memo: DecisionMemo, site?: string): { chosen: RequiredAction[]; decisions: Decision[] } | undefined {
  let best: { chosen: RequiredAction[]; decisions: Decision[] } | undefined;
  for (const alternative of viable) {
    const found = tryAlternative(ctx.model, profile, alternative, target, memo, site);
    if (found && (!best || doubtOf(found, alternative) < doubtOf(best.decisions, best.chosen))) best = { chosen: alternative, decisions: found };
  }
  return best;
}

/** The roles a principal can assume, directly or through the hubs it enters. */
function assumableBy(ctx: BuildContext, principal: string): Set<string> {
  const roles = new Set<string>();
  ctx.graph.forEachOutEdge(principal, (_e, a, _s, target) => {
    if (a.kind !== 'can-assume') return;
    if (!isHub(ctx.graph, target)) roles.add(target);
    else ctx.graph.forEachOutEdge(target, (_f, b, _h, role) => b.kind === 'can-assume' && roles.add(role));
  });
  return roles;
}

/**
 * AssumeRole edges an escalated actor has and its principal has not (its gains changed what it
 * may assume), role by role: a hub the actor enters (its scoped statements split the roles apart
 * from its principal's) is new only for roles the principal cannot assume already.
 */
function newAssumeEdges(ctx: BuildContext, ix: Indexes, actor: Actor): FoundEdge[] {
  if (!mayAllow(actor.profile, 'sts:AssumeRole')) return [];
  const out: FoundEdge[] = [];
  const already = assumableBy(ctx, actor.principal);
  const hubs = ctx.assumeHubs.entries(actor.principal, actor.profile);
  for (const roleArn of rolesThatMayTrust(ix, actor.principal, actor.profile.accountId)) {
    const role = ctx.model.roles[roleArn];
    // A grouped role is entered through its hub below, when the profile enters hubs at all.
    if ((hubs && ctx.assumeHubs.grouped(roleArn)) || role.serviceLinked || role.arn === actor.principal || already.has(role.arn)) continue;
    const d = decideAccess(ctx.model, actor.profile, { action: 'sts:AssumeRole', resource: role.arn });
    if (d.decision !== 'allowed') continue;
    out.push({ target: role.arn, key: 'can-assume', attributes: { kind: 'can-assume', actions: ['sts:AssumeRole'], evidence: evidenceOf(d), conditions: d.residual, conditional: d.conditional } });
  }
  // One decision per hub, on one of its roles: the hub's edge, unless the principal has it or already assumes all its roles.
  for (const { hub, role } of hubs ?? []) {
    if (ctx.graph.hasEdge(`${actor.principal}->${hub}:can-assume`) || ctx.graph.outNeighbors(hub).every((r) => r === actor.principal || already.has(r))) continue;
    const attributes = intoAssumeHub(ctx, actor.profile, role);
    if (attributes) out.push({ target: hub, key: 'can-assume', attributes });
  }
  return out;
}

interface ActorResult {
  edges: FoundEdge[];
  next: Actor[];
  rewrites: Rewrite[];
  bulk: BulkRewrite[];
}

function tryTechniques(ctx: BuildContext, ix: Indexes, hubs: HubCache, actor: Actor): ActorResult {
  const { model } = ctx;
  const { profile } = actor;
  const result: ActorResult = { edges: actor.via ? newAssumeEdges(ctx, ix, actor) : [], next: [], rewrites: [], bulk: [] };
  const memo: DecisionMemo = new Map();
  for (const technique of TECHNIQUES) {
    if (!technique.sources.includes(profile.kind)) continue;
    const viable = viableAlternatives(technique, profile);
    if (viable.length === 0) continue;
    const needs = administrationRequirement(technique, model, profile.accountId);
    if (usesHub(ctx, ix, hubs, technique, profile, viable)) {
      result.edges.push(...hubEdges(ctx, ix, hubs, technique, profile, viable, memo, needs, !actor.via));
      continue;
    }
    const everyone = rewritesInBulk(ctx, ix, technique, profile, viable);
    if (everyone) {
      // Decided on one of them, as the loop below would decide on each.
      const leftOut = targetsLeftOut(technique, profile, model);
      const any = everyone.find((t) => !leftOut.has(t.target));
      const found = any && chooseAlternative(ctx, profile, viable, any.target, memo);
      if (found) result.bulk.push({ rewriter: actor.node, self: actor.principal, targets: everyone, leftOut, gain: technique.gain ?? 'any-policy', technique, attributes: escalationAttributes(technique, found.chosen, found.decisions, needs) });
      continue;
    }
    for (const target of targetsFor(technique, profile, model, ix)) {
      if (technique.runsOn) {
        if (target !== actor.principal) result.edges.push(...existingComputeEdges(ctx, ix, technique, profile, viable, target, memo, needs));
        continue;
      }
      const found = chooseAlternative(ctx, profile, viable, target, memo);
      if (!found) continue;
      const { chosen, decisions } = found;
      const attributes = escalationAttributes(technique, chosen, decisions, needs);
      if (technique.result === 'target') {
        if (!ctx.graph.hasNode(target) || target === actor.principal) continue;
        result.edges.push({ target, attributes, key: technique.id });
        const pass = actor.via ? undefined : passAttributes(technique, chosen, decisions);
        if (pass) result.edges.push({ target, key: 'can-pass-to-service', attributes: pass });
      } else if (technique.result === 'rewrite-target') {
        for (const principal of principalsRewritten(model, target, ix, profile.accountId)) {
          if (principal !== actor.principal) result.rewrites.push({ rewriter: actor.node, principal, target, gain: technique.gain ?? 'any-policy', technique, attributes });
        }
      } else {
        const gain: Gain = { kind: technique.gain ?? 'any-policy', target };
        const gained = withGain(model, profile, gain);
        if (!gained) continue;
        const note = noteOf(target, `gains ${gainText(gain)}`);
        const admin = adminCheck(model, gained);
        if (admin.admin) {
          result.edges.push({ target: ADMIN_NODE, key: `${technique.id}@${target}`, attributes: adminAttributes(attributes, admin, note) });
        } else if (actor.gains.length < MAX_GAINS && !actor.gains.some((g) => g.kind === gain.kind && g.target === gain.target)) {
          const gains = [...actor.gains, gain];
          result.next.push({ node: escalatedKey(actor.principal, gains), principal: actor.principal, profile: gained, gains, via: { from: actor.node, key: `${technique.id}@${target}`, attributes: { ...attributes, evidence: [...attributes.evidence, note] } } });
        }
      }
    }
  }
  return result;
}

/**
 * A technique that abuses compute running as `role`: a hop to each such resource the inventories
 * show, its actions decided on the resource's own ARN; none when a whole inventory shows none;
 * else the hop to the role, conditional on the resource, saying what the inventories covered.
 */
function existingComputeEdges(ctx: BuildContext, ix: Indexes, technique: Technique, profile: PrincipalProfile, viable: RequiredAction[][], role: string, memo: DecisionMemo, needs: string | undefined): FoundEdge[] {
  const sites = existingSites(ctx.model, technique.runsOn!, role, ix.computeByRole.get(role) ?? []);
  if ('absent' in sites) return [];
  if ('unknown' in sites) {
    const found = chooseAlternative(ctx, profile, viable, role, memo);
    return found ? [{ target: role, key: technique.id, attributes: escalationAttributes(technique, found.chosen, found.decisions, needs, `${technique.requires} (${sites.unknown})`) }] : [];
  }
  const edges: FoundEdge[] = [];
  for (const resource of sites.found) {
    const found = chooseAlternative(ctx, profile, viable, role, memo, resource.actOn ?? resource.arn);
    const stateUnknown = technique.runsOn!.states && resource.state === undefined ? `${resource.name} being ${technique.runsOn!.states.join(' or ')} (the inventory does not say)` : undefined;
    if (found && ctx.graph.hasNode(resource.arn)) edges.push({ target: resource.arn, key: technique.id, attributes: escalationAttributes(technique, found.chosen, found.decisions, needs, stateUnknown ?? '') });
  }
  return edges;
}

/** An escalated actor is worth a node only if it leads somewhere its principal does not already go. */
function leadsAnywhereNew(ctx: BuildContext, actor: Actor, found: ActorResult): FoundEdge[] | undefined {
  const edges = found.edges.filter((e) => e.target !== actor.principal && !ctx.graph.hasEdge(`${actor.principal}->${e.target}:${e.key}`));
  return edges.length || found.next.length || found.rewrites.length || found.bulk.length ? edges : undefined;
}

export function applyTechniques(ctx: BuildContext): void {
  const { model, graph } = ctx;
  const ix = buildIndexes(model);
  const queue: Actor[] = [];
  for (const [arn, profile] of ctx.profiles) {
    // Admins can already do everything; escalation edges from them would only add noise.
    if (model.roles[arn]?.serviceLinked || ctx.admins.has(arn)) continue;
    queue.push({ node: arn, principal: arn, profile, gains: [] });
  }
  const rewrites: Rewrite[] = [];
  const bulk: BulkRewrite[] = [];
  const expanded = new Set<string>();
  const hubs = newHubCache();
  let escalated = 0;
  for (let i = 0; i < queue.length; i++) {
    const actor = queue[i];
    if (actor.via && graph.hasNode(actor.node)) {
      // The same state reached another way: one more edge into it.
      addEdge(ctx, actor.via.from, actor.node, actor.via.attributes, actor.via.key);
      continue;
    }
    if (expanded.has(actor.node)) continue;
    expanded.add(actor.node);
    const found = tryTechniques(ctx, ix, hubs, actor);
    let edges = found.edges;
    if (actor.via) {
      const fresh = leadsAnywhereNew(ctx, actor, found);
      if (!fresh || ++escalated > MAX_ESCALATED) continue;
      edges = fresh;
      ensureEscalatedNode(graph, actor.principal, actor.gains);
      addEdge(ctx, actor.via.from, actor.node, actor.via.attributes, actor.via.key);
    }
    for (const e of edges) addEdge(ctx, actor.node, e.target, e.attributes, e.key);
    rewrites.push(...found.rewrites);
    bulk.push(...found.bulk);
    queue.push(...found.next);
  }
  resolveRewrites(ctx, rewrites, bulk);
}

