/** `iamgraph who-can ACTION RESOURCE`: every principal that can, each with its paths. */
import type { Command } from 'commander';
import { colorizer } from '../color.ts';
import { printLines } from '../terminal.ts';
import { renderPath, whoCanHeadline, whoCan } from '../../analysis/index.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis, printJson } from '../analysis-run.ts';
import { checkActionArgument } from '../action-argument.ts';

export function register(program: Command): void {
  addAnalysisOptions(program.command('who-can').argument('<action>').argument('<resource>'))
    .description('every principal that can do ACTION on RESOURCE — directly or by any path')
    .addHelpText('after', '\nExample:\n  iamgraph who-can -i examples/company.yaml s3:PutBucketPolicy arn:aws:s3:::company-a-artifacts')
    .action(async (action: string, resource: string, opts: AnalysisCliOptions) => {
      await checkActionArgument(action);
      const { model, graph, options } = await prepareAnalysis(opts);
      const answer = whoCan(graph, model, action, resource, options);
      if (opts.json) return printJson(answer);
      const out = [whoCanHeadline(action, resource, answer.principals), ''];
      for (const p of answer.principals) {
        out.push(`${p.principal}${p.direct ? ' (directly)' : ''}`);
        p.paths.forEach((path, i) => out.push(...renderPath(p.principal, path, i), ''));
      }
      printLines(out, colorizer(opts));
    });
}
