/**
 * Cypher literals for cypher-shell `:param` lines — the only place a value is written into
 * Cypher text. Strings are single-quoted with every quote, backslash and control character
 * escaped; map keys are backtick-quoted with backticks doubled.
 */

const escapeChar = (ch: string): string => {
  switch (ch) {
    case '\\': return '\\\\';
    case "'": return "\\'";
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    default: return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
};

const NEEDS_ESCAPE = /[\\'\u0000-\u001f\u007f\u2028\u2029]/g;

export const cypherString = (value: string): string => `'${value.replace(NEEDS_ESCAPE, escapeChar)}'`;

export const cypherName = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

/** Any JSON-like value as a Cypher literal expression. */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Cypher literal`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${cypherName(k)}: ${cypherLiteral(v)}`).join(', ')}}`;
  }
  throw new Error(`cannot write a ${typeof value} as a Cypher literal`);
}
