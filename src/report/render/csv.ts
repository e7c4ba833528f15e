/** CSV (RFC 4180, CRLF): one row per finding × path; a finding without paths is one row. */
import type { Report } from '../types.ts';
import { csvField } from './escape.ts';
import { pathChain, policiesOf, techniqueChain } from './text.ts';

export const CSV_HEADER = ['finding_id', 'severity', 'rule', 'account', 'principal', 'title', 'path_id', 'path_verdict', 'path_hops', 'path', 'technique_chain', 'policy_arns', 'locations', 'suppressed'] as const;

export function renderCsv(report: Report): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const f of [...report.findings, ...report.suppressed]) {
    const common = [f.id, f.severity, f.rule, f.accountId ?? '', f.subject, f.title];
    const locations = f.locations.map((l) => `${l.file}#${l.pointer}`).join(' ');
    const suppressed = f.suppression ? `yes: ${f.suppression.reason}` : '';
    if (f.paths.length === 0) {
      rows.push([...common, '', '', '', '', '', [...new Set(f.evidence.filter((e) => e.statement >= 0).map((e) => e.policy))].sort().join(' '), locations, suppressed]);
      continue;
    }
    for (const p of f.paths) rows.push([...common, p.id, p.verdict, String(p.hops.length), pathChain(p), techniqueChain(p), policiesOf(p).join(' '), locations, suppressed]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
