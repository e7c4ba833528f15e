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

const SPACE = /\s/;
const isSpace = (ch: string): boolean => SPACE.test(ch);
const skipSpaces = (raw: string, i: number): number => {
  while (i < raw.length && isSpace(raw[i])) i++;
  return i;
};

/** `'de''fault'` at `i` followed by `}` → the default (a doubled quote is one quote) and the end; undefined when malformed. */
function parseFallback(raw: string, i: number): { fallback: string; end: number } | undefined {
  if (raw[i] !== "'") return undefined;
  const start = i + 1;
  let at = start;
  for (;;) {
    const quote = raw.indexOf("'", at);
    if (quote < 0) return undefined;
    let run = quote;
    while (raw[run] === "'") run++;
    if ((run - quote) % 2 === 0) {
      at = run;
      continue;
    }
    const close = skipSpaces(raw, run);
    if (raw[close] !== '}') return undefined;
    return { fallback: raw.slice(start, run - 1).replace(/''/g, "'"), end: close + 1 };
  }
}

/**
 * `${ key , 'de''fault' }` → key + default. A hand-written scan, linear in the text: a regex
 * retried at every `${` rescans to the next `}` each time, quadratic on `${${${…`.
 */
function splitParts(raw: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  let from = 0;
  // The first `,` or `}` at or after `stopFrom`: a key runs up to it, and every `${` before it shares it.
  let stop = -1;
  const stopAt = (i: number): number => {
    if (stop < i) {
      stop = i;
      while (stop < raw.length && raw[stop] !== ',' && raw[stop] !== '}') stop++;
    }
    return stop;
  };
  for (let at = raw.indexOf('${', from); at >= 0; at = raw.indexOf('${', from)) {
    const keyStart = skipSpaces(raw, at + 2);
    const first = raw[keyStart];
    if (first === undefined || first === ',' || first === '}' || first === "'") {
      from = at + 1;
      continue;
    }
    const end = stopAt(keyStart);
    if (end >= raw.length) break;
    const name = raw.slice(keyStart, end).trimEnd();
    const withDefault = raw[end] === ',' ? parseFallback(raw, skipSpaces(raw, end + 1)) : undefined;
    if (raw[end] === ',' && !withDefault) {
      from = end;
      continue;
    }
    if (at > last) parts.push({ kind: 'text', text: raw.slice(last, at) });
    if (Object.hasOwn(ESCAPES, name) && !withDefault) parts.push({ kind: 'escape', text: ESCAPES[name] });
    else parts.push({ kind: 'variable', key: name.toLowerCase(), fallback: withDefault?.fallback });
    last = withDefault ? withDefault.end : end + 1;
    from = last;
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
