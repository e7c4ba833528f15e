/**
 * `iamgraph diff`: what changed between two snapshots — `--old -i … --new -i …`, or a saved
 * `--baseline report.json` against `-i …`. `--fail-on` gates on what is new.
 */
import type { Command } from 'commander';
import { addAnalysisFlags } from '../analysis-options.ts';
import { JsonFormError, diffReports, failOnExitCode, gatedFindings, diffChunks, readReportJson, type Report } from '../../report/index.ts';
import { reportFromModel } from '../../report/run.ts';
import { UserError } from '../errors.ts';
import { raiseExitCode } from '../exit-code.ts';
import { loadFromOptions } from '../inputs-option.ts';
import { createProgress } from '../progress.ts';
import { parseJsonText, readTextInput } from '../read-input.ts';
import { addReportOptions, commonOptions, reportOptions, steps, type ReportCliOptions } from '../report-options.ts';
import { writeOutput } from '../write-output.ts';

interface DiffCliOptions extends Omit<ReportCliOptions, 'input'> {
  baseline?: string;
  old?: boolean;
  new?: boolean;
  input?: string[];
}

/** A saved JSON report, checked enough to compare. */
function readBaseline(path: string): Report {
  try {
    return readReportJson(parseJsonText(readTextInput(path), path));
  } catch (err) {
    if (err instanceof JsonFormError) throw new UserError(`${path}: ${err.message}`);
    throw err;
  }
}

export function register(program: Command): void {
  const sides = { old: [] as string[], new: [] as string[] };
  let side: 'old' | 'new' = 'new';
  const cmd = program.command('diff')
    .description('new and removed findings and paths, principals that became admin, new external trusts between two snapshots')
    .option('--baseline <report.json>', 'a saved JSON report to compare the inputs with')
    .option('--old', 'the -i options that follow are the old snapshot')
    .option('--new', 'the -i options that follow are the new snapshot (the default)')
    .option('-i, --input <path>', 'input file or directory (repeatable), of the snapshot named by the last --old/--new', (value: string) => {
      sides[side].push(value);
      return [...sides.old, ...sides.new];
    })
    .option('--strict', 'stop at the first bad input instead of loading the valid rest');
  addAnalysisFlags(cmd);
  cmd.on('option:old', () => { side = 'old'; });
  cmd.on('option:new', () => { side = 'new'; });
  addReportOptions(cmd)
    .addHelpText('after', `
Examples:
  iamgraph diff --old -i snapshots/monday/ --new -i snapshots/tuesday/
  iamgraph diff --baseline baseline.json -i exports/ --fail-on high
  iamgraph diff --baseline baseline.json -i exports/ --format sarif -o new-findings.sarif

Exit codes: 0 ok, 1 a new finding (or a new path) at or above --fail-on, 2 usage or input error.`)
    .action(async (opts: DiffCliOptions) => {
      if (opts.baseline && sides.old.length) throw new UserError('diff: give either --baseline FILE or --old -i …, not both');
      if (!opts.baseline && sides.old.length === 0) throw new UserError('diff: expected --old -i PATH … --new -i PATH … or --baseline report.json -i PATH');
      if (sides.new.length === 0) throw new UserError('diff: expected the new snapshot: -i PATH (after --new)');
      const cli = { ...opts, input: sides.new } as ReportCliOptions;
      const common = commonOptions(cli);
      const options = reportOptions(cli);
      const progress = createProgress(opts.baseline ? 4 : 8, { quiet: opts.quiet });
      try {
        let before: Report;
        let next = 0;
        if (opts.baseline) before = readBaseline(opts.baseline);
        else {
          progress.step(next++, 'loading old inputs');
          const oldModel = await loadFromOptions({ input: sides.old, strict: opts.strict });
          const onStep = steps(progress, next);
          before = reportFromModel(oldModel, options, common.build, onStep).report;
          next += 3;
        }
        progress.step(next++, 'loading new inputs');
        const model = await loadFromOptions({ input: sides.new, strict: opts.strict });
        const after = reportFromModel(model, options, common.build, steps(progress, next)).report;
        progress.stop();
        const diff = diffReports(before, after, common.build.timestamp ? { timestamp: common.build.timestamp } : {});
        writeOutput(diffChunks(diff, after, common.format), opts.output, opts);
        raiseExitCode(failOnExitCode(gatedFindings(diff), common.failOn));
      } finally {
        progress.stop();
      }
    });
}
