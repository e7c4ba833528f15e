/**
 * Rewriting another principal — attaching a policy to a role, removing its boundary — pays off
 * when the attacker can then act as it. The attacker is the source together with everything it
 * can act as, at any distance: the rewriter P and whoever enters the rewritten principal C may be
 * different principals the source reaches. One forward pass from each rewriter finds what it can
 * act as; where C is among them, one edge from P serves every source reaching P;
 * otherwise C gets an edge to "C rewritten" (an escalated node, admin), which the path search
 * takes only from sources that can also act as P: linear in the rewrites, not in sources × targets.
 */
import { adminCheck } from '../../access/admin.ts';
import { gainText, withGain, type GainKind } from '../../access/gains.ts';
import { shortName } from '../../policy/arn.ts';
import { addEdge, ensureEscalatedNode, noteOf, type BuildContext } from '../context.ts';
import { ACTING_AS, bfs, depthsFrom, stepsOf, stepsOnce, stepsTo, type Reached } from '../traversal/index.ts';
import { ADMIN_NODE, type EdgeAttributes } from '../types.ts';
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

/** What `node` can act as: every node a chain of acting-as edges reaches (and whether one chain is unconditional). */
function actsAs(ctx: BuildContext, node: string): { any: Map<string, Reached>; firm: Set<string> } {
  const { maxDepth } = ctx.options;
  // The chains shown come from the ordered walk; the unconditional one needs only what it reaches.
  return { any: bfs(stepsOnce(ctx.graph, { edges: ACTING_AS }), [node], { maxDepth }), firm: new Set(depthsFrom(ctx.graph, [node], { edges: ACTING_AS, includeConditional: false, maxDepth }).keys()) };
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

export function resolveRewrites(ctx: BuildContext, rewrites: readonly Rewrite[]): void {
  const byPrincipal = new Map<string, Rewrite[]>();
  for (const r of rewrites) {
    const list = byPrincipal.get(r.principal);
    if (list) list.push(r);
    else byPrincipal.set(r.principal, [r]);
  }
  // One forward pass per rewriter (few principals hold rewrite rights; many principals are rewritable).
  const reaches = new Map<string, ReturnType<typeof actsAs>>();
  const reachOf = (node: string) => {
    let r = reaches.get(node);
    if (!r) reaches.set(node, (r = actsAs(ctx, node)));
    return r;
  };
  const enterable = (node: string) => stepsOf(ctx.graph, node, { edges: ACTING_AS, direction: 'in' }).length > 0;
  for (const principal of [...byPrincipal.keys()].sort()) {
    const profile = ctx.profiles.get(principal);
    if (!profile || ctx.admins.has(principal)) continue; // already admin: reaching it is its own path
    if (!enterable(principal)) continue; // nobody can act as it
    const admins = new Map<GainKind, ReturnType<typeof adminCheck> | undefined>();
    for (const r of byPrincipal.get(principal)!) {
      if (!admins.has(r.gain)) {
        const gained = withGain(ctx.model, profile, { kind: r.gain, target: principal });
        admins.set(r.gain, gained ? adminCheck(ctx.model, gained) : undefined);
      }
      const admin = admins.get(r.gain);
      if (!admin?.admin) continue;
      const note = noteOf(principal, `rewrites ${shortName(principal)}${r.target !== principal ? ` (through ${shortName(r.target)})` : ''}: ${gainText({ kind: r.gain, target: principal })}`);
      const attributes = adminAttributes(r.attributes, admin, note);
      const key = `${r.technique.id}@${principal}`;
      const fromRewriter = reachOf(r.rewriter);
      if (fromRewriter.any.has(principal)) {
        addEdge(ctx, r.rewriter, ADMIN_NODE, {
          ...attributes,
          evidence: [...attributes.evidence, noteOf(principal, `then acting as ${shortName(principal)}: ${chainText(ctx, fromRewriter.any, r.rewriter, principal)}`)],
          ...withWays(attributes, [fromRewriter.firm.has(principal) ? undefined : `${shortName(principal)} only conditionally`]),
        }, key);
        continue;
      }
      // Another principal of the attacker's must enter C: the rewritten C is a node of its own,
      // entered from C, and the search checks that its source can also act as the rewriter.
      const rewritten = ensureEscalatedNode(ctx.graph, principal, [{ kind: r.gain, target: principal }]);
      addEdge(ctx, principal, rewritten, {
        ...r.attributes,
        evidence: [...r.attributes.evidence, noteOf(r.rewriter, `made by ${nodeName(ctx, r.rewriter)}, which the attacker must also act as`)],
        alsoActingAs: [r.rewriter],
      }, `${r.technique.id}@${r.rewriter}`);
      addEdge(ctx, rewritten, ADMIN_NODE, { kind: 'is-admin', evidence: admin.evidence, conditions: admin.conditions, conditional: admin.conditional });
    }
  }
}
