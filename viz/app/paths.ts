/**
 * Paths to the chosen target. For `admin` or a node the browser runs the same search as the CLI
 * (src/analysis/search.ts) on the embedded graph; targets that need the policy engine (an action
 * on a resource) come precomputed from the CLI.
 */
import { prepareNodeTarget, searchPaths, type SearchOptions } from '../../src/analysis/search.ts';
import type { Path } from '../../src/analysis/types.ts';
import type { AccessGraph } from '../../src/graph/types.ts';
import { ADMIN_NODE } from '../../src/graph/types.ts';
import { isHub } from '../../src/graph/traversal/index.ts';
import type { PrecomputedTarget } from '../payload.ts';

/** More than this many paths are not listed (the count says so). */
export const MAX_LISTED_PATHS = 300;

/** Services act through the roles that trust them: not escalations by anyone (as in `privesc`). */
const SOURCE_KINDS = new Set(['user', 'role', 'group', 'idc-user', 'idc-group', 'federated', 'external-account', 'public']);

const isAdmin = (graph: AccessGraph, node: string): boolean => graph.someOutEdge(node, (_e, a) => a.kind === 'is-admin');

export interface SourcedPath {
  from: string;
  path: Path;
}

export interface PathResult {
  paths: SourcedPath[];
  /** Some paths were left out: per pair (maxPaths) or in total (MAX_LISTED_PATHS). */
  truncated: boolean;
}

export function nodeTargetPaths(graph: AccessGraph, target: string, source: string | null, opts: SearchOptions): PathResult {
  if (!graph.hasNode(target)) return { paths: [], truncated: false };
  const prepared = prepareNodeTarget(graph, target, opts);
  // Every principal, except (for admin) those that already are admin — as `privesc` lists them.
  const sources = source !== null ? [source] : [...prepared.dist.keys()].filter((n) => n !== target && SOURCE_KINDS.has(graph.getNodeAttribute(n, 'kind')) && !(target === ADMIN_NODE && isAdmin(graph, n))).sort();
  const paths: SourcedPath[] = [];
  let truncated = false;
  for (const from of sources) {
    if (from === target) continue;
    const answer = searchPaths(graph, from, target, target, prepared, opts);
    truncated ||= answer.truncated;
    for (const path of answer.paths) {
      if (paths.length >= MAX_LISTED_PATHS) return { paths, truncated: true };
      paths.push({ from, path });
    }
  }
  return { paths, truncated };
}

export function precomputedPaths(target: PrecomputedTarget, source: string | null, includeConditional: boolean): PathResult {
  const paths: SourcedPath[] = [];
  for (const entry of target.principals) {
    if (source !== null && entry.principal !== source) continue;
    for (const path of entry.paths) {
      if (!includeConditional && path.verdict === 'conditional') continue;
      if (paths.length >= MAX_LISTED_PATHS) return { paths, truncated: true };
      paths.push({ from: entry.principal, path });
    }
  }
  return { paths, truncated: false };
}

/**
 * The graph edges a hop stands for (same endpoints, same kind or technique): the direct edge, or
 * the two through the technique's hub (walks fold hubs away; the picture shows them).
 */
export function edgesOfHop(graph: AccessGraph, hop: { from: string; to: string; kind: string }): string[] {
  if (!graph.hasNode(hop.from) || !graph.hasNode(hop.to)) return [];
  const same = (e: string) => (graph.getEdgeAttribute(e, 'technique')?.id ?? graph.getEdgeAttribute(e, 'kind')) === hop.kind;
  const direct = graph.outEdges(hop.from, hop.to).filter(same);
  if (direct.length) return direct;
  for (const into of graph.outEdges(hop.from).filter(same)) {
    const hub = graph.target(into);
    if (!isHub(graph, hub)) continue;
    const out = graph.outEdges(hub, hop.to).filter(same);
    if (out.length) return [into, ...out];
  }
  return [];
}
