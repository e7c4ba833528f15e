/**
 * The ARN module (IAM User Guide, "IAM identifiers" → ARNs: `arn:partition:service:region:account-id:resource`;
 * partitions aws, aws-cn, aws-us-gov). Every other module builds and reads ARNs through it.
 */
import { describe, expect, it } from 'vitest';
import { accountOfPrincipalValue, isAccountId, isArn, isIamArn, isRootArn, namesWholeAccount, parseRoleSessionArn, partitionOf, principalValueArn, roleSessionArn, rootArn, shortName } from '../../src/policy/arn.ts';
import { evaluate } from '../../src/policy/evaluate/index.ts';
import { makeContext } from '../../src/policy/context.ts';
import { compilePolicy } from '../../src/policy/compile.ts';

describe('ARNs and account ids', () => {
  it('an account id is exactly twelve digits', () => {
    expect(['111122223333', '000000000000'].map(isAccountId)).toEqual([true, true]);
    expect(['11112222333', '1111222233334', '11112222333a', '111122223333\n', ''].map(isAccountId)).toEqual([false, false, false, false, false]);
  });
  it('keeps the partition when it builds ARNs from others', () => {
    expect(partitionOf('arn:aws-cn:iam::111122223333:role/r')).toBe('aws-cn');
    expect(partitionOf(undefined)).toBe('aws');
    expect(roleSessionArn('arn:aws-us-gov:iam::111122223333:role/r', '111122223333', 'r', 's')).toBe('arn:aws-us-gov:sts::111122223333:assumed-role/r/s');
    expect(parseRoleSessionArn('arn:aws-cn:sts::111122223333:assumed-role/r/s')).toEqual({ partition: 'aws-cn', account: '111122223333', roleName: 'r' });
    expect(rootArn('111122223333', 'aws-cn')).toBe('arn:aws-cn:iam::111122223333:root');
    expect(principalValueArn('111122223333', 'aws-cn')).toBe('arn:aws-cn:iam::111122223333:root');
  });
  it('knows which principal values name a whole account', () => {
    expect(['111122223333', 'arn:aws:iam::111122223333:root', 'arn:aws-cn:iam::111122223333:root'].map(namesWholeAccount)).toEqual([true, true, true]);
    expect(['arn:aws:iam::111122223333:user/root', 'arn:aws:iam::111122223333:role/x'].map(namesWholeAccount)).toEqual([false, false]);
    expect(isRootArn('arn:aws:iam::aws:root')).toBe(false);
    expect(accountOfPrincipalValue('arn:aws-cn:iam::111122223333:user/a')).toBe('111122223333');
  });
  it('shortens IAM and STS ARNs of any partition the same way', () => {
    expect(shortName('arn:aws:iam::111122223333:user/alice')).toBe('user/alice');
    expect(shortName('arn:aws-cn:iam::111122223333:role/x')).toBe('role/x');
    expect(shortName('arn:aws-us-gov:sts::111122223333:assumed-role/x/s')).toBe('assumed-role/x/s');
    expect(shortName('arn:aws:iam::111122223333:root')).toBe('account 111122223333');
    expect(shortName('arn:aws:s3:::b')).toBe('arn:aws:s3:::b');
  });
  it('a bare account id in a trust policy names the account in the caller\'s partition (aws-cn)', () => {
    const trust = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }] }, { id: 't', name: 't', type: 'trust' });
    const allowAssume = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }, { id: 'i', name: 'i', type: 'identity' });
    const d = evaluate({
      action: 'sts:AssumeRole', resource: 'arn:aws-cn:iam::111122223333:role/target', resourceAccount: '111122223333',
      caller: { type: 'IAMUser', arn: 'arn:aws-cn:iam::111122223333:user/u', accountId: '111122223333' },
      context: makeContext({}, 'closed'), identityPolicies: [allowAssume], resourcePolicy: trust, resourcePolicyKind: 'trust',
    });
    expect(d.decision).toBe('allowed');
  });
});

describe('isIamArn / isArn: the shape readers accept', () => {
  it('accepts IAM ARNs of the kind, with paths and partitions', () => {
    expect(isIamArn('arn:aws:iam::111122223333:user/x', 'user')).toBe(true);
    expect(isIamArn('arn:aws-us-gov:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_a_1', 'role')).toBe(true);
    expect(isIamArn('arn:aws:iam::aws:policy/AdministratorAccess', 'policy')).toBe(true);
  });

  it('refuses other kinds, foreign prefixes, line breaks, aws-owned principals and overlong values', () => {
    expect(isIamArn('arn:aws:iam::111122223333:role/x', 'user')).toBe(false);
    expect(isIamArn('=1+1:a:b:c:111122223333:user/x', 'user')).toBe(false);
    expect(isIamArn('arn:aws:iam::111122223333:user/a\nb', 'user')).toBe(false);
    expect(isIamArn('arn:aws:iam::aws:user/x', 'user')).toBe(false);
    expect(isIamArn(`arn:aws:iam::111122223333:user${'/a'.repeat(100_000)}`, 'user')).toBe(false);
    expect(isIamArn('arn:aws:iam::111122223333:user/a\u2028b', 'user')).toBe(false);
  });

  it('isArn wants a partition, a service and no control characters', () => {
    expect(isArn('arn:aws:s3:::bucket/key with space')).toBe(true);
    expect(isArn('arn:aws:sqs:eu-west-1:111122223333:q')).toBe(true);
    expect(isArn('arn:aws:s3:::b\u0000')).toBe(false);
    expect(isArn('arn:aws:s3:1:b')).toBe(false);
  });
});
