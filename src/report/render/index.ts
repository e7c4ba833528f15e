/** Every output format of a report (and of a diff, which renders as a report of its changes). */
import { UserError } from '../../errors.ts';
import { diffAsReport, type ReportDiff } from '../diff.ts';
import type { Report } from '../types.ts';
import { renderDiffMarkdown } from './diff-md.ts';
import { renderCsv } from './csv.ts';
import { renderHtml, type HtmlOptions } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './md.ts';
import { renderSarif } from './sarif.ts';

export const FORMATS = ['json', 'md', 'html', 'csv', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(text: string): Format {
  if ((FORMATS as readonly string[]).includes(text)) return text as Format;
  throw new UserError(`--format: expected one of ${FORMATS.join(', ')}, got "${text}"`);
}

export function renderReport(report: Report, format: Format, opts: HtmlOptions = {}): string {
  switch (format) {
    case 'json': return renderJson(report);
    case 'md': return renderMarkdown(report);
    case 'html': return renderHtml(report, opts);
    case 'csv': return renderCsv(report);
    case 'sarif': return renderSarif(report);
    case 'junit': return renderJunit(report);
  }
}

/** A diff: its own JSON and Markdown; the other formats render it as a report of what is new. */
export function renderDiff(diff: ReportDiff, base: Report, format: Format, opts: HtmlOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  if (format === 'md') return renderDiffMarkdown(diff);
  return renderReport(diffAsReport(diff, base), format, { title: 'iamgraph diff', warningsHeading: 'Other changes', ...opts });
}

export { renderCsv, renderHtml, renderJson, renderJunit, renderMarkdown, renderSarif, type HtmlOptions };
