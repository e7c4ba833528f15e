/**
 * Terraform plans (`terraform show -json`, the documented "JSON Output Format" of Terraform 1.x):
 * each IAM resource type lands on the model, in modules, through references to values known only
 * after apply, on replace; a plan of another shape is one error naming its JSON pointer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { planModel, UNKNOWN_KEY, type PlanApplication } from '../../ingest/terraform/index.ts';
import type { AccountModel } from '../../src/model/types.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const A = '123456789012';
const read = (name: string): unknown => JSON.parse(readFileSync(here(`../fixtures/terraform/${name}`), 'utf8'));

function apply(document: unknown, base?: AccountModel): PlanApplication {
  const r = planModel(document, 'plan.json', base);
  if ('error' in r) throw new Error(`${r.error.pointer}: ${r.error.message}`);
  return r;
}

const raw = (m: AccountModel, id: string) => m.policies[id]?.policy?.parsed.raw as { Statement: Array<Record<string, unknown>> } | undefined;

describe('a plan that describes everything, applied to an empty account', () => {
  const { model, before, origins, notModelled } = apply(read('all-types.json'));
  const iam = (kind: string, name: string) => `arn:aws:iam::${A}:${kind}/${name}`;

  it('takes the account from the ARNs in the plan; the model before holds only that account', () => {
    expect(model.accounts[A]?.external).toBe(false);
    expect(Object.keys(before.users)).toEqual([]);
  });
  it('users, groups and both kinds of group membership', () => {
    expect(model.users[iam('user', 'alice')].groups).toEqual([iam('group', 'devs')]);
    expect(model.users[iam('user', 'ops/bob')].groups).toEqual([iam('group', 'ops')]);
    expect(model.users[iam('user', 'ops/bob')].boundary).toBe(iam('policy', 'boundary'));
    expect(model.users[iam('user', 'team-x')]).toBeDefined();
  });
  it('a policy created in the plan is attached through the reference to its ARN (known only after apply)', () => {
    expect(model.groups[iam('group', 'devs')].managedPolicies).toEqual([iam('policy', 'deploy')]);
    expect(model.policies[iam('policy', 'deploy')].policy).toBeDefined();
    expect(origins.find((o) => o.address === 'aws_iam_group_policy_attachment.devs_deploy')?.entities).toEqual([iam('group', 'devs'), iam('policy', 'deploy')]);
  });
  it('a role in a module: trust, inline_policy blocks, managed_policy_arns, a role policy naming it by reference, attachments, instance profile', () => {
    const role = model.roles[iam('role', 'service/app')];
    expect(role.inlinePolicies).toEqual([`${role.arn}#inline/extra`, `${role.arn}#inline/logs`]);
    expect(role.managedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']);
    expect(role.instanceProfiles).toEqual([iam('instance-profile', 'app-profile')]);
    expect(raw(model, role.trustPolicy)?.Statement[0].Principal).toEqual({ Service: 'lambda.amazonaws.com' });
    expect(origins.some((o) => o.address === 'module.app.aws_iam_role_policy.extra')).toBe(true);
  });
  it('inline user and group policies, aws_iam_policy_attachment to users, groups and roles', () => {
    expect(model.users[iam('user', 'alice')].inlinePolicies).toEqual([`${iam('user', 'alice')}#inline/self`]);
    expect(model.groups[iam('group', 'ops')].inlinePolicies).toEqual([`${iam('group', 'ops')}#inline/read`]);
    expect(model.groups[iam('group', 'ops')].managedPolicies).toContain('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
  });
  it('identity providers, and an SCP attached through its id known only after apply', () => {
    expect(Object.keys(model.identityProviders)).toEqual([iam('oidc-provider', 'token.actions.githubusercontent.com'), iam('saml-provider', 'okta')]);
    expect(model.organization?.nodes[A].scps).toEqual(['scp:known-after-apply:aws_organizations_policy.deny_leave']);
  });
  it('every resource-policy type lands on its resource (a Lambda permission is one statement of the function policy)', () => {
    expect(Object.keys(model.resources)).toEqual([
      `arn:aws:ecr:eu-west-1:${A}:repository/app`,
      `arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      `arn:aws:lambda:eu-west-1:${A}:function:worker`,
      'arn:aws:s3:::data-bucket',
      `arn:aws:secretsmanager:eu-west-1:${A}:secret:db-AbCdEf`,
      `arn:aws:sns:eu-west-1:${A}:alerts`,
      `arn:aws:sqs:eu-west-1:${A}:jobs`,
    ]);
    const fn = raw(model, `arn:aws:lambda:eu-west-1:${A}:function:worker#resource-policy`)!;
    expect(fn.Statement).toEqual([expect.objectContaining({ Sid: 'AllowS3', Principal: { Service: 's3.amazonaws.com' }, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::data-bucket' }, StringEquals: { 'aws:SourceAccount': A } } })]);
    expect(raw(model, `arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab#resource-policy`)!.Statement.map((s) => s.Sid)).toEqual(['Root', 'App']);
  });
  it('a replace removes the old role and creates the new one', () => {
    expect(model.roles[iam('role', 'old/legacy')]).toBeUndefined();
    expect(model.roles[iam('role', 'new/legacy')]).toBeDefined();
  });
  it('compute that runs as a role becomes inventory resources: the function in the provider region with the role its reference names, the instance with its profile', () => {
    expect(notModelled).toEqual([]);
    expect(model.compute[`arn:aws:lambda:eu-west-1:${A}:function:worker`]).toMatchObject({ kind: 'lambda-function', region: 'eu-west-1', roles: [iam('role', 'service/app')] });
    const instance = Object.values(model.compute).find((c) => c.kind === 'ec2-instance')!;
    expect(instance).toMatchObject({ arn: `arn:aws:ec2:eu-west-1:${A}:instance/known-after-apply-web`, state: 'running' });
  });
});

describe('applied to the exports', () => {
  it('changes a copy: the model given is untouched', async () => {
    const { model: base } = await loadInputs([here('../../examples/company.yaml')]);
    const snapshot = JSON.stringify(base.groups);
    const { model } = apply(JSON.parse(readFileSync(here('../../examples/terraform/plan.json'), 'utf8')), base);
    expect(JSON.stringify(base.groups)).toBe(snapshot);
    expect(model.groups['arn:aws:iam::111122223333:group/BE1'].managedPolicies).toContain('arn:aws:iam::111122223333:policy/BackendDeployLambda');
  });
});

describe('a role update and an attachment delete in one plan', () => {
  it('the role\'s unchanged managed_policy_arns (computed from the other resource) do not undo the delete', async () => {
    const { model: base } = await loadInputs([here('../../examples/company.yaml')]);
    const role = 'arn:aws:iam::111122223333:role/service-role/lambda-admin-ops';
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const state = (tags: Record<string, string>) => ({ arn: role, name: 'lambda-admin-ops', path: '/service-role/', assume_role_policy: trust, managed_policy_arns: [admin], inline_policy: [], tags });
    const { model } = apply({
      format_version: '1.2',
      resource_changes: [
        { address: 'aws_iam_role.ops', mode: 'managed', type: 'aws_iam_role', name: 'ops', change: { actions: ['update'], before: state({}), after: state({ owner: 'ops' }), after_unknown: {} } },
        { address: 'aws_iam_role_policy_attachment.ops_admin', mode: 'managed', type: 'aws_iam_role_policy_attachment', name: 'ops_admin', change: { actions: ['delete'], before: { role: 'lambda-admin-ops', policy_arn: admin }, after: null, after_unknown: {} } },
      ],
    }, base);
    expect(model.roles[role].managedPolicies).toEqual([]);
    expect(model.roles[role].tags).toEqual([{ key: 'owner', value: 'ops' }]);
  });
});

describe('values known only after apply', () => {
  it('a trust policy unknown until apply is a document whose every grant is conditional on the plan attribute', async () => {
    const { model: base } = await loadInputs([here('../../examples/company.yaml')]);
    const { model } = apply(read('unknown-trust.json'), base);
    const role = model.roles['arn:aws:iam::111122223333:role/ci-deployer'];
    expect(raw(model, role.trustPolicy)?.Statement).toEqual([expect.objectContaining({ Condition: { StringEquals: { [UNKNOWN_KEY]: 'module.ci.aws_iam_role.deployer.assume_role_policy' } } })]);
    expect(model.warnings.some((w) => w.code === 'known-after-apply' && w.subject === 'module.ci.aws_iam_role.deployer')).toBe(true);
  });
});

describe('a plan of the wrong shape is one error naming the JSON pointer', () => {
  const error = (doc: unknown) => {
    const r = planModel(doc, 'plan.json', undefined);
    return 'error' in r ? `${r.error.pointer}: ${r.error.message}` : 'no error';
  };
  it.each([
    [{}, '/format_version: expected a string, got nothing'],
    [{ format_version: '0.1', resource_changes: [] }, '/format_version: expected a Terraform plan JSON format 1.x, got "0.1"'],
    [{ format_version: '1.2', resource_changes: {} }, '/resource_changes: expected an array, got an object'],
    [{ format_version: '1.2', resource_changes: [{ address: 'aws_iam_user.a', type: 'aws_iam_user', name: 'a', change: { actions: ['destroy'] } }] }, '/resource_changes/0/change/actions/0: expected one of no-op, create, read, update, delete, got "destroy"'],
    [{ format_version: '1.2', resource_changes: [{ address: 'aws_iam_policy.p', type: 'aws_iam_policy', name: 'p', change: { actions: ['create'], before: null, after: { name: 'p', arn: 'arn:aws:iam::123456789012:policy/p', policy: '{"Statement": 3}' } } }] }, '/resource_changes/0/change/after/policy'],
  ])('%j', (doc, expected) => {
    expect(error(doc)).toContain(expected);
  });
});
