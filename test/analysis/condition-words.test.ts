/**
 * Conditions nobody fixed, in words a reader understands (the engine's form stays in --json).
 * IAM User Guide, "IAM JSON policy elements: Condition operators": negated operators (StringNotEquals,
 * NotIpAddress, …) match when the key is missing; `…IfExists` matches a missing key; `Null` tests
 * presence; "Single-valued vs. multivalued context keys" for ForAnyValue / ForAllValues.
 */
import { describe, expect, it } from 'vitest';
import { conditionText } from '../../src/analysis/text.ts';
import type { ResidualCondition } from '../../src/policy/types.ts';

const clause = (operator: string, key: string, values: string[], mustNotHold = false): ResidualCondition =>
  ({ operator, key, values, mustNotHold, statement: { policy: 'p', policyType: 'identity', statement: 0, effect: mustNotHold ? 'Deny' : 'Allow' } });
const words = (c: ResidualCondition) => conditionText(c).replace(/ \([^(]*; decide it with --context .*\)$/, '');

describe('conditions in words', () => {
  it('an Allow\'s condition: only if …', () => {
    expect(words(clause('Bool', 'aws:MultiFactorAuthPresent', ['true']))).toBe('only if aws:MultiFactorAuthPresent is true');
    expect(words(clause('IpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.0/16']))).toBe('only if aws:SourceIp is in one of 10.0.0.0/8, 192.168.0.0/16');
    expect(words(clause('DateLessThan', 'aws:CurrentTime', ['2030-01-01T00:00:00Z']))).toBe('only if aws:CurrentTime is before 2030-01-01T00:00:00Z');
    expect(words(clause('ForAnyValue:StringLike', 'aws:TagKeys', ['team*']))).toBe('only if any value of aws:TagKeys matches team*');
  });
  it('a Deny\'s: unless …, and a Deny on a negated operator reads as the positive one (a missing key is denied too)', () => {
    expect(words(clause('Bool', 'aws:SecureTransport', ['false'], true))).toBe('unless aws:SecureTransport is false');
    expect(words(clause('StringNotEquals', 'aws:RequestedRegion', ['eu-west-1'], true))).toBe('only if aws:RequestedRegion is eu-west-1');
    expect(words(clause('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8'], true))).toBe('only if aws:SourceIp is in 10.0.0.0/8');
    expect(words(clause('StringNotEqualsIfExists', 'aws:RequestedRegion', ['eu-west-1'], true))).toBe('unless aws:RequestedRegion is not eu-west-1 (or aws:RequestedRegion is absent)');
    expect(words(clause('Null', 'aws:SourceVpc', ['true'], true))).toBe('unless aws:SourceVpc is absent');
  });
  it('names the statement it comes from (a trust policy\'s, an SCP\'s with its level) and the flag that decides it', () => {
    const trust = { ...clause('Bool', 'aws:MultiFactorAuthPresent', ['true']), statement: { policy: 'arn:aws:iam::222222222222:role/ReadOnly#trust', policyName: 'ReadOnly trust policy', policyType: 'trust' as const, statement: 0, effect: 'Allow' as const } };
    expect(conditionText(trust)).toBe('only if aws:MultiFactorAuthPresent is true (trust ReadOnly trust policy statement 0; decide it with --context aws:MultiFactorAuthPresent=…)');
    const scp = { ...clause('StringNotEquals', 'aws:RequestedRegion', ['eu-west-1'], true), statement: { policy: 'scp:p-region', policyName: 'Regions', policyType: 'scp' as const, statement: 0, effect: 'Deny' as const, level: 'ou-prod' } };
    expect(conditionText(scp)).toBe('only if aws:RequestedRegion is eu-west-1 (scp Regions at ou-prod statement 0; decide it with --context aws:RequestedRegion=…)');
  });
});
