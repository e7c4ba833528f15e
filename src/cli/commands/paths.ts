/** `iamgraph paths`: every path from a principal to admin, a principal, or an action on a resource. */
import type { Command } from 'commander';
import { colorizer } from '../color.ts';
import { printLines } from '../terminal.ts';
import { findPaths, pathsHeadline, renderPath, type Target } from '../../analysis/index.ts';
import { resolvePrincipal } from '../../model/query.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis, printJson } from '../analysis-run.ts';
import { UserError } from '../errors.ts';
import { checkActionArgument } from '../action-argument.ts';

export function register(program: Command): void {
  addAnalysisOptions(program.command('paths'))
    .description('every path from a principal to admin, to another principal, or to an action on a resource — shortest first')
    .requiredOption('--from <principal>', 'ARN or short form (user/alice, role/Deploy, 111122223333:role/Deploy)')
    .option('--to <target>', '"admin" or a principal')
    .option('--action <action>', 'with --resource: the action to reach')
    .option('--resource <arn>', 'with --action: the resource')
    .addHelpText('after', '\nExamples:\n  iamgraph paths -i examples/company.yaml --from user/dev2-be-kang --to admin\n  iamgraph paths -i examples/cross-account --from user/jane --action dynamodb:Query --resource "arn:aws:dynamodb:eu-west-1:222222222222:table/orders"')
    .action(async (opts: AnalysisCliOptions & { from: string; to?: string; action?: string; resource?: string }) => {
      if (Boolean(opts.action) !== Boolean(opts.resource)) throw new UserError('paths: --action and --resource go together');
      if (!opts.to === !opts.action) throw new UserError('paths: give either --to PRINCIPAL|admin or --action A --resource R');
      if (opts.action) await checkActionArgument(opts.action);
      const { model, graph, options } = await prepareAnalysis(opts);
      const from = resolvePrincipal(model, opts.from);
      const to: Target = opts.action ? { action: opts.action, resource: opts.resource! } : opts.to === 'admin' ? 'admin' : resolvePrincipal(model, opts.to!);
      const answer = findPaths(graph, model, from, to, options);
      if (opts.json) return printJson(answer);
      const out: string[] = [pathsHeadline(from, answer.to, answer.paths, answer.truncated), ''];
      answer.paths.forEach((p, i) => out.push(...renderPath(from, p, i), ''));
      if (answer.truncated) out.push(`(cut at --max-paths ${options.maxPaths})`);
      printLines(out, colorizer(opts));
    });
}
