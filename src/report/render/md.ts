/** Markdown for pull requests and tickets: summary, findings table, then each finding with its paths. */
import type { Finding, Report, ReportPath, RuleInfo } from '../types.ts';
import { SEVERITIES } from '../types.ts';
import type { Chunks } from './chunks.ts';
import { escapeMd, mdCode as code } from './escape.ts';
import { locationOfEvidence, locationText, refText } from './text.ts';
import { conditionText, evidenceText, hopVia, requiresText, shortName } from '../../analysis/text.ts';


function pathLines(f: Finding, p: ReportPath, i: number): string[] {
  const lines = [`${i + 1}. **${p.verdict}**, ${p.hops.length} hop${p.hops.length === 1 ? '' : 's'}, from ${code(p.hops[0]?.from ?? f.subject)} (path ${code(p.id)})`];
  for (const hop of p.hops) {
    lines.push(`   - → ${code(shortName(hop.to))} via ${escapeMd(hopVia(hop))}`);
    for (const e of hop.evidence) {
      const at = locationOfEvidence(f, e);
      lines.push(`     - ${escapeMd(evidenceText(e))}${at ? ` at ${code(locationText(at))}` : ''}`);
    }
    for (const c of hop.conditions) lines.push(`     - ${escapeMd(conditionText(c))}`);
    for (const r of hop.requires ?? []) lines.push(`     - ${escapeMd(requiresText(r))}`);
  }
  if (p.final) lines.push(`   - ⇒ ${code(p.final.action)} on ${code(p.final.resource)}: ${p.final.decision}`);
  return lines;
}

function findingSection(f: Finding, rule: RuleInfo | undefined): string[] {
  const out = [`### ${escapeMd(f.title)}`, '', `${code(f.id)} · **${f.severity}** · rule ${code(f.rule)}${f.suppression ? ` · suppressed: ${escapeMd(f.suppression.reason)}` : ''}`, '', escapeMd(f.message), ''];
  // Loops, not push(...spread): a finding of a large account can have more lines than the stack has room for arguments.
  f.paths.forEach((p, i) => { for (const line of pathLines(f, p, i)) out.push(line); });
  if (f.paths.length === 0) {
    for (const e of f.evidence) {
      const at = locationOfEvidence(f, e);
      out.push(`- ${escapeMd(evidenceText(e))}${at ? ` at ${code(locationText(at))}` : ''}`);
    }
  }
  if (f.pathRefs?.length) {
    out.push('', 'Paths it cuts, listed in their own findings:', '');
    for (const r of f.pathRefs) out.push(`- ${escapeMd(refText(r))} (${code(r.finding)})`);
  }
  out.push('');
  if (rule) out.push(`**Fix:** ${escapeMd(rule.remediation)}`, '');
  return out;
}

/** Markdown blocks separated by one blank line (runs of blank lines inside a block collapse too). */
function* paragraphs(blocks: Iterable<string[]>): Chunks {
  let first = true;
  for (const lines of blocks) {
    const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\s+$/g, '');
    if (text === '') continue;
    yield first ? text : `\n\n${text}`;
    first = false;
  }
  yield '\n';
}

function* reportBlocks(report: Report): Generator<string[]> {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const s = report.summary;
  yield [
    '# iamgraph report',
    '',
    `${s.accounts} account${s.accounts === 1 ? '' : 's'}, ${s.principals} principals, ${s.admins} admins · ${s.findings} findings${s.suppressed ? ` (${s.suppressed} suppressed)` : ''}${report.generatedAt ? ` · ${report.generatedAt}` : ''}`,
    '',
    `| ${SEVERITIES.join(' | ')} |`,
    `| ${SEVERITIES.map(() => '---:').join(' | ')} |`,
    `| ${SEVERITIES.map((sev) => s.bySeverity[sev]).join(' | ')} |`,
  ];
  yield ['## Findings'];
  if (report.findings.length === 0) yield ['No open findings.'];
  else {
    yield ['| severity | rule | finding | id |', '| --- | --- | --- | --- |', ...report.findings.map((f) => `| ${f.severity} | ${f.rule} | ${escapeMd(f.title)} | ${code(f.id)} |`)];
    for (const f of report.findings) yield findingSection(f, rules.get(f.rule));
  }
  if (report.suppressed.length) {
    yield ['## Suppressed', '', '| finding | reason | expires |', '| --- | --- | --- |', ...report.suppressed.map((f) => `| ${escapeMd(f.title)} (${code(f.id)}) | ${escapeMd(f.suppression!.reason)} | ${f.suppression!.expires ?? ''} |`)];
  }
  if (report.expiredSuppressions.length) {
    yield ['## Expired suppressions', '', ...report.expiredSuppressions.map((x) => `- ${code(x.id)} expired ${x.expires}: ${escapeMd(x.reason)}`)];
  }
  if (report.warnings.length) yield ['## Input warnings', '', ...report.warnings.map((w) => `- ${escapeMd(w)}`)];
}

export const markdownChunks = (report: Report): Chunks => paragraphs(reportBlocks(report));
