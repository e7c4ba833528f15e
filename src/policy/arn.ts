/**
 * ARN-aware resource matching (IAM User Guide, "IAM JSON policy elements: Resource" — using
 * wildcards in resource ARNs): `*` and `?` work within a colon-separated segment; a `*` that is
 * the last character of a segment may expand beyond the colon boundaries; the resource part
 * (after the fifth colon) may itself contain `:` and `/`. Matching is case-sensitive.
 */
import type { Piece } from './wildcard.ts';

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits `arn:partition:service:region:account:resource`; undefined when not an ARN. */
export function parseArn(arn: string): ArnParts | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

const REGEX_SPECIAL = /[.+^${}()|[\]\\*?]/g;
const escape = (text: string): string => text.replace(REGEX_SPECIAL, '\\$&');

/** Regex source for a resource pattern given as pieces (literal pieces come from policy variables). */
export function resourcePatternSource(pieces: readonly Piece[]): string {
  // Flatten to characters tagged literal/wildcard, then walk segments.
  const chars: Array<{ ch: string; literal: boolean }> = [];
  for (const piece of pieces) for (const ch of piece.text) chars.push({ ch, literal: piece.literal });
  const text = chars.map((c) => c.ch).join('');
  if (!text.startsWith('arn:')) {
    // Not an ARN pattern (e.g. "*"): plain glob over the whole string.
    return chars.map((c) => (c.literal ? escape(c.ch) : c.ch === '*' ? '.*' : c.ch === '?' ? '.' : escape(c.ch))).join('');
  }
  let source = '';
  let colons = 0;
  for (let i = 0; i < chars.length; i++) {
    const { ch, literal } = chars[i];
    const inResourcePart = colons >= 5;
    if (literal) {
      source += escape(ch);
    } else if (ch === ':') {
      colons++;
      source += ':';
    } else if (ch === '*') {
      const next = chars[i + 1];
      const endsSegment = next === undefined || (next.ch === ':' && !next.literal);
      source += inResourcePart || endsSegment ? '.*' : '[^:]*';
    } else if (ch === '?') {
      source += inResourcePart ? '.' : '[^:]';
    } else {
      source += escape(ch);
    }
  }
  return source;
}
