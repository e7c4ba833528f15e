/**
 * The `-i FILE|DIR` option every analysis command takes, and loading it: input errors are printed
 * one per line on stderr; with `--strict` the first one stops the run (exit 2).
 */
import type { Command } from 'commander';
import { formatInputError, loadInputs } from '../../ingest/index.ts';
import type { AccountModel } from '../model/types.ts';
import { EXIT_USAGE, UserError } from './errors.ts';
import { raiseExitCode } from './exit-code.ts';
import { collect } from './option-values.ts';
import { printError } from './terminal.ts';

export interface InputOptions {
  input: string[];
  strict?: boolean;
}

export function addInputOption(cmd: Command): Command {
  return cmd
    .requiredOption('-i, --input <path>', 'input file or directory (repeatable): GAAD exports, account model YAML, organization, Identity Center, resource policies, credential report', collect)
    .option('--strict', 'stop at the first bad input instead of loading the valid rest');
}

export async function loadFromOptions(opts: InputOptions): Promise<AccountModel> {
  const { model, errors } = await loadInputs(opts.input, { strict: opts.strict });
  for (const e of errors) printError(formatInputError(e));
  if (Object.keys(model.accounts).filter((id) => !model.accounts[id].external).length === 0 && errors.length > 0) {
    throw new UserError('no valid input was loaded');
  }
  if (errors.length > 0) raiseExitCode(EXIT_USAGE);
  return model;
}
