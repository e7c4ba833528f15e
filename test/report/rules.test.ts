/**
 * The findings rules, each pinned on real-shaped fixtures through the real pipeline, with a case
 * that must NOT be reported beside each one that must.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/report/types.ts';
import { example, fixture, reportFor } from './helpers.ts';

const A = '123456789012';
const role = (name: string, account = A) => `arn:aws:iam::${account}:role/${name}`;
const user = (name: string, account = A) => `arn:aws:iam::${account}:user/${name}`;
const of = (report: Report, rule: string): Finding[] => report.findings.filter((f) => f.rule === rule);
const subjects = (report: Report, rule: string): string[] => of(report, rule).map((f) => f.subject).sort();

let trusts: Report;
let chains: Report;
let company: Report;

beforeAll(async () => {
  trusts = await reportFor([fixture('risky-trusts.yaml')]);
  chains = await reportFor([fixture('chains.yaml'), fixture('credential-report.csv')]);
  company = await reportFor([example('company.yaml')]);
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html (Principal "*" = anyone)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
describe('trust-any-principal: Principal "*" in a trust policy (IAM User Guide, "AWS JSON policy elements: Principal")', () => {
  it('a trust of "*" with no condition is critical, and cites the trust statement with its location', () => {
    const f = of(trusts, 'trust-any-principal').find((x) => x.subject === role('OpenToEveryone'))!;
    expect(f.severity).toBe('critical');
    expect(f.evidence[0]).toMatchObject({ policyType: 'trust', statement: 0, sid: 'Anyone' });
    expect(f.locations[0]).toMatchObject({ file: fixture('risky-trusts.yaml'), pointer: '/accounts/0/roles/0/trust/Statement/0' });
    expect(f.locations[0].line).toBeGreaterThan(1);
  });
  it('pinned aws:PrincipalOrgID limits who the caller is: low; a condition that does not pin the caller: high', () => {
    const bySubject = new Map(of(trusts, 'trust-any-principal').map((f) => [f.subject, f.severity]));
    expect(bySubject.get(role('OpenToOrgOnly'))).toBe('low');
    expect(bySubject.get(role('OpenToEveryoneWithMfa'))).toBe('high');
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html (sts:ExternalId, confused deputy)
describe('trust-external-account: whole outside account without sts:ExternalId (IAM User Guide, "Access to AWS accounts owned by third parties")', () => {
  it('an account root outside the organization without an external ID or org condition is reported', () => {
    expect(subjects(trusts, 'trust-external-account')).toEqual([role('VendorWithoutExternalId')]);
  });
  it('the same account with a pinned sts:ExternalId is not', () => {
    expect(subjects(trusts, 'trust-external-account')).not.toContain(role('VendorWithExternalId'));
  });
});

describe('trust-unknown-account: accounts neither analysed, in the organization nor declared known', () => {
  it('both trusts of 999988887777 name an unknown account', () => {
    expect(subjects(trusts, 'trust-unknown-account')).toEqual([role('VendorWithExternalId'), role('VendorWithoutExternalId')]);
  });
  it('--known-account makes it a known partner: no unknown-account finding, the external-ID finding stays', async () => {
    const known = await reportFor([fixture('risky-trusts.yaml')], { knownAccounts: ['999988887777'] });
    expect(of(known, 'trust-unknown-account')).toEqual([]);
    expect(of(known, 'trust-external-account')[0].facts).toMatchObject({ account: '999988887777', relation: 'known' });
  });
  it('accounts of the analysed set are never unknown (examples/cross-account: dev trusts prod and back)', async () => {
    const cross = await reportFor([example('cross-account/dev.yaml'), example('cross-account/prod.yaml'), example('cross-account/organization.yaml')]);
    expect(of(cross, 'trust-unknown-account')).toEqual([]);
    expect(of(cross, 'trust-external-account')).toEqual([]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html (GitHub: evaluate token.actions.githubusercontent.com:sub)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html (SAML:aud)
describe('federated-trust-unscoped: OIDC/SAML trusts must pin audience and, for GitHub, subject (IAM User Guide, "Create a role for OIDC federation")', () => {
  it('GitHub OIDC with aud but no sub is critical; a sub of "repo:*" counts as no sub', () => {
    const found = of(trusts, 'federated-trust-unscoped');
    const github = found.filter((f) => f.facts.kind === 'oidc').map((f) => [f.subject, f.severity]);
    expect(github).toEqual([[role('GithubDeployAnyRepo'), 'critical'], [role('GithubDeployWithoutSub'), 'critical']]);
    expect(found.find((f) => f.subject === role('GithubDeployWithoutSub'))!.facts.missing).toEqual(['token.actions.githubusercontent.com:sub']);
  });
  it('GitHub OIDC with aud and a repository-scoped sub is not reported', () => {
    expect(subjects(trusts, 'federated-trust-unscoped')).not.toContain(role('GithubDeployScoped'));
  });
  it('SAML without SAML:aud is reported (medium); with it, not', () => {
    const saml = of(trusts, 'federated-trust-unscoped').filter((f) => f.facts.kind === 'saml');
    expect(saml.map((f) => [f.subject, f.severity])).toEqual([[role('SamlWithoutAudience'), 'medium']]);
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
describe('resource-public and resource-outside-org (Amazon S3 User Guide, "The meaning of public")', () => {
  it('Principal "*" without a pinning condition is public; with a fixed aws:SourceVpce it is not', () => {
    expect(subjects(trusts, 'resource-public')).toEqual(['arn:aws:s3:::public-website']);
    expect(of(trusts, 'resource-public')[0]).toMatchObject({ severity: 'critical', facts: { actions: ['s3:GetObject'] } });
  });
  it('a grant to a role of an unknown account is outside the organization; one limited by aws:PrincipalOrgID is not', () => {
    const found = of(trusts, 'resource-outside-org');
    expect(found.map((f) => f.facts.principal)).toEqual(['arn:aws:iam::444455556666:role/sender']);
    expect(found[0].evidence[0].sid).toBe('PartnerSends');
  });
  it('examples/company.yaml: the artifacts bucket grants to partner account 444455556666', () => {
    expect(of(company, 'resource-outside-org').map((f) => [f.subject, f.facts.account])).toEqual([['arn:aws:s3:::company-a-artifacts', '444455556666']]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#enable-mfa-for-privileged-users
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html (mfa_active column)
describe('admins and admins without MFA (IAM User Guide, "Security best practices": MFA for privileged users)', () => {
  const B = '210987654321';
  it('admins are listed as direct or via their group', () => {
    const admins = new Map(of(chains, 'admin-principal').map((f) => [f.subject, f.facts.via]));
    expect(admins.get(user('lone-admin', B))).toBe('direct');
    expect(admins.get(user('ops-admin', B))).toBe('group');
    expect(of(chains, 'admin-principal').find((f) => f.subject === user('ops-admin', B))!.facts.groups).toEqual([`arn:aws:iam::${B}:group/Admins`]);
  });
  it('the credential report says ops-admin has no MFA and a console password: high; lone-admin has MFA: nothing', () => {
    expect(of(chains, 'admin-without-mfa').map((f) => [f.subject, f.severity])).toEqual([[user('ops-admin', B), 'high']]);
  });
  it('without a credential report nothing is said about MFA', () => {
    expect(of(company, 'admin-without-mfa')).toEqual([]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html (rotate access keys)
describe('stale-credentials-admin-reach: old or unused keys on principals that reach admin (IAM User Guide, "Manage access keys")', () => {
  const B = '210987654321';
  it('ages count to the newest date of the credential report, not to the wall clock', () => {
    const f = of(chains, 'stale-credentials-admin-reach');
    expect(f.map((x) => x.subject)).toEqual([user('hopper', B), user('ops-admin', B)]);
    // lone-admin's password use, the newest user date (the root row is not a user)
    expect(f[0].facts.asOf).toBe('2026-11-20T08:00:00.000Z');
  });
  it('hopper (can escalate) has a key rotated 202 days ago and never used; ops-admin a key not rotated for 683 days', () => {
    const byUser = new Map(of(chains, 'stale-credentials-admin-reach').map((f) => [f.subject, f.facts.reasons]));
    expect(byUser.get(user('hopper', B))).toEqual(['access key 1 not rotated for 202 days', 'access key 1 never used']);
    expect(byUser.get(user('ops-admin', B))).toEqual(['access key 1 not rotated for 683 days']);
  });
  it('a longer --stale-days threshold keeps only what is older', async () => {
    const lenient = await reportFor([fixture('chains.yaml'), fixture('credential-report.csv')], { staleDays: 365 });
    expect(subjects(lenient, 'stale-credentials-admin-reach')).toEqual([user('ops-admin', B)]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
describe('long-role-chain and assume-role-cycle (IAM User Guide, "Roles terms and concepts": role chaining)', () => {
  const B = '210987654321';
  it('hopper reaches Hop4 only through 4 assumptions: reported over a limit of 3, with the chain as its path', () => {
    const f = of(chains, 'long-role-chain');
    expect(f.map((x) => x.subject)).toEqual([user('hopper', B)]);
    expect(f[0].facts).toMatchObject({ roles: [role('Hop4', B)], longestChain: 4, reachesAdmin: true });
    expect(f[0].paths[0].hops.map((h) => h.to)).toEqual(['Hop1', 'Hop2', 'Hop3', 'Hop4'].map((n) => role(n, B)));
  });
  it('a limit of 4 reports nothing', async () => {
    const deeper = await reportFor([fixture('chains.yaml')], { maxChainDepth: 4 });
    expect(of(deeper, 'long-role-chain')).toEqual([]);
  });
  it('Ping and Pong can assume each other: one cycle finding, its path going round', () => {
    const f = of(chains, 'assume-role-cycle');
    expect(f.map((x) => x.facts.members)).toEqual([[role('Ping', B), role('Pong', B)]]);
    expect(f[0].paths[0].hops.map((h) => [h.from, h.to])).toEqual([[role('Ping', B), role('Pong', B)], [role('Pong', B), role('Ping', B)]]);
  });
});

describe('privesc-to-admin and passable-admin-service-role (examples/company.yaml)', () => {
  const C = '111122223333';
  it('every principal privesc finds is a finding, with all its paths; severity by best path', () => {
    const f = new Map(of(company, 'privesc-to-admin').map((x) => [x.subject, x]));
    expect(f.get(user('dev1-infra-choi', C))).toMatchObject({ severity: 'critical', facts: { shortestHops: 1 } });
    // only through replacing an existing function's code: conditional on something the input cannot show
    expect(f.get(user('dev1-be-lee', C))?.severity).toBe('medium');
    expect(f.get(user('dev2-be-kang', C))?.paths.length).toBe(2);
    expect(f.has(user('cloud-admin', C))).toBe(false);
  });
  it('unconditional paths longer than two hops are high, not critical (chains fixture)', () => {
    expect(of(chains, 'privesc-to-admin').find((x) => x.subject === user('hopper', '210987654321'))?.severity).toBe('high');
  });
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
  it('lambda-admin-ops is an admin service role dev2-be-kang can pass (BackendDeployLambda PassFunctionRoles)', () => {
    const f = of(company, 'passable-admin-service-role');
    expect(f.map((x) => [x.subject, x.facts.passers])).toEqual([[role('service-role/lambda-admin-ops', C), [user('dev2-be-kang', C)]]]);
    expect(f[0].paths[0].hops[0].evidence.map((e) => e.sid)).toContain('PassFunctionRoles');
  });
});
