/**
 * Existing compute from inventories: a hop through a resource the inventory shows, decided on the
 * resource's own ARN; none where a whole inventory shows none; conditional otherwise. Service
 * Authorization Reference: lambda:UpdateFunctionCode and lambda:InvokeFunction take the `function`
 * resource type (arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}),
 * ssm:SendCommand the EC2 `instance`, ecs:ExecuteCommand the `task`; AWS Systems Manager User Guide
 * ("Run Command" targets running managed nodes); Amazon EC2 User Guide ("Work with instance user
 * data": the instance must be stopped to change it).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { findPaths } from '../../../src/analysis/index.ts';
import { ADMINISTRATOR_ACCESS, allow, deny, roleArn, userArn, type GaadSpec, type Statement } from './gaad.ts';
import { describeRegions, ec2Instance, lambdaFunction, loadWithInventory, type InventoryFiles } from './inventory.ts';

const ME = userArn('attacker');
const ADMIN_ROLE = roleArn('ops-admin');
const OTHER_ROLE = roleArn('app-reader');
const FN = (name: string, region = 'us-east-1') => `arn:aws:lambda:${region}:111122223333:function:${name}`;

const spec = (statements: Statement[]): GaadSpec => ({
  users: [{ name: 'attacker', inline: { attack: statements } }],
  roles: [
    { name: 'ops-admin', trust: ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'], managed: [ADMINISTRATOR_ACCESS], instanceProfile: true },
    { name: 'app-reader', trust: 'lambda.amazonaws.com' },
  ],
});

/** The attacker's first hops of paths to admin: technique, where it lands, verdict and what it still needs. */
async function firstHops(statements: Statement[], files: InventoryFiles, technique: string) {
  const { model, graph } = await loadWithInventory(spec(statements), files);
  return findPaths(graph, model, ME, 'admin', DEFAULT_ANALYSIS_OPTIONS).paths
    .filter((p) => p.hops[0].kind === technique)
    .map((p) => ({ to: p.hops[0].to, verdict: p.verdict, hops: p.hops.map((h) => h.kind), requires: p.hops[0].requires ?? [] }));
}

const UPDATE = [allow(['lambda:UpdateFunctionCode', 'lambda:InvokeFunction'])];
const functions = (region: string, ...fns: object[]) => ({ [`111122223333/${region}/lambda-list-functions.json`]: { Functions: fns } });

describe('a Lambda function that runs as the role', () => {
  it('no inventory → the conditional hop to the role, saying no inventory was given', async () => {
    const hops = await firstHops(UPDATE, {}, 'lambda-update-function-code');
    expect(hops).toHaveLength(1);
    expect(hops[0]).toMatchObject({ to: ADMIN_ROLE, verdict: 'conditional' });
    expect(hops[0].requires[0]).toContain('no Lambda function inventory of account 111122223333');
  });

  it('the inventory shows one → a hop to the function, then runs-as to the role: unconditional', async () => {
    const hops = await firstHops(UPDATE, functions('us-east-1', lambdaFunction('ops-rotate', ADMIN_ROLE)), 'lambda-update-function-code');
    expect(hops).toEqual([{ to: FN('ops-rotate'), verdict: 'reachable', hops: ['lambda-update-function-code', 'runs-as', 'is-admin'], requires: [] }]);
  });

  it('trap: a whole inventory (every region listed) without one running as the role → no hop', async () => {
    const files = { '111122223333/regions.json': describeRegions('us-east-1', 'eu-west-1'), ...functions('us-east-1', lambdaFunction('reader', OTHER_ROLE)), ...functions('eu-west-1') };
    expect(await firstHops(UPDATE, files, 'lambda-update-function-code')).toEqual([]);
  });

  it('an inventory of some regions only → still conditional, naming the regions listed', async () => {
    const files = { '111122223333/regions.json': describeRegions('us-east-1', 'eu-west-1'), ...functions('us-east-1') };
    const hops = await firstHops(UPDATE, files, 'lambda-update-function-code');
    expect(hops.map((h) => h.verdict)).toEqual(['conditional']);
    expect(hops[0].requires[0]).toContain("none in the Lambda function inventory of us-east-1; the account's other regions are not listed");
  });

  it('without describe-regions, listings of every region seen are not proof of absence', async () => {
    expect((await firstHops(UPDATE, functions('us-east-1'), 'lambda-update-function-code')).map((h) => h.verdict)).toEqual(['conditional']);
  });

  it('a permission scoped to function:app-* applies to function:app-api, not to function:ops-rotate (both run as the role)', async () => {
    const files = functions('us-east-1', lambdaFunction('app-api', ADMIN_ROLE), lambdaFunction('ops-rotate', ADMIN_ROLE));
    const scoped = [allow(['lambda:UpdateFunctionCode', 'lambda:InvokeFunction'], 'arn:aws:lambda:*:111122223333:function:app-*')];
    expect((await firstHops(scoped, files, 'lambda-update-function-code')).map((h) => h.to)).toEqual([FN('app-api')]);
  });

  it('trap: a Deny on the function itself → no hop to it', async () => {
    const files = functions('us-east-1', lambdaFunction('ops-rotate', ADMIN_ROLE));
    expect(await firstHops([...UPDATE, deny('lambda:UpdateFunctionCode', FN('ops-rotate'))], files, 'lambda-update-function-code')).toEqual([]);
  });

  it('a listing page that says more follow (NextMarker) is not whole; both pages in one file are', async () => {
    const base = { '111122223333/regions.json': describeRegions('us-east-1') };
    const page1 = { Functions: [lambdaFunction('reader', OTHER_ROLE)], NextMarker: 'eyJNYXJrZXIiOiBudWxsfQ==' };
    const partial = await firstHops(UPDATE, { ...base, '111122223333/us-east-1/lambda-list-functions.json': page1 }, 'lambda-update-function-code');
    expect(partial.map((h) => h.verdict)).toEqual(['conditional']);
    const pages = `${JSON.stringify(page1)}\n${JSON.stringify({ Functions: [lambdaFunction('reader2', OTHER_ROLE)] })}\n`;
    expect(await firstHops(UPDATE, { ...base, '111122223333/us-east-1/lambda-list-functions.json': pages }, 'lambda-update-function-code')).toEqual([]);
  });
});

describe('an EC2 instance with the role\'s instance profile', () => {
  const PROFILE = 'arn:aws:iam::111122223333:instance-profile/ops-admin';
  const instances = (...list: object[]) => ({ '111122223333/us-east-1/ec2-describe-instances.json': { Reservations: [{ Groups: [], Instances: list, OwnerId: '111122223333', ReservationId: 'r-0123456789abcdef0' }] } });
  const whole = { '111122223333/regions.json': describeRegions('us-east-1') };

  it('running: SSM SendCommand on it → the instance, then its profile\'s role', async () => {
    const hops = await firstHops([allow('ssm:SendCommand')], instances(ec2Instance('i-0aaa', 'running', PROFILE)), 'ssm-send-command');
    expect(hops).toEqual([{ to: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0aaa', verdict: 'reachable', hops: ['ssm-send-command', 'runs-as', 'is-admin'], requires: [] }]);
  });

  it('trap: stopped, in a whole inventory → no SSM hop; stop, change user data and start still works', async () => {
    const files = { ...whole, ...instances(ec2Instance('i-0bbb', 'stopped', PROFILE)) };
    expect(await firstHops([allow('ssm:SendCommand')], files, 'ssm-send-command')).toEqual([]);
    const modify = await firstHops([allow(['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'])], files, 'ec2-modify-instance-user-data');
    expect(modify.map((h) => [h.to, h.verdict])).toEqual([['arn:aws:ec2:us-east-1:111122223333:instance/i-0bbb', 'reachable']]);
  });

  it('trap: a permission scoped to another instance → no hop', async () => {
    const files = instances(ec2Instance('i-0aaa', 'running', PROFILE));
    expect(await firstHops([allow('ssm:SendCommand', 'arn:aws:ec2:*:111122223333:instance/i-0fff')], files, 'ssm-send-command')).toEqual([]);
  });
});

describe('an ECS service whose task definition runs as the role', () => {
  const files = {
    '111122223333/us-east-1/ecs-describe-services.json': {
      services: [{
        serviceArn: 'arn:aws:ecs:us-east-1:111122223333:service/prod/api', serviceName: 'api', clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/prod',
        loadBalancers: [], serviceRegistries: [], status: 'ACTIVE', desiredCount: 2, runningCount: 2, pendingCount: 0, launchType: 'FARGATE',
        taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/api:7', deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
        enableECSManagedTags: false, propagateTags: 'NONE', enableExecuteCommand: true,
      }],
      failures: [],
    },
    '111122223333/us-east-1/ecs-describe-task-definition-api.json': {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:111122223333:task-definition/api:7', containerDefinitions: [{ name: 'api', image: 'nginx', essential: true }],
        family: 'api', taskRoleArn: ADMIN_ROLE, executionRoleArn: OTHER_ROLE, networkMode: 'awsvpc', revision: 7, status: 'ACTIVE', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      },
      tags: [],
    },
  };
  it('ECS Exec on its tasks → the service, then the task role (not the execution role)', async () => {
    const hops = await firstHops([allow(['ecs:ExecuteCommand', 'ecs:DescribeTasks'], 'arn:aws:ecs:us-east-1:111122223333:task/prod/*')], files, 'ecs-execute-command');
    expect(hops.map((h) => [h.to, h.verdict])).toEqual([['arn:aws:ecs:us-east-1:111122223333:service/prod/api', 'reachable']]);
  });
  it('trap: ECS Exec allowed only in another cluster → no hop', async () => {
    expect(await firstHops([allow(['ecs:ExecuteCommand', 'ecs:DescribeTasks'], 'arn:aws:ecs:us-east-1:111122223333:task/staging/*')], files, 'ecs-execute-command')).toEqual([]);
  });
});

describe('who-can on a resource from the inventory', () => {
  it('names the principals that can act on the function, and never the function itself as a principal', async () => {
    const { whoCan, privesc } = await import('../../../src/analysis/index.ts');
    const { model, graph } = await loadWithInventory(spec(UPDATE), functions('us-east-1', lambdaFunction('ops-rotate', ADMIN_ROLE)));
    const answer = whoCan(graph, model, 'lambda:UpdateFunctionCode', FN('ops-rotate'), DEFAULT_ANALYSIS_OPTIONS);
    expect(answer.principals.map((p) => [p.principal, p.direct])).toContainEqual([ME, true]);
    expect(answer.principals.map((p) => p.principal)).not.toContain(FN('ops-rotate'));
    expect(privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS).findings.map((f) => f.principal)).toEqual([ME]);
  });
});
