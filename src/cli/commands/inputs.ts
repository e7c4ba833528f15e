/** `iamgraph inputs`: what was loaded, and every warning about gaps in it. */
import type { Command } from 'commander';
import { printLines, terminalJson } from '../terminal.ts';
import { addInputOption, loadFromOptions, type InputOptions } from '../inputs-option.ts';
import { renderSummary, summarize } from '../../model/summary.ts';

export function register(program: Command): void {
  addInputOption(program.command('inputs'))
    .description('load inputs and print what was found, per account, with warnings about missing data')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  iamgraph inputs -i examples/company.yaml\n  iamgraph inputs -i exports/ -i org.json --json')
    .action(async (opts: InputOptions & { json?: boolean }) => {
      const summary = summarize(await loadFromOptions(opts));
      if (opts.json) process.stdout.write(`${terminalJson(JSON.stringify(summary, null, 2))}\n`);
      else printLines(renderSummary(summary));
    });
}
