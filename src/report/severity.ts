/** Severity order and parsing (for `--fail-on`). */
import { UserError } from '../errors.ts';
import { SEVERITIES, type Severity } from './types.ts';

/** 0 = most severe. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export const atLeast = (s: Severity, threshold: Severity): boolean => severityRank(s) <= severityRank(threshold);

export function parseSeverity(text: string, option = '--fail-on'): Severity {
  const s = text.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(s)) return s as Severity;
  throw new UserError(`${option}: expected one of ${SEVERITIES.join(', ')}, got "${text}"`);
}
