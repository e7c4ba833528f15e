/** `iamgraph report`: findings in json, md, html, csv, sarif or junit; `--fail-on` for CI gates. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { AccessGraph } from '../../graph/index.ts';
import { renderViewerHtml, viewerBuilt } from '../../../viz/render.ts';
import { DEFAULT_REPORT_OPTIONS, failOnExitCode, parseFormat, parseSeverity, parseSuppressions, reportChunks, type BuildReportOptions, type Format, type HtmlOptions, type Report, type ReportOptions, type Severity } from '../../report/index.ts';
import { reportFromModel } from '../../report/run.ts';
import { addAnalysisOptions, analysisOptions, collect, type AnalysisCliOptions } from '../analysis-options.ts';
import { UserError } from '../errors.ts';
import { loadFromOptions } from '../inputs-option.ts';
import { createProgress, type Progress } from '../progress.ts';
import { parseJsonText, readTextInput } from '../read-input.ts';
import { toolVersion } from '../version.ts';
import { writeOutput } from '../write-output.ts';

export interface ReportCliOptions extends AnalysisCliOptions {
  format: string;
  output?: string;
  failOn?: string;
  suppress?: string;
  timestamp?: boolean;
  maxChainDepth: string;
  staleDays: string;
  asOf?: string;
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
    .option('--as-of <date>', 'date credential ages are counted to (default: the newest date in the credential report)')
    .option('--known-account <id>', 'an account outside the organization that is a known partner (repeatable)', collect, [])
    .option('--choke-points <n>', 'how many choke points to list', String(DEFAULT_REPORT_OPTIONS.maxChokePoints));
}

function count(value: string, name: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UserError(`${name}: expected an integer ≥ ${min}, got "${value}"`);
  return n;
}

export function reportOptions(opts: ReportCliOptions): ReportOptions {
  if (opts.asOf !== undefined && Number.isNaN(Date.parse(opts.asOf))) throw new UserError(`--as-of: expected a date (YYYY-MM-DD), got "${opts.asOf}"`);
  for (const id of opts.knownAccount ?? []) if (!/^\d{12}$/.test(id)) throw new UserError(`--known-account: expected a 12-digit account id, got "${id}"`);
  return {
    analysis: analysisOptions(opts),
    maxChainDepth: count(opts.maxChainDepth, '--max-chain-depth'),
    staleDays: count(opts.staleDays, '--stale-days', 0),
    ...(opts.asOf ? { asOf: new Date(Date.parse(opts.asOf)).toISOString() } : {}),
    knownAccounts: [...(opts.knownAccount ?? [])].sort(),
    maxChokePoints: count(opts.chokePoints, '--choke-points', 0),
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

/** The graph viewer for the HTML report, when it is built (npm run build:viz; done at install). */
export function viewerFor(graph: AccessGraph, report: Report, options: ReportOptions): HtmlOptions {
  if (!viewerBuilt()) {
    process.stderr.write('iamgraph: the HTML report has no graph viewer: it is not built (run "npm run build:viz")\n');
    return {};
  }
  const { maxDepth, maxPaths, includeConditional } = options.analysis;
  return { viewerHtml: renderViewerHtml(graph, { title: 'iamgraph report graph', findings: [...report.findings, ...report.suppressed], search: { maxDepth, maxPaths, includeConditional } }) };
}

/** Sets the exit code from the gate, keeping an input error's 2. */
export function setGateExitCode(code: number): void {
  process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
}

export function steps(progress: Progress, first: number): (label: string) => void {
  let done = first;
  return (label) => progress.step(done++, label);
}

export { parseJsonText };

export function register(program: Command): void {
  addReportOptions(addAnalysisOptions(program.command('report')))
    .description('findings (escalation to admin, risky trusts, public resources, stale credentials, choke points) as json, md, html, csv, sarif or junit')
    .addHelpText('after', `
Examples:
  iamgraph report -i examples/company.yaml
  iamgraph report -i exports/ --format html -o report.html
  iamgraph report -i exports/ --format sarif -o iamgraph.sarif --fail-on high
  iamgraph report -i exports/ --format json -o baseline.json --suppress accepted.yaml
  iamgraph report -i exports/ --known-account 444455556666 --stale-days 60 --format csv -o findings.csv

Exit codes: 0 ok, 1 a finding at or above --fail-on is open, 2 usage or input error.`)
    .action(async (opts: ReportCliOptions) => {
      const common = commonOptions(opts);
      const options = reportOptions(opts);
      const progress = createProgress(4, { quiet: opts.quiet });
      try {
        progress.step(0, 'loading inputs');
        const model = await loadFromOptions(opts);
        const { report, graph } = reportFromModel(model, options, common.build, steps(progress, 1));
        const html = common.format === 'html' ? viewerFor(graph, report, options) : {};
        progress.stop();
        writeOutput(reportChunks(report, common.format, html), opts.output);
        setGateExitCode(failOnExitCode(report.findings, common.failOn));
      } finally {
        progress.stop();
      }
    });
}
