/**
 * A condition value with a policy variable is compiled once per resolved text: counted at the
 * wildcard compiler (matching builds no RegExp at all).
 */
import { describe, expect, it, vi } from 'vitest';
import { compilePolicy } from '../../src/policy/index.ts';
import { closed } from './helpers.ts';

const compiled = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/policy/wildcard.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/policy/wildcard.ts')>();
  return { ...real, compileGlob: (...args: Parameters<typeof real.compileGlob>) => { compiled.count++; return real.compileGlob(...args); } };
});

describe('compiled once: a value with a policy variable is compiled once per resolved text', () => {
  it('100k evaluations with the same ${aws:username} compile nothing after the first', () => {
    const s = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*/x?' }, ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b/${aws:username}/*' } } }] }, { id: 'p', type: 'identity' }).statements[0];
    const c = (ctx: ReturnType<typeof closed>) => s.matchesConditions(ctx).value;
    const ctx = closed({ 's3:prefix': 'home/alice/docs/x1', 'aws:username': 'alice', 'aws:SourceArn': 'arn:aws:s3:::b/alice/k' });
    expect(c(ctx)).toBe('true');
    const RealRegExp = globalThis.RegExp;
    let regexps = 0;
    globalThis.RegExp = function (this: unknown, ...args: ConstructorParameters<typeof RegExp>) { regexps++; return new RealRegExp(...args); } as unknown as RegExpConstructor;
    const before = compiled.count;
    try {
      for (let i = 0; i < 100_000; i++) c(ctx);
      expect(compiled.count).toBe(before);
      // A new user resolves two new patterns, each compiled once: StringLike's one glob, ArnLike's six (one per ARN component).
      expect(c(closed({ 's3:prefix': 'home/bob/d/x1', 'aws:username': 'bob', 'aws:SourceArn': 'arn:aws:s3:::b/bob/k' }))).toBe('true');
    } finally {
      globalThis.RegExp = RealRegExp;
    }
    expect(compiled.count - before).toBe(7);
    expect(regexps).toBe(0);
  });
});
