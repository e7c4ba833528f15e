/** `iamgraph privesc`: every non-admin principal that can reach admin, with its paths; and the admins. */
import type { Command } from 'commander';
import { privesc, renderPath } from '../../analysis/index.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis, printJson } from '../analysis-run.ts';

export function register(program: Command): void {
  addAnalysisOptions(program.command('privesc'))
    .description('every principal that can escalate to admin, with every path; and who is admin already')
    .addHelpText('after', '\nExamples:\n  iamgraph privesc -i examples/company.yaml\n  iamgraph privesc -i exports/ --no-conditional --json')
    .action(async (opts: AnalysisCliOptions) => {
      const { model, graph, options } = await prepareAnalysis(opts);
      const answer = privesc(graph, model, options);
      if (opts.json) return printJson(answer);
      const out: string[] = [`admins (${answer.admins.length}):`, ...answer.admins.map((a) => `  ${a}`), ''];
      out.push(`principals that can reach admin (${answer.findings.length}):`, '');
      for (const f of answer.findings) {
        out.push(`${f.principal}`);
        f.paths.forEach((p, i) => out.push(renderPath(f.principal, p, i), ''));
      }
      if (answer.warnings.length) out.push(`warnings (${answer.warnings.length}):`, ...answer.warnings.map((w) => `  ${w}`));
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
