/**
 * How an input value is named in a one-line error message, and the nesting limit every reader
 * applies. Bounded on purpose: a hostile value (10,000 levels deep, 50 MB long, full of control
 * characters) must cost O(1) to describe and never break the message onto a second line.
 */

/** Documents nested deeper than this are refused, in one line, before anything walks them. */
export const MAX_NESTING_DEPTH = 256;

const MAX_SHOWN = 80;

/**
 * What would break a one-line message or drive a terminal instead of being read: C0 controls, DEL,
 * C1 controls, and the invisible ones that reorder or hide text (bidi controls, line separators, BOM).
 */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One control character as text: `\n`, `\x1b`, `\u202e`. */
export const escapeControl = (ch: string): string => {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const code = ch.charCodeAt(0);
  return named[ch] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
};

/** Text with every control character shown as an escape: the one escaper of messages and terminal lines. */
export const escapeControls = (text: string): string => text.replace(CONTROL, escapeControl);

/** A string as it appears in a message: quoted, cut at 80 characters, control characters escaped. */
export function quoteText(text: string): string {
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
  return `"${escapeControls(cut.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}

/** A value as it appears in a message: never walks into it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return quoteText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/**
 * The JSON pointer of the first place `value` nests deeper than `limit`, or undefined. Iterative,
 * so it is safe on any depth; linear in the size of the value.
 */
export function tooDeepAt(value: unknown, limit = MAX_NESTING_DEPTH): string | undefined {
  const stack: Array<{ value: unknown; depth: number; pointer: string }> = [{ value, depth: 0, pointer: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= limit) return shortPointer(item.pointer);
    const entries = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v] as const) : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: item.depth + 1, pointer: `${item.pointer}/${escapePointer(key)}` });
    }
  }
  return undefined;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A pointer 256 levels deep would fill the line: its first segments, then `/…`. */
const shortPointer = (pointer: string, segments = 12): string => {
  const parts = pointer.split('/');
  return parts.length > segments + 1 ? `${parts.slice(0, segments + 1).join('/')}/…` : pointer;
};

export const nestingMessage = (limit = MAX_NESTING_DEPTH): string => `expected at most ${limit} levels of nesting, got deeper: refused`;

const MAX_LINE = 1000;

/** A message made safe to print as one line: control characters escaped, length capped. */
export function oneLine(text: string): string {
  const safe = escapeControls(text);
  return safe.length > MAX_LINE ? `${safe.slice(0, MAX_LINE - 3)}...` : safe;
}
