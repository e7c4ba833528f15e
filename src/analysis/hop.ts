/** The one constructor of hops and paths: every answer, finding, report and the viewer build them here. */
import type { EdgeAttributes } from '../graph/types.ts';
import type { Step } from '../graph/traversal/index.ts';
import type { FinalAccess, Hop, Path } from './types.ts';

export function hopOf(from: string, to: string, a: EdgeAttributes): Hop {
  const hop: Hop = { from, to, kind: a.technique?.id ?? a.kind, evidence: a.evidence, conditions: a.conditions };
  if (a.technique) hop.technique = a.technique;
  if (a.requires?.length) hop.requires = a.requires;
  if (a.alsoActingAs?.length) hop.alsoActingAs = a.alsoActingAs;
  return hop;
}

export const hopOfStep = (step: Step): Hop => hopOf(step.from, step.to, step.attributes);

/**
 * The one hop a hop into a hub and a hop out of it stand for (as traversal/steps.ts folds their
 * edges). Not through foldHub: it memoizes per pair of edges, and the path search folds every
 * principal's edge with every hub target it tries (measured: privesc on dense 5k 2 s → 9.5 s, 1.5 GB).
 */
export function foldedHop(into: Hop, out: Hop): Hop {
  const hop: Hop = { from: into.from, to: out.to, kind: into.kind, evidence: [...into.evidence, ...out.evidence], conditions: [...into.conditions, ...out.conditions] };
  if (into.technique) hop.technique = into.technique;
  const requires = [...(out.requires ?? []), ...(into.requires ?? [])];
  if (requires.length) hop.requires = requires;
  const also = [...(into.alsoActingAs ?? []), ...(out.alsoActingAs ?? [])];
  if (also.length) hop.alsoActingAs = also;
  return hop;
}

/** A hop is conditional when it depends on a condition or on something the input cannot show. */
export const hopIsConditional = (hop: Pick<Hop, 'conditions' | 'requires'>): boolean => hop.conditions.length > 0 || (hop.requires?.length ?? 0) > 0;

export function pathOf(hops: Hop[], final?: FinalAccess): Path {
  const conditional = hops.some(hopIsConditional) || Boolean(final?.conditions?.length);
  return { verdict: conditional ? 'conditional' : 'reachable', hops, ...(final ? { final } : {}) };
}
