/** `iamgraph privesc`: every non-admin principal that can reach admin, with its paths; and the admins. */
import type { Command } from 'commander';
import { printLines } from '../terminal.ts';
import { privesc, renderPath } from '../../analysis/index.ts';
import { escalationSeverity, failOnExitCode, parseSeverity } from '../../report/index.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis, printJson } from '../analysis-run.ts';
import { raiseExitCode } from '../exit-code.ts';

interface PrivescCliOptions extends AnalysisCliOptions {
  failOn?: string;
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
      const answer = privesc(graph, model, options);
      const graded = answer.findings.map((f) => ({ ...f, severity: escalationSeverity(f.paths) }));
      if (opts.json) printJson({ ...answer, findings: graded });
      else {
        const out: string[] = [`admins (${answer.admins.length}):`, ...answer.admins.map((a) => `  ${a}`), ''];
        out.push(`principals that can reach admin (${graded.length}):`, '');
        for (const f of graded) {
          out.push(`${f.principal} [${f.severity}]`);
          f.paths.forEach((p, i) => out.push(...renderPath(f.principal, p, i), ''));
        }
        if (answer.warnings.length) out.push(`warnings (${answer.warnings.length}):`, ...answer.warnings.map((w) => `  ${w}`));
        if (answer.asOf) out.push(`time conditions decided as of ${answer.asOf}`);
        printLines(out);
      }
      raiseExitCode(failOnExitCode(graded, failOn));
    });
}
