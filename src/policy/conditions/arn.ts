/**
 * ArnEquals / ArnLike matcher (IAM User Guide, "Condition operators", ARN condition operators:
 * each colon-delimited component of the ARN is checked separately, with `*` and `?` wildcards).
 * The first five components are matched one by one; everything after the fifth colon (the
 * resource part, which may itself contain `:`) is matched as a whole. A pattern with fewer
 * components matches its last one against the rest of the value (so `arn:aws:iam::*` still
 * covers every IAM ARN). A pattern that is not an ARN (`*`) is a plain wildcard match.
 */
import { compileGlob, type Piece, type StringMatcher } from '../wildcard.ts';

const ARN_COMPONENTS = 6;

/** Splits pieces at wildcard-capable colons, keeping at most `limit` components. */
function splitPieces(pieces: readonly Piece[], limit: number): Piece[][] {
  const components: Piece[][] = [[]];
  for (const piece of pieces) {
    if (piece.literal) {
      components[components.length - 1].push(piece);
      continue;
    }
    let rest = piece.text;
    let colon = rest.indexOf(':');
    while (colon >= 0 && components.length < limit) {
      if (colon > 0) components[components.length - 1].push({ text: rest.slice(0, colon), literal: false });
      components.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(':');
    }
    if (rest !== '') components[components.length - 1].push({ text: rest, literal: false });
  }
  return components;
}

/** Splits a request value into at most `limit` components (the last keeps its colons). */
function splitValue(value: string, limit: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (parts.length < limit - 1) {
    const colon = value.indexOf(':', start);
    if (colon < 0) break;
    parts.push(value.slice(start, colon));
    start = colon + 1;
  }
  parts.push(value.slice(start));
  return parts;
}

export function compileArnPattern(pieces: readonly Piece[]): StringMatcher {
  const text = pieces.map((p) => p.text).join('');
  if (!text.startsWith('arn:')) return compileGlob(pieces, false);
  const components = splitPieces(pieces, ARN_COMPONENTS);
  const matchers = components.map((c) => compileGlob(c.length > 0 ? c : [{ text: '', literal: true }], false));
  const count = matchers.length;
  return (value) => {
    const parts = splitValue(value, count);
    if (parts.length !== count) return false;
    if (count === ARN_COMPONENTS && !value.startsWith('arn:')) return false;
    for (let i = 0; i < count; i++) if (!matchers[i](parts[i])) return false;
    return true;
  };
}
