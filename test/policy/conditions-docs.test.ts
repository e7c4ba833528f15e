/**
 * The examples of the IAM User Guide's condition pages, one test each, with the page they come from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/policy/index.ts';
import type { RequestContext } from '../../src/policy/index.ts';
import { closed, open } from './helpers.ts';

const cond = (condition: Record<string, Record<string, unknown>>, version = '2012-10-17') => {
  const s = compilePolicy({ Version: version, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] }, { id: 'p', type: 'identity' }).statements[0];
  return (ctx: RequestContext) => s.matchesConditions(ctx).value;
};

describe('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html', () => {
  it('StringEquals on aws:PrincipalTag/job-category: matches the tag, false when the tag is absent', () => {
    const c = cond({ StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } });
    expect(c(closed({ 'aws:PrincipalTag/job-category': 'iamuser-admin' }))).toBe('true');
    expect(c(closed({ 'aws:PrincipalTag/job-category': 'IAMUSER-ADMIN' }))).toBe('false');
    expect(c(closed({}))).toBe('false');
  });
  it('a missing key makes a negated operator (StringNotLike, ArnNotLike, NotIpAddress, NumericNotEquals) true', () => {
    expect(cond({ StringNotLike: { 'aws:PrincipalTag/team': 'a*' } })(closed())).toBe('true');
    expect(cond({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } })(closed())).toBe('true');
    expect(cond({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })(closed())).toBe('true');
    expect(cond({ NumericNotEquals: { 's3:max-keys': '10' } })(closed())).toBe('true');
    expect(cond({ DateNotEquals: { 'aws:CurrentTime': '2020-01-01' } })(closed())).toBe('true');
  });
  it('StringLike with a wildcard matches partial strings; without one it is exact', () => {
    const c = cond({ StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] } });
    expect(c(closed({ 's3:prefix': 'home/', 'aws:username': 'alice' }))).toBe('true');
    expect(c(closed({ 's3:prefix': 'home/alice/', 'aws:username': 'alice' }))).toBe('true');
    expect(c(closed({ 's3:prefix': 'home/bob/', 'aws:username': 'alice' }))).toBe('false');
    expect(c(closed({ 's3:prefix': '', 'aws:username': 'alice' }))).toBe('true');
  });
  it('NumericLessThanEquals s3:max-keys 10', () => {
    const c = cond({ NumericLessThanEquals: { 's3:max-keys': '10' } });
    expect(c(closed({ 's3:max-keys': '10' }))).toBe('true');
    expect(c(closed({ 's3:max-keys': '11' }))).toBe('false');
    expect(c(closed({ 's3:max-keys': 'ten' }))).toBe('false');
    // Decimal numbers only: hex or "Infinity" in the request never match, in the policy they are errors.
    expect(c(closed({ 's3:max-keys': '0x5' }))).toBe('false');
    expect(c(closed({ 's3:max-keys': '-Infinity' }))).toBe('false');
    expect(c(closed({ 's3:max-keys': '1e1' }))).toBe('true');
    expect(() => cond({ NumericEquals: { 's3:max-keys': '0x10' } })).toThrow('/Statement/0/Condition/NumericEquals/s3:max-keys: expected a number, got "0x10"');
  });
  it('DateGreaterThan aws:TokenIssueTime 2020-01-01T00:00:01Z, also in epoch seconds', () => {
    const c = cond({ DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } });
    expect(c(closed({ 'aws:TokenIssueTime': '2020-01-01T00:00:02Z' }))).toBe('true');
    expect(c(closed({ 'aws:TokenIssueTime': '1577836801' }))).toBe('false');
    expect(c(closed({ 'aws:TokenIssueTime': '1577836802' }))).toBe('true');
    expect(c(closed({ 'aws:TokenIssueTime': '2019-12-31' }))).toBe('false');
    expect(cond({ DateLessThan: { 'aws:CurrentTime': '1577836800' } })(closed({ 'aws:CurrentTime': '2019-12-31T23:59:59+00:00' }))).toBe('true');
  });
  it('Bool aws:SecureTransport "false" matches only plain-HTTP requests', () => {
    const c = cond({ Bool: { 'aws:SecureTransport': 'false' } });
    expect(c(closed({ 'aws:SecureTransport': 'false' }))).toBe('true');
    expect(c(closed({ 'aws:SecureTransport': 'true' }))).toBe('false');
    expect(c(closed({}))).toBe('false');
  });
  it('BinaryEquals compares the base-64 value', () => {
    const c = cond({ BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } });
    expect(c(closed({ key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }))).toBe('true');
    expect(c(closed({ key: 'QmluYXJ5VmFsdWVJbkJhc2U2NQ==' }))).toBe('false');
    // Compared as bytes: the same bytes without padding still match; non-base-64 request text does not.
    expect(c(closed({ key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA' }))).toBe('true');
    expect(c(closed({ key: 'BinaryValueInBase64' }))).toBe('false');
    expect(() => cond({ BinaryEquals: { key: 'not base64!' } })).toThrow('/Statement/0/Condition/BinaryEquals/key: expected a base-64 value, got "not base64!"');
  });
  it('IpAddress 203.0.113.0/24, IPv6 2001:DB8:1234:5678::/64 and IPv4-mapped IPv6 sources', () => {
    const c = cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } });
    expect(c(closed({ 'aws:SourceIp': '203.0.113.77' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': '203.0.114.1' }))).toBe('false');
    expect(c(closed({ 'aws:SourceIp': '2001:db8:1234:5678:ffff::1' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': '2001:db8:1234:5679::1' }))).toBe('false');
    expect(c(closed({ 'aws:SourceIp': '::ffff:203.0.113.5' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': '::ffff:cb00:7105' }))).toBe('true');
    expect(c(closed({ 'aws:SourceIp': 'not-an-ip' }))).toBe('false');
    expect(cond({ IpAddress: { 'aws:SourceIp': '203.0.113.9' } })(closed({ 'aws:SourceIp': '203.0.113.9' }))).toBe('true');
  });
  it('ArnEquals aws:SourceArn for an SNS topic: segment by segment, the resource part as a whole', () => {
    const c = cond({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-west-2:123456789012:TOPIC-ID' } });
    expect(c(closed({ 'aws:SourceArn': 'arn:aws:sns:us-west-2:123456789012:TOPIC-ID' }))).toBe('true');
    expect(c(closed({ 'aws:SourceArn': 'arn:aws:sns:us-west-2:123456789012:topic-id' }))).toBe('false');
    const like = cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket/*' } });
    expect(like(closed({ 'aws:SourceArn': 'arn:aws:s3:::my-bucket/a/b:c' }))).toBe('true');
    // `*` in the account segment does not swallow the following colons.
    const seg = cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:t' } });
    expect(seg(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' }))).toBe('true');
    expect(seg(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:999:123456789012:t' }))).toBe('false');
    // A shorter pattern's last component covers the rest: arn:aws:iam::* matches every IAM ARN.
    const short = cond({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } });
    expect(short(closed({ 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/a:b' }))).toBe('true');
    expect(short(closed({ 'aws:PrincipalArn': 'arn:aws:sts::123456789012:assumed-role/a/b' }))).toBe('false');
    // `?` stays within its component; a non-ARN request value never matches an ARN pattern.
    const q = cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-?:*:t' } });
    expect(q(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:1:t' }))).toBe('true');
    expect(q(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-:1:t' }))).toBe('false');
    expect(q(closed({ 'aws:SourceArn': 'sns-us-east-1' }))).toBe('false');
    // ArnNotLike with a present, non-matching ARN is true; with a matching one false.
    const not = cond({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } });
    expect(not(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:999999999999:t' }))).toBe('true');
    expect(not(closed({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' }))).toBe('false');
  });
  it('…IfExists: StringLikeIfExists ec2:InstanceType t1.*/t2.*/m3.* is true when the key is absent', () => {
    const c = cond({ StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } });
    expect(c(closed({}))).toBe('true');
    expect(c(closed({ 'ec2:InstanceType': 't2.micro' }))).toBe('true');
    expect(c(closed({ 'ec2:InstanceType': 'm5.large' }))).toBe('false');
  });
  it('Null aws:TokenIssueTime "true": only requests without temporary credentials', () => {
    const c = cond({ Null: { 'aws:TokenIssueTime': 'true' } });
    expect(c(closed({}))).toBe('true');
    expect(c(closed({ 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }))).toBe('false');
  });
  it('condition operator with a misspelt name is rejected with its pointer', () => {
    expect(() => cond({ StringEqualz: { k: 'v' } })).toThrow('/Statement/0/Condition/StringEqualz: unknown condition operator "StringEqualz"');
  });
});

describe('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html', () => {
  it('StringEquals on two tag keys and ArnLike on aws:PrincipalArn: AND across operators and keys, OR across values', () => {
    const c = cond({
      StringEquals: { 'aws:PrincipalTag/department': ['finance', 'hr', 'legal'], 'aws:PrincipalTag/role': ['audit', 'security'] },
      ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'] },
    });
    const ana = { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Ana' };
    expect(c(closed({ ...ana, 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'audit' }))).toBe('true');
    expect(c(closed({ ...ana, 'aws:PrincipalTag/department': 'hr' }))).toBe('false');
    expect(c(closed({ ...ana, 'aws:PrincipalTag/department': 'it', 'aws:PrincipalTag/role': 'audit' }))).toBe('false');
    expect(c(closed({ 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Bob', 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'audit' }))).toBe('false');
  });
  it('a negated operator with several values is a NOR: StringNotEquals department/role, ArnNotLike principal', () => {
    const c = cond({
      StringNotEquals: { 'aws:PrincipalTag/department': ['finance', 'hr', 'legal'], 'aws:PrincipalTag/role': ['audit', 'security'] },
      ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'] },
    });
    const bob = { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Bob' };
    expect(c(closed({ ...bob, 'aws:PrincipalTag/department': 'it', 'aws:PrincipalTag/role': 'dev' }))).toBe('true');
    expect(c(closed({ ...bob, 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'dev' }))).toBe('false');
    expect(c(closed({ 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Mary', 'aws:PrincipalTag/department': 'it', 'aws:PrincipalTag/role': 'dev' }))).toBe('false');
    // Absent keys make negated operators true.
    expect(c(closed({ ...bob }))).toBe('true');
  });
});

describe('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html', () => {
  it('ForAllValues:StringNotLike aws:TagKeys key1* (the DenyRestrictedTags example table, fixture file)', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../fixtures/conditions/deny-restricted-tags.json', import.meta.url), 'utf8'));
    const s = compilePolicy(doc, { id: 'deny-restricted-tags', type: 'identity' }).statements[0];
    const c = (ctx: RequestContext) => s.matchesConditions(ctx).value;
    expect(c(closed({ 'aws:TagKeys': ['key1:legal'] }))).toBe('false');
    expect(c(closed({ 'aws:TagKeys': ['key1:hr', 'key1:personnel'] }))).toBe('false');
    expect(c(closed({ 'aws:TagKeys': ['key2:audit'] }))).toBe('true');
    expect(c(closed({ 'aws:TagKeys': ['key1:hr', 'key2:audit'] }))).toBe('false');
    // Warning from the page: ForAllValues is also true when the key is missing from the request.
    expect(c(closed({}))).toBe('true');
    expect(c(closed({ 'aws:TagKeys': [] }))).toBe('true');
  });
  it('the documented guard: adding Null "false" stops ForAllValues from matching a missing key', () => {
    const c = cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] }, Null: { 'aws:TagKeys': 'false' } });
    expect(c(closed({}))).toBe('false');
    expect(c(closed({ 'aws:TagKeys': ['environment'] }))).toBe('true');
    expect(c(closed({ 'aws:TagKeys': ['environment', 'owner'] }))).toBe('false');
  });
  it('ForAnyValue:StringEquals: one request value in the set is enough; false when missing or empty', () => {
    const c = cond({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } });
    expect(c(closed({ 'aws:TagKeys': ['owner', 'cost-center'] }))).toBe('true');
    expect(c(closed({ 'aws:TagKeys': ['owner'] }))).toBe('false');
    expect(c(closed({}))).toBe('false');
    expect(c(closed({ 'aws:TagKeys': [] }))).toBe('false');
  });
  it('ForAnyValue:StringNotEquals: true when at least one request value is outside the set', () => {
    const c = cond({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } });
    expect(c(closed({ 'aws:TagKeys': ['environment', 'owner'] }))).toBe('true');
    expect(c(closed({ 'aws:TagKeys': ['environment', 'cost-center'] }))).toBe('false');
    expect(c(closed({}))).toBe('false');
  });
  it('ForAllValues:StringNotEquals: true when no request value is in the set (and when the key is missing)', () => {
    const c = cond({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } });
    expect(c(closed({ 'aws:TagKeys': ['owner', 'team'] }))).toBe('true');
    expect(c(closed({ 'aws:TagKeys': ['owner', 'environment'] }))).toBe('false');
    expect(c(closed({}))).toBe('true');
  });
  it('set operators work with every base family: ForAnyValue:IpAddress, ForAllValues:NumericLessThan, ForAnyValue:ArnLike', () => {
    expect(cond({ 'ForAnyValue:IpAddress': { k: '10.0.0.0/8' } })(closed({ k: ['192.168.0.1', '10.1.2.3'] }))).toBe('true');
    expect(cond({ 'ForAllValues:NumericLessThan': { k: '5' } })(closed({ k: ['1', '7'] }))).toBe('false');
    expect(cond({ 'ForAllValues:NumericLessThan': { k: '5' } })(closed({ k: ['1', '4'] }))).toBe('true');
    expect(cond({ 'ForAnyValue:ArnLike': { k: 'arn:aws:iam::*:role/x' } })(closed({ k: ['arn:aws:iam::1:role/y', 'arn:aws:iam::2:role/x'] }))).toBe('true');
  });
});

describe('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html', () => {
  it('${aws:username} in a condition value; a missing variable makes that value not match', () => {
    const c = cond({ StringLike: { 's3:prefix': ['home/${aws:username}/*'] } });
    expect(c(closed({ 's3:prefix': 'home/alice/a.txt', 'aws:username': 'alice' }))).toBe('true');
    expect(c(closed({ 's3:prefix': 'home/alice/a.txt', 'aws:username': 'bob' }))).toBe('false');
    expect(c(closed({ 's3:prefix': 'home/alice/a.txt' }))).toBe('false');
  });
  it('default value ${aws:PrincipalTag/team, \'company-wide\'} applies when the tag is missing', () => {
    const c = cond({ StringEquals: { 's3:prefix': '${aws:PrincipalTag/team, \'company-wide\'}' } });
    expect(c(closed({ 's3:prefix': 'company-wide' }))).toBe('true');
    expect(c(closed({ 's3:prefix': 'company-wide', 'aws:PrincipalTag/team': 'red' }))).toBe('false');
    expect(c(closed({ 's3:prefix': 'red', 'aws:PrincipalTag/team': 'red' }))).toBe('true');
  });
  it('${*}, ${?} and ${$} are literal characters in StringLike', () => {
    const c = cond({ StringLike: { k: 'a${*}b${?}c${$}' } });
    expect(c(closed({ k: 'a*b?c$' }))).toBe('true');
    expect(c(closed({ k: 'aXbYc$' }))).toBe('false');
  });
  it('a substituted value containing * is matched literally, not as a wildcard', () => {
    const c = cond({ StringLike: { k: 'x/${aws:username}' } });
    expect(c(closed({ k: 'x/abc', 'aws:username': '*' }))).toBe('false');
    expect(c(closed({ k: 'x/*', 'aws:username': '*' }))).toBe('true');
  });
  it('no substitution when Version is 2008-10-17: the text is literal', () => {
    const c = cond({ StringEquals: { k: '${aws:username}' } }, '2008-10-17');
    expect(c(closed({ k: '${aws:username}', 'aws:username': 'alice' }))).toBe('true');
    expect(c(closed({ k: 'alice', 'aws:username': 'alice' }))).toBe('false');
  });
  it('open mode: an unknown variable makes the value unknown, a false clause still decides', () => {
    const c = cond({ StringEquals: { k: '${aws:username}' } });
    expect(c(open({ k: 'alice' }))).toBe('unknown');
    expect(c(open({ k: 'alice', 'aws:username': 'alice' }))).toBe('true');
    const both = cond({ StringEquals: { k: '${aws:username}', j: 'x' } });
    expect(both(open({ k: 'alice', j: 'y' }))).toBe('false');
  });
});
