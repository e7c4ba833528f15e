/** Options `report` and `diff` share: output, gating, suppressions, rule settings; and the HTML report's viewer. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { AccessGraph } from '../graph/index.ts';
import { builtViewer, renderViewerHtml } from '../../viz/render.ts';
import { DEFAULT_REPORT_OPTIONS, parseFormat, parseSeverity, parseSuppressions, type BuildReportOptions, type Format, type HtmlOptions, type Report, type ReportOptions, type Severity } from '../report/index.ts';
import { analysisOptions, type AnalysisCliOptions } from './analysis-options.ts';
import { UserError } from './errors.ts';
import { collect, integerOption } from './option-values.ts';
import type { Progress } from './progress.ts';
import { readTextInput } from './read-input.ts';
import { toolVersion } from './version.ts';

import { isAccountId } from '../policy/arn.ts';
export interface ReportCliOptions extends AnalysisCliOptions {
  format: string;
  output?: string;
  failOn?: string;
  suppress?: string;
  timestamp?: boolean;
  maxChainDepth: string;
  staleDays: string;
  knownAccount: string[];
  chokePoints: string;
}


/** Options report and diff share (output, gating, suppressions, rule settings). */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', 'json, md, html, csv, sarif or junit', 'md')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--fail-on <severity>', 'exit 1 when a finding at or above this severity is open: critical, high, medium, low, info')
    .option('--suppress <file>', 'YAML/JSON list of accepted findings: { id, reason, expires? }')
    .option('--timestamp', 'print when the report was made (off by default: same input, same bytes)')
    .option('--max-chain-depth <n>', 'report role chains longer than this many hops', String(DEFAULT_REPORT_OPTIONS.maxChainDepth))
    .option('--stale-days <n>', 'credentials unused or unrotated for longer than this are stale', String(DEFAULT_REPORT_OPTIONS.staleDays))
    .option('--known-account <id>', 'an account outside the organization that is a known partner (repeatable)', collect, [])
    .option('--choke-points <n>', 'how many choke points to list', String(DEFAULT_REPORT_OPTIONS.maxChokePoints));
}

export function reportOptions(opts: ReportCliOptions): ReportOptions {
  for (const id of opts.knownAccount ?? []) if (!isAccountId(id)) throw new UserError(`--known-account: expected a 12-digit account id, got "${id}"`);
  return {
    analysis: analysisOptions(opts),
    maxChainDepth: integerOption(opts.maxChainDepth, '--max-chain-depth'),
    staleDays: integerOption(opts.staleDays, '--stale-days', { min: 0 }),
    ...(opts.asOf ? { asOf: new Date(Date.parse(opts.asOf)).toISOString() } : {}),
    knownAccounts: [...(opts.knownAccount ?? [])].sort(),
    maxChokePoints: integerOption(opts.chokePoints, '--choke-points', { min: 0 }),
  };
}

export interface CommonParsed {
  format: Format;
  failOn?: Severity;
  build: BuildReportOptions;
}

/** Parses what report and diff share; reads the suppression file. Usage errors before any work. */
export function commonOptions(opts: ReportCliOptions): CommonParsed {
  const format = parseFormat(opts.json ? 'json' : opts.format);
  const failOn = opts.failOn === undefined ? undefined : parseSeverity(opts.failOn);
  const suppressions = opts.suppress ? parseSuppressions(readTextInput(opts.suppress), opts.suppress) : [];
  const readSource = (file: string): string | undefined => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  return { format, ...(failOn ? { failOn } : {}), build: { toolVersion: toolVersion(), suppressions, readSource, ...(opts.timestamp ? { timestamp: new Date().toISOString() } : {}) } };
}

/** Before any work: the HTML report needs the built viewer (a user error naming the missing file). */
export function requireViewerFor(format: Format): void {
  if (format === 'html') builtViewer();
}

/**
 * The graph viewer for the HTML report (viz/dist, built by `npm run build:viz` and shipped in the
 * package). A missing viewer is an error, never a report silently without its graph.
 */
export function viewerFor(graph: AccessGraph, report: Report, options: ReportOptions): HtmlOptions {
  const { maxDepth, maxPaths, includeConditional } = options.analysis;
  return { viewerHtml: renderViewerHtml(graph, { title: 'iamgraph report graph', findings: [...report.findings, ...report.suppressed], search: { maxDepth, maxPaths, includeConditional } }) };
}

export function steps(progress: Progress, first: number): (label: string) => void {
  let done = first;
  return (label) => progress.step(done++, label);
}
