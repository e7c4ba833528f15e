/**
 * ARN-aware resource matching (IAM User Guide, "IAM JSON policy elements: Resource" — using
 * wildcards in resource ARNs): `*` and `?` work within a colon-separated segment; a `*` that is
 * the last character of a segment may expand beyond the colon boundaries; the resource part
 * (after the fifth colon) may itself contain `:` and `/`. Matching is case-sensitive.
 */
import { piecesToTokens, type GlobToken, type Piece } from './wildcard.ts';

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
