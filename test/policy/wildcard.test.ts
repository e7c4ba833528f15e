/**
 * Wildcard matching must take linear-bounded time on hostile patterns (policy text is input) and
 * keep the exact semantics of the regexes it replaced: checked against them on random inputs.
 */
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/policy/index.ts';
import { resourcePatternTokens } from '../../src/policy/resource.ts';
import { compileArnPattern } from '../../src/policy/conditions/arn.ts';
import { compileGlob, compileTokens, type Piece } from '../../src/policy/wildcard.ts';
import { closed } from './helpers.ts';

const HOSTILE_TIMEOUT = 5_000;
const A = '111122223333';
const stars = (n: number) => `${'a*'.repeat(n)}b`;

describe('hostile patterns finish (guarded by the per-test timeout, not by timing)', () => {
  it('Resource: 14 and 30 stars against a long run of a', () => {
    const s = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: [`arn:aws:iam::${A}:user/${stars(14)}`, `arn:aws:iam::${A}:user/${stars(30)}`] }] }, { id: 'p', type: 'identity' }).statements[0];
    expect(s.matchesResource(`arn:aws:iam::${A}:user/${'a'.repeat(5000)}`, closed())).toBe('false');
    expect(s.matchesResource(`arn:aws:iam::${A}:user/${'a'.repeat(5000)}b`, closed())).toBe('true');
  }, HOSTILE_TIMEOUT);
  it('Resource: stars inside ARN segments (they stop at colons)', () => {
    const s = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: `arn:aws:s3:${'a*'.repeat(30)}x:${A}:b` }] }, { id: 'p', type: 'identity' }).statements[0];
    expect(s.matchesResource(`arn:aws:s3:${'a'.repeat(5000)}:${A}:b`, closed())).toBe('false');
    expect(s.matchesResource(`arn:aws:s3:${'a'.repeat(5000)}x:${A}:b`, closed())).toBe('true');
  }, HOSTILE_TIMEOUT);
  it('Action (case-insensitive) and the catalog glob', () => {
    const s = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `iam:${stars(30)}`, Resource: '*' }] }, { id: 'p', type: 'identity' }).statements[0];
    expect(s.matchesAction(`iam:${'A'.repeat(5000)}`)).toBe(false);
    expect(s.matchesAction(`IAM:${'A'.repeat(5000)}B`)).toBe(true);
    expect(compileGlob(stars(30), true)('A'.repeat(5000))).toBe(false);
  }, HOSTILE_TIMEOUT);
  it('StringLike and ArnLike conditions', () => {
    const s = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:username': stars(30) }, ArnLike: { 'aws:SourceArn': `arn:aws:sqs:*:${A}:${stars(30)}` } } }] }, { id: 'p', type: 'identity' }).statements[0];
    expect(s.matchesConditions(closed({ 'aws:username': 'a'.repeat(5000), 'aws:SourceArn': `arn:aws:sqs:us-east-1:${A}:${'a'.repeat(5000)}b` })).value).toBe('false');
    expect(compileArnPattern([{ text: `arn:aws:sqs:*:${A}:${stars(30)}`, literal: false }])(`arn:aws:sqs:us-east-1:${A}:${'a'.repeat(5000)}`)).toBe(false);
  }, HOSTILE_TIMEOUT);
});

describe('semantics', () => {
  it('? is exactly one character; * matches newlines; literal pieces are not wildcards', () => {
    expect(compileGlob('a?c', false)('abc')).toBe(true);
    expect(compileGlob('a?c', false)('ac')).toBe(false);
    expect(compileGlob('a?c', false)('abbc')).toBe(false);
    expect(compileGlob('a*c', false)('a\n\nc')).toBe(true);
    expect(compileGlob('a?c', false)('a\nc')).toBe(true);
    const pieces: Piece[] = [{ text: 'a', literal: false }, { text: '*', literal: true }, { text: '*', literal: false }];
    expect(compileGlob(pieces, false)('a*xyz')).toBe(true);
    expect(compileGlob(pieces, false)('abxyz')).toBe(false);
  });
  it('ignoreCase folds both sides; case-sensitive mode does not', () => {
    expect(compileGlob('Get*Policy?', true)('getbucketpolicyX')).toBe(true);
    expect(compileGlob('Get*Policy?', false)('getbucketpolicyX')).toBe(false);
    expect(compileGlob('Get*', true)('GETOBJECT')).toBe(true);
  });
  it('empty pattern and empty candidate', () => {
    expect(compileTokens([], false)('')).toBe(true);
    expect(compileTokens([], false)('a')).toBe(false);
    expect(compileGlob('**', false)('')).toBe(true);
    expect(compileGlob('?*', false)('')).toBe(false);
  });
});

// The regexes the matcher replaced, kept here as the reference semantics.
const escape = (text: string): string => text.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
function referenceGlob(pieces: readonly Piece[], ignoreCase: boolean): (s: string) => boolean {
  let source = '';
  for (const p of pieces) for (const ch of p.text) source += p.literal ? escape(ch) : ch === '*' ? '.*' : ch === '?' ? '.' : escape(ch);
  const re = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
  return (s) => re.test(s);
}
function referenceResource(pieces: readonly Piece[]): (s: string) => boolean {
  const chars: Array<{ ch: string; literal: boolean }> = [];
  for (const piece of pieces) for (const ch of piece.text) chars.push({ ch, literal: piece.literal });
  if (!chars.map((c) => c.ch).join('').startsWith('arn:')) return referenceGlob(pieces, false);
  let source = '';
  let colons = 0;
  for (let i = 0; i < chars.length; i++) {
    const { ch, literal } = chars[i];
    const inResourcePart = colons >= 5;
    if (literal) source += escape(ch);
    else if (ch === ':') { colons++; source += ':'; }
    else if (ch === '*') {
      const next = chars[i + 1];
      source += inResourcePart || next === undefined || (next.ch === ':' && !next.literal) ? '.*' : '[^:]*';
    } else if (ch === '?') source += inResourcePart ? '.' : '[^:]';
    else source += escape(ch);
  }
  const re = new RegExp(`^${source}$`, 's');
  return (s) => re.test(s);
}

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

describe('same answers as the regexes it replaced (seeded random inputs)', () => {
  const rnd = random(20240601);
  const pick = (alphabet: string, max: number) => Array.from({ length: Math.floor(rnd() * max) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const randomPieces = (prefix: string): Piece[] => {
    const pieces: Piece[] = [{ text: prefix, literal: false }];
    for (let n = Math.floor(rnd() * 3); n >= 0; n--) pieces.push({ text: pick('ab:*?A\n', 6), literal: rnd() < 0.3 });
    return pieces;
  };
  it('plain globs, both case modes', () => {
    for (let i = 0; i < 1000; i++) {
      const pieces = randomPieces('');
      const ignoreCase = rnd() < 0.5;
      const ours = compileGlob(pieces, ignoreCase);
      const ref = referenceGlob(pieces, ignoreCase);
      for (let k = 0; k < 8; k++) {
        const s = pick('abAB:*?\n', 10);
        expect(ours(s), JSON.stringify({ pieces, ignoreCase, s })).toBe(ref(s));
      }
    }
  });
  it('ARN-aware resource patterns', () => {
    for (let i = 0; i < 1000; i++) {
      const pieces = randomPieces(rnd() < 0.8 ? 'arn:' : '');
      const ours = compileTokens(resourcePatternTokens(pieces), false);
      const ref = referenceResource(pieces);
      for (let k = 0; k < 8; k++) {
        const s = (rnd() < 0.8 ? 'arn:' : '') + pick('ab:*?', 14);
        expect(ours(s), JSON.stringify({ pieces, s })).toBe(ref(s));
      }
    }
  });
});
