/** Report-only text pieces (locations, chains, references); hop text is analysis/text.ts. Each renderer escapes them for its format. */
import type { Evidence } from '../../graph/types.ts';
import { shortName } from '../../analysis/text.ts';
import type { Finding, PathRef, ReportPath, SourceLocation } from '../types.ts';

export const locationText = (l: SourceLocation): string => `${l.file}${l.line !== undefined ? `:${l.line}` : ''} ${l.pointer}`;

/** The location of an evidence statement among the finding's locations. */
export const locationOfEvidence = (f: Finding, e: Evidence): SourceLocation | undefined =>
  f.locations.find((l) => l.policy === e.policy && l.statement === e.statement);

/** `user/a → role/b → admin` */
export const pathChain = (path: ReportPath): string =>
  [path.hops[0]?.from ?? '', ...path.hops.map((h) => h.to)].map(shortName).join(' → ') + (path.final ? ` ⇒ ${path.final.action} on ${path.final.resource}` : '');

export const techniqueChain = (path: ReportPath): string => path.hops.map((h) => h.kind).join(' > ');

/** Policies (ids) the path's evidence cites, sorted, without pseudo entries. */
export const policiesOf = (path: ReportPath): string[] =>
  [...new Set([...path.hops.flatMap((h) => h.evidence), ...(path.final?.evidence ?? [])].filter((e) => e.statement >= 0).map((e) => e.policy))].sort();

/** `3 paths of user/a` — a reference to another finding's paths. */
export const refText = (r: PathRef): string => `${r.paths.length} path${r.paths.length === 1 ? '' : 's'} of ${shortName(r.subject)}`;

/** The finding's locations that a path's evidence cites. */
export function locationsOfPath(f: Finding, path: ReportPath): SourceLocation[] {
  const cited = new Set([...path.hops.flatMap((h) => h.evidence), ...(path.final?.evidence ?? [])].map((e) => `${e.policy}#${e.statement}`));
  return f.locations.filter((l) => cited.has(`${l.policy}#${l.statement}`));
}
