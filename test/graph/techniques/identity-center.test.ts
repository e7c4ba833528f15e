/**
 * IAM Identity Center escalations: changing or assigning a permission set changes the
 * `AWSReservedSSO_…` roles it makes in every account, and the directory users assigned to them
 * reach the new rights. IAM Identity Center API Reference: CreateAccountAssignment ("the specified
 * permission set will automatically be provisioned to the account"), PutInlinePolicyToPermissionSet
 * and ProvisionPermissionSet ("the corresponding IAM policies attached to roles in your accounts
 * will not be updated automatically … you must call ProvisionPermissionSet"); Service Authorization
 * Reference, "Actions defined by AWS IAM Identity Center" (Instance, PermissionSet, Account resources).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../../ingest/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { findPaths } from '../../../src/analysis/index.ts';
import { buildGraph } from '../../../src/graph/index.ts';
import { allow, doc, gaadDocument, type RoleSpec, type Statement } from './gaad.ts';

const MGMT = '111122223333';
const PROD = '444455556666';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6';
const setArn = (id: string) => `arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-${id}`;
const MINA = 'idc-user:d-9067a1b2c3/u-mina';
const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';
const ssoTrust = (account: string) => doc({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${account}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE` }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] } as unknown as Statement);
const ssoRole = (account: string, set: string, statements: Statement[]) => ({ name: `AWSReservedSSO_${set}_0123456789abcdef`, path: SSO_PATH, trust: ssoTrust(account), inline: { AwsSSOInlinePolicy: statements } });

interface Setup {
  /** The SsoOperators permission set's statements (assigned to mina in the management account). */
  operators: Statement[];
  /** Assign mina the ReadOnly permission set in prod too. */
  readOnlyInProd?: boolean;
  /** Where the SsoOperators role lives (default: the management account). */
  operatorsAccount?: string;
  owner?: string;
  /** Also a Bounded permission set in prod, assigned to mina: every action, under an S3-only boundary. */
  bounded?: boolean;
}

async function load(setup: Setup) {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-idc-'));
  const opsAccount = setup.operatorsAccount ?? MGMT;
  const read = [allow(['s3:GetObject', 's3:ListBucket'])];
  const accounts: Record<string, RoleSpec[]> = { [MGMT]: [], [PROD]: [ssoRole(PROD, 'ReadOnly', read), ssoRole(PROD, 'Admin', [allow('*')])] };
  accounts[opsAccount].push(ssoRole(opsAccount, 'SsoOperators', setup.operators));
  if (setup.bounded) accounts[PROD].push({ ...ssoRole(PROD, 'Bounded', [allow('*')]), boundary: 'S3Only' });
  const policies = { S3Only: [allow('s3:*')] };
  for (const [account, roles] of Object.entries(accounts)) writeFileSync(join(dir, `gaad-${account}.json`), JSON.stringify(gaadDocument({ account, roles, ...(account === PROD ? { policies } : {}) })));
  const assignment = (set: string, account: string, principal = 'u-mina', type = 'USER') => ({ AccountId: account, PermissionSetArn: setArn(set.toLowerCase()), PrincipalType: type, PrincipalId: principal });
  writeFileSync(join(dir, 'identity-center.json'), JSON.stringify({
    InstanceArn: INSTANCE, IdentityStoreId: 'd-9067a1b2c3', ...(setup.owner === undefined ? { OwnerAccountId: MGMT } : setup.owner ? { OwnerAccountId: setup.owner } : {}),
    PermissionSets: ['SsoOperators', 'ReadOnly', 'Admin', 'Bounded'].map((name) => ({ PermissionSetArn: setArn(name.toLowerCase()), Name: name, AttachedManagedPolicies: [] })),
    AccountAssignments: [
      assignment('SsoOperators', opsAccount),
      ...(setup.readOnlyInProd === false ? [] : [assignment('ReadOnly', PROD)]),
      assignment('Admin', PROD, 'g-breakglass', 'GROUP'),
      ...(setup.bounded ? [assignment('Bounded', PROD)] : []),
    ],
    Users: [{ UserId: 'u-mina', UserName: 'mina@example.com' }, { UserId: 'u-root', UserName: 'breakglass@example.com' }],
    Groups: [{ GroupId: 'g-breakglass', DisplayName: 'Break glass' }],
    GroupMemberships: [{ GroupId: 'g-breakglass', MemberId: { UserId: 'u-root' } }],
  }));
  const { model } = await loadInputs([dir]);
  const graph = buildGraph(model, DEFAULT_ANALYSIS_OPTIONS);
  return findPaths(graph, model, MINA, 'admin', DEFAULT_ANALYSIS_OPTIONS).paths;
}
const techniques = (p: { hops: Array<{ technique?: { id: string } }> }) => p.hops.flatMap((h) => (h.technique ? [h.technique.id] : []));
const uses = (paths: Awaited<ReturnType<typeof load>>, id: string) => paths.filter((p) => techniques(p).includes(id));

const REWRITE = ['sso:PutInlinePolicyToPermissionSet', 'sso:ProvisionPermissionSet'];

describe('Identity Center: rewriting a permission set', () => {
  it('a directory user who can change and provision the ReadOnly set reaches admin through its own ReadOnly role in prod', async () => {
    const paths = uses(await load({ operators: [allow(REWRITE, '*')] }), 'sso-rewrite-permission-set');
    expect(paths.length).toBeGreaterThan(0);
    const p = paths.find((x) => x.hops.some((h) => h.to.includes('ReadOnly')))!;
    expect(p.verdict, JSON.stringify(p.hops.map((h) => [h.kind, h.to, h.requires, h.conditions]))).toBe('reachable');
    // Both branches: mina enters the ReadOnly role, and the change is made acting as the SsoOperators role.
    expect(JSON.stringify(p)).toContain('AWSReservedSSO_SsoOperators');
  });
  it('scoped to the ReadOnly permission set and the instance, it still holds', async () => {
    const scoped = [INSTANCE, setArn('readonly'), `arn:aws:sso:::account/${PROD}`];
    expect(uses(await load({ operators: [allow(REWRITE, scoped)] }), 'sso-rewrite-permission-set').length).toBeGreaterThan(0);
  });
  it('trap: without sso:ProvisionPermissionSet the roles never change → no path', async () => {
    expect(uses(await load({ operators: [allow('sso:PutInlinePolicyToPermissionSet')] }), 'sso-rewrite-permission-set')).toEqual([]);
  });
  it('trap: the rights cover another permission set only → no path through ReadOnly', async () => {
    const other = [INSTANCE, setArn('sooperators'), `arn:aws:sso:::account/${PROD}`];
    expect(uses(await load({ operators: [allow(REWRITE, other)] }), 'sso-rewrite-permission-set')).toEqual([]);
  });
  it('trap: mina is assigned nothing in prod → rewriting ReadOnly gets her nowhere', async () => {
    expect(uses(await load({ operators: [allow(REWRITE)], readOnlyInProd: false }), 'sso-rewrite-permission-set')).toEqual([]);
  });
  it('from a member account that does not administer Identity Center, the path is conditional on a delegated administrator', async () => {
    const paths = uses(await load({ operators: [allow(REWRITE)], operatorsAccount: PROD }), 'sso-rewrite-permission-set');
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.verdict !== 'reachable')).toBe(true);
    expect(JSON.stringify(paths)).toContain('delegated administrator');
  });
});

describe('Identity Center: removing a permission set\'s boundary', () => {
  const REMOVE = ['sso:DeletePermissionsBoundaryFromPermissionSet', 'sso:ProvisionPermissionSet'];
  it('deleting the Bounded set\'s boundary and provisioning it: mina\'s Bounded role in prod is admin', async () => {
    const paths = uses(await load({ operators: [allow(REMOVE)], bounded: true }), 'sso-remove-permission-set-boundary');
    expect(paths.some((p) => p.verdict === 'reachable' && p.hops.some((h) => h.to.includes('AWSReservedSSO_Bounded')))).toBe(true);
  });
  it('trap: the boundary removed but never provisioned → no path', async () => {
    expect(uses(await load({ operators: [allow('sso:DeletePermissionsBoundaryFromPermissionSet')], bounded: true }), 'sso-remove-permission-set-boundary')).toEqual([]);
  });
  it('trap: a set without a boundary (ReadOnly) gains nothing from it → no path', async () => {
    expect(uses(await load({ operators: [allow(REMOVE)] }), 'sso-remove-permission-set-boundary')).toEqual([]);
  });
});

describe('Identity Center: assigning a permission set', () => {
  it('sso:CreateAccountAssignment on the Admin set reaches its role in prod, conditional on signing in as the assigned user', async () => {
    const paths = uses(await load({ operators: [allow('sso:CreateAccountAssignment')] }), 'sso-create-account-assignment');
    const p = paths.find((x) => x.hops.some((h) => h.to.includes('AWSReservedSSO_Admin')));
    expect(p, JSON.stringify(paths.map(techniques))).toBeDefined();
    expect(p!.verdict).not.toBe('reachable');
    expect(JSON.stringify(p)).toContain('Identity Center user the attacker signs in as');
  });
  it('trap: the assignment right is scoped to the ReadOnly set → no path to the Admin role', async () => {
    const scoped = [INSTANCE, setArn('readonly'), `arn:aws:sso:::account/${PROD}`];
    const paths = uses(await load({ operators: [allow('sso:CreateAccountAssignment', scoped)] }), 'sso-create-account-assignment');
    expect(paths.some((x) => x.hops.some((h) => h.to.includes('AWSReservedSSO_Admin')))).toBe(false);
  });
});
