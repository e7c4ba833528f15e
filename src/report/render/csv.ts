/**
 * CSV (RFC 4180, CRLF): one row per finding × path; a finding without paths is one row. A finding
 * that refers to other findings' paths (a choke point) has one row per principal it cuts, with
 * those paths' ids — each path's hops are in its own finding's rows. A path's row lists the
 * locations of the statements that path cites.
 */
import type { Report, SourceLocation } from '../types.ts';
import type { Chunks } from './chunks.ts';
import { csvField } from './escape.ts';
import { locationsOfPath, pathChain, policiesOf, techniqueChain } from './text.ts';

export const CSV_HEADER = ['finding_id', 'severity', 'rule', 'account', 'principal', 'title', 'path_id', 'path_verdict', 'path_hops', 'path', 'technique_chain', 'policy_arns', 'locations', 'suppressed'] as const;

const locationCell = (l: SourceLocation): string => `${l.file}#${l.pointer}`;
const line = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`;

export function* csvChunks(report: Report): Chunks {
  yield line(CSV_HEADER);
  for (const f of [...report.findings, ...report.suppressed]) {
    const common = [f.id, f.severity, f.rule, f.accountId ?? '', f.subject, f.title];
    const locations = f.locations.map(locationCell).join(' ');
    const suppressed = f.suppression ? `yes: ${f.suppression.reason}` : '';
    for (const r of f.pathRefs ?? []) yield line([...common, r.paths.join(' '), '', '', `paths of ${r.subject} (${r.finding})`, '', '', locations, suppressed]);
    if (f.paths.length === 0 && !f.pathRefs?.length) {
      yield line([...common, '', '', '', '', '', [...new Set(f.evidence.filter((e) => e.statement >= 0).map((e) => e.policy))].sort().join(' '), locations, suppressed]);
      continue;
    }
    for (const p of f.paths) yield line([...common, p.id, p.verdict, String(p.hops.length), pathChain(p), techniqueChain(p), policiesOf(p).join(' '), locationsOfPath(f, p).map(locationCell).join(' '), suppressed]);
  }
}
