/**
 * The decision logic.
 * Policy evaluation logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * Cross-account: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * Permissions boundaries: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * Session policies: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/policy/index.ts';
import type { CallerInfo, CompiledPolicy, EvaluationRequest } from '../../src/policy/index.ts';
import { A, B, allow, closed, deny, open, policy, session, user } from './helpers.ts';

const bucket = 'arn:aws:s3:::reports/q1.csv';
const alice = user('alice');

function req(overrides: Partial<EvaluationRequest>): EvaluationRequest {
  return { action: 's3:GetObject', resource: bucket, resourceAccount: A, caller: alice, context: closed(), identityPolicies: [], ...overrides };
}
const decide = (overrides: Partial<EvaluationRequest>) => evaluate(req(overrides)).decision;
const rp = (statements: unknown[]) => policy(statements, 'resource');

describe('explicit deny, explicit allow, implicit deny (evaluation logic)', () => {
  it('everything is implicitly denied by default', () => expect(decide({})).toBe('implicitDeny'));
  it('an identity Allow allows', () => expect(decide({ identityPolicies: [policy([allow('s3:GetObject')])] })).toBe('allowed'));
  it('an explicit Deny in any policy overrides any Allow', () => {
    const d = evaluate(req({ identityPolicies: [policy([allow('s3:*')]), policy([deny('s3:GetObject', bucket, { Sid: 'NoReports' })])] }));
    expect(d.decision).toBe('explicitDeny');
    expect(d.deniedBy).toBe('identity');
    expect(d.matched[0].sid).toBe('NoReports');
  });
  it('a Deny in the resource policy wins over an identity Allow', () => {
    expect(decide({ identityPolicies: [policy([allow('s3:*')])], resourcePolicy: rp([deny('s3:*', '*', { Principal: '*' })]) })).toBe('explicitDeny');
  });
});

describe('service control policies: every level root → OU → account must allow', () => {
  const fullAccess = policy([allow('*')], 'scp');
  const onlyS3 = policy([allow('s3:*')], 'scp');
  const denyS3 = policy([deny('s3:GetObject')], 'scp');
  const levels = (...p: CompiledPolicy[][]) => p.map((policies, i) => ({ target: i === 0 ? 'r-root' : i === p.length - 1 ? A : `ou-${i}`, policies }));
  const admin = [policy([allow('*')])];
  it('allowed when every level allows', () => expect(decide({ identityPolicies: admin, scpLevels: levels([fullAccess], [onlyS3], [fullAccess]) })).toBe('allowed'));
  it('the proof names each level an SCP statement allowed from (the same policy applies at several)', () => {
    const d = evaluate(req({ identityPolicies: admin, scpLevels: levels([fullAccess], [onlyS3], [fullAccess]) }));
    expect(d.matched.filter((m) => m.policyType === 'scp').map((m) => m.level)).toEqual(['r-root', 'ou-1', A]);
    expect(d.matched.find((m) => m.policyType === 'identity')?.level).toBeUndefined();
  });
  it('denied when one level lacks an Allow, even if others allow (an OU without the action)', () => {
    const d = evaluate(req({ action: 'ec2:RunInstances', resource: '*', identityPolicies: admin, scpLevels: levels([fullAccess], [onlyS3], [fullAccess]) }));
    expect(d.decision).toBe('implicitDeny');
    expect(d.deniedBy).toBe('scp');
  });
  it('an SCP Deny is an explicit deny', () => expect(decide({ identityPolicies: admin, scpLevels: levels([fullAccess, denyS3]) })).toBe('explicitDeny'));
  it('SCPs do not grant: they only limit', () => expect(decide({ scpLevels: levels([fullAccess]) })).toBe('implicitDeny'));
  it('SCPs restrict the member account\'s root user', () => {
    const root: CallerInfo = { type: 'AccountRoot', arn: `arn:aws:iam::${A}:root`, accountId: A };
    expect(decide({ caller: root })).toBe('allowed');
    expect(decide({ caller: root, scpLevels: levels([denyS3]) })).toBe('explicitDeny');
  });
  it('SCPs do not affect the management account', () => {
    expect(decide({ identityPolicies: admin, scpLevels: levels([denyS3]), managementAccountId: A })).toBe('allowed');
  });
  it('SCPs do not affect service-linked roles', () => {
    const slr: CallerInfo = { ...session('AWSServiceRoleForSupport', 's'), serviceLinkedRole: true };
    expect(decide({ caller: slr, identityPolicies: admin, scpLevels: levels([denyS3]) })).toBe('allowed');
  });
});

describe('resource control policies limit access to the resources of member accounts', () => {
  const rcpDeny = policy([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-123' } } }], 'rcp');
  const rcpAll = policy([{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }], 'rcp');
  it('an RCP Deny stops an external principal even when the bucket policy allows it', () => {
    const external = user('mallory', B);
    const resourcePolicy = rp([allow('s3:GetObject', bucket, { Principal: { AWS: `arn:aws:iam::${B}:user/mallory` } })]);
    const base = { caller: external, identityPolicies: [policy([allow('s3:*')])], resourcePolicy, context: closed({ 'aws:PrincipalOrgID': 'o-other' }) };
    expect(decide(base)).toBe('allowed');
    expect(decide({ ...base, rcpLevels: [{ target: 'r-root', policies: [rcpAll, rcpDeny] }] })).toBe('explicitDeny');
  });
  it('RCPs only apply to the services that support them', () => {
    const ec2 = req({ action: 'ec2:RunInstances', resource: '*', identityPolicies: [policy([allow('*')])], rcpLevels: [{ target: 'r-root', policies: [] }] });
    expect(evaluate(ec2).decision).toBe('allowed');
  });
  it('an RCP level without an Allow denies supported services', () => {
    expect(decide({ identityPolicies: [policy([allow('*')])], rcpLevels: [{ target: 'r-root', policies: [] }] })).toBe('implicitDeny');
  });
});

describe('same account: identity-based OR resource-based policy', () => {
  it('a resource policy alone can allow a principal of the same account', () => {
    expect(decide({ resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: alice.arn } })]) })).toBe('allowed');
  });
  it('a resource policy naming the account only delegates to identity policies', () => {
    expect(decide({ resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: A } })]) })).toBe('implicitDeny');
  });
  it('a resource policy naming another principal does not help', () => {
    expect(decide({ resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: user('bob').arn } })]) })).toBe('implicitDeny');
  });
});

describe('cross-account: the identity policy AND the resource policy must allow', () => {
  const external = user('carol', B);
  const trustB = rp([allow('s3:GetObject', bucket, { Principal: { AWS: B } })]);
  it('both allow → allowed', () => expect(decide({ caller: external, identityPolicies: [policy([allow('s3:GetObject')])], resourcePolicy: trustB })).toBe('allowed'));
  it('only the resource policy → denied (identity)', () => {
    const d = evaluate(req({ caller: external, resourcePolicy: trustB }));
    expect([d.decision, d.deniedBy]).toEqual(['implicitDeny', 'identity']);
  });
  it('only the identity policy → denied (resource)', () => {
    const d = evaluate(req({ caller: external, identityPolicies: [policy([allow('s3:GetObject')])] }));
    expect([d.decision, d.deniedBy]).toEqual(['implicitDeny', 'resource']);
  });
});

describe('permissions boundaries intersect with identity policies', () => {
  const boundaryS3 = policy([allow('s3:*')], 'boundary');
  it('allowed only where both identity policy and boundary allow', () => {
    expect(decide({ identityPolicies: [policy([allow('*')])], boundaryPolicies: [boundaryS3] })).toBe('allowed');
    const d = evaluate(req({ action: 'iam:CreateUser', resource: '*', identityPolicies: [policy([allow('*')])], boundaryPolicies: [boundaryS3] }));
    expect([d.decision, d.deniedBy]).toEqual(['implicitDeny', 'boundary']);
  });
  it('a boundary alone grants nothing', () => expect(decide({ boundaryPolicies: [boundaryS3] })).toBe('implicitDeny'));
  const iamBoundary = policy([allow('iam:*')], 'boundary');
  it('a resource policy naming the IAM user ARN is not limited by the boundary (same account)', () => {
    expect(decide({ boundaryPolicies: [iamBoundary], resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: alice.arn } })]) })).toBe('allowed');
  });
  it('a resource policy naming the role ARN is limited by the boundary of its session', () => {
    const s = session('Reader', 'x');
    const resourcePolicy = rp([allow('s3:GetObject', bucket, { Principal: { AWS: s.issuerArn } })]);
    expect(decide({ caller: s, resourcePolicy })).toBe('allowed');
    expect(decide({ caller: s, boundaryPolicies: [iamBoundary], resourcePolicy })).toBe('implicitDeny');
  });
  it('a resource policy naming the role session ARN is not limited by the boundary', () => {
    const s = session('Reader', 'x');
    expect(decide({ caller: s, boundaryPolicies: [iamBoundary], resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: s.arn } })]) })).toBe('allowed');
  });
  it('an explicit Deny in a boundary denies', () => {
    expect(decide({ identityPolicies: [policy([allow('*')])], boundaryPolicies: [policy([allow('*'), deny('s3:GetObject')], 'boundary')] })).toBe('explicitDeny');
  });
  it('a resource-policy Deny with NotPrincipal always denies a principal that has a boundary (NotPrincipal key points)', () => {
    const resourcePolicy = rp([deny('s3:*', '*', { NotPrincipal: { AWS: [alice.arn, `arn:aws:iam::${A}:root`] } })]);
    const base = { identityPolicies: [policy([allow('s3:*')])], resourcePolicy };
    expect(decide(base)).toBe('allowed');
    expect(decide({ ...base, boundaryPolicies: [policy([allow('s3:*')], 'boundary')] })).toBe('explicitDeny');
  });
});

describe('session policies intersect with the role\'s identity policies', () => {
  const s = session('Dev', 'x');
  const sessionS3 = policy([allow('s3:GetObject')], 'session');
  it('allowed only where both allow', () => {
    expect(decide({ caller: s, identityPolicies: [policy([allow('*')])], sessionPolicies: [sessionS3] })).toBe('allowed');
    const d = evaluate(req({ caller: s, action: 's3:PutObject', identityPolicies: [policy([allow('*')])], sessionPolicies: [sessionS3] }));
    expect([d.decision, d.deniedBy]).toEqual(['implicitDeny', 'session']);
  });
  it('a resource policy naming the session ARN is not limited by the session policy; naming the role ARN is', () => {
    const denyAll = policy([allow('iam:GetUser')], 'session');
    expect(decide({ caller: s, sessionPolicies: [denyAll], resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: s.arn } })]) })).toBe('allowed');
    expect(decide({ caller: s, sessionPolicies: [denyAll], resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: s.issuerArn } })]) })).toBe('implicitDeny');
  });
});

describe('a resource policy granting Principal "*" within the account (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html: "Within an account, permissions boundaries do not reduce the permissions granted by resource-based policies"; https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html)', () => {
  const iamBoundary = policy([allow('iam:*')], 'boundary');
  const iamSession = policy([allow('iam:GetUser')], 'session');
  const s = session('Reader', 'x');
  const fed: CallerInfo = { type: 'FederatedUserSession', arn: `arn:aws:sts::${A}:federated-user/bob-session`, accountId: A, issuerArn: alice.arn };
  const everyone = [rp([allow('s3:GetObject', bucket, { Principal: '*' })]), rp([allow('s3:GetObject', bucket, { Principal: { AWS: '*' } })])];
  it.each(everyone.map((p, i) => [i === 0 ? '"*"' : '{"AWS": "*"}', p] as const))('%s: an IAM user with a boundary that does not allow it is allowed', (_name, resourcePolicy) => {
    expect(decide({ boundaryPolicies: [iamBoundary], resourcePolicy })).toBe('allowed');
  });
  it.each(everyone.map((p, i) => [i === 0 ? '"*"' : '{"AWS": "*"}', p] as const))('%s: a role session is allowed despite its boundary and its session policy (the grant reaches the session itself)', (_name, resourcePolicy) => {
    expect(decide({ caller: s, boundaryPolicies: [iamBoundary], resourcePolicy })).toBe('allowed');
    expect(decide({ caller: s, sessionPolicies: [iamSession], resourcePolicy })).toBe('allowed');
    expect(decide({ caller: s, boundaryPolicies: [iamBoundary], sessionPolicies: [iamSession], resourcePolicy })).toBe('allowed');
  });
  it.each(everyone.map((p, i) => [i === 0 ? '"*"' : '{"AWS": "*"}', p] as const))('%s: a federated user session (GetFederationToken) without a session policy gets nothing: "*" does not specifically name the session', (_name, resourcePolicy) => {
    const d = evaluate(req({ caller: fed, resourcePolicy }));
    expect([d.decision, d.deniedBy]).toEqual(['implicitDeny', 'session']);
    expect(decide({ caller: fed, resourcePolicy, sessionPolicies: [policy([allow('s3:GetObject')], 'session')] })).toBe('allowed');
  });
  it('an explicit Deny in the boundary still wins over the "*" grant', () => {
    expect(decide({ boundaryPolicies: [policy([allow('*'), deny('s3:GetObject')], 'boundary')], resourcePolicy: everyone[0] })).toBe('explicitDeny');
  });
  it('cross-account, the "*" grant still needs the caller\'s identity policy, boundary and session policy', () => {
    const other = session('Reader', 'x', B);
    expect(decide({ caller: other, resourceAccount: A, resourcePolicy: everyone[0] })).toBe('implicitDeny');
    expect(decide({ caller: other, resourceAccount: A, identityPolicies: [policy([allow('s3:*')])], boundaryPolicies: [iamBoundary], resourcePolicy: everyone[0] })).toBe('implicitDeny');
    expect(decide({ caller: other, resourceAccount: A, identityPolicies: [policy([allow('s3:*')])], resourcePolicy: everyone[0] })).toBe('allowed');
  });
});

describe('role trust policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html)', () => {
  const target = `arn:aws:iam::${A}:role/EC2FullAccessRole`;
  const assume = (caller: CallerInfo, trustPrincipal: unknown, identityPolicies: CompiledPolicy[] = []) =>
    decide({ action: 'sts:AssumeRole', resource: target, resourceAccount: A, caller, identityPolicies, resourcePolicyKind: 'trust', resourcePolicy: policy([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: trustPrincipal }], 'trust') });
  const canAssume = [policy([allow('sts:AssumeRole', target)])];
  it('same account: a trust policy naming the user\'s ARN suffices, no identity permission needed', () => {
    expect(assume(alice, { AWS: alice.arn })).toBe('allowed');
  });
  it('same account: a trust naming the account root needs an identity Allow of sts:AssumeRole', () => {
    expect(assume(alice, { AWS: `arn:aws:iam::${A}:root` })).toBe('implicitDeny');
    expect(assume(alice, { AWS: `arn:aws:iam::${A}:root` }, canAssume)).toBe('allowed');
  });
  it('identity permission without the trust naming the caller is not enough', () => {
    expect(assume(alice, { AWS: user('bob').arn }, canAssume)).toBe('implicitDeny');
  });
  it('role chaining: a trust naming the first role ARN admits its sessions', () => {
    expect(assume(session('Lambda', 'fn'), { AWS: `arn:aws:iam::${A}:role/Lambda` })).toBe('allowed');
  });
  it('cross-account always needs both the trust and the identity policy', () => {
    const bob = user('bob', B);
    expect(assume(bob, { AWS: bob.arn })).toBe('implicitDeny');
    expect(assume(bob, { AWS: bob.arn }, canAssume)).toBe('allowed');
    expect(assume(bob, { AWS: B }, canAssume)).toBe('allowed');
  });
  it('service principals assume roles that trust the service', () => {
    const ec2: CallerInfo = { type: 'AWSService', arn: 'ec2.amazonaws.com' };
    expect(assume(ec2, { Service: 'ec2.amazonaws.com' })).toBe('allowed');
    expect(assume(ec2, { Service: 'lambda.amazonaws.com' })).toBe('implicitDeny');
  });
});

describe('KMS key policies (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html)', () => {
  const key = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const kms = (keyPolicy: unknown[], identityPolicies: CompiledPolicy[] = [], caller = alice) =>
    decide({ action: 'kms:Decrypt', resource: key, caller, identityPolicies, resourcePolicyKind: 'kms-key', resourcePolicy: policy(keyPolicy, 'resource') });
  const identityDecrypt = [policy([allow('kms:Decrypt')])];
  it('an identity policy alone is not enough: the key policy must allow', () => {
    expect(kms([allow('kms:*', '*', { Principal: { AWS: user('admin').arn } })], identityDecrypt)).toBe('implicitDeny');
  });
  it('a key policy giving the account root access lets IAM policies grant', () => {
    expect(kms([allow('kms:*', '*', { Principal: { AWS: `arn:aws:iam::${A}:root` } })], identityDecrypt)).toBe('allowed');
    expect(kms([allow('kms:*', '*', { Principal: { AWS: `arn:aws:iam::${A}:root` } })])).toBe('implicitDeny');
  });
  it('a key policy naming the user grants directly', () => expect(kms([allow('kms:Decrypt', '*', { Principal: { AWS: alice.arn } })])).toBe('allowed'));
});

describe('anonymous callers and public resource policies', () => {
  const anonymous: CallerInfo = { type: 'Anonymous', arn: '*' };
  it('only a resource policy with Principal "*" grants anonymous access', () => {
    expect(decide({ caller: anonymous, resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: '*' })]) })).toBe('allowed');
    expect(decide({ caller: anonymous, resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: A } })]) })).toBe('implicitDeny');
    expect(decide({ caller: anonymous })).toBe('implicitDeny');
  });
});

describe('three-valued analysis (open mode)', () => {
  const mfaAllow = policy([allow('s3:GetObject', '*', { Sid: 'NeedsMfa', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })]);
  it('an Allow that depends on an unknown key is a conditional allow with its residual condition', () => {
    const d = evaluate(req({ identityPolicies: [mfaAllow], context: open() }));
    expect(d.decision).toBe('allowed');
    expect(d.conditional).toBe(true);
    expect(d.residual).toEqual([{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'], mustNotHold: false, statement: expect.objectContaining({ sid: 'NeedsMfa', policyType: 'identity' }) }]);
  });
  it('fixing the key decides it', () => {
    expect(evaluate(req({ identityPolicies: [mfaAllow], context: open({ 'aws:MultiFactorAuthPresent': 'true' }) })).conditional).toBe(false);
    expect(evaluate(req({ identityPolicies: [mfaAllow], context: open({ 'aws:MultiFactorAuthPresent': 'false' }) })).decision).toBe('implicitDeny');
  });
  it('a Deny that depends on an unknown key makes an allow conditional on the condition NOT holding', () => {
    const d = evaluate(req({ identityPolicies: [policy([allow('s3:*'), deny('s3:*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })])], context: open() }));
    expect([d.decision, d.conditional]).toEqual(['allowed', true]);
    expect(d.residual[0]).toMatchObject({ operator: 'NotIpAddress', mustNotHold: true });
  });
  it('an unconditional Deny is never conditional', () => {
    const d = evaluate(req({ identityPolicies: [mfaAllow, policy([deny('s3:*')])], context: open() }));
    expect([d.decision, d.conditional]).toEqual(['explicitDeny', false]);
  });
  it('residual Allow conditions are only those that can change the outcome: with an unconditional identity Allow, a conditional role grant in the resource policy is moot but the boundary\'s condition must hold', () => {
    const boundary = policy([allow('s3:*', '*', { Sid: 'Vpn', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })], 'boundary');
    const roleGrant = rp([allow('s3:GetObject', bucket, { Sid: 'Tagged', Principal: { AWS: `arn:aws:iam::${A}:role/Dev` }, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } })]);
    const d = evaluate(req({ caller: session('Dev', 's'), identityPolicies: [policy([allow('s3:GetObject')])], boundaryPolicies: [boundary], resourcePolicy: roleGrant, context: open() }));
    expect([d.decision, d.conditional]).toEqual(['allowed', true]);
    expect(d.residual.map((r) => r.statement.sid)).toEqual(['Vpn']);
  });
  it('closed mode never guesses: the absent key is absent', () => {
    const d = evaluate(req({ identityPolicies: [mfaAllow], context: closed() }));
    expect([d.decision, d.conditional, d.missingContextValues]).toEqual(['implicitDeny', false, ['aws:MultiFactorAuthPresent']]);
  });
});

describe('explanations', () => {
  it('list the deciding statements and the layers consulted', () => {
    const d = evaluate(req({ identityPolicies: [policy([allow('s3:GetObject', '*', { Sid: 'Read' })])], explain: true }));
    expect(d.matched).toEqual([expect.objectContaining({ sid: 'Read', policyType: 'identity', statement: 0, effect: 'Allow' })]);
    expect(d.explanation.join('\n')).toMatch(/identity policies: Allow: identity identity-\d+ #0 "Read"/);
  });
});

describe('federated user sessions (GetFederationToken) and resource policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html, Session policies: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session)', () => {
  const fed: CallerInfo = { type: 'FederatedUserSession', arn: `arn:aws:sts::${A}:federated-user/bob-session`, accountId: A, issuerArn: alice.arn };
  const sessionAllowsGet = policy([allow('s3:GetObject')], 'session');
  const sessionPolicy = policy([allow('iam:GetUser')], 'session');
  it('a resource policy naming the IAM user that federated grants, limited by an implicit deny in the session policy', () => {
    const resourcePolicy = rp([allow('s3:GetObject', bucket, { Principal: { AWS: alice.arn } })]);
    expect(decide({ caller: fed, resourcePolicy, sessionPolicies: [sessionAllowsGet] })).toBe('allowed');
    const d = evaluate(req({ caller: fed, resourcePolicy, sessionPolicies: [sessionPolicy] }));
    expect([d.decision, d.deniedBy]).toEqual(['implicitDeny', 'session']);
  });
  it('without a session policy a federated user session gets nothing from identity policies ("Otherwise, the request is implicitly denied")', () => {
    const d = evaluate(req({ caller: fed, identityPolicies: [policy([allow('s3:*')])] }));
    expect([d.decision, d.deniedBy]).toEqual(['implicitDeny', 'session']);
    expect(decide({ caller: fed, identityPolicies: [policy([allow('s3:*')])], sessionPolicies: [sessionAllowsGet] })).toBe('allowed');
    expect(decide({ caller: fed, resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: alice.arn } })]) })).toBe('implicitDeny');
  });
  it('a resource policy naming the federated user session ARN is not limited by the session policy', () => {
    expect(decide({ caller: fed, sessionPolicies: [sessionPolicy], resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: fed.arn } })]) })).toBe('allowed');
    expect(decide({ caller: fed, resourcePolicy: rp([allow('s3:GetObject', bucket, { Principal: { AWS: fed.arn } })]) })).toBe('allowed');
  });
  it('a role session without a session policy keeps its role\'s permissions', () => {
    expect(decide({ caller: session('Dev', 'x'), identityPolicies: [policy([allow('s3:*')])] })).toBe('allowed');
  });
});
