/** Severity order and parsing (for `--fail-on`), and how severe an escalation is. */
import type { Path } from '../analysis/types.ts';
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

/** An escalation to admin: critical when unconditional in at most 2 hops, high when unconditional, medium when only conditional. */
export function escalationSeverity(paths: readonly Path[]): Severity {
  const unconditional = paths.filter((p) => p.verdict === 'reachable');
  if (unconditional.some((p) => p.hops.length <= 2)) return 'critical';
  if (unconditional.length > 0) return 'high';
  return 'medium';
}
