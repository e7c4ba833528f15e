/** `iamgraph can PRINCIPAL ACTION RESOURCE`: yes or no, directly or by any path, with proof. */
import type { Command } from 'commander';
import { colorizer } from '../color.ts';
import { printLines } from '../terminal.ts';
import { can, renderPath } from '../../analysis/index.ts';
import { resolvePrincipal } from '../../model/query.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis, printJson } from '../analysis-run.ts';
import { checkActionArgument } from '../action-argument.ts';

export function register(program: Command): void {
  addAnalysisOptions(program.command('can').argument('<principal>').argument('<action>').argument('<resource>'))
    .description('can PRINCIPAL do ACTION on RESOURCE — directly or by any path?')
    .addHelpText('after', '\nExample:\n  iamgraph can -i examples/company.yaml user/dev3-infra-a ec2:RunInstances "*"')
    .action(async (principal: string, action: string, resource: string, opts: AnalysisCliOptions) => {
      await checkActionArgument(action);
      const { model, graph, options } = await prepareAnalysis(opts);
      const answer = can(graph, model, resolvePrincipal(model, principal), action, resource, options);
      if (opts.json) return printJson(answer);
      const verdict = !answer.allowed ? 'no' : answer.paths.every((p) => p.verdict === 'conditional') ? 'yes, conditionally' : 'yes';
      const out = [`${verdict}: ${answer.principal} ${answer.allowed ? 'can' : 'cannot'} ${action} on ${resource}`, ''];
      answer.paths.forEach((p, i) => out.push(...renderPath(answer.principal, p, i), ''));
      printLines(out, colorizer(opts));
    });
}
