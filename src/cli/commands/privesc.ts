/** `iamgraph privesc`: every non-admin principal that can reach admin, with its paths; and the admins. */
import type { Command } from 'commander';
import { colorizer } from '../color.ts';
import { terminalJson, terminalSafe } from '../terminal.ts';
import { jsonChunks, mapChunks, writeOutput } from '../write-output.ts';
import { privescStream, renderPath, type PrivescAnswer, type PrivescStream } from '../../analysis/index.ts';
import { escalationSeverity, failOnExitCode, parseSeverity, SEVERITIES, severityRank, type Severity } from '../../report/index.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis } from '../analysis-run.ts';
import { raiseExitCode } from '../exit-code.ts';

interface PrivescCliOptions extends AnalysisCliOptions {
  failOn?: string;
}

/** The text answer, line by line. */
/** The most severe first, then by principal. */
const bySeverity = <F extends { principal: string; severity: Severity }>(findings: readonly F[]): F[] =>
  [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.principal < b.principal ? -1 : 1));

/** The answer first: how many admins, how many can reach admin, at which severities. */
function summaryLine(admins: number, findings: ReadonlyArray<{ severity: Severity }>): string {
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return `${admins} admin${admins === 1 ? '' : 's'}; ${findings.length} principal${findings.length === 1 ? '' : 's'} can reach admin${counts.length ? `: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}` : ''}`;
}

function* textLines(answer: PrivescStream, findings: ReadonlyArray<PrivescAnswer['findings'][number] & { severity: Severity }>): Generator<string> {
  yield summaryLine(answer.admins.length, findings);
  yield '';
  yield `admins (${answer.admins.length}):`;
  for (const a of answer.admins) yield `  ${a}`;
  yield '';
  yield `principals that can reach admin (${findings.length}), most severe first:`;
  yield '';
  for (const f of bySeverity(findings)) {
    yield `${f.principal} [${f.severity}]`;
    for (const [i, p] of f.paths.entries()) {
      yield* renderPath(f.principal, p, i);
      yield '';
    }
  }
  if (answer.warnings.length) {
    yield `warnings (${answer.warnings.length}):`;
    for (const w of answer.warnings) yield `  ${w}`;
  }
  if (answer.asOf) yield `time conditions decided as of ${answer.asOf}`;
}

export function register(program: Command): void {
  addAnalysisOptions(program.command('privesc'))
    .description('every principal that can escalate to admin, with every path; and who is admin already')
    .option('--fail-on <severity>', 'exit 1 when an escalation at or above this severity exists (critical: unconditional in ≤ 2 hops; high: unconditional; medium: conditional only)')
    .addHelpText('after', `
Examples:
  iamgraph privesc -i examples/company.yaml
  iamgraph privesc -i exports/ --no-conditional --json
  iamgraph privesc -i exports/ --fail-on high

Exit codes: 0 ok, 1 an escalation at or above --fail-on, 2 usage or input error.`)
    .action(async (opts: PrivescCliOptions) => {
      const failOn = opts.failOn === undefined ? undefined : parseSeverity(opts.failOn);
      const { model, graph, options } = await prepareAnalysis(opts);
      const answer = privescStream(graph, model, options);
      const graded: Array<{ severity: Severity }> = [];
      const findings = function* () {
        for (const f of answer.findings) {
          const finding = { ...f, severity: escalationSeverity(f.paths) };
          graded.push({ severity: finding.severity });
          yield finding;
        }
      };
      // Written as each principal's paths are found: the whole answer is never one string.
      if (opts.json) writeOutput(mapChunks(jsonChunks({ ...answer, findings: null }, 'findings', findings()), terminalJson), undefined, { terminalSafe: true });
      else {
        const all = [...findings()];
        const paint = colorizer(opts);
        writeOutput(mapChunks(textLines(answer, all), (line) => `${paint(terminalSafe(line))}\n`), undefined, { terminalSafe: true });
      }
      raiseExitCode(failOnExitCode(graded, failOn));
    });
}
