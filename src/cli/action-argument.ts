/**
 * Actions given on the command line are checked against the AWS action catalog before anything
 * is answered: an unknown name is a usage error with a did-you-mean (exit 2), a wildcard that
 * matches no known action a warning on stderr.
 */
import { checkActionName } from '../policy/action-name.ts';
import { actionCatalog, loadActionCatalog } from '../policy/catalog.ts';
import { PolicyError } from '../policy/types.ts';
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
 * shape): the first unknown action is a PolicyError at its pointer, wildcards that match
 * nothing come back as warnings. Call `loadActionCatalog()` first.
 */
export function checkSimulateActions(input: unknown): string[] {
  const names = input !== null && typeof input === 'object' ? (input as { ActionNames?: unknown }).ActionNames : undefined;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return [];
  const warnings: string[] = [];
  names.forEach((name: string, i) => {
    const check = checkActionName(name, actionCatalog());
    if (check.kind === 'error') throw new PolicyError(`/ActionNames/${i}`, check.message);
    if (check.kind === 'warning') warnings.push(`/ActionNames/${i}: ${check.message}`);
  });
  return warnings;
}
