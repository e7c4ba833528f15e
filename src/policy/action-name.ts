/**
 * An action a user names on the command line (`can`, `who-can`, `paths --action`, simulate's
 * `ActionNames`) checked against the AWS action catalog: a name AWS does not know would be
 * answered "no" (or, through `*` grants, "yes") for an action that does not exist, so it is an
 * error with the closest known names; a wildcard that matches nothing is only a warning.
 *
 * Pure: the catalog is an argument (`actionCatalog()` from catalog.ts once loaded).
 */
import { compileGlob } from './wildcard.ts';

/** service prefix (lower case) → action names as AWS spells them. */
export type ActionCatalog = ReadonlyMap<string, readonly string[]>;

export type ActionNameCheck =
  | { kind: 'ok' }
  | { kind: 'error'; message: string; suggestions: string[] }
  | { kind: 'warning'; message: string };

/** How many names a did-you-mean lists at most. */
const MAX_SUGGESTIONS = 3;

/** Edit distance (insert, delete, substitute, swap two neighbours) when it is at most `limit`, else `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length], limit + 1);
}

/** A typo budget that grows with the name: 2 for short names, a third of the length for long ones. */
const limitFor = (name: string): number => Math.max(2, Math.floor(name.length / 3));

/** The closest candidates within the typo budget, nearest first, then alphabetically. */
function closest(wanted: string, candidates: Iterable<string>): string[] {
  const target = wanted.toLowerCase();
  const limit = limitFor(target);
  const scored: Array<[number, string]> = [];
  for (const c of candidates) {
    const d = editDistance(target, c.toLowerCase(), limit);
    if (d <= limit) scored.push([d, c]);
  }
  scored.sort(([da, a], [db, b]) => da - db || (a < b ? -1 : a > b ? 1 : 0));
  const best = scored.length ? scored[0][0] : 0;
  return scored.filter(([d]) => d === best).slice(0, MAX_SUGGESTIONS).map(([, c]) => c);
}

function* allActions(catalog: ActionCatalog): Iterable<string> {
  for (const [service, actions] of catalog) for (const a of actions) yield `${service}:${a}`;
}

const didYouMean = (suggestions: readonly string[]): string => (suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : '');

function error(message: string, suggestions: string[]): ActionNameCheck {
  return { kind: 'error', message: `${message}${didYouMean(suggestions)}`, suggestions };
}

const WILDCARD = /[*?]/;

/** Whether a user-given action exists (case-insensitively), and what to say when it does not. */
export function checkActionName(action: string, catalog: ActionCatalog): ActionNameCheck {
  if (action === '*') return { kind: 'ok' };
  const colon = action.indexOf(':');
  if (colon < 0) {
    const suggestions = WILDCARD.test(action) ? [] : closest(action, allActions(catalog));
    return error(`unknown action ${action}: expected service:Action`, suggestions);
  }
  const servicePart = action.slice(0, colon);
  const namePart = action.slice(colon + 1);
  const service = servicePart.toLowerCase();
  if (!WILDCARD.test(servicePart) && !catalog.has(service)) {
    const services = closest(service, catalog.keys());
    return error(`unknown service prefix ${servicePart} in ${action}`, services.map((s) => `${s}:${namePart}`));
  }
  if (WILDCARD.test(action)) {
    const servicePattern = compileGlob(servicePart, true);
    const namePattern = compileGlob(namePart, true);
    for (const [s, actions] of catalog) {
      if (servicePattern(s) && actions.some((a) => namePattern(a))) return { kind: 'ok' };
    }
    return { kind: 'warning', message: `${action} matches no known action` };
  }
  const actions = catalog.get(service)!;
  const lower = namePart.toLowerCase();
  if (actions.some((a) => a.toLowerCase() === lower)) return { kind: 'ok' };
  const sameService = closest(namePart, actions).map((a) => `${service}:${a}`);
  return error(`unknown action ${action}`, sameService.length ? sameService : closest(action, allActions(catalog)));
}
