/**
 * Rewriting another principal — attaching a policy to a role, removing its boundary — pays off
 * when the attacker can then act as it. The attacker is the source together with everything it
 * can act as, at any distance: the rewriter P and whoever enters the rewritten principal C may be
 * different principals the source reaches. One reverse pass from each rewritten principal finds
 * who can act as it; where P is among them, one edge from P serves every source reaching P;
 * otherwise each source reaching both P and C gets the edge, with both branches named.
 */
import { adminCheck } from '../../access/admin.ts';
import { gainText, withGain, type GainKind } from '../../access/gains.ts';
import { shortName } from '../../policy/arn.ts';
import { addEdge, type BuildContext } from '../context.ts';
import { ACTING_AS, bfs, stepsOnce, stepsTo, type Reached } from '../traversal/index.ts';
import { ADMIN_NODE, type EdgeAttributes } from '../types.ts';
import { adminAttributes, noteOf } from './attributes.ts';
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

/** Who can act as `node`: every node with a chain of acting-as edges to it (and whether one is unconditional). */
function actingAs(ctx: BuildContext, node: string): { any: Map<string, Reached>; firm: Set<string> } {
  const walk = (includeConditional: boolean) => bfs(stepsOnce(ctx.graph, { edges: ACTING_AS, direction: 'in', includeConditional }), [node], { maxDepth: ctx.options.maxDepth });
  return { any: walk(true), firm: new Set(walk(false).keys()) };
}

/** `a → b → c`: the chain from `from` to the walk's start, read off a reverse BFS. */
function chainText(ctx: BuildContext, reached: ReadonlyMap<string, Reached>, from: string): string {
  const steps = stepsTo(reached, from).reverse();
  return [from, ...steps.map((s) => s.at)].map((node) => nodeName(ctx, node)).join(' → ');
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
  const reverse = new Map<string, ReturnType<typeof actingAs>>();
  const into = (node: string) => {
    let r = reverse.get(node);
    if (!r) reverse.set(node, (r = actingAs(ctx, node)));
    return r;
  };
  for (const principal of [...byPrincipal.keys()].sort()) {
    const profile = ctx.profiles.get(principal);
    if (!profile || ctx.admins.has(principal)) continue; // already admin: reaching it is its own path
    const intoC = into(principal);
    if (intoC.any.size <= 1) continue; // nobody can act as it
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
      if (intoC.any.has(r.rewriter)) {
        addEdge(ctx, r.rewriter, ADMIN_NODE, {
          ...attributes,
          evidence: [...attributes.evidence, noteOf(principal, `then acting as ${shortName(principal)}: ${chainText(ctx, intoC.any, r.rewriter)}`)],
          ...withWays(attributes, [intoC.firm.has(r.rewriter) ? undefined : `${shortName(principal)} only conditionally`]),
        }, key);
        continue;
      }
      const intoP = into(r.rewriter);
      for (const source of [...intoP.any.keys()].sort()) {
        if (source === r.rewriter || !intoC.any.has(source) || ctx.graph.getNodeAttribute(source, 'kind') === 'service') continue;
        addEdge(ctx, source, ADMIN_NODE, {
          ...attributes,
          evidence: [...attributes.evidence, noteOf(r.rewriter, `acting as ${nodeName(ctx, r.rewriter)}, which makes the change: ${chainText(ctx, intoP.any, source)}`), noteOf(principal, `then acting as ${shortName(principal)}: ${chainText(ctx, intoC.any, source)}`)],
          ...withWays(attributes, [intoP.firm.has(source) ? undefined : `${nodeName(ctx, r.rewriter)} only conditionally`, intoC.firm.has(source) ? undefined : `${shortName(principal)} only conditionally`]),
        }, `${key}@${r.rewriter}`);
      }
    }
  }
}
