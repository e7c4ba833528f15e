/** Every output format of a report (and of a diff, which renders as a report of its changes). */
import { UserError } from '../../errors.ts';
import { diffAsReport, type ReportDiff } from '../diff.ts';
import type { Report } from '../types.ts';
import { renderDiffMarkdown } from './diff-md.ts';
import { renderPlanMarkdown } from './plan-md.ts';
import type { PlanDiff } from '../plan.ts';
import { joinChunks, type Chunks } from './chunks.ts';
import { csvChunks } from './csv.ts';
import { htmlChunks, type HtmlOptions } from './html.ts';
import { jsonDiffChunks, jsonReportChunks } from './json.ts';
import { renderJunit } from './junit.ts';
import { markdownChunks } from './md.ts';
import { sarifChunks } from './sarif.ts';

export const FORMATS = ['json', 'md', 'html', 'csv', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(text: string): Format {
  if ((FORMATS as readonly string[]).includes(text)) return text as Format;
  throw new UserError(`--format: expected one of ${FORMATS.join(', ')}, got "${text}"`);
}

/** The report in pieces (write them one by one: a large report does not fit in one string). */
export function reportChunks(report: Report, format: Format, opts: HtmlOptions = {}): Chunks {
  switch (format) {
    case 'json': return jsonReportChunks(report);
    case 'md': return markdownChunks(report);
    case 'html': return htmlChunks(report, opts);
    case 'csv': return csvChunks(report);
    case 'sarif': return sarifChunks(report);
    case 'junit': return [renderJunit(report)];
  }
}

/** A diff: its own JSON and Markdown; the other formats render it as a report of what is new. */
export function diffChunks(diff: ReportDiff, base: Report, format: Format, opts: HtmlOptions = {}): Chunks {
  if (format === 'json') return jsonDiffChunks(diff);
  if (format === 'md') return [renderDiffMarkdown(diff)];
  return reportChunks(diffAsReport(diff, base), format, { title: 'iamgraph diff', warningsHeading: 'Other changes', ...opts });
}

/** A plan review: the diff with its plan causes; JSON and Markdown of its own, the rest as a report of what is new. */
export function planChunks(diff: PlanDiff, base: Report, format: Format): Chunks {
  if (format === 'md') return [renderPlanMarkdown(diff)];
  return diffChunks(diff, base, format, { title: 'iamgraph plan', warningsHeading: 'Other changes' });
}

export const renderReport = (report: Report, format: Format, opts: HtmlOptions = {}): string => joinChunks(reportChunks(report, format, opts));
export const renderDiff = (diff: ReportDiff, base: Report, format: Format, opts: HtmlOptions = {}): string => joinChunks(diffChunks(diff, base, format, opts));

export const renderJson = (report: Report): string => renderReport(report, 'json');
export const renderMarkdown = (report: Report): string => renderReport(report, 'md');
export const renderHtml = (report: Report, opts: HtmlOptions = {}): string => renderReport(report, 'html', opts);
export const renderCsv = (report: Report): string => renderReport(report, 'csv');
export const renderSarif = (report: Report): string => renderReport(report, 'sarif');
export { renderJunit, type Chunks, type HtmlOptions };
