/**
 * Suppression files (YAML or JSON): accepted findings by stable id, each with a reason and an
 * optional expiry date. Expired suppressions no longer hide their finding and are reported.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import type { Finding, Suppression } from './types.ts';

const entry = z.object({
  id: z.string().min(1),
  reason: z.string().min(1),
  expires: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date YYYY-MM-DD'), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
}).strict();
const list = z.array(entry);
const wrapped = z.object({ suppressions: list }).strict();

/** Parses a suppression file's text; errors name the file and the JSON pointer. */
export function parseSuppressions(text: string, name: string): Suppression[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new UserError(`${name}: expected YAML or JSON, got a syntax error (${(err as Error).message.split('\n')[0]})`);
  }
  const result = Array.isArray(data) || data == null ? list.safeParse(data ?? []) : wrapped.transform((f) => f.suppressions).safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const pointer = `/${issue.path.join('/')}`;
    throw new UserError(`${name}: ${pointer}: ${issue.message} (expected a list of { id, reason, expires? } or { suppressions: [...] })`);
  }
  return result.data.map((s) => ({ id: s.id, reason: s.reason, ...(s.expires ? { expires: s.expires } : {}) }));
}

export interface SuppressionResult {
  open: Finding[];
  suppressed: Finding[];
  expired: Suppression[];
}

/** `today` is YYYY-MM-DD; a suppression expiring on that day still holds. */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], today: string): SuppressionResult {
  const byId = new Map(suppressions.map((s) => [s.id, s]));
  const expired = suppressions.filter((s) => s.expires !== undefined && s.expires.slice(0, 10) < today);
  const expiredIds = new Set(expired.map((s) => s.id));
  const open: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const s = byId.get(f.id);
    if (s && !expiredIds.has(s.id)) suppressed.push({ ...f, suppression: { reason: s.reason, ...(s.expires ? { expires: s.expires } : {}) } });
    else open.push(f);
  }
  return { open, suppressed, expired: [...expired].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}
