/** Hops and paths built from graph edges, in the analysis's own shapes (same as `findPaths` makes them). */
import type { Hop, Path } from '../../analysis/types.ts';
import type { EdgeAttributes } from '../../graph/types.ts';

export function hopFromEdge(from: string, to: string, a: EdgeAttributes): Hop {
  const hop: Hop = { from, to, kind: a.technique?.id ?? a.kind, evidence: a.evidence, conditions: a.conditions };
  if (a.technique) hop.technique = a.technique;
  if (a.requires?.length) hop.requires = a.requires;
  return hop;
}

export function pathOfHops(hops: Hop[]): Path {
  const conditional = hops.some((h) => h.conditions.length > 0 || (h.requires?.length ?? 0) > 0);
  return { verdict: conditional ? 'conditional' : 'reachable', hops };
}
