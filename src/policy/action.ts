/**
 * Action matching (IAM User Guide, "IAM JSON policy elements: Action",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
 * `service:Action`, case-insensitive, with `*` and `?`. Patterns are lower-cased once at compile
 * time; the requested action is lower-cased once per request (memoized), not once per statement.
 */
import { compileGlob, type StringMatcher } from './wildcard.ts';

let lastAction = '';
let lastLower = '';
let lastService = '';

function remember(action: string): void {
  lastAction = action;
  lastLower = action.toLowerCase();
  const colon = lastLower.indexOf(':');
  lastService = colon < 0 ? lastLower : lastLower.slice(0, colon);
}

/** Lower-cases an action, remembering the last one (every statement of a request asks for the same). */
export function lowerAction(action: string): string {
  if (action !== lastAction) remember(action);
  return lastLower;
}

/** The lower-cased service prefix of an action (memoized like lowerAction). */
export function actionService(action: string): string {
  if (action !== lastAction) remember(action);
  return lastService;
}

export function compileActionMatcher(patterns: readonly string[]): StringMatcher {
  if (patterns.includes('*')) return () => true;
  const exact = new Set<string>();
  // Wildcard patterns grouped by their (literal) service prefix, so a request only tries its own service's.
  const byService = new Map<string, StringMatcher[]>();
  const anyService: StringMatcher[] = [];
  for (const pattern of patterns) {
    const lower = pattern.toLowerCase();
    if (!lower.includes('*') && !lower.includes('?')) {
      exact.add(lower);
      continue;
    }
    const colon = lower.indexOf(':');
    const service = lower.slice(0, colon);
    const matcher = compileGlob(lower, false);
    if (colon < 0 || service.includes('*') || service.includes('?')) anyService.push(matcher);
    else byService.set(service, [...(byService.get(service) ?? []), matcher]);
  }
  if (byService.size === 0 && anyService.length === 0) return (action) => exact.has(lowerAction(action));
  return (action) => {
    const lower = lowerAction(action);
    if (exact.has(lower)) return true;
    const own = byService.get(actionService(action));
    if (own) for (const glob of own) if (glob(lower)) return true;
    for (const glob of anyService) if (glob(lower)) return true;
    return false;
  };
}

/** Service prefixes a set of action patterns can touch (`*` when any); used to index statements. */
export function servicePrefixes(patterns: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const pattern of patterns) {
    const colon = pattern.indexOf(':');
    const service = colon < 0 ? '*' : pattern.slice(0, colon).toLowerCase();
    prefixes.add(service.includes('*') || service.includes('?') ? '*' : service);
  }
  return [...prefixes].sort();
}
