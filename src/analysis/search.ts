/**
 * Every simple path from a node to a target over the edges that change who one is acting as
 * (can-assume, escalation, is-admin): bounded depth-first search by iterative deepening, shortest
 * first, at most `maxPaths` per pair (and says when cut). Pure graph code, no policy engine: the
 * CLI's questions (paths.ts adds the "action on resource" final hop) and the viewer share it.
 */
import { ADMIN_NODE, type AccessGraph } from '../graph/types.ts';
import { ACTING_AS, depthsFrom, isHub, reachability, stepsOver, type Reachability, type StepOptions } from '../graph/traversal/index.ts';
import { foldedHop, hopOfStep, pathOf } from './hop.ts';
import type { FinalAccess, Hop, Path, PathsAnswer } from './types.ts';
import type { AnalysisOptions } from '../access/options.ts';

export type SearchOptions = Pick<AnalysisOptions, 'maxDepth' | 'maxPaths' | 'includeConditional'>;

const actingAs = (includeConditional: boolean, direction: 'out' | 'in' = 'out'): StepOptions => ({ edges: ACTING_AS, direction, includeConditional });

/** Hops from every node to the nearest of `targets` (reverse BFS, bounded): prunes every search. */
export function distancesTo(graph: AccessGraph, targets: Iterable<string>, maxDepth: number, includeConditional: boolean): Map<string, number> {
  return depthsFrom(graph, targets, { ...actingAs(includeConditional, 'in'), maxDepth });
}

/** Nodes reachable from `from` within maxDepth hops (forward BFS), `from` included. */
export const reachableFrom = (graph: AccessGraph, from: string, maxDepth: number, includeConditional: boolean): string[] =>
  [...depthsFrom(graph, [from], { ...actingAs(includeConditional), maxDepth }).keys()];

/** A hop out of a node, with what the search asks of it at every visit kept beside it. */
interface NextHop {
  hop: Hop;
  /** Hops from its end to the target. */
  dist: number;
  /** Whether it leads into a hub (half a hop: it is taken together with a hop out of the hub). */
  hub: boolean;
}

/** Work shared by many searches towards the same target (privesc, who-can, the viewer). */
export interface PreparedTarget {
  dist: Map<string, number>;
  /** For an action-on-resource target: the final hop from a node, or null when it cannot. */
  final?: (principal: string) => FinalAccess | null;
  /** Outgoing hops per node that can reach the target, nearest first, built on first use. */
  out?: Map<string, readonly NextHop[]>;
  /** Who can act as whom (for hops that need the source to act as another principal too), built on first use. */
  actors?: Reachability;
}

/** Prepares searches from many sources towards one node (`admin`, a role): distances computed once. */
export const prepareNodeTarget = (graph: AccessGraph, to: string, opts: SearchOptions): PreparedTarget => ({ dist: distancesTo(graph, [to], opts.maxDepth, opts.includeConditional) });

/**
 * Paths from `from` to the node `to`, or — when `target.final` is set — to any node `final`
 * accepts (`label` names the target in the answer).
 */
export function searchPaths(graph: AccessGraph, from: string, to: string | undefined, label: string, target: PreparedTarget, opts: SearchOptions): PathsAnswer {
  const found: Path[] = [];
  if (!graph.hasNode(from)) return { from, to: label, paths: [], truncated: false };
  const { dist, final } = target;
  const out = (target.out ??= new Map());
  // Hubs are crossed here rather than folded: their hops out are listed once, not once per principal into them.
  const steps = stepsOver(graph, { ...actingAs(opts.includeConditional), foldHubs: false });
  // A node's hops that can still reach the target, nearest first: the search below stops at the
  // first hop that is too far for the current bound instead of trying every edge of a dense node.
  const hopsFrom = (node: string): readonly NextHop[] => {
    let hops = out.get(node);
    if (!hops) {
      hops = steps(node).filter((s) => dist.has(s.next)).map((s) => ({ hop: hopOfStep(s), dist: dist.get(s.next)!, hub: isHub(graph, s.next) })).sort((a, b) => a.dist - b.dist);
      out.set(node, hops);
    }
    return hops;
  };
  // A hop that relies on a change another principal makes is taken only if the source can also
  // act as it, by a chain of any length (AWS bounds none; maxDepth bounds the path shown): one
  // condensation of the graph, one reverse walk per such principal, shared by every search.
  const sourceActsAs = (nodes: readonly string[]): boolean => {
    const actors = (target.actors ??= reachability(graph, actingAs(opts.includeConditional), 'target'));
    return nodes.some((n) => actors.reaches(from, n));
  };
  // Iterative deepening: paths of exactly `bound` hops for bound = shortest … maxDepth, so the
  // shortest come first and the search stops as soon as maxPaths are found (one more proves a cut).
  let bound = 0;
  // Past the one path more than maxPaths that proves the cut, nothing is worth trying.
  const enough = (): boolean => found.length > opts.maxPaths;
  const visit = (node: string, hops: Hop[], onPath: Set<string>): void => {
    if (final) {
      const access = final(node);
      if (access) {
        // A principal that can do it ends the path: going through it only makes longer paths.
        if (hops.length === bound) found.push(pathOf(hops.slice(), access));
        return;
      }
    } else if (node === to && hops.length > 0) {
      if (hops.length === bound) found.push(pathOf(hops.slice()));
      return;
    }
    if (hops.length >= bound || node === ADMIN_NODE) return;
    const take = (hop: Hop): void => {
      if (!final && hop.to === ADMIN_NODE && to !== ADMIN_NODE) return;
      if (hop.alsoActingAs && !sourceActsAs(hop.alsoActingAs)) return;
      onPath.add(hop.to);
      hops.push(hop);
      visit(hop.to, hops, onPath);
      hops.pop();
      onPath.delete(hop.to);
    };
    for (const next of hopsFrom(node)) {
      if (enough() || hops.length + 1 + next.dist > bound) break;
      if (onPath.has(next.hop.to)) continue;
      if (!next.hub) {
        take(next.hop);
        continue;
      }
      // A hub is half a hop: into it and out to one of its targets is the one hop.
      for (const beyond of hopsFrom(next.hop.to)) {
        if (enough() || hops.length + 1 + beyond.dist > bound) break;
        if (onPath.has(beyond.hop.to)) continue;
        take(foldedHop(next.hop, beyond.hop));
      }
    }
  };
  const start = dist.get(from);
  if (start !== undefined) {
    for (bound = start; bound <= opts.maxDepth && !enough(); bound++) visit(from, [], new Set([from]));
  }

  const signature = (p: Path) => p.hops.map((h) => `${h.to} ${h.kind}`).join('|');
  const sorted = found.sort((a, b) => a.hops.length - b.hops.length || (a.verdict === b.verdict ? 0 : a.verdict === 'reachable' ? -1 : 1) || (signature(a) < signature(b) ? -1 : 1));
  return { from, to: label, paths: sorted.slice(0, opts.maxPaths), truncated: sorted.length > opts.maxPaths };
}
