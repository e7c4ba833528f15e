/**
 * Action matching (IAM User Guide, "IAM JSON policy elements: Action",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
 * `service:Action`, case-insensitive, with `*` and `?`. Exact names hit a Set; patterns are
 * compiled once.
 */
import { compileGlob, type StringMatcher } from './wildcard.ts';

export function compileActionMatcher(patterns: readonly string[]): StringMatcher {
  if (patterns.includes('*')) return () => true;
  const exact = new Set<string>();
  const globs: StringMatcher[] = [];
  for (const pattern of patterns) {
    if (pattern.includes('*') || pattern.includes('?')) globs.push(compileGlob(pattern, true));
    else exact.add(pattern.toLowerCase());
  }
  if (globs.length === 0) return (action) => exact.has(action.toLowerCase());
  return (action) => {
    if (exact.size > 0 && exact.has(action.toLowerCase())) return true;
    for (const glob of globs) if (glob(action)) return true;
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
