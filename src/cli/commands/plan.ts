/**
 * `iamgraph plan`: does this Terraform plan open a new path? The exports (`-i`, or nothing: the
 * plan describes everything) before and after the plan, compared; `--fail-on` gates on what is new.
 */
import type { Command } from 'commander';
import { formatInputError, planModel } from '../../../ingest/terraform/index.ts';
import type { Target } from '../../analysis/index.ts';
import { diffPlan, failOnExitCode, gatedFindings, planChunks } from '../../report/index.ts';
import { reportFromModel } from '../../report/run.ts';
import { addAnalysisFlags } from '../analysis-options.ts';
import { UserError } from '../errors.ts';
import { raiseExitCode } from '../exit-code.ts';
import { loadFromOptions } from '../inputs-option.ts';
import { collect } from '../option-values.ts';
import { createProgress } from '../progress.ts';
import { parseJsonText, readTextInput } from '../read-input.ts';
import { addReportOptions, commonOptions, reportOptions, steps, type ReportCliOptions } from '../report-options.ts';
import { writeOutput } from '../write-output.ts';

interface PlanCliOptions extends Omit<ReportCliOptions, 'input'> {
  input: string[];
  plan: string;
  target: string[];
  targetAction: string[];
  targetResource: string[];
}

function targetsOf(opts: PlanCliOptions): Target[] {
  if (opts.targetAction.length !== opts.targetResource.length) throw new UserError('plan: expected each --target-action with one --target-resource');
  for (const t of opts.target) if (!t.startsWith('arn:')) throw new UserError(`--target: expected an ARN (arn:…), got "${t}"`);
  return [...opts.target, ...opts.targetAction.map((action, i) => ({ action, resource: opts.targetResource[i] }))];
}

export function register(program: Command): void {
  const cmd = program.command('plan')
    .description('the paths a Terraform plan (terraform show -json) opens or closes: new paths to admin, new admins, new external trusts, new paths to named targets')
    .requiredOption('--plan <plan.json>', 'the plan as JSON: terraform show -json plan.out > plan.json')
    .option('-i, --input <path>', 'the exports the plan changes (repeatable); none: the plan describes everything', collect, [])
    .option('--strict', 'stop at the first bad input instead of loading the valid rest')
    .option('--target <arn>', 'report new paths to this principal or resource node (repeatable)', collect, [])
    .option('--target-action <action>', 'with --target-resource: report new paths to this action (repeatable)', collect, [])
    .option('--target-resource <arn>', 'the resource of the --target-action before it', collect, []);
  addAnalysisFlags(cmd);
  addReportOptions(cmd)
    .addHelpText('after', `
Examples:
  iamgraph plan -i exports/ --plan plan.json --fail-on high
  iamgraph plan -i exports/ --plan plan.json --format sarif -o plan.sarif
  iamgraph plan -i exports/ --plan plan.json --target-action s3:GetObject --target-resource arn:aws:s3:::crown-jewels/*

The plan: terraform plan -out plan.out && terraform show -json plan.out > plan.json

Exit codes: 0 ok, 1 the plan adds a finding (or a path) at or above --fail-on, 2 usage or input error.`)
    .action(async (opts: PlanCliOptions) => {
      const cli = opts as unknown as ReportCliOptions;
      const common = commonOptions(cli);
      const options = reportOptions(cli);
      const targets = targetsOf(opts);
      const document = parseJsonText(readTextInput(opts.plan), opts.plan);
      const progress = createProgress(8, { quiet: opts.quiet });
      try {
        progress.step(0, 'loading inputs');
        const base = opts.input.length ? await loadFromOptions({ input: opts.input, strict: opts.strict }) : undefined;
        progress.step(1, 'applying the plan');
        const applied = planModel(document, opts.plan, base);
        if ('error' in applied) throw new UserError(formatInputError(applied.error));
        const before = reportFromModel(applied.before, options, common.build, steps(progress, 2));
        const after = reportFromModel(applied.model, options, common.build, steps(progress, 5));
        progress.stop();
        const diff = diffPlan(
          { model: applied.before, graph: before.graph, report: before.report },
          { model: applied.model, graph: after.graph, report: after.report },
          applied.origins,
          { file: opts.plan, targets, options, notModelled: applied.notModelled, ...(common.build.timestamp ? { timestamp: common.build.timestamp } : {}) },
        );
        writeOutput(planChunks(diff, after.report, common.format), opts.output, opts);
        raiseExitCode(failOnExitCode(gatedFindings(diff), common.failOn));
      } finally {
        progress.stop();
      }
    });
}
