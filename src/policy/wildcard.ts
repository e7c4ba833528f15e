/**
 * IAM wildcard matching (`*` = any run of characters, `?` = one character), compiled once.
 * Patterns come as pieces so that text substituted from `${*}`, `${?}`, `${$}` or from request
 * values stays literal.
 *
 * No regular expressions: policy text is attacker-controlled, and a backtracking regex such as
 * `^a.*a.*a.*…b$` is exponential on a long run of `a`s. The matcher simulates the pattern's NFA
 * over one pass of the candidate — O(n·m) worst case, O(n) for the usual one or two stars.
 */

export interface Piece {
  text: string;
  /** Literal pieces never act as wildcards. */
  literal: boolean;
}

export type StringMatcher = (candidate: string) => boolean;

/**
 * One pattern position: a literal UTF-16 code unit, `?` or `*`. A wildcard with
 * `crossesColon: false` does not match `:` (a `*` or `?` inside an ARN segment).
 */
export type GlobToken = { kind: 'char'; ch: string } | { kind: 'one' | 'star'; crossesColon: boolean };

const CHAR = 0;
const ONE = 1;
const STAR = 2;
const COLON = 0x3a;

/** Case folding per code unit, as a RegExp with the `i` flag and no `u` flag does it. */
function foldUnit(unit: string): string {
  const upper = unit.toUpperCase();
  if (upper.length !== 1) return unit;
  if (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return unit;
  return upper;
}

const ASCII = /^[\x00-\x7f]*$/;

/** One UTF-16 code unit folded as foldUnit does, without allocating for ASCII. */
function foldCode(code: number): number {
  if (code >= 97 && code <= 122) return code - 32;
  if (code < 128) return code;
  return foldUnit(String.fromCharCode(code)).charCodeAt(0);
}

/** Does `text` start with `prefix` (already folded) when folded? No allocation. */
function startsWithFolded(text: string, prefix: string): boolean {
  if (text.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (foldCode(text.charCodeAt(i)) !== prefix.charCodeAt(i)) return false;
  return true;
}

export function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toUpperCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]);
  return out;
}

/** Compiles tokens into a matcher of the whole candidate (anchored at both ends; `*` matches newlines too). */
export function compileTokens(tokens: readonly GlobToken[], ignoreCase: boolean): StringMatcher {
  const m = tokens.length;
  const kind = Uint8Array.from(tokens, (t) => (t.kind === 'char' ? CHAR : t.kind === 'one' ? ONE : STAR));
  const unit = Int32Array.from(tokens, (t) => (t.kind === 'char' ? (ignoreCase ? foldUnit(t.ch) : t.ch).charCodeAt(0) : -1));
  const colonOk = tokens.map((t) => t.kind === 'char' || t.crossesColon);
  if (colonOk.every(Boolean)) return greedyMatcher(kind, unit, ignoreCase);
  // A final `*` that crosses colons accepts any rest as soon as the end state is reached.
  const openEnd = m > 0 && kind[m - 1] === STAR && colonOk[m - 1];
  let current = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  const mark = new Int32Array(m + 1);
  let gen = 0;
  const newGeneration = (): void => {
    if (++gen > 0x3fffffff) {
      mark.fill(0);
      gen = 1;
    }
  };
  /** Adds state j and the states a run of stars lets it skip to; returns the new list size. */
  const add = (list: Int32Array, size: number, j: number): number => {
    while (mark[j] !== gen) {
      mark[j] = gen;
      list[size++] = j;
      if (j < m && kind[j] === STAR) j++;
      else break;
    }
    return size;
  };
  return (candidate) => {
    const text = ignoreCase ? foldCase(candidate) : candidate;
    newGeneration();
    let size = add(current, 0, 0);
    for (let i = 0; i < text.length; i++) {
      if (openEnd && mark[m] === gen) return true;
      const c = text.charCodeAt(i);
      newGeneration();
      let nextSize = 0;
      for (let k = 0; k < size; k++) {
        const j = current[k];
        if (j === m) continue;
        const fits = kind[j] === CHAR ? unit[j] === c : colonOk[j] || c !== COLON;
        if (fits) nextSize = add(next, nextSize, kind[j] === STAR ? j : j + 1);
      }
      if (nextSize === 0) return false;
      [current, next] = [next, current];
      size = nextSize;
    }
    return mark[m] === gen;
  };
}

/**
 * The classic two-pointer glob match for patterns whose wildcards all cross colons: on a mismatch
 * the last `*` takes one more character. O(n·m) at worst, O(n + m) for the usual patterns, and no
 * allocation — the engine's hot path. (A `*` that may not cross `:` needs the NFA above.)
 */
function greedyMatcher(kind: Uint8Array, unit: Int32Array, ignoreCase: boolean): StringMatcher {
  const m = kind.length;
  return (text) => {
    const n = text.length;
    let i = 0;
    let j = 0;
    let starJ = -1;
    let starI = 0;
    while (i < n) {
      if (j < m && kind[j] !== STAR && (kind[j] === ONE || unit[j] === (ignoreCase ? foldCode(text.charCodeAt(i)) : text.charCodeAt(i)))) {
        i++;
        j++;
      } else if (j < m && kind[j] === STAR) {
        starJ = j++;
        starI = i;
      } else if (starJ >= 0) {
        j = starJ + 1;
        i = ++starI;
      } else return false;
    }
    while (j < m && kind[j] === STAR) j++;
    return j === m;
  };
}

/** Tokens of a plain pattern: every non-literal `*` and `?` is a wildcard that crosses colons. */
export function piecesToTokens(pieces: readonly Piece[]): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) {
      const ch = piece.text[i];
      if (!piece.literal && ch === '*') tokens.push({ kind: 'star', crossesColon: true });
      else if (!piece.literal && ch === '?') tokens.push({ kind: 'one', crossesColon: true });
      else tokens.push({ kind: 'char', ch });
    }
  }
  return tokens;
}

const hasWildcard = (pieces: readonly Piece[]): boolean =>
  pieces.some((p) => !p.literal && (p.text.includes('*') || p.text.includes('?')));

const joinText = (pieces: readonly Piece[]): string => pieces.map((p) => p.text).join('');

const matchAll: StringMatcher = () => true;

/** Compiles a wildcard pattern. Exact patterns compare strings; `prefix*` uses startsWith; others the linear matcher. */
export function compileGlob(pattern: string | readonly Piece[], ignoreCase: boolean): StringMatcher {
  const pieces: readonly Piece[] = typeof pattern === 'string' ? [{ text: pattern, literal: false }] : pattern;
  const text = joinText(pieces);
  if (!hasWildcard(pieces)) {
    if (!ignoreCase) return (candidate) => candidate === text;
    const folded = foldCase(text);
    return (candidate) => candidate.length === folded.length && startsWithFolded(candidate, folded);
  }
  if (pieces.length === 1 && text === '*') return matchAll;
  const star = text.indexOf('*');
  if (pieces.length === 1 && star === text.length - 1 && !text.includes('?')) {
    const prefix = ignoreCase ? foldCase(text.slice(0, -1)) : text.slice(0, -1);
    return ignoreCase
      ? (candidate) => startsWithFolded(candidate, prefix)
      : (candidate) => candidate.startsWith(prefix);
  }
  return compileTokens(piecesToTokens(pieces), ignoreCase);
}
