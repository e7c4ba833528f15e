/** Markdown for pull requests and tickets: summary, findings table, then each finding with its paths. */
import type { Finding, Report, ReportPath, RuleInfo } from '../types.ts';
import { SEVERITIES } from '../types.ts';
import { escapeMd } from './escape.ts';
import { conditionText, evidenceText, hopVia, locationOfEvidence, locationText, shortName } from './text.ts';

const code = (text: string): string => `\`${text.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;

function pathLines(f: Finding, p: ReportPath, i: number): string[] {
  const lines = [`${i + 1}. **${p.verdict}**, ${p.hops.length} hop${p.hops.length === 1 ? '' : 's'}, from ${code(p.hops[0]?.from ?? f.subject)} (path ${code(p.id)})`];
  for (const hop of p.hops) {
    lines.push(`   - → ${code(shortName(hop.to))} via ${escapeMd(hopVia(hop))}`);
    for (const e of hop.evidence) {
      const at = locationOfEvidence(f, e);
      lines.push(`     - ${escapeMd(evidenceText(e))}${at ? ` at ${code(locationText(at))}` : ''}`);
    }
    for (const c of hop.conditions) lines.push(`     - ${escapeMd(conditionText(c))}`);
    for (const r of hop.requires ?? []) lines.push(`     - needs ${escapeMd(r)}`);
  }
  if (p.final) lines.push(`   - ⇒ ${code(p.final.action)} on ${code(p.final.resource)}: ${p.final.decision}`);
  return lines;
}

function findingSection(f: Finding, rule: RuleInfo | undefined): string[] {
  const out = [`### ${escapeMd(f.title)}`, '', `${code(f.id)} · **${f.severity}** · rule ${code(f.rule)}${f.suppression ? ` · suppressed: ${escapeMd(f.suppression.reason)}` : ''}`, '', escapeMd(f.message), ''];
  if (f.paths.length) out.push(...f.paths.flatMap((p, i) => pathLines(f, p, i)), '');
  else if (f.evidence.length) out.push(...f.evidence.map((e) => { const at = locationOfEvidence(f, e); return `- ${escapeMd(evidenceText(e))}${at ? ` at ${code(locationText(at))}` : ''}`; }), '');
  if (rule) out.push(`**Fix:** ${escapeMd(rule.remediation)}`, '');
  return out;
}

export function renderMarkdown(report: Report): string {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const s = report.summary;
  const out = [
    '# iamgraph report',
    '',
    `${s.accounts} account${s.accounts === 1 ? '' : 's'}, ${s.principals} principals, ${s.admins} admins · ${s.findings} findings${s.suppressed ? ` (${s.suppressed} suppressed)` : ''}${report.generatedAt ? ` · ${report.generatedAt}` : ''}`,
    '',
    `| ${SEVERITIES.join(' | ')} |`,
    `| ${SEVERITIES.map(() => '---:').join(' | ')} |`,
    `| ${SEVERITIES.map((sev) => s.bySeverity[sev]).join(' | ')} |`,
    '',
    '## Findings',
    '',
  ];
  if (report.findings.length === 0) out.push('No open findings.', '');
  else {
    out.push('| severity | rule | finding | id |', '| --- | --- | --- | --- |');
    for (const f of report.findings) out.push(`| ${f.severity} | ${f.rule} | ${escapeMd(f.title)} | ${code(f.id)} |`);
    out.push('');
    for (const f of report.findings) out.push(...findingSection(f, rules.get(f.rule)));
  }
  if (report.suppressed.length) {
    out.push('## Suppressed', '', '| finding | reason | expires |', '| --- | --- | --- |');
    for (const f of report.suppressed) out.push(`| ${escapeMd(f.title)} (${code(f.id)}) | ${escapeMd(f.suppression!.reason)} | ${f.suppression!.expires ?? ''} |`);
    out.push('');
  }
  if (report.expiredSuppressions.length) {
    out.push('## Expired suppressions', '');
    for (const x of report.expiredSuppressions) out.push(`- ${code(x.id)} expired ${x.expires}: ${escapeMd(x.reason)}`);
    out.push('');
  }
  if (report.warnings.length) {
    out.push('## Input warnings', '');
    for (const w of report.warnings) out.push(`- ${escapeMd(w)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
