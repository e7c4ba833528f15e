/**
 * Every simple path from a node to a target over the edges that change who one is acting as
 * (can-assume, escalation, is-admin): bounded depth-first search by iterative deepening, shortest
 * first, at most `maxPaths` per pair (and says when cut). Pure graph code, no policy engine: the
 * CLI's questions (paths.ts adds the "action on resource" final hop) and the viewer share it.
 */
import { ADMIN_NODE, type AccessGraph } from '../graph/types.ts';
import { ACTING_AS, aidedEdges, depthsFrom, isHub, reachability, stepsOver, type AidedEdge, type Reachability, type StepOptions } from '../graph/traversal/index.ts';
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

/** How a search prunes: hops from each node to the target, and each node's hops that can still reach it, nearest first (built on first use). */
interface Pruning {
  dist: ReadonlyMap<string, number>;
  out: Map<string, readonly NextHop[]>;
  /** Hops that need another principal besides the source are left out. */
  unaided: boolean;
}

/** The hops that need another principal, who can use any of them, and how many sources each component of the acting-as graph holds. */
interface Aid {
  hops: readonly AidedEdge[];
  aided: ReadonlySet<string>;
  sources: ReadonlyMap<number, number>;
}

/** Work shared by many searches towards the same target (privesc, who-can, the viewer). */
export interface PreparedTarget {
  /** Hops from every node that may reach the target to it, over every hop. */
  dist: Map<string, number>;
  /** The nodes `dist` measures to. */
  targets: readonly string[];
  /** For an action-on-resource target: the final hop from a node, or null when it cannot. */
  final?: (principal: string) => FinalAccess | null;
  /** Who can act as whom (for hops that need the source to act as another principal too), built on first use. */
  actors?: Reachability;
  aid?: Aid;
  /** How searches are pruned, per class of source (see pruningFor), built on first use. */
  pruning?: Map<number | 'unaided' | 'every', Pruning>;
}

/** Prepares searches from many sources towards `targets` (`admin`, a role, the principals allowed an action): distances computed once. */
export const prepareDistances = (graph: AccessGraph, targets: readonly string[], opts: SearchOptions): PreparedTarget => ({ dist: distancesTo(graph, targets, opts.maxDepth, opts.includeConditional), targets });

/** Prepares searches from many sources towards one node (`admin`, a role). */
export const prepareNodeTarget = (graph: AccessGraph, to: string, opts: SearchOptions): PreparedTarget => prepareDistances(graph, [to], opts);

const actorsOf = (graph: AccessGraph, target: PreparedTarget, opts: SearchOptions): Reachability => (target.actors ??= reachability(graph, actingAs(opts.includeConditional), 'target'));

/** Who can act as some principal a hop needs, per list of such hops (one per adjacency, so per graph while it is unchanged). */
const aidedNodes = new WeakMap<readonly AidedEdge[], Set<string>>();

function aidedNodesOf(graph: AccessGraph, hops: readonly AidedEdge[], includeConditional: boolean): Set<string> {
  let aided = aidedNodes.get(hops);
  if (!aided) {
    const needed = new Set(hops.flatMap((h) => h.needs));
    aidedNodes.set(hops, (aided = new Set(needed.size ? depthsFrom(graph, needed, actingAs(includeConditional, 'in')).keys() : [])));
  }
  return aided;
}

function aidOf(graph: AccessGraph, target: PreparedTarget, opts: SearchOptions): Aid {
  const hops = aidedEdges(graph, actingAs(opts.includeConditional));
  const aided = aidedNodesOf(graph, hops, opts.includeConditional);
  const actors = actorsOf(graph, target, opts);
  const sources = new Map<number, number>();
  for (const node of target.dist.keys()) {
    const c = aided.has(node) ? actors.component(node) : undefined;
    if (c !== undefined) sources.set(c, (sources.get(c) ?? 0) + 1);
  }
  return { hops, aided, sources };
}

/** From this many sources in one component, they get distances of their own: one walk of the graph, shared by all of them. */
const OWN_PRUNING_FROM = 32;

/**
 * Distances that count only the hops a source can take. A hop that needs the source to act as
 * another principal (entering a principal someone else rewrote) would otherwise make every
 * principal anyone can rewrite look one hop from admin, and a source that cannot use those
 * rewrites would search every path of `maxDepth` hops (on an organization of 100 accounts, most
 * of who-can's time). A source that can act as no such principal is pruned without those hops;
 * sources of one strongly connected component can act as the same principals, so a component of
 * many sources gets distances over the hops its members can take; the few others keep the
 * distances over every hop (a lower bound: correct, only slower).
 */
function pruningFor(graph: AccessGraph, from: string, target: PreparedTarget, opts: SearchOptions): Pruning {
  const aid = (target.aid ??= aidOf(graph, target, opts));
  const pruning = (target.pruning ??= new Map());
  const made = (key: number | 'unaided' | 'every', make: () => Pruning): Pruning => {
    let p = pruning.get(key);
    if (!p) pruning.set(key, (p = make()));
    return p;
  };
  const walk = (extra?: Map<string, string[]>) => depthsFrom(graph, target.targets, { ...actingAs(opts.includeConditional, 'in'), maxDepth: opts.maxDepth, unaided: true, extra });
  if (!aid.aided.has(from)) return made('unaided', () => ({ dist: aid.hops.length ? walk() : target.dist, out: new Map(), unaided: true }));
  const actors = actorsOf(graph, target, opts);
  const component = actors.component(from)!;
  if ((aid.sources.get(component) ?? 0) < OWN_PRUNING_FROM) return made('every', () => ({ dist: target.dist, out: new Map(), unaided: false }));
  return made(component, () => {
    // Walked towards the target: from a hop's end back to its start.
    const usable = new Map<string, string[]>();
    for (const hop of aid.hops) {
      if (!hop.needs.some((n) => actors.reaches(from, n))) continue;
      const starts = usable.get(hop.to);
      if (starts) starts.push(hop.from);
      else usable.set(hop.to, [hop.from]);
    }
    return { dist: walk(usable), out: new Map(), unaided: false };
  });
}

/**
 * Paths from `from` to the node `to`, or — when `target.final` is set — to any node `final`
 * accepts (`label` names the target in the answer).
 */
export function searchPaths(graph: AccessGraph, from: string, to: string | undefined, label: string, target: PreparedTarget, opts: SearchOptions): PathsAnswer {
  const found: Path[] = [];
  if (!graph.hasNode(from)) return { from, to: label, paths: [], truncated: false };
  const { final } = target;
  const { dist, out, unaided } = pruningFor(graph, from, target, opts);
  // Hubs are crossed here rather than folded: their hops out are listed once, not once per principal into them.
  const steps = stepsOver(graph, { ...actingAs(opts.includeConditional), foldHubs: false, unaided });
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
    const actors = actorsOf(graph, target, opts);
    return nodes.some((n) => actors.reaches(from, n));
  };
  // Iterative deepening: paths of exactly `bound` hops for bound = shortest … maxDepth, so the
  // shortest come first and the search stops as soon as maxPaths are found (one more proves a cut).
  let bound = 0;
  // Past the one path more than maxPaths that proves the cut, nothing is worth trying.
  const enough = (): boolean => found.length > opts.maxPaths;
  // The hops taken so far; a hub crossing is kept as its two halves and folded into one hop only
  // on a path found (most hub crossings tried lead nowhere), once per pair in this search.
  const taken: Array<Hop | readonly [Hop, Hop]> = [];
  const onPath = new Set([from]);
  const folds = new Map<Hop, Map<Hop, Hop>>();
  const fold = ([into, out]: readonly [Hop, Hop]): Hop => {
    let byOut = folds.get(into);
    if (!byOut) folds.set(into, (byOut = new Map()));
    let hop = byOut.get(out);
    if (!hop) byOut.set(out, (hop = foldedHop(into, out)));
    return hop;
  };
  const hopsTaken = (): Hop[] => taken.map((t) => (Array.isArray(t) ? fold(t as readonly [Hop, Hop]) : (t as Hop)));
  const take = (hop: Hop, beyond?: Hop): void => {
    const last = beyond ?? hop;
    if (!final && last.to === ADMIN_NODE && to !== ADMIN_NODE) return;
    if ((hop.alsoActingAs || beyond?.alsoActingAs) && !sourceActsAs([...(hop.alsoActingAs ?? []), ...(beyond?.alsoActingAs ?? [])])) return;
    onPath.add(last.to);
    taken.push(beyond ? [hop, beyond] : hop);
    visit(last.to);
    taken.pop();
    onPath.delete(last.to);
  };
  function visit(node: string): void {
    if (final) {
      const access = final(node);
      if (access) {
        // A principal that can do it ends the path: going through it only makes longer paths.
        if (taken.length === bound) found.push(pathOf(hopsTaken(), access));
        return;
      }
    } else if (node === to && taken.length > 0) {
      if (taken.length === bound) found.push(pathOf(hopsTaken()));
      return;
    }
    if (taken.length >= bound || node === ADMIN_NODE) return;
    for (const next of hopsFrom(node)) {
      if (enough() || taken.length + 1 + next.dist > bound) break;
      if (onPath.has(next.hop.to)) continue;
      if (!next.hub) {
        take(next.hop);
        continue;
      }
      // A hub is half a hop: into it and out to one of its targets is the one hop.
      for (const beyond of hopsFrom(next.hop.to)) {
        if (enough() || taken.length + 1 + beyond.dist > bound) break;
        if (onPath.has(beyond.hop.to)) continue;
        take(next.hop, beyond.hop);
      }
    }
  }
  const start = dist.get(from);
  if (start !== undefined) {
    for (bound = start; bound <= opts.maxDepth && !enough(); bound++) visit(from);
  }

  // Each path's signature once, not once per comparison.
  const keyed = found.map((path) => ({ path, signature: path.hops.map((h) => `${h.to} ${h.kind}`).join('|') }));
  keyed.sort((a, b) => a.path.hops.length - b.path.hops.length || (a.path.verdict === b.path.verdict ? 0 : a.path.verdict === 'reachable' ? -1 : 1) || (a.signature < b.signature ? -1 : 1));
  const sorted = keyed.map((k) => k.path);
  return { from, to: label, paths: sorted.slice(0, opts.maxPaths), truncated: sorted.length > opts.maxPaths };
}
