/**
 * Condition values are input too: their validity checks take linear time on hostile text, and
 * keep the answers of the regex they replaced.
 */
import { describe, expect, it } from 'vitest';
import { compilePolicy, PolicyError } from '../../src/policy/index.ts';
import { closed } from './helpers.ts';

const HOSTILE_TIMEOUT = 5_000;
const binary = (value: string) =>
  compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { BinaryEquals: { 'aws:x': value } } }] }, { id: 'p', type: 'identity' }).statements[0];

describe('BinaryEquals base-64 check', () => {
  it('200,000 blanks then a bad character is refused without a quadratic scan', () => {
    expect(() => binary(`${' '.repeat(200_000)}!`)).toThrow(PolicyError);
    const s = binary('aGk=');
    expect(s.matchesConditions(closed({ 'aws:x': `aGk=${' '.repeat(200_000)}!` })).value).toBe('false');
  }, HOSTILE_TIMEOUT);
  it('same answers as /^[A-Za-z0-9+/\\s]*={0,2}\\s*$/', () => {
    const reference = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
    for (const value of ['aGk=', 'aGk', 'aGk==', 'aGk===', 'aG k=\n', 'aGk= ', 'aGk= =', '=', '==', '===', '', ' ', 'a=b', 'aGk=\t\n', '!']) {
      let ours = true;
      try {
        binary(value);
      } catch {
        ours = false;
      }
      expect(ours, JSON.stringify(value)).toBe(reference.test(value));
    }
  });
});
