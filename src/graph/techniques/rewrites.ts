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
import { ACTING_AS, bfs, hasStep, isHub, reachability, stepsOver, stepsTo, type Reachability, type Reached, type Steps } from '../traversal/index.ts';
import { ADMIN_NODE, type EdgeAttributes, type Evidence } from '../types.ts';
import { adminAttributes } from './attributes.ts';
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

/** `a → b → c`: the chain from the walk's start to `to`, read off a forward BFS. */
function chainText(ctx: BuildContext, reached: ReadonlyMap<string, Reached>, from: string, to: string): string {
  return [from, ...stepsTo(reached, to).map((s) => s.next)].map((node) => nodeName(ctx, node)).join(' → ');
}

/** A principal's short name; an escalated node's label (its principal and what it gained). */
const nodeName = (ctx: BuildContext, node: string): string => (ctx.graph.getNodeAttribute(node, 'kind') === 'escalated' ? ctx.graph.getNodeAttribute(node, 'label') : shortName(node));

/** A way to act as someone that is only conditional makes the step conditional, and says so (the chain is not on the path). */
function withWays(attributes: EdgeAttributes, conditionalWays: Array<string | undefined>): Pick<EdgeAttributes, 'conditional' | 'requires'> {
  const ways = conditionalWays.filter((w): w is string => w !== undefined).map((w) => `acting as ${w} (see its paths)`);
  const requires = [...(attributes.requires ?? []), ...ways];
  return { conditional: attributes.conditional || ways.length > 0, ...(requires.length ? { requires } : {}) };
}

interface Candidate {
  rewrite: Rewrite;
  admin: AdminCheck;
}

/** The rewrites each rewriter makes with each technique that would make their principal admin (enterable, not admin already). */
function candidatesByRewriter(ctx: BuildContext, rewrites: readonly Rewrite[]): Candidate[][] {
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
  // One candidate per principal a rewriter rewrites with a technique (through many targets, often):
  // the first unconditional one, else the first.
  const groups = new Map<string, Map<Technique, Map<string, Candidate>>>();
  for (const rewrite of rewrites) {
    // Already admin: reaching it is its own path; nobody can act as it: the change pays nobody.
    if (ctx.admins.has(rewrite.principal) || !isEnterable(rewrite.principal)) continue;
    const admin = adminAfter(rewrite.principal, rewrite.gain);
    if (!admin?.admin) continue;
    let byTechnique = groups.get(rewrite.rewriter);
    if (!byTechnique) groups.set(rewrite.rewriter, (byTechnique = new Map()));
    let byPrincipal = byTechnique.get(rewrite.technique);
    if (!byPrincipal) byTechnique.set(rewrite.technique, (byPrincipal = new Map()));
    const kept = byPrincipal.get(rewrite.principal);
    if (!kept || (kept.rewrite.attributes.conditional && !rewrite.attributes.conditional)) byPrincipal.set(rewrite.principal, { rewrite, admin });
  }
  return [...groups.keys()].sort().flatMap((rewriter) => {
    const byTechnique = groups.get(rewriter)!;
    return [...byTechnique.keys()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((technique) => [...byTechnique.get(technique)!.values()]);
  });
}

const rewriteNote = (r: Rewrite): Evidence => noteOf(r.principal, `rewrites ${shortName(r.principal)}${r.target !== r.principal ? ` (through ${shortName(r.target)})` : ''}: ${gainText({ kind: r.gain, target: r.principal })}`);

/**
 * Where the rewriter can itself act as principals it rewrites, one edge to admin per technique
 * shows the best of them (unconditional first, then the nearest) and counts the rest: the path is
 * the same whichever is chosen. "Can act as" comes from one condensation of the graph, not a walk
 * per rewriter; only the chain shown is walked, and only until it meets a principal it rewrites.
 */
export function resolveRewrites(ctx: BuildContext, rewrites: readonly Rewrite[]): void {
  const groups = candidatesByRewriter(ctx, rewrites);
  if (groups.length === 0) return;
  const any = reachability(ctx.graph, { edges: ACTING_AS });
  const firm = reachability(ctx.graph, { edges: ACTING_AS, includeConditional: false });
  // Hubs left in, crossed by each walk: one walk per rewriter costs what it reaches.
  const walks = [false, true].map((includeConditional) => stepsOver(ctx.graph, { edges: ACTING_AS, includeConditional, foldHubs: false }));
  for (const candidates of groups) {
    const rewriter = candidates[0].rewrite.rewriter;
    const reached = candidates.filter((c) => any.reaches(rewriter, c.rewrite.principal));
    const shown = new Set(reached);
    if (reached.length > 0) addRewriterEdge(ctx, rewriter, reached, firm, walks);
    for (const c of candidates) if (!shown.has(c)) addRewrittenNode(ctx, c);
  }
}

function addRewriterEdge(ctx: BuildContext, rewriter: string, reached: Candidate[], firm: Reachability, walks: Steps[]): void {
  const doubt = (c: Candidate) => (c.rewrite.attributes.conditional || c.admin.conditional ? 2 : 0) + (firm.reaches(rewriter, c.rewrite.principal) ? 0 : 1);
  const least = reached.reduce((m, c) => Math.min(m, doubt(c)), Infinity); // no spread: a dense account's group outgrows the argument limit
  const best = new Map(reached.filter((c) => doubt(c) === least).map((c) => [c.rewrite.principal, c]));
  let nearest: string | undefined;
  const walk = bfs(walks[least % 2], [rewriter], {
    cross: (node) => isHub(ctx.graph, node),
    until: (node) => best.has((nearest = node)),
  });
  const shown = nearest === undefined ? undefined : best.get(nearest);
  if (!shown) return; // not met: the condensation and the walk follow the same edges
  const { rewrite, admin } = shown;
  const others = reached.map((c) => c.rewrite.principal).filter((p) => p !== rewrite.principal).sort();
  const attributes = adminAttributes(rewrite.attributes, admin, rewriteNote(rewrite));
  const evidence = [...attributes.evidence, noteOf(rewrite.principal, `then acting as ${shortName(rewrite.principal)}: ${chainText(ctx, walk, rewriter, rewrite.principal)}`)];
  if (others.length) evidence.push(noteOf(rewriter, `as for ${others.length} more it can act as: ${others.slice(0, 3).map(shortName).join(', ')}${others.length > 3 ? ', …' : ''}`));
  addEdge(ctx, rewriter, ADMIN_NODE, { ...attributes, evidence, ...withWays(attributes, [least % 2 === 1 ? `${shortName(rewrite.principal)} only conditionally` : undefined]) }, `${rewrite.technique.id}@${rewrite.principal}`);
}

/**
 * Another principal of the attacker's must enter C: the rewritten C is a node of its own, entered
 * from C, and the path search checks that its source can also act as the rewriter.
 */
function addRewrittenNode(ctx: BuildContext, { rewrite: r, admin }: Candidate): void {
  const rewritten = ensureEscalatedNode(ctx.graph, r.principal, [{ kind: r.gain, target: r.principal }]);
  addEdge(ctx, r.principal, rewritten, {
    ...r.attributes,
    evidence: [...r.attributes.evidence, noteOf(r.rewriter, `made by ${nodeName(ctx, r.rewriter)}, which the attacker must also act as`)],
    alsoActingAs: [r.rewriter],
  }, `${r.technique.id}@${r.rewriter}`);
  addEdge(ctx, rewritten, ADMIN_NODE, { kind: 'is-admin', evidence: admin.evidence, conditions: admin.conditions, conditional: admin.conditional });
}
