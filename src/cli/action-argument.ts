/**
 * Actions given on the command line are checked against the AWS action catalog before anything
 * is answered: an unknown name is a usage error with a did-you-mean (exit 2), a wildcard that
 * matches no known action a warning on stderr.
 */
import { checkActionName } from '../policy/action-name.ts';
import { actionCatalog, loadActionCatalog } from '../policy/catalog.ts';
import { UserError } from './errors.ts';
import { printError } from './terminal.ts';

/** Throws a UserError for an unknown action; prints a warning for a wildcard that matches nothing. */
export async function checkActionArgument(action: string): Promise<void> {
  await loadActionCatalog();
  const check = checkActionName(action, actionCatalog());
  if (check.kind === 'error') throw new UserError(check.message);
  if (check.kind === 'warning') printError(`warning: ${check.message}`);
}

/**
 * simulate's `ActionNames` (when it is a list of strings; simulate itself reports any other
 * shape): simulate stands in for AWS's simulator and answers every name it is given, so an unknown
 * action or a wildcard that matches nothing comes back as a warning at its pointer, not an error.
 * Call `loadActionCatalog()` first.
 */
export function checkSimulateActions(input: unknown): string[] {
  const names = input !== null && typeof input === 'object' ? (input as { ActionNames?: unknown }).ActionNames : undefined;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return [];
  const warnings: string[] = [];
  names.forEach((name: string, i) => {
    const check = checkActionName(name, actionCatalog());
    if (check.kind !== 'ok') warnings.push(`/ActionNames/${i}: ${check.message}${check.kind === 'error' ? ' (answered as given)' : ''}`);
  });
  return warnings;
}
