/**
 * Resource / NotResource matchers, compiled once per statement. ARN-aware (IAM User Guide, "IAM
 * JSON policy elements: Resource" — using wildcards in resource ARNs): `*` and `?` work within a
 * colon-separated segment; a `*` that is the last character of a segment may expand beyond the
 * colon boundaries; the resource part (after the fifth colon) may itself contain `:` and `/`.
 * Matching is case-sensitive. Patterns with policy variables
 * are resolved per request; their matchers are cached by resolved text, so repeated questions
 * never rebuild them.
 */
import type { PolicyVersion, RequestContext, Tri } from './types.ts';
import { compileTemplate, type Template } from './variables.ts';
import { compileTokens, piecesToTokens, type GlobToken, type Piece } from './wildcard.ts';

export type ResourceMatcher = (resource: string, ctx: RequestContext) => Tri;

const CACHE_LIMIT = 4096;

/** Matcher tokens for a resource pattern given as pieces (literal pieces come from policy variables). */
export function resourcePatternTokens(pieces: readonly Piece[]): GlobToken[] {
  const text = pieces.map((p) => p.text).join('');
  // Not an ARN pattern (e.g. "*"): plain glob over the whole string.
  if (!text.startsWith('arn:')) return piecesToTokens(pieces);
  // Flatten to characters tagged literal/wildcard, then walk segments.
  const chars: Array<{ ch: string; literal: boolean }> = [];
  for (const piece of pieces) for (let i = 0; i < piece.text.length; i++) chars.push({ ch: piece.text[i], literal: piece.literal });
  const tokens: GlobToken[] = [];
  let colons = 0;
  for (let i = 0; i < chars.length; i++) {
    const { ch, literal } = chars[i];
    const inResourcePart = colons >= 5;
    if (literal || (ch !== '*' && ch !== '?')) {
      if (!literal && ch === ':') colons++;
      tokens.push({ kind: 'char', ch });
    } else if (ch === '*') {
      const next = chars[i + 1];
      const endsSegment = next === undefined || (next.ch === ':' && !next.literal);
      tokens.push({ kind: 'star', crossesColon: inResourcePart || endsSegment });
    } else {
      tokens.push({ kind: 'one', crossesColon: inResourcePart });
    }
  }
  return tokens;
}


function piecesMatcher(pieces: readonly Piece[]): (resource: string) => boolean {
  const text = pieces.map((p) => p.text).join('');
  const wild = pieces.some((p) => !p.literal && (p.text.includes('*') || p.text.includes('?')));
  if (!wild) return (resource) => resource === text;
  if (pieces.length === 1 && text === '*') return () => true;
  return compileTokens(resourcePatternTokens(pieces), false);
}

function compileOne(template: Template): ResourceMatcher {
  if (template.keys.length === 0) {
    const resolved = template.resolve({ mode: 'closed', values: new Map() });
    const match = piecesMatcher(resolved.status === 'ok' ? resolved.pieces : [{ text: template.raw, literal: true }]);
    return (resource) => (match(resource) ? 'true' : 'false');
  }
  const cache = new Map<string, (resource: string) => boolean>();
  return (resource, ctx) => {
    const resolved = template.resolve(ctx);
    if (resolved.status === 'missing') return 'false';
    if (resolved.status === 'unknown') return 'unknown';
    const cacheKey = resolved.pieces.map((p) => (p.literal ? `\u0001${p.text}` : `\u0002${p.text}`)).join('');
    let match = cache.get(cacheKey);
    if (!match) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      match = piecesMatcher(resolved.pieces);
      cache.set(cacheKey, match);
    }
    return match(resource) ? 'true' : 'false';
  };
}

/** OR over patterns, three-valued. `negate` gives NotResource semantics. */
export function compileResourceMatcher(patterns: readonly string[], version: PolicyVersion, negate: boolean): ResourceMatcher {
  const matchers = patterns.map((p) => compileOne(compileTemplate(p, version)));
  const any: ResourceMatcher =
    matchers.length === 1
      ? matchers[0]
      : (resource, ctx) => {
          let unknown = false;
          for (const m of matchers) {
            const r = m(resource, ctx);
            if (r === 'true') return 'true';
            if (r === 'unknown') unknown = true;
          }
          return unknown ? 'unknown' : 'false';
        };
  if (!negate) return any;
  return (resource, ctx) => {
    const r = any(resource, ctx);
    return r === 'true' ? 'false' : r === 'false' ? 'true' : 'unknown';
  };
}
