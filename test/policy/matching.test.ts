/**
 * Action, resource and principal matching.
 */
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/policy/index.ts';
import type { CallerInfo } from '../../src/policy/index.ts';
import { A, B, closed, open, role, session, user } from './helpers.ts';

const statement = (s: Record<string, unknown>, version = '2012-10-17') =>
  compilePolicy({ Version: version, Statement: [{ Effect: 'Allow', ...s }] }, { id: 'p', type: 'resource' }).statements[0];

describe('Action (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html)', () => {
  it('matches case-insensitively ("Action names are not case-sensitive")', () => {
    const s = statement({ Action: 'S3:getobject', Resource: '*' });
    expect(s.matchesAction('s3:GetObject')).toBe(true);
    expect(s.matchesAction('s3:PutObject')).toBe(false);
  });
  it('supports * and ? wildcards', () => {
    expect(statement({ Action: 'iam:*AccessKey*', Resource: '*' }).matchesAction('iam:CreateAccessKey')).toBe(true);
    expect(statement({ Action: 'ec2:Describe?nstances', Resource: '*' }).matchesAction('ec2:DescribeInstances')).toBe(true);
    expect(statement({ Action: 'ec2:Describe?nstances', Resource: '*' }).matchesAction('ec2:DescribeXXnstances')).toBe(false);
    expect(statement({ Action: '*', Resource: '*' }).matchesAction('anything:AtAll')).toBe(true);
  });
  it('NotAction matches every action except those listed (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html)', () => {
    const s = statement({ NotAction: 'iam:*', Resource: '*' });
    expect(s.matchesAction('iam:CreateUser')).toBe(false);
    expect(s.matchesAction('s3:GetObject')).toBe(true);
  });
});

describe('Resource (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html)', () => {
  const r = (pattern: string | string[], resource: string) => statement({ Action: '*', Resource: pattern }).matchesResource(resource, closed());
  it('is case-sensitive ("the IAM user name is case sensitive")', () => {
    expect(r(`arn:aws:iam::${A}:user/Bob`, `arn:aws:iam::${A}:user/Bob`)).toBe('true');
    expect(r(`arn:aws:iam::${A}:user/Bob`, `arn:aws:iam::${A}:user/bob`)).toBe('false');
  });
  it('paths: all users under /accounting/', () => {
    expect(r(`arn:aws:iam::${A}:user/accounting/*`, `arn:aws:iam::${A}:user/accounting/alice`)).toBe('true');
    expect(r(`arn:aws:iam::${A}:user/accounting/*`, `arn:aws:iam::${A}:user/sales/alice`)).toBe('false');
  });
  it('a * inside a segment does not cross colons; ? is one character', () => {
    expect(r('arn:aws:sqs:us-*-1:*:queue', 'arn:aws:sqs:us-east-1:111122223333:queue')).toBe('true');
    expect(r('arn:aws:sqs:us-*-1:*:queue', 'arn:aws:sqs:us-east:x-1:111122223333:queue')).toBe('false');
    expect(r('arn:aws:s3:::bucket-?', 'arn:aws:s3:::bucket-a')).toBe('true');
    expect(r('arn:aws:s3:::bucket-?', 'arn:aws:s3:::bucket-ab')).toBe('false');
  });
  it('a * that ends a segment can expand beyond the colon boundaries', () => {
    expect(r('arn:aws:logs:us-east-1:*', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/x:*')).toBe('true');
    expect(r('arn:aws:*', 'arn:aws:s3:::bucket/key')).toBe('true');
  });
  it('the resource part may contain : and /', () => {
    expect(r('arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/*', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn:log-stream:x')).toBe('true');
  });
  it('NotResource matches everything except the listed resources (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html)', () => {
    const s = statement({ Action: '*', NotResource: 'arn:aws:s3:::secret/*' });
    expect(s.matchesResource('arn:aws:s3:::secret/x', closed())).toBe('false');
    expect(s.matchesResource('arn:aws:s3:::public/x', closed())).toBe('true');
  });
  it('policy variables in Resource: a missing variable does not match; unknown in open mode', () => {
    const s = statement({ Action: '*', Resource: 'arn:aws:s3:::home/${aws:username}/*' });
    expect(s.matchesResource('arn:aws:s3:::home/alice/a', closed({ 'aws:username': 'alice' }))).toBe('true');
    expect(s.matchesResource('arn:aws:s3:::home/alice/a', closed({ 'aws:username': 'bob' }))).toBe('false');
    expect(s.matchesResource('arn:aws:s3:::home/alice/a', closed())).toBe('false');
    expect(s.matchesResource('arn:aws:s3:::home/alice/a', open())).toBe('unknown');
  });
});

describe('Principal (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)', () => {
  const p = (principal: unknown, caller: CallerInfo) => statement({ Action: '*', Principal: principal }).matchesPrincipal(caller);
  const service: CallerInfo = { type: 'AWSService', arn: 'lambda.amazonaws.com' };
  const anonymous: CallerInfo = { type: 'Anonymous', arn: '*' };
  it('a bare account id is the same as arn:aws:iam::ID:root and stands for every principal of the account', () => {
    for (const value of [A, `arn:aws:iam::${A}:root`]) {
      expect(p({ AWS: value }, user('alice'))).toBe('true');
      expect(p({ AWS: value }, role('Deploy'))).toBe('true');
      expect(p({ AWS: value }, session('Deploy', 's1'))).toBe('true');
      expect(p({ AWS: value }, user('alice', B))).toBe('false');
    }
  });
  it('a role ARN matches the role and its sessions; a session ARN matches only that session', () => {
    expect(p({ AWS: `arn:aws:iam::${A}:role/Deploy` }, session('Deploy', 's1'))).toBe('true');
    expect(p({ AWS: `arn:aws:iam::${A}:role/Deploy` }, session('Other', 's1'))).toBe('false');
    expect(p({ AWS: `arn:aws:sts::${A}:assumed-role/Deploy/s1` }, session('Deploy', 's1'))).toBe('true');
    expect(p({ AWS: `arn:aws:sts::${A}:assumed-role/Deploy/s1` }, session('Deploy', 's2'))).toBe('false');
  });
  it('an IAM user ARN matches that user only', () => {
    expect(p({ AWS: `arn:aws:iam::${A}:user/alice` }, user('alice'))).toBe('true');
    expect(p({ AWS: `arn:aws:iam::${A}:user/alice` }, user('bob'))).toBe('false');
  });
  it('"*" and {"AWS": "*"} match everyone, anonymous included', () => {
    expect(p('*', anonymous)).toBe('true');
    expect(p({ AWS: '*' }, anonymous)).toBe('true');
    expect(p({ AWS: '*' }, user('x', B))).toBe('true');
  });
  it('wildcards inside a principal ARN are not supported: they match nothing', () => {
    expect(p({ AWS: `arn:aws:iam::${A}:user/*` }, user('alice'))).toBe('false');
  });
  it('unique ids of deleted principals (AIDA…/AROA…) match nothing', () => {
    expect(p({ AWS: 'AROAEXAMPLEID1234567' }, role('Deploy'))).toBe('false');
  });
  it('service principals match the service caller only', () => {
    expect(p({ Service: 'lambda.amazonaws.com' }, service)).toBe('true');
    expect(p({ Service: 'ec2.amazonaws.com' }, service)).toBe('false');
    expect(p({ Service: 'lambda.amazonaws.com' }, user('alice'))).toBe('false');
    expect(p({ AWS: A }, service)).toBe('false');
  });
  it('federated principals match web-identity and SAML callers of that provider', () => {
    const web: CallerInfo = { type: 'WebIdentity', arn: 'web', federatedProvider: 'cognito-identity.amazonaws.com' };
    expect(p({ Federated: 'cognito-identity.amazonaws.com' }, web)).toBe('true');
    expect(p({ Federated: 'accounts.google.com' }, web)).toBe('false');
  });
});

describe('NotPrincipal (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html)', () => {
  const np = (notPrincipal: unknown, caller: CallerInfo) =>
    compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', NotPrincipal: notPrincipal }] }, { id: 'p', type: 'resource' }).statements[0].matchesPrincipal(caller);
  it('applies to every principal except those listed', () => {
    expect(np({ AWS: [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:root`] }, user('alice'))).toBe('false');
    expect(np({ AWS: [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:root`] }, user('bob'))).toBe('true');
  });
  it('listing a user without its account still denies: AWS checks the account first ("specify the account ARN too")', () => {
    expect(np({ AWS: `arn:aws:iam::${A}:user/alice` }, user('alice'))).toBe('true');
  });
  it('an assumed-role session is exempt only when the account, the role and the session are all listed', () => {
    const all = [`arn:aws:iam::${A}:root`, `arn:aws:iam::${A}:role/Deploy`, `arn:aws:sts::${A}:assumed-role/Deploy/s1`];
    expect(np({ AWS: all }, session('Deploy', 's1'))).toBe('false');
    expect(np({ AWS: all.slice(0, 2) }, session('Deploy', 's1'))).toBe('true');
  });
});
