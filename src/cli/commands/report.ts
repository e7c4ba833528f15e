/** `iamgraph report`: findings in json, md, html, csv, sarif or junit; `--fail-on` for CI gates. */
import type { Command } from 'commander';
import { failOnExitCode, reportChunks } from '../../report/index.ts';
import { reportFromModel } from '../../report/run.ts';
import { addAnalysisOptions } from '../analysis-options.ts';
import { raiseExitCode } from '../exit-code.ts';
import { loadFromOptions } from '../inputs-option.ts';
import { createProgress } from '../progress.ts';
import { addReportOptions, commonOptions, reportOptions, requireViewerFor, steps, viewerFor, type ReportCliOptions } from '../report-options.ts';
import { writeOutput } from '../write-output.ts';

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
      requireViewerFor(common.format);
      const options = reportOptions(opts);
      const progress = createProgress(4, { quiet: opts.quiet });
      try {
        progress.step(0, 'loading inputs');
        const model = await loadFromOptions(opts);
        const { report, graph } = reportFromModel(model, options, common.build, steps(progress, 1));
        const html = common.format === 'html' ? viewerFor(graph, report, options) : {};
        progress.stop();
        writeOutput(reportChunks(report, common.format, html), opts.output, opts);
        raiseExitCode(failOnExitCode(report.findings, common.failOn));
      } finally {
        progress.stop();
      }
    });
}
