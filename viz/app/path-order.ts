/**
 * The order paths are listed in: what matters first. The most severe finding of the path's source,
 * then fewer hops, then unconditional before conditional; ties keep the search's order.
 */
import { SEVERITIES, type Severity } from '../../src/report/types.ts';
import type { NodeFinding } from '../payload.ts';
import type { SourcedPath } from './paths.ts';

const rankOf = (findings: readonly NodeFinding[] | undefined): number =>
  Math.min(SEVERITIES.length, ...(findings ?? []).map((f) => {
    const i = SEVERITIES.indexOf(f.severity as Severity);
    return i < 0 ? SEVERITIES.length : i;
  }));

export function orderPaths(paths: readonly SourcedPath[], findings: Readonly<Record<string, NodeFinding[]>>): SourcedPath[] {
  const keyed = paths.map((p, i) => ({ p, i, rank: rankOf(findings[p.from]), conditional: p.path.verdict === 'conditional' ? 1 : 0 }));
  keyed.sort((a, b) => a.rank - b.rank || a.p.path.hops.length - b.p.path.hops.length || a.conditional - b.conditional || a.i - b.i);
  return keyed.map((k) => k.p);
}
