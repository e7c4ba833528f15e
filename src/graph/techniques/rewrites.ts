/**
 * Rewriting another principal — attaching a policy to a role, removing its boundary — pays off
 * when the attacker can then act as it. The attacker is the source together with everything it
 * can act as, at any distance: the rewriter P and whoever enters the rewritten principal C may be
 * different principals the source reaches. Where P can act as C itself, one edge from P to admin
 * serves every source reaching P; otherwise C gets an edge to "C rewritten" (an escalated node,
 * admin), which the path search takes only from sources that can also act as P: linear in the
 * rewrites, not in sources × targets.
 */
import { adminCheck, type AdminCheck } from '../../access/admin.ts';
import { gainText, withGain, type GainKind } from '../../access/gains.ts';
import { shortName } from '../../policy/arn.ts';
import { addEdge, ensureEscalatedNode, noteOf, type BuildContext } from '../context.ts';
import { ACTING_AS, hasStep, nearestChains, reachability, type NearestChain, type Reachability } from '../traversal/index.ts';
import { ADMIN_NODE, type EdgeAttributes, type Evidence } from '../types.ts';
import { adminAttributes } from './attributes.ts';
import type { RewriteTarget } from './targets.ts';
import type { Technique } from './types.ts';

export interface Rewrite {
  /** The node that makes the change (a principal or an escalated one). */
  rewriter: string;
  /** The principal whose permissions change. */
  principal: string;
  /** What the technique acts on (the principal, or a policy it holds). */
  target: string;
  gain: GainKind;
  technique: Technique;
  attributes: EdgeAttributes;
}

/**
 * A rewriter's decision that is the same for every target of a technique in its account ("any
 * user", "any role", "any policy someone else holds"): one record, not one per target.
 */
export interface BulkRewrite {
  rewriter: string;
  /** The rewriter's own principal, which it does not rewrite. */
  self: string;
  /** The targets with the principals each rewrites, a list shared by every rewriter of the account. */
  targets: readonly RewriteTarget[];
  /** The targets this rewriter leaves out (itself, the policies it holds). */
  leftOut: ReadonlySet<string>;
  gain: GainKind;
  technique: Technique;
  attributes: EdgeAttributes;
}

/** A principal's short name; an escalated node's label (its principal and what it gained). */
const nodeName = (ctx: BuildContext, node: string): string => (ctx.graph.getNodeAttribute(node, 'kind') === 'escalated' ? ctx.graph.getNodeAttribute(node, 'label') : shortName(node));

/** A way to act as someone that is only conditional makes the step conditional, and says so (the chain is not on the path). */
function withWays(attributes: EdgeAttributes, conditionalWays: Array<string | undefined>): Pick<EdgeAttributes, 'conditional' | 'requires'> {
  const ways = conditionalWays.filter((w): w is string => w !== undefined).map((w) => `acting as ${w} (see its paths)`);
  const requires = [...(attributes.requires ?? []), ...ways];
  return { conditional: attributes.conditional || ways.length > 0, ...(requires.length ? { requires } : {}) };
}

/** A principal a rewrite would make admin, through a target. */
interface Member {
  principal: string;
  target: string;
  admin: AdminCheck;
}

/** The principals one rewriter makes admin with one technique, and the edge attributes of each rewrite. */
interface Group {
  rewriter: string;
  technique: Technique;
  gain: GainKind;
  members: readonly Member[];
  attributesOf: (member: Member) => EdgeAttributes;
}

/** The rewrites each rewriter makes with each technique that would make their principal admin (enterable, not admin already). */
function groupsOf(ctx: BuildContext, rewrites: readonly Rewrite[], bulk: readonly BulkRewrite[]): Group[] {
  // Millions of rewrites in a dense account: memos keyed by object and nested maps, no string per rewrite.
  const admins = new Map<string, Map<GainKind, AdminCheck | undefined>>();
  const adminAfter = (principal: string, gain: GainKind): AdminCheck | undefined => {
    let byGain = admins.get(principal);
    if (!byGain) admins.set(principal, (byGain = new Map()));
    if (!byGain.has(gain)) {
      const profile = ctx.profiles.get(principal);
      const gained = profile && withGain(ctx.model, profile, { kind: gain, target: principal });
      byGain.set(gain, gained ? adminCheck(ctx.model, gained) : undefined);
    }
    return byGain.get(gain);
  };
  const enterable = new Map<string, boolean>();
  const isEnterable = (node: string) => {
    // Through a hub, only someone else counts: a principal may be one of its own hub's targets.
    if (!enterable.has(node)) enterable.set(node, hasStep(ctx.graph, node, { edges: ACTING_AS, direction: 'in' }, (s) => s.next !== node));
    return enterable.get(node)!;
  };
  // Already admin: reaching it is its own path; nobody can act as it: the change pays nobody.
  const memberOf = (principal: string, target: string, gain: GainKind): Member | undefined => {
    if (ctx.admins.has(principal) || !isEnterable(principal)) return undefined;
    const admin = adminAfter(principal, gain);
    return admin?.admin ? { principal, target, admin } : undefined;
  };
  const byRewriter = new Map<string, Map<Technique, Group>>();
  const put = (group: Group) => {
    let byTechnique = byRewriter.get(group.rewriter);
    if (!byTechnique) byRewriter.set(group.rewriter, (byTechnique = new Map()));
    byTechnique.set(group.technique, group);
  };
  // One member per principal a rewriter rewrites with a technique (through many targets, often):
  // the first unconditional rewrite, else the first.
  const own = new Map<string, Map<Technique, Map<string, { member: Member; attributes: EdgeAttributes }>>>();
  for (const r of rewrites) {
    let byTechnique = own.get(r.rewriter);
    if (!byTechnique) own.set(r.rewriter, (byTechnique = new Map()));
    let byPrincipal = byTechnique.get(r.technique);
    if (!byPrincipal) byTechnique.set(r.technique, (byPrincipal = new Map()));
    const kept = byPrincipal.get(r.principal);
    if (kept && !(kept.attributes.conditional && !r.attributes.conditional)) continue;
    const member = memberOf(r.principal, r.target, r.gain);
    if (member) byPrincipal.set(r.principal, { member, attributes: r.attributes });
  }
  for (const [rewriter, byTechnique] of own) {
    for (const [technique, byPrincipal] of byTechnique) {
      if (byPrincipal.size === 0) continue;
      const attributes = new Map([...byPrincipal.values()].map((m) => [m.member, m.attributes]));
      put({ rewriter, technique, gain: technique.gain ?? 'any-policy', members: [...attributes.keys()], attributesOf: (m) => attributes.get(m)! });
    }
  }
  // The members of a shared target, once per target and gain; each principal once per rewriter, through its first target.
  const shared = new Map<RewriteTarget, Map<GainKind, Member[]>>();
  const membersAt = (t: RewriteTarget, gain: GainKind): Member[] => {
    let byGain = shared.get(t);
    if (!byGain) shared.set(t, (byGain = new Map()));
    let members = byGain.get(gain);
    if (!members) byGain.set(gain, (members = t.principals.flatMap((p) => memberOf(p, t.target, gain) ?? [])));
    return members;
  };
  for (const b of bulk) {
    const seen = new Set<string>([b.self]);
    const mine: Member[] = [];
    for (const t of b.targets) {
      if (b.leftOut.has(t.target)) continue;
      for (const m of membersAt(t, b.gain)) {
        if (seen.has(m.principal)) continue;
        seen.add(m.principal);
        mine.push(m);
      }
    }
    if (mine.length > 0) put({ rewriter: b.rewriter, technique: b.technique, gain: b.gain, members: mine, attributesOf: () => b.attributes });
  }
  return [...byRewriter.keys()].sort().flatMap((rewriter) => {
    const byTechnique = byRewriter.get(rewriter)!;
    return [...byTechnique.keys()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((technique) => byTechnique.get(technique)!);
  });
}

const rewriteNote = (g: Group, m: Member): Evidence => noteOf(m.principal, `rewrites ${shortName(m.principal)}${m.target !== m.principal ? ` (through ${shortName(m.target)})` : ''}: ${gainText({ kind: g.gain, target: m.principal })}`);

/**
 * Where the rewriter can itself act as principals it rewrites, one edge to admin per technique
 * shows the best of them (unconditional first, then the nearest) and counts the rest: the path is
 * the same whichever is chosen. "Can act as" comes from one condensation of the graph, not a walk
 * per rewriter; only the chain shown is walked, and only until it meets a principal it rewrites.
 */
export function resolveRewrites(ctx: BuildContext, rewrites: readonly Rewrite[], bulk: readonly BulkRewrite[]): void {
  const groups = groupsOf(ctx, rewrites, bulk);
  if (groups.length === 0) return;
  const any = reachability(ctx.graph, { edges: ACTING_AS });
  const firm = reachability(ctx.graph, { edges: ACTING_AS, includeConditional: false });
  // Over the graph before these edges (which only lead to admin): firm steps, then any.
  const walks = [false, true].map((includeConditional) => nearestChains(ctx.graph, { edges: ACTING_AS, includeConditional }));
  for (const group of groups) {
    const reached: Member[] = [];
    const others: Member[] = [];
    for (const m of group.members) (any.reaches(group.rewriter, m.principal) ? reached : others).push(m);
    if (reached.length > 0) addRewriterEdge(ctx, group, reached, firm, walks);
    // A group's members mostly share one attributes object (a bulk rewrite's): so do their edges.
    const entering = new Map<EdgeAttributes, EdgeAttributes>();
    for (const m of others) addRewrittenNode(ctx, group, m, entering);
  }
}

function addRewriterEdge(ctx: BuildContext, group: Group, reached: Member[], firm: Reachability, walks: NearestChain[]): void {
  const { rewriter } = group;
  const doubt = (m: Member) => (group.attributesOf(m).conditional || m.admin.conditional ? 2 : 0) + (firm.reaches(rewriter, m.principal) ? 0 : 1);
  const least = reached.reduce((min, m) => Math.min(min, doubt(m)), Infinity); // no spread: a dense account's group outgrows the argument limit
  const best = new Map(reached.filter((m) => doubt(m) === least).map((m) => [m.principal, m]));
  const chain = walks[least % 2](rewriter, new Set(best.keys()));
  const shown = chain && best.get(chain[chain.length - 1]);
  if (!chain || !shown) return; // not met: the condensation and the walk follow the same edges
  const others = reached.map((m) => m.principal).filter((p) => p !== shown.principal).sort();
  const attributes = adminAttributes(group.attributesOf(shown), shown.admin, rewriteNote(group, shown));
  const evidence = [...attributes.evidence, noteOf(shown.principal, `then acting as ${shortName(shown.principal)}: ${chain.map((node) => nodeName(ctx, node)).join(' → ')}`)];
  if (others.length) evidence.push(noteOf(rewriter, `as for ${others.length} more it can act as: ${others.slice(0, 3).map(shortName).join(', ')}${others.length > 3 ? ', …' : ''}`));
  addEdge(ctx, rewriter, ADMIN_NODE, { ...attributes, evidence, ...withWays(attributes, [least % 2 === 1 ? `${shortName(shown.principal)} only conditionally` : undefined]) }, `${group.technique.id}@${shown.principal}`);
}

/**
 * Another principal of the attacker's must enter C: the rewritten C is a node of its own, entered
 * from C, and the path search checks that its source can also act as the rewriter.
 */
function addRewrittenNode(ctx: BuildContext, group: Group, m: Member, entering: Map<EdgeAttributes, EdgeAttributes>): void {
  const attributes = group.attributesOf(m);
  let edge = entering.get(attributes);
  if (!edge) {
    entering.set(attributes, (edge = {
      ...attributes,
      evidence: [...attributes.evidence, noteOf(group.rewriter, `made by ${nodeName(ctx, group.rewriter)}, which the attacker must also act as`)],
      alsoActingAs: [group.rewriter],
    }));
  }
  const rewritten = ensureEscalatedNode(ctx.graph, m.principal, [{ kind: group.gain, target: m.principal }]);
  addEdge(ctx, m.principal, rewritten, edge, `${group.technique.id}@${group.rewriter}`);
  addEdge(ctx, rewritten, ADMIN_NODE, { kind: 'is-admin', evidence: m.admin.evidence, conditions: m.admin.conditions, conditional: m.admin.conditional });
}
