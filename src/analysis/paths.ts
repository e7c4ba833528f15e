/**
 * Paths from a principal to a target — `admin`, another principal, or an action on a resource.
 * The search itself is search.ts; this adds the final hop for an action on a resource: the
 * principal reached must be allowed it by the policy engine, with its own permissions.
 */
import type { AccessGraph } from '../graph/types.ts';
import { decideAccess } from '../access/decide.ts';
import { withGains } from '../access/gains.ts';
import { profileOf, type PrincipalProfile } from '../access/profile.ts';
import type { AccountModel } from '../model/types.ts';
import type { Decision } from '../policy/types.ts';
import { prepareDistances, prepareNodeTarget, reachableFrom, searchPaths, type PreparedTarget } from './search.ts';
import type { FinalAccess, PathsAnswer } from './types.ts';
import type { AnalysisOptions } from '../access/options.ts';

export type { PreparedTarget };

export type Target = 'admin' | string | { action: string; resource: string };

const isPrincipal = (model: AccountModel, key: string) => Boolean(model.users[key] || model.roles[key]);

/** The final hop from a decision, or null when it does not grant (or only conditionally, when those are hidden). */
export function finalAccessOf(d: Decision, target: { action: string; resource: string }, opts: AnalysisOptions): FinalAccess | null {
  if (d.decision !== 'allowed' || (!opts.includeConditional && d.conditional)) return null;
  return { action: target.action, resource: target.resource, decision: d.decision, evidence: d.matched, ...(d.residual.length ? { conditions: d.residual } : {}) };
}

/** The profile a node acts with: a principal's own, or an escalated node's principal with its gains. */
function profileOfNode(graph: AccessGraph, model: AccountModel, node: string, opts: AnalysisOptions): PrincipalProfile | undefined {
  if (isPrincipal(model, node)) return profileOf(model, node, opts);
  const a = graph.hasNode(node) ? graph.getNodeAttributes(node) : undefined;
  if (a?.kind !== 'escalated' || !a.principal || !isPrincipal(model, a.principal)) return undefined;
  return withGains(model, profileOf(model, a.principal, opts), a.gains ?? []);
}

function finalChecker(graph: AccessGraph, model: AccountModel, target: { action: string; resource: string }, opts: AnalysisOptions, known?: ReadonlyMap<string, FinalAccess | null>) {
  const cache = new Map<string, FinalAccess | null>(known ?? []);
  return (node: string): FinalAccess | null => {
    if (cache.has(node)) return cache.get(node)!;
    const profile = profileOfNode(graph, model, node, opts);
    const result = profile ? finalAccessOf(decideAccess(model, profile, target), target, opts) : null;
    cache.set(node, result);
    return result;
  };
}

/** Prepares searches from many sources towards one target: distances computed once. */
export function prepareTarget(graph: AccessGraph, model: AccountModel, to: Target, opts: AnalysisOptions, finals?: Iterable<string>, known?: ReadonlyMap<string, FinalAccess | null>): PreparedTarget {
  if (typeof to === 'string') return prepareNodeTarget(graph, to, opts);
  const final = finalChecker(graph, model, to, opts, known);
  const targets = [...(finals ?? [])].filter((n) => final(n) !== null);
  return { ...prepareDistances(graph, targets, opts), final };
}

export function findPaths(graph: AccessGraph, model: AccountModel, from: string, to: Target, opts: AnalysisOptions, prepared?: PreparedTarget): PathsAnswer {
  const label = typeof to === 'string' ? to : `${to.action} on ${to.resource}`;
  if (!graph.hasNode(from)) return { from, to: label, paths: [], truncated: false };
  const target = prepared ?? prepareTarget(graph, model, to, opts, typeof to === 'string' ? undefined : reachableFrom(graph, from, opts.maxDepth, opts.includeConditional));
  return searchPaths(graph, from, typeof to === 'string' ? to : undefined, label, target, opts);
}
