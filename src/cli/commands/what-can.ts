/** `iamgraph what-can PRINCIPAL`: effective permissions per service and resource, directly and through reachable principals. */
import type { Command } from 'commander';
import { printLines } from '../terminal.ts';
import { renderWhatCan, whatCan } from '../../analysis/index.ts';
import { resolvePrincipal } from '../../model/query.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis, printJson } from '../analysis-run.ts';

export function register(program: Command): void {
  addAnalysisOptions(program.command('what-can').argument('<principal>'))
    .description('what PRINCIPAL can do, per service, itself and through every principal it can reach')
    .addHelpText('after', '\nExample:\n  iamgraph what-can -i examples/company.yaml user/dev1-be-lee')
    .action(async (principal: string, opts: AnalysisCliOptions) => {
      const { model, graph, options } = await prepareAnalysis(opts);
      // The text view of an admin-reaching principal shows only its own permissions: the others are enumerated for --json only.
      const answer = await whatCan(graph, model, resolvePrincipal(model, principal), options, { reachedWhenAdmin: Boolean(opts.json) });
      if (opts.json) return printJson(answer);
      printLines(renderWhatCan(answer));
    });
}
