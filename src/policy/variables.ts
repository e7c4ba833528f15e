/**
 * Policy variables (IAM User Guide, "IAM policy elements: Variables and tags",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 * `${key}`, `${key, 'default'}`, and the escapes `${*}`, `${?}`, `${$}`. Substituted only when the
 * policy's Version is 2012-10-17. A key with no single value (absent or multivalued) and no
 * default makes the element not match; in open mode an unfixed key makes it unknown.
 */
import { lookupKey } from './context.ts';
import type { Piece } from './wildcard.ts';
import type { PolicyVersion, RequestContext } from './types.ts';

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'escape'; text: string }
  | { kind: 'variable'; key: string; fallback?: string };

export type Resolved =
  | { status: 'ok'; pieces: Piece[] }
  | { status: 'missing'; keys: string[] }
  | { status: 'unknown'; keys: string[] };

export interface Template {
  readonly raw: string;
  /** Lower-cased keys the template reads; empty when it has no variables. */
  readonly keys: readonly string[];
  resolve(ctx: RequestContext): Resolved;
}

const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

/** `${ key , 'de''fault' }` → key + default (a doubled quote is one quote). */
const VARIABLE = /\$\{\s*([^\s,}'][^,}]*?)\s*(?:,\s*'((?:[^']|'')*)'\s*)?\}/g;

function splitParts(raw: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of raw.matchAll(VARIABLE)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: raw.slice(last, at) });
    const name = m[1];
    if (name in ESCAPES && m[2] === undefined) parts.push({ kind: 'escape', text: ESCAPES[name] });
    else parts.push({ kind: 'variable', key: name.toLowerCase(), fallback: m[2]?.replace(/''/g, "'") });
    last = at + m[0].length;
  }
  if (last < raw.length) parts.push({ kind: 'text', text: raw.slice(last) });
  return parts;
}

function constantTemplate(raw: string): Template {
  const resolved: Resolved = { status: 'ok', pieces: [{ text: raw, literal: false }] };
  return { raw, keys: [], resolve: () => resolved };
}

/** Compiles a Resource or condition value once; `resolve` substitutes per request. */
export function compileTemplate(raw: string, version: PolicyVersion): Template {
  if (version !== '2012-10-17' || !raw.includes('${')) return constantTemplate(raw);
  const parts = splitParts(raw);
  const variables = parts.filter((p): p is Extract<Part, { kind: 'variable' }> => p.kind === 'variable');
  if (variables.length === 0) {
    const pieces: Piece[] = parts.map((p) => ({ text: p.kind === 'variable' ? '' : p.text, literal: p.kind === 'escape' }));
    const resolved: Resolved = { status: 'ok', pieces };
    return { raw, keys: [], resolve: () => resolved };
  }
  const keys = [...new Set(variables.map((v) => v.key))];
  return {
    raw,
    keys,
    resolve(ctx) {
      const pieces: Piece[] = [];
      const missing: string[] = [];
      const unknown: string[] = [];
      for (const part of parts) {
        if (part.kind !== 'variable') {
          pieces.push({ text: part.text, literal: part.kind === 'escape' });
          continue;
        }
        const found = lookupKey(ctx, part.key);
        if (found.status === 'present' && found.value.values.length === 1) {
          pieces.push({ text: found.value.values[0], literal: true });
        } else if (found.status === 'unknown') {
          unknown.push(part.key);
        } else if (part.fallback !== undefined) {
          pieces.push({ text: part.fallback, literal: true });
        } else {
          missing.push(part.key);
        }
      }
      if (missing.length > 0) return { status: 'missing', keys: missing };
      if (unknown.length > 0) return { status: 'unknown', keys: unknown };
      return { status: 'ok', pieces };
    },
  };
}
