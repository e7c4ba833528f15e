/**
 * Paths from a principal to a target — `admin`, another principal, or an action on a resource.
 * The search itself is search.ts; this adds the final hop for an action on a resource: the
 * principal reached must be allowed it by the policy engine, with its own permissions.
 */
import type { AccessGraph } from '../graph/types.ts';
import { effectiveAccess } from '../access/decide.ts';
import type { AccountModel } from '../model/types.ts';
import type { Decision } from '../policy/types.ts';
import { distancesTo, prepareNodeTarget, reachableFrom, searchPaths, type PreparedTarget } from './search.ts';
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

function finalChecker(model: AccountModel, target: { action: string; resource: string }, opts: AnalysisOptions, known?: ReadonlyMap<string, FinalAccess | null>) {
  const cache = new Map<string, FinalAccess | null>(known ?? []);
  return (principal: string): FinalAccess | null => {
    if (cache.has(principal)) return cache.get(principal)!;
    const result = isPrincipal(model, principal) ? finalAccessOf(effectiveAccess(model, principal, target.action, target.resource, opts), target, opts) : null;
    cache.set(principal, result);
    return result;
  };
}

/** Prepares searches from many sources towards one target: distances computed once. */
export function prepareTarget(graph: AccessGraph, model: AccountModel, to: Target, opts: AnalysisOptions, finals?: Iterable<string>, known?: ReadonlyMap<string, FinalAccess | null>): PreparedTarget {
  if (typeof to === 'string') return prepareNodeTarget(graph, to, opts);
  const final = finalChecker(model, to, opts, known);
  const targets = [...(finals ?? [])].filter((n) => final(n) !== null);
  return { dist: distancesTo(graph, targets, opts.maxDepth, opts.includeConditional), final };
}

export function findPaths(graph: AccessGraph, model: AccountModel, from: string, to: Target, opts: AnalysisOptions, prepared?: PreparedTarget): PathsAnswer {
  const label = typeof to === 'string' ? to : `${to.action} on ${to.resource}`;
  if (!graph.hasNode(from)) return { from, to: label, paths: [], truncated: false };
  const target = prepared ?? prepareTarget(graph, model, to, opts, typeof to === 'string' ? undefined : reachableFrom(graph, from, opts.maxDepth, opts.includeConditional));
  return searchPaths(graph, from, typeof to === 'string' ? to : undefined, label, target, opts);
}
