/**
 * Compute inventories as the AWS CLI prints them (test/fixtures/inventory, laid out as
 * scripts/export-inventory.sh writes them: `<account>/<region>/<call>.json`): every reader, two
 * regions, a listing printed as two `--no-paginate` pages, outputs that describe a resource in parts
 * (a listing's state, a description's role), AWS Config snapshot and select output.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { renderSummary, summarize } from '../../src/model/summary.ts';

const FIXTURE = new URL('../fixtures/inventory/', import.meta.url).pathname;
const A = '111122223333';
const role = (name: string, path = '/') => `arn:aws:iam::${A}:role${path}${name}`;

describe('compute inventories', async () => {
  const { model, errors } = await loadInputs([FIXTURE]);
  const compute = (arn: string) => model.compute[arn];

  it('loads every reader without an error', () => expect(errors).toEqual([]));

  it('lambda list-functions: both pages of us-east-1 and eu-west-1, each function with its role', () => {
    const fns = Object.values(model.compute).filter((r) => r.kind === 'lambda-function').map((r) => [r.name, r.region, r.roles]);
    expect(fns).toEqual([
      ['eu-orders-api', 'eu-west-1', [role('lambda-app', '/service-role/')]],
      ['eu-reports', 'eu-west-1', [role('lambda-app', '/service-role/')]],
      ['orders-api', 'us-east-1', [role('lambda-app', '/service-role/')]],
      ['orders-worker', 'us-east-1', [role('lambda-app', '/service-role/')]],
    ]);
  });

  it('ec2 describe-instances: ARN from owner and zone, state, profile; the associations output gives a profile to an instance listed without one', () => {
    expect(compute(`arn:aws:ec2:us-east-1:${A}:instance/i-0a1b2c3d4e5f60001`)).toMatchObject({ state: 'running', via: `arn:aws:iam::${A}:instance-profile/web` });
    expect(compute(`arn:aws:ec2:us-east-1:${A}:instance/i-0a1b2c3d4e5f60002`)).toMatchObject({ state: 'stopped', via: `arn:aws:iam::${A}:instance-profile/web` });
  });

  it('ecs describe-services + describe-task-definition: the service runs with its task definition, whose task role (not the execution role) it runs as', () => {
    expect(compute(`arn:aws:ecs:us-east-1:${A}:service/prod/api`)).toMatchObject({ via: `arn:aws:ecs:us-east-1:${A}:task-definition/api:3`, state: 'running-exec', actOn: `arn:aws:ecs:us-east-1:${A}:task/prod/*` });
    expect(compute(`arn:aws:ecs:us-east-1:${A}:task-definition/api:3`).roles).toEqual([role('api-task')]);
  });

  it('cloudformation, codebuild, glue (a role by name resolves to its ARN), sagemaker, apprunner and batch', () => {
    expect(compute(`arn:aws:cloudformation:us-east-1:${A}:stack/network/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d`)).toMatchObject({ roles: [role('cfn-deploy')], state: 'update_complete' });
    expect(compute(`arn:aws:codebuild:us-east-1:${A}:project/api-build`).roles).toEqual([role('build', '/service-role/')]);
    expect(compute(`arn:aws:glue:us-east-1:${A}:job/nightly-etl`).roles).toEqual([role('etl')]);
    expect(compute(`arn:aws:glue:us-east-1:${A}:devEndpoint/analysts`)).toMatchObject({ roles: [role('etl')], state: 'ready' });
    expect(compute(`arn:aws:sagemaker:us-east-1:${A}:notebook-instance/research`)).toMatchObject({ roles: [role('notebook')], state: 'inservice' });
    expect(compute(`arn:aws:apprunner:us-east-1:${A}:service/web/8fe1e10304f84fd2b0df550fe98a71fa`)).toMatchObject({ roles: [role('apprunner-app')], state: 'running' });
    expect(compute(`arn:aws:batch:us-east-1:${A}:job-definition/report:2`)).toMatchObject({ roles: [role('batch-job')], state: 'active' });
    expect(compute(`arn:aws:batch:us-east-1:${A}:compute-environment/ondemand`)).toMatchObject({ via: `arn:aws:iam::${A}:instance-profile/batch-instance` });
  });

  it('AWS Config: snapshot items and select results of the kinds it knows; deleted items and buckets are not compute', () => {
    expect(compute(`arn:aws:lambda:eu-west-1:${A}:function:eu-reports`)).toBeDefined();
    expect(compute(`arn:aws:ec2:eu-west-1:${A}:instance/i-0eu0000000000001`)).toMatchObject({ state: 'running', via: `arn:aws:iam::${A}:instance-profile/web` });
    expect(compute(`arn:aws:codebuild:eu-west-1:${A}:project/eu-build`).roles).toEqual([role('build', '/service-role/')]);
    expect(compute(`arn:aws:lambda:eu-west-1:${A}:function:gone`)).toBeUndefined();
    expect(compute('arn:aws:s3:::logs')).toBeUndefined();
  });

  it('records which kinds were listed whole where, and the regions of the account; Config is never a listing', () => {
    expect(model.inventory.regions).toEqual({ [A]: ['eu-west-1', 'us-east-1'] });
    expect(model.inventory.listed).toContain(`lambda-function ${A} eu-west-1`);
    expect(model.inventory.listed).toContain(`lambda-function ${A} us-east-1`);
    expect(model.inventory.listed).not.toContain(`codebuild-project ${A} eu-west-1`);
    expect(model.inventory.listed).not.toContain(`ecs-task-definition ${A} us-east-1`);
  });

  it('inputs summarizes resources per account and region', () => {
    const text = renderSummary(summarize(model)).join('\n');
    expect(text).toContain(`  ${A} eu-west-1       1 CodeBuild project, 1 EC2 instance, 2 Lambda functions; listed whole: EC2 instance, Lambda function`);
    expect(text).toMatch(new RegExp(`  ${A} us-east-1 .*2 EC2 instances, 1 ECS service, 1 ECS task definition`));
  });
});

function tempInputs(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-inv-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('inventory input problems', () => {
  it('a bad item is one error with its pointer; the other items still load', async () => {
    const dir = tempInputs({
      [`${A}/us-east-1/fns.json`]: JSON.stringify({ Functions: [{ FunctionName: 'ok', FunctionArn: `arn:aws:lambda:us-east-1:${A}:function:ok`, Role: role('r') }, { FunctionName: 'bad', FunctionArn: 'not-an-arn', Role: role('r') }] }),
    });
    const { model, errors } = await loadInputs([dir]);
    expect(errors.map((e) => `${e.pointer}: ${e.message}`)).toEqual(['/Functions/1/FunctionArn: expected an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE), got "not-an-arn"']);
    expect(Object.keys(model.compute)).toEqual([`arn:aws:lambda:us-east-1:${A}:function:ok`]);
  });

  it('an empty listing outside <account>/<region>/ cannot say where it is: read, warned, not proof of absence', async () => {
    const { model } = await loadInputs([tempInputs({ 'functions.json': JSON.stringify({ Functions: [] }) })]);
    expect(model.inventory.listed).toEqual([]);
    expect(model.warnings.map((w) => w.code)).toContain('inventory-unplaced');
  });

  it('a page that says more follow, without its last page, is warned about', async () => {
    const { model } = await loadInputs([tempInputs({ [`${A}/us-east-1/fns.json`]: JSON.stringify({ Functions: [], NextMarker: 'abc' }) })]);
    expect(model.inventory.listed).toEqual([]);
    expect(model.warnings.find((w) => w.code === 'inventory-incomplete')?.message).toContain('says more pages follow');
  });
});
