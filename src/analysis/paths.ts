/**
 * Every simple path from a principal to a target — `admin`, another principal, or an action on a
 * resource — over the edges that change who one is acting as (can-assume, escalation, is-admin).
 * Bounded depth-first search, shortest first, at most `maxPaths` per pair (and says when cut).
 * Hops use the permissions of the principal reached, never of the start.
 */
import type { AccessGraph } from '../graph/build.ts';
import { effectiveAccess } from '../graph/access.ts';
import { ADMIN_NODE, type EdgeAttributes } from '../graph/types.ts';
import type { AccountModel } from '../model/types.ts';
import type { Decision } from '../policy/types.ts';
import type { AnalysisOptions, FinalAccess, Hop, Path, PathsAnswer } from './types.ts';

export type Target = 'admin' | string | { action: string; resource: string };

const TRAVERSED = new Set(['can-assume', 'escalation', 'is-admin']);

function hopOf(from: string, to: string, a: EdgeAttributes): Hop {
  const hop: Hop = { from, to, kind: a.technique?.id ?? a.kind, evidence: a.evidence, conditions: a.conditions };
  if (a.technique) hop.technique = a.technique;
  if (a.requires?.length) hop.requires = a.requires;
  return hop;
}

const isPrincipal = (model: AccountModel, key: string) => Boolean(model.users[key] || model.roles[key]);

/** Outgoing traversable hops of a node, deterministic order. */
function outgoing(graph: AccessGraph, node: string, includeConditional: boolean): Hop[] {
  const hops: Hop[] = [];
  graph.forEachOutEdge(node, (_key, attributes, source, target) => {
    if (!TRAVERSED.has(attributes.kind)) return;
    if (!includeConditional && attributes.conditional) return;
    hops.push(hopOf(source, target, attributes));
  });
  return hops.sort((a, b) => (a.to + a.kind < b.to + b.kind ? -1 : 1));
}

function pathOf(hops: Hop[], final?: FinalAccess): Path {
  const conditional = hops.some((h) => h.conditions.length > 0 || (h.requires?.length ?? 0) > 0) || Boolean(final?.conditions?.length);
  return { verdict: conditional ? 'conditional' : 'reachable', hops, ...(final ? { final } : {}) };
}

/** Memoized final-access decisions for an (action, resource) target. */
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

const traversable = (a: EdgeAttributes, includeConditional: boolean) => TRAVERSED.has(a.kind) && (includeConditional || !a.conditional);

/** Hops from every node to the nearest of `targets` (reverse BFS, bounded): prunes every search. */
export function distancesTo(graph: AccessGraph, targets: Iterable<string>, maxDepth: number, includeConditional: boolean): Map<string, number> {
  const dist = new Map<string, number>();
  let frontier: string[] = [];
  for (const t of targets) if (graph.hasNode(t) && !dist.has(t)) { dist.set(t, 0); frontier.push(t); }
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachInEdge(node, (_k, a, source) => {
        if (!traversable(a, includeConditional) || dist.has(source)) return;
        dist.set(source, depth);
        next.push(source);
      });
    }
    frontier = next;
  }
  return dist;
}

/** Nodes reachable from `from` within maxDepth hops (forward BFS). */
function reachableFrom(graph: AccessGraph, from: string, maxDepth: number, includeConditional: boolean): string[] {
  const seen = new Set([from]);
  let frontier = [from];
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachOutEdge(node, (_k, a, _s, target) => {
        if (!traversable(a, includeConditional) || seen.has(target)) return;
        seen.add(target);
        next.push(target);
      });
    }
    frontier = next;
  }
  return [...seen];
}

/** Work shared by many searches towards the same target (privesc, who-can). */
export interface PreparedTarget {
  dist: Map<string, number>;
  final?: (principal: string) => FinalAccess | null;
  /** Outgoing hops per node, built on first use. */
  out?: Map<string, Hop[]>;
}

/** Prepares searches from many sources towards one target: distances computed once. */
export function prepareTarget(graph: AccessGraph, model: AccountModel, to: Target, opts: AnalysisOptions, finals?: Iterable<string>, known?: ReadonlyMap<string, FinalAccess | null>): PreparedTarget {
  if (typeof to === 'string') return { dist: distancesTo(graph, [to], opts.maxDepth, opts.includeConditional) };
  const final = finalChecker(model, to, opts, known);
  const targets = [...(finals ?? [])].filter((n) => final(n) !== null);
  return { dist: distancesTo(graph, targets, opts.maxDepth, opts.includeConditional), final };
}

export function findPaths(graph: AccessGraph, model: AccountModel, from: string, to: Target, opts: AnalysisOptions, prepared?: PreparedTarget): PathsAnswer {
  const found: Path[] = [];
  let truncated = false;
  const toLabel = typeof to === 'string' ? to : `${to.action} on ${to.resource}`;
  if (!graph.hasNode(from)) return { from, to: toLabel, paths: [], truncated };
  const target = prepared ?? prepareTarget(graph, model, to, opts, typeof to === 'string' ? undefined : reachableFrom(graph, from, opts.maxDepth, opts.includeConditional));
  const { dist, final } = target;
  const out = (target.out ??= new Map());
  const hopsFrom = (node: string): Hop[] => {
    let hops = out.get(node);
    if (!hops) {
      hops = outgoing(graph, node, opts.includeConditional);
      out.set(node, hops);
    }
    return hops;
  };
  // Iterative deepening: paths of exactly `bound` hops for bound = shortest … maxDepth, so the
  // shortest come first and the search stops as soon as maxPaths are found (one more proves a cut).
  let bound = 0;
  const visit = (node: string, hops: Hop[], onPath: Set<string>): void => {
    if (found.length > opts.maxPaths) return;
    if (final) {
      const access = final(node);
      if (access) {
        // A principal that can do it ends the path: going through it only makes longer paths.
        if (hops.length === bound) found.push(pathOf(hops, access));
        return;
      }
    } else if (node === to && hops.length > 0) {
      if (hops.length === bound) found.push(pathOf(hops));
      return;
    }
    if (hops.length >= bound || node === ADMIN_NODE) return;
    for (const hop of hopsFrom(node)) {
      if (onPath.has(hop.to)) continue;
      const remaining = dist.get(hop.to);
      if (remaining === undefined || hops.length + 1 + remaining > bound) continue;
      if (!final && hop.to === ADMIN_NODE && to !== ADMIN_NODE) continue;
      onPath.add(hop.to);
      hops.push(hop);
      visit(hop.to, hops.slice(), onPath);
      hops.pop();
      onPath.delete(hop.to);
    }
  };
  const start = dist.get(from);
  if (start !== undefined) {
    for (bound = start; bound <= opts.maxDepth && found.length <= opts.maxPaths; bound++) visit(from, [], new Set([from]));
  }

  const signature = (p: Path) => p.hops.map((h) => `${h.to} ${h.kind}`).join('|');
  const sorted = found.sort((a, b) => a.hops.length - b.hops.length || (a.verdict === b.verdict ? 0 : a.verdict === 'reachable' ? -1 : 1) || (signature(a) < signature(b) ? -1 : 1));
  if (sorted.length > opts.maxPaths) truncated = true;
  return { from, to: toLabel, paths: sorted.slice(0, opts.maxPaths), truncated };
}
