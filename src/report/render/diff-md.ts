/** Markdown of a diff: what changed first (for a pull request comment), then the new findings in full. */
import type { ReportDiff } from '../diff.ts';
import { escapeMd, mdCode as code } from './escape.ts';
import { pathChain } from './text.ts';
import { shortName } from '../../analysis/text.ts';


export function renderDiffMarkdown(diff: ReportDiff): string {
  const out = [
    '# iamgraph diff',
    '',
    `${diff.newFindings.length} new · ${diff.removedFindings.length} removed · ${diff.changedFindings.length} changed · ${diff.becameAdmin.length} became admin · ${diff.newExternalTrusts.length} new external trusts${diff.generatedAt ? ` · ${diff.generatedAt}` : ''}`,
    '',
  ];
  if (diff.becameAdmin.length) {
    out.push('## Became admin', '');
    for (const b of diff.becameAdmin) out.push(`- ${code(b.principal)} (${b.how === 'admin' ? 'is now admin' : 'can now escalate to admin'})`);
    out.push('');
  }
  if (diff.newFindings.length) {
    out.push('## New findings', '', '| severity | rule | finding | id |', '| --- | --- | --- | --- |');
    for (const f of diff.newFindings) out.push(`| ${f.severity} | ${f.rule} | ${escapeMd(f.title)} | ${code(f.id)} |`);
    out.push('');
    for (const f of diff.newFindings) {
      out.push(`### ${escapeMd(f.title)}`, '', escapeMd(f.message), '');
      for (const p of f.paths) out.push(`- ${p.verdict}: ${escapeMd(pathChain(p))}`);
      if (f.paths.length) out.push('');
    }
  }
  if (diff.changedFindings.length) {
    out.push('## Changed findings', '');
    for (const c of diff.changedFindings) {
      out.push(`- ${escapeMd(c.title)} (${code(c.id)})${c.severity !== c.previousSeverity ? `: ${c.previousSeverity} → ${c.severity}` : ''}`);
      for (const p of c.newPaths) out.push(`  - new path (${p.verdict}): ${escapeMd(pathChain(p))}`);
      for (const p of c.removedPaths) out.push(`  - removed path: ${escapeMd(pathChain(p))}`);
    }
    out.push('');
  }
  if (diff.removedFindings.length) {
    out.push('## Removed findings', '');
    for (const f of diff.removedFindings) out.push(`- ${f.severity}: ${escapeMd(f.title)} (${code(f.id)})`);
    out.push('');
  }
  if (diff.newExternalTrusts.length) {
    out.push('## New external trusts', '');
    for (const t of diff.newExternalTrusts) out.push(`- ${code(shortName(t.role))} trusts ${code(t.principal)}${t.relation ? ` (${t.relation} account)` : ''}${t.conditionKeys.length ? ` if ${t.conditionKeys.map(code).join(', ')}` : ' with no condition'}`);
    out.push('');
  }
  if (out.length === 4) out.push('No changes.', '');
  return `${out.join('\n').trimEnd()}\n`;
}
