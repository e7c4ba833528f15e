/**
 * IAM wildcard matching (`*` = any run of characters, `?` = one character), compiled once.
 * Patterns come as pieces so that text substituted from `${*}`, `${?}`, `${$}` or from request
 * values stays literal.
 */

export interface Piece {
  text: string;
  /** Literal pieces never act as wildcards. */
  literal: boolean;
}

export type StringMatcher = (candidate: string) => boolean;

const REGEX_SPECIAL = /[.+^${}()|[\]\\*?]/g;

const escapeRegex = (text: string): string => text.replace(REGEX_SPECIAL, '\\$&');

function piecesToRegexSource(pieces: readonly Piece[]): string {
  let source = '';
  for (const piece of pieces) {
    if (piece.literal) {
      source += escapeRegex(piece.text);
      continue;
    }
    for (const ch of piece.text) {
      if (ch === '*') source += '.*';
      else if (ch === '?') source += '.';
      else source += escapeRegex(ch);
    }
  }
  return source;
}

const hasWildcard = (pieces: readonly Piece[]): boolean =>
  pieces.some((p) => !p.literal && (p.text.includes('*') || p.text.includes('?')));

const joinText = (pieces: readonly Piece[]): string => pieces.map((p) => p.text).join('');

const matchAll: StringMatcher = () => true;

/** Compiles a wildcard pattern. Exact patterns compare strings; `prefix*` uses startsWith; others one regex. */
export function compileGlob(pattern: string | readonly Piece[], ignoreCase: boolean): StringMatcher {
  const pieces: readonly Piece[] = typeof pattern === 'string' ? [{ text: pattern, literal: false }] : pattern;
  const text = joinText(pieces);
  if (!hasWildcard(pieces)) {
    if (!ignoreCase) return (candidate) => candidate === text;
    const lower = text.toLowerCase();
    return (candidate) => candidate.length === lower.length && candidate.toLowerCase() === lower;
  }
  if (pieces.length === 1 && text === '*') return matchAll;
  const star = text.indexOf('*');
  if (pieces.length === 1 && star === text.length - 1 && !text.includes('?')) {
    const prefix = ignoreCase ? text.slice(0, -1).toLowerCase() : text.slice(0, -1);
    return ignoreCase
      ? (candidate) => candidate.toLowerCase().startsWith(prefix)
      : (candidate) => candidate.startsWith(prefix);
  }
  const regex = new RegExp(`^${piecesToRegexSource(pieces)}$`, ignoreCase ? 'is' : 's');
  return (candidate) => regex.test(candidate);
}

/** Matches a candidate against any of several patterns (OR). */
export function compileGlobs(patterns: readonly string[], ignoreCase: boolean): StringMatcher {
  if (patterns.includes('*')) return matchAll;
  const matchers = patterns.map((p) => compileGlob(p, ignoreCase));
  if (matchers.length === 1) return matchers[0];
  return (candidate) => matchers.some((m) => m(candidate));
}
