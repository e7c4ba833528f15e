/** The one describer of input values in messages: bounded in depth and length, one line. */
import { describe, expect, it } from 'vitest';
import { describeValue, oneLine, tooDeepAt } from '../../src/policy/describe.ts';
import { parsePolicy } from '../../src/policy/parse.ts';
import { PolicyError } from '../../src/policy/types.ts';

const deep = (n: number): unknown => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);

describe('describeValue', () => {
  it('names containers without walking them', () => {
    expect(describeValue(deep(10_000))).toBe('an array of 1');
    expect(describeValue([1, 2, 3])).toBe('an array of 3');
    expect(describeValue([])).toBe('an empty array');
    expect(describeValue({ a: deep(10_000) })).toBe('an object');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(12)).toBe('12');
  });

  it('cuts strings at 80 characters and escapes control characters', () => {
    const shown = describeValue(`a\nb\u0000\u202e${'x'.repeat(1_000_000)}`);
    expect(shown.length).toBeLessThan(120);
    expect(shown).toMatch(/^"a\\nb\\x00\\u202ex+\.\.\."$/);
  });

  it('oneLine escapes line breaks and caps the length', () => {
    expect(oneLine('a\r\nb')).toBe('a\\r\\nb');
    expect(oneLine('y'.repeat(5000)).length).toBe(1000);
  });
});

describe('nesting limit', () => {
  it('finds the first place deeper than the limit, iteratively', () => {
    expect(tooDeepAt(deep(10), 256)).toBeUndefined();
    expect(tooDeepAt(deep(100_000), 3)).toBe('/0/0/0');
    expect(tooDeepAt({ 'a/b': { c: {} } }, 2)).toBe('/a~1b/c');
  });

  it('parsePolicy refuses a deep document with a PolicyError, not a stack overflow', () => {
    const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { k: deep(10_000) } } } };
    expect(() => parsePolicy(doc)).toThrow(PolicyError);
    expect(() => parsePolicy(doc)).toThrow(/levels of nesting/);
  });
});
