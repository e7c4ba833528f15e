/**
 * Condition operators and multi-value logic.
 * Operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * Multiple keys and values: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 * Single- vs multivalued keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePolicy, PolicyError } from '../../src/policy/index.ts';
import type { RequestContext } from '../../src/policy/index.ts';
import { closed, open } from './helpers.ts';

const cond = (condition: Record<string, Record<string, unknown>>, version = '2012-10-17') => {
  const s = compilePolicy({ Version: version, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] }, { id: 'p', type: 'identity' }).statements[0];
  return (ctx: RequestContext) => s.matchesConditions(ctx).value;
};

describe('String operators', () => {
  it('StringEquals is exact and case-sensitive; StringEqualsIgnoreCase is not', () => {
    expect(cond({ StringEquals: { 'aws:PrincipalTag/job': 'iamuser-admin' } })(closed({ 'aws:PrincipalTag/job': 'iamuser-admin' }))).toBe('true');
    expect(cond({ StringEquals: { 'aws:PrincipalTag/job': 'iamuser-admin' } })(closed({ 'aws:PrincipalTag/job': 'IAMUSER-ADMIN' }))).toBe('false');
    expect(cond({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/job': 'iamuser-admin' } })(closed({ 'aws:PrincipalTag/job': 'IAMUSER-ADMIN' }))).toBe('true');
  });
  it('StringLike supports * and ? (case-sensitive)', () => {
    const c = cond({ StringLike: { 's3:prefix': ['home/*', 'doc-?'] } });
    expect(c(closed({ 's3:prefix': 'home/alice' }))).toBe('true');
    expect(c(closed({ 's3:prefix': 'doc-1' }))).toBe('true');
    expect(c(closed({ 's3:prefix': 'Home/alice' }))).toBe('false');
  });
  it('condition key names are case-insensitive', () => {
    expect(cond({ StringEquals: { 'AWS:USERNAME': 'alice' } })(closed({ 'aws:username': 'alice' }))).toBe('true');
  });
});

describe('multiple keys and values: AND across operators and keys, OR across values, NOR for negated operators', () => {
  it('values of one key are ORed', () => {
    const c = cond({ StringEquals: { 'aws:PrincipalTag/department': ['finance', 'hr'] } });
    expect(c(closed({ 'aws:PrincipalTag/department': 'hr' }))).toBe('true');
    expect(c(closed({ 'aws:PrincipalTag/department': 'it' }))).toBe('false');
  });
  it('keys and operators are ANDed', () => {
    const c = cond({ StringEquals: { 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'audit' }, Bool: { 'aws:SecureTransport': 'true' } });
    expect(c(closed({ 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'audit', 'aws:SecureTransport': 'true' }))).toBe('true');
    expect(c(closed({ 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'audit', 'aws:SecureTransport': 'false' }))).toBe('false');
  });
  it('a negated operator with several values is a NOR: true only when the value matches none', () => {
    const c = cond({ StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } });
    expect(c(closed({ 'aws:RequestedRegion': 'us-east-1' }))).toBe('true');
    expect(c(closed({ 'aws:RequestedRegion': 'eu-west-1' }))).toBe('false');
    expect(c(closed({ 'aws:RequestedRegion': 'eu-central-1' }))).toBe('false');
  });
});

describe('absent keys: positive operators are false, negated operators are true (all operators but …IfExists and Null)', () => {
  it.each([
    ['StringEquals', 'false'], ['StringNotEquals', 'true'], ['StringLike', 'false'], ['StringNotLike', 'true'],
    ['ArnLike', 'false'], ['ArnNotLike', 'true'], ['NumericEquals', 'false'], ['NumericNotEquals', 'true'],
    ['IpAddress', 'false'], ['NotIpAddress', 'true'], ['DateNotEquals', 'true'], ['Bool', 'false'],
  ])('%s on an absent key → %s', (operator, expected) => {
    const value = operator.startsWith('Ip') || operator === 'NotIpAddress' ? '10.0.0.0/8' : operator.startsWith('Numeric') ? '1' : operator.startsWith('Date') ? '2020-01-01' : operator === 'Bool' ? 'true' : operator.startsWith('Arn') ? 'arn:aws:iam::*' : 'x';
    expect(cond({ [operator]: { 'aws:SomeKey': value } })(closed())).toBe(expected);
  });
  it('…IfExists is true when the key is absent and checks it when present', () => {
    const c = cond({ StringEqualsIfExists: { 'ec2:InstanceType': ['t2.micro', 't2.small'] } });
    expect(c(closed())).toBe('true');
    expect(c(closed({ 'ec2:InstanceType': 't2.micro' }))).toBe('true');
    expect(c(closed({ 'ec2:InstanceType': 'm5.24xlarge' }))).toBe('false');
  });
  it('Null: "true" means the key is absent, "false" that it is present', () => {
    expect(cond({ Null: { 'aws:TokenIssueTime': 'true' } })(closed())).toBe('true');
    expect(cond({ Null: { 'aws:TokenIssueTime': 'true' } })(closed({ 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }))).toBe('false');
    expect(cond({ Null: { 'aws:TokenIssueTime': 'false' } })(closed({ 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }))).toBe('true');
  });
});

describe('set operators ForAllValues / ForAnyValue with multivalued keys', () => {
  const tags = (values: string[] | undefined) => (values === undefined ? closed() : closed({ 'aws:TagKeys': values }));
  it('ForAllValues: every request value must be in the policy set', () => {
    const c = cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } });
    expect(c(tags(['environment']))).toBe('true');
    expect(c(tags(['environment', 'cost-center']))).toBe('true');
    expect(c(tags(['environment', 'owner']))).toBe('false');
  });
  it('ForAllValues is true when the key is missing or its list is empty (the documented pitfall)', () => {
    const c = cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] } });
    expect(c(tags(undefined))).toBe('true');
    expect(c(tags([]))).toBe('true');
  });
  it('ForAnyValue: at least one request value must be in the policy set; false when missing or empty', () => {
    const c = cond({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } });
    expect(c(tags(['owner', 'environment']))).toBe('true');
    expect(c(tags(['owner']))).toBe('false');
    expect(c(tags(undefined))).toBe('false');
    expect(c(tags([]))).toBe('false');
  });
  it('ForAllValues with a negated operator: no request value may be in the set', () => {
    const c = cond({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } });
    expect(c(tags(['a', 'b']))).toBe('true');
    expect(c(tags(['a', 'secret']))).toBe('false');
  });
  it('ForAnyValue with a negated operator: at least one request value outside the set', () => {
    const c = cond({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a', 'b'] } });
    expect(c(tags(['a', 'c']))).toBe('true');
    expect(c(tags(['a', 'b']))).toBe('false');
  });
  it('ForAnyValue:…IfExists is true when the key is absent', () => {
    expect(cond({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['a'] } })(tags(undefined))).toBe('true');
  });
});

describe('Numeric, Date, Bool, Binary operators', () => {
  it('Numeric comparisons', () => {
    expect(cond({ NumericLessThanEquals: { 's3:max-keys': '10' } })(closed({ 's3:max-keys': '10' }))).toBe('true');
    expect(cond({ NumericLessThan: { 's3:max-keys': '10' } })(closed({ 's3:max-keys': '10' }))).toBe('false');
    expect(cond({ NumericGreaterThan: { 's3:max-keys': '10' } })(closed({ 's3:max-keys': '10.5' }))).toBe('true');
    expect(cond({ NumericEquals: { 's3:max-keys': '10' } })(closed({ 's3:max-keys': 'ten' }))).toBe('false');
  });
  it('Date comparisons accept ISO 8601 and epoch seconds', () => {
    const c = cond({ DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } });
    expect(c(closed({ 'aws:CurrentTime': '2020-06-30T00:00:00Z' }))).toBe('true');
    expect(c(closed({ 'aws:CurrentTime': '2020-01-01' }))).toBe('false');
    expect(c(closed({ 'aws:CurrentTime': String(Date.UTC(2021, 0, 1) / 1000) }))).toBe('true');
    expect(cond({ DateLessThan: { 'aws:EpochTime': '1585699200' } })(closed({ 'aws:EpochTime': '2020-03-31T23:00:00Z' }))).toBe('true');
  });
  it('Bool compares true/false', () => {
    expect(cond({ Bool: { 'aws:SecureTransport': 'false' } })(closed({ 'aws:SecureTransport': 'false' }))).toBe('true');
    expect(cond({ Bool: { 'aws:MultiFactorAuthPresent': true } })(closed({ 'aws:MultiFactorAuthPresent': 'TRUE' }))).toBe('true');
  });
  it('BinaryEquals compares base-64 values', () => {
    expect(cond({ BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } })(closed({ key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }))).toBe('true');
  });
});

describe('IpAddress / NotIpAddress (IPv4 and IPv6 CIDRs)', () => {
  it('IPv4 ranges and single addresses', () => {
    const c = cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '192.0.2.7'] } });
    expect(c(closed({ 'aws:SourceIp': '203.0.113.77' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': '192.0.2.7' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': '192.0.2.8' }))).toBe('false');
  });
  it('IPv6 ranges, including the documented 2001:DB8:1234:5678::/64 example', () => {
    const c = cond({ IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } });
    expect(c(closed({ 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': '2001:db8:1234:5679::1' }))).toBe('false');
    expect(c(closed({ 'aws:SourceIp': '203.0.113.1' }))).toBe('false');
  });
  it('NotIpAddress with several blocks is a NOR', () => {
    const c = cond({ NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } });
    expect(c(closed({ 'aws:SourceIp': '198.51.100.1' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': '203.0.113.1' }))).toBe('false');
  });
});

describe('ARN operators', () => {
  it('ArnLike / ArnEquals match segment by segment with wildcards; ArnNotLike negates', () => {
    const c = cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:my-topic' } });
    expect(c(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:my-topic' }))).toBe('true');
    expect(c(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:999999999999:my-topic' }))).toBe('false');
    expect(cond({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin*' } })(closed({ 'aws:PrincipalArn': 'arn:aws:iam::1:role/Dev' }))).toBe('true');
  });
});

describe('policy variables in condition values (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html)', () => {
  it('substitutes request values, with defaults', () => {
    expect(cond({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } })(closed({ 's3:prefix': 'home/alice/x', 'aws:username': 'alice' }))).toBe('true');
    expect(cond({ StringEquals: { 'aws:ResourceTag/team': "${aws:PrincipalTag/team, 'none'}" } })(closed({ 'aws:ResourceTag/team': 'none' }))).toBe('true');
  });
  it('no substitution when Version is 2008-10-17: the text is literal', () => {
    expect(cond({ StringEquals: { k: '${aws:username}' } }, '2008-10-17')(closed({ k: '${aws:username}', 'aws:username': 'alice' }))).toBe('true');
  });
});

describe('three-valued (open) mode', () => {
  it('a key not fixed by the caller is unknown, and the clause is listed', () => {
    const s = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }, { id: 'p', type: 'identity' }).statements[0];
    const r = s.matchesConditions(open());
    expect(r.value).toBe('unknown');
    expect(r.unknown).toEqual([{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] }]);
    expect(s.matchesConditions(open({ 'aws:MultiFactorAuthPresent': 'true' })).value).toBe('true');
    expect(s.matchesConditions(open({}, ['aws:MultiFactorAuthPresent'])).value).toBe('false');
  });
  it('a false clause decides regardless of unknown ones', () => {
    const c = cond({ Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:username': 'alice' } });
    expect(c(open({ 'aws:username': 'bob' }))).toBe('false');
  });
  it('closed mode reports keys the request did not provide', () => {
    const s = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }] }, { id: 'p', type: 'identity' }).statements[0];
    expect(s.matchesConditions(closed()).missingKeys).toEqual(['aws:RequestedRegion']);
  });
});

describe('invalid conditions are rejected with the pointer', () => {
  const compile = (condition: unknown) => () => compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] }, { id: 'p', type: 'identity' });
  it('unknown operator', () => expect(compile({ StringEqualz: { k: 'v' } })).toThrow(new PolicyError('/Statement/0/Condition/StringEqualz', 'unknown condition operator "StringEqualz"')));
  it('wrong value types', () => {
    expect(compile({ NumericLessThan: { 's3:max-keys': 'ten' } })).toThrow('/Statement/0/Condition/NumericLessThan/s3:max-keys: expected a number, got "ten"');
    expect(compile({ IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } })).toThrow(/expected an IPv4 or IPv6 address/);
    expect(compile({ DateLessThan: { 'aws:CurrentTime': 'yesterday' } })).toThrow(/expected an ISO 8601 date/);
    expect(compile({ Bool: { 'aws:SecureTransport': 'yes' } })).toThrow(/expected "true" or "false"/);
  });
});

describe('compiled once: evaluation builds no regular expressions', () => {
  afterEach(() => vi.restoreAllMocks());
  it('100k evaluations of a StringLike/ArnLike block construct no RegExp', () => {
    const c = cond({ StringLike: { 's3:prefix': ['home/*/docs', 'a?c*'] }, ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:1:t*' } });
    const ctx = closed({ 's3:prefix': 'home/x/docs', 'aws:SourceArn': 'arn:aws:sns:us-east-1:1:topic' });
    const RealRegExp = globalThis.RegExp;
    let constructed = 0;
    const spy = function (this: unknown, ...args: ConstructorParameters<typeof RegExp>) { constructed++; return new RealRegExp(...args); } as unknown as RegExpConstructor;
    globalThis.RegExp = spy;
    try {
      for (let i = 0; i < 100_000; i++) c(ctx);
    } finally {
      globalThis.RegExp = RealRegExp;
    }
    expect(c(ctx)).toBe('true');
    expect(constructed).toBe(0);
  });
});
