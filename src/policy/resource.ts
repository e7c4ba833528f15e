/**
 * Resource / NotResource matchers, compiled once per statement. Patterns with policy variables
 * are resolved per request; their matchers are cached by resolved text, so repeated questions
 * never rebuild them.
 */
import { resourcePatternTokens } from './arn.ts';
import type { PolicyVersion, RequestContext, Tri } from './types.ts';
import { compileTemplate, type Template } from './variables.ts';
import { compileTokens, type Piece } from './wildcard.ts';

export type ResourceMatcher = (resource: string, ctx: RequestContext) => Tri;

const CACHE_LIMIT = 4096;

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
