/** Markdown of a plan review: which plan resources open or close which paths, then the diff. */
import type { PlanDiff } from '../plan.ts';
import type { ReportPath } from '../types.ts';
import { renderDiffMarkdown } from './diff-md.ts';
import { escapeMd, mdCode as code } from './escape.ts';
import { pathChain } from './text.ts';

export function renderPlanMarkdown(diff: PlanDiff): string {
  const out = ['# iamgraph plan', '', `Plan: ${code(diff.plan.file)}`, ''];
  const section = (heading: string, entries: ReadonlyArray<{ title: string; paths: readonly ReportPath[] }>) => {
    const lines: string[] = [];
    for (const e of entries) {
      for (const p of e.paths) {
        const by = diff.plan.causes[p.id] ?? [];
        lines.push(`- ${escapeMd(e.title)} — ${p.verdict}: ${escapeMd(pathChain(p))}${by.length ? `\n  - by ${by.map(code).join(', ')}` : ''}`);
      }
    }
    if (lines.length) out.push(heading, '', ...lines, '');
  };
  section('## New paths', [...diff.newFindings, ...diff.changedFindings.map((c) => ({ title: c.title, paths: c.newPaths }))]);
  section('## Removed paths', [...diff.removedFindings, ...diff.changedFindings.map((c) => ({ title: c.title, paths: c.removedPaths }))]);
  if (diff.plan.notModelled.length) {
    out.push('## Not modelled', '', 'These resources change, but iamgraph does not model their effect on access yet:', '', ...diff.plan.notModelled.map((a) => `- ${code(a)}`), '');
  }
  return `${out.join('\n')}\n${renderDiffMarkdown(diff).replace(/^# iamgraph diff\n/, '## Diff\n')}`;
}
