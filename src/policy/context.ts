/**
 * The request context and its three-valued lookup. Keys are case-insensitive
 * (IAM User Guide, "IAM JSON policy elements: Condition": "condition key names are not case-sensitive").
 */
import type { ContextValue, RequestContext } from './types.ts';

export type KeyLookup =
  | { status: 'present'; value: ContextValue }
  | { status: 'absent' }
  | { status: 'unknown' };

const isContextValue = (v: unknown): v is ContextValue =>
  typeof v === 'object' && v !== null && Array.isArray((v as ContextValue).values);

/** Builds a context; keys are lower-cased. `absent` lists keys known to be missing (open mode). */
export function makeContext(
  entries: Record<string, string | string[] | ContextValue>,
  mode: 'closed' | 'open' = 'closed',
  absent: readonly string[] = [],
): RequestContext {
  const values = new Map<string, ContextValue>();
  for (const [key, raw] of Object.entries(entries)) {
    const value: ContextValue = isContextValue(raw) ? raw : { values: Array.isArray(raw) ? raw : [raw] };
    values.set(key.toLowerCase(), value);
  }
  return { mode, values, absent: new Set(absent.map((k) => k.toLowerCase())) };
}

/** Returns a copy of `ctx` with more keys set (used to add keys per request, e.g. iam:PassedToService). */
export function withContext(ctx: RequestContext, entries: Record<string, string | string[] | ContextValue>): RequestContext {
  const extra = makeContext(entries, ctx.mode);
  const values = new Map(ctx.values);
  for (const [k, v] of extra.values) values.set(k, v);
  return { mode: ctx.mode, values, absent: ctx.absent };
}

/** Looks a key up: present, absent, or (open mode, not fixed) unknown. `key` may be in any case. */
export function lookupKey(ctx: RequestContext, key: string): KeyLookup {
  const lower = key.toLowerCase();
  const value = ctx.values.get(lower);
  if (value !== undefined) return { status: 'present', value };
  if (ctx.mode === 'closed' || ctx.absent?.has(lower)) return { status: 'absent' };
  return { status: 'unknown' };
}
