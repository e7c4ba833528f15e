/**
 * Policy-variable parsing is linear in the text, and parses exactly as the regex it replaced.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/policy/variables.ts';
import { closed } from './helpers.ts';

const HOSTILE_TIMEOUT = 5_000;

const resolveText = (raw: string, ctx = closed()) => {
  const t = compileTemplate(raw, '2012-10-17');
  const r = t.resolve(ctx);
  return { keys: t.keys, result: r.status === 'ok' ? r.pieces.map((p) => `${p.literal ? 'L' : 'W'}:${p.text}`) : r };
};

describe('hostile ${ runs finish (guarded by the per-test timeout, not by timing)', () => {
  it('40,000 × "${" with no closing brace is plain text', () => {
    const raw = `arn:aws:s3:::b/${'${'.repeat(40_000)}`;
    expect(resolveText(raw)).toEqual({ keys: [], result: [`W:${raw}`] });
  }, HOSTILE_TIMEOUT);
  it('40,000 × "${" then a "}": the first "${" opens one variable whose key runs to the "}"', () => {
    const raw = `${'${'.repeat(40_000)}aws:username}`;
    const key = raw.slice(2, -1).toLowerCase();
    expect(resolveText(raw)).toEqual({ keys: [key], result: { status: 'missing', keys: [key] } });
  }, HOSTILE_TIMEOUT);
  it("unterminated defaults: 40,000 × \"${a,''\" and \"${a, '\"", () => {
    for (const unit of ["${a,''", "${a, '", "${a,'x'' "]) {
      const raw = unit.repeat(40_000);
      expect(resolveText(raw)).toEqual({ keys: [], result: [`W:${raw}`] });
    }
  }, HOSTILE_TIMEOUT);
});

// The regex the scanner replaced, as the reference.
const VARIABLE = /\$\{\s*([^\s,}'][^,}]*?)\s*(?:,\s*'((?:[^']|'')*)'\s*)?\}/g;
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };
function reference(raw: string) {
  const keys: string[] = [];
  const pieces: string[] = [];
  let missing: string[] = [];
  let last = 0;
  for (const m of raw.matchAll(VARIABLE)) {
    const at = m.index ?? 0;
    if (at > last) pieces.push(`W:${raw.slice(last, at)}`);
    const name = m[1];
    if (Object.hasOwn(ESCAPES, name) && m[2] === undefined) pieces.push(`L:${ESCAPES[name]}`);
    else {
      const key = name.toLowerCase();
      if (!keys.includes(key)) keys.push(key);
      if (m[2] === undefined) missing.push(key);
      else pieces.push(`L:${m[2].replace(/''/g, "'")}`);
    }
    last = at + m[0].length;
  }
  if (last < raw.length) pieces.push(`W:${raw.slice(last)}`);
  if (!raw.includes('${')) return { keys: [], result: [`W:${raw}`].filter((p) => p !== 'W:') };
  if (keys.length === 0) return { keys, result: pieces.filter((p) => p !== 'W:') };
  return { keys, result: missing.length > 0 ? { status: 'missing', keys: missing } : pieces.filter((p) => p !== 'W:') };
}

describe('same parse as the regex it replaced (seeded random inputs)', () => {
  it('agrees on keys, defaults, escapes and text', () => {
    let x = 7;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['${', '}', ',', "'", ' ', 'a', 'B', '*', '$', '{'];
    for (let i = 0; i < 5000; i++) {
      const raw = Array.from({ length: Math.floor(rnd() * 14) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const ours = resolveText(raw);
      const ref = reference(raw);
      expect({ keys: ours.keys, result: Array.isArray(ours.result) ? ours.result.filter((p) => p !== 'W:') : ours.result }, raw).toEqual(ref);
    }
  });
});
