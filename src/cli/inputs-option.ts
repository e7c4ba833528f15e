/**
 * The `-i FILE|DIR` option every analysis command takes, and loading it: input errors are printed
 * one per line on stderr; with `--strict` the first one stops the run (exit 2).
 */
import type { Command } from 'commander';
import { formatInputError, loadInputs } from '../../ingest/index.ts';
import type { AccountModel } from '../model/types.ts';
import { UserError } from './errors.ts';

export interface InputOptions {
  input: string[];
  strict?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addInputOption(cmd: Command): Command {
  return cmd
    .requiredOption('-i, --input <path>', 'input file or directory (repeatable): GAAD exports, account model YAML, organization, Identity Center, resource policies, credential report', collect)
    .option('--strict', 'stop at the first bad input instead of loading the valid rest');
}

export async function loadFromOptions(opts: InputOptions): Promise<AccountModel> {
  const { model, errors } = await loadInputs(opts.input, { strict: opts.strict });
  for (const e of errors) process.stderr.write(`iamgraph: ${formatInputError(e)}\n`);
  if (Object.keys(model.accounts).filter((id) => !model.accounts[id].external).length === 0 && errors.length > 0) {
    throw new UserError('no valid input was loaded');
  }
  if (errors.length > 0) process.exitCode = 2;
  return model;
}
