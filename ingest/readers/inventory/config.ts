/**
 * AWS Config: a configuration snapshot (`configurationItems`, as delivered to S3 or by
 * `aws configservice get-resource-config-history`) or `aws configservice select-resource-config`
 * output (`Results`, each a JSON string of the selected fields — select at least resourceType,
 * arn, accountId, awsRegion, resourceName and configuration). One file holds every kind; Config
 * records what its recorder is set to, so absence from it is never taken as a fact.
 */
import type { ComputeKind } from '../../../src/model/types.ts';
import { formatArn, parseArn } from '../../../src/policy/arn.ts';
import { InputProblem, isRecord } from '../../errors.ts';
import { field, sub, text, type ComputeItem, type InventoryFormat } from './format.ts';
import { instanceProfileArnOf, placeArn, roleArnOf } from './placement.ts';

/** Per Config resource type: the kind, and where its configuration names the role (or the profile / task definition it runs with). */
const TYPES: Record<string, { kind: ComputeKind; role?: (c: Record<string, unknown>) => unknown; via?: (c: Record<string, unknown>) => unknown; state?: (c: Record<string, unknown>) => unknown }> = {
  'AWS::Lambda::Function': { kind: 'lambda-function', role: (c) => field(c, 'role') },
  'AWS::EC2::Instance': { kind: 'ec2-instance', via: (c) => field(sub(c, 'iamInstanceProfile'), 'arn'), state: (c) => field(sub(c, 'state'), 'name') },
  'AWS::ECS::Service': { kind: 'ecs-service', via: (c) => field(c, 'TaskDefinition') },
  'AWS::ECS::TaskDefinition': { kind: 'ecs-task-definition', role: (c) => field(c, 'TaskRoleArn') },
  'AWS::CloudFormation::Stack': { kind: 'cloudformation-stack', role: (c) => field(c, 'roleARN'), state: (c) => field(c, 'stackStatus') },
  'AWS::CodeBuild::Project': { kind: 'codebuild-project', role: (c) => field(c, 'serviceRole') },
  'AWS::Glue::Job': { kind: 'glue-job', role: (c) => field(c, 'Role') },
  'AWS::SageMaker::NotebookInstance': { kind: 'sagemaker-notebook', role: (c) => field(c, 'RoleArn'), state: (c) => field(c, 'NotebookInstanceStatus') },
  'AWS::AppRunner::Service': { kind: 'apprunner-service', role: (c) => field(sub(c, 'InstanceConfiguration'), 'InstanceRoleArn') },
  'AWS::Batch::JobDefinition': { kind: 'batch-job-definition', role: (c) => field(sub(c, 'ContainerProperties'), 'JobRoleArn') },
  'AWS::Batch::ComputeEnvironment': { kind: 'batch-compute-environment', via: (c) => field(sub(c, 'ComputeResources'), 'InstanceRole') },
};

/** Config gives `configuration` as an object (snapshots) or as JSON text (some select outputs). */
function configurationOf(item: Record<string, unknown>): Record<string, unknown> {
  const c = field(item, 'configuration');
  if (typeof c !== 'string') return isRecord(c) ? c : {};
  try {
    const parsed: unknown = JSON.parse(c);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function readItem(item: Record<string, unknown>, at: string, where: { accountId?: string; region?: string }): ComputeItem | undefined {
  const type = TYPES[text(field(item, 'resourceType')) ?? ''];
  if (!type) return undefined;
  if (text(field(item, 'configurationItemStatus'))?.startsWith('ResourceDeleted')) return undefined;
  const given = text(field(item, 'ARN', 'arn'));
  const accountId = text(field(item, 'awsAccountId', 'accountId')) ?? where.accountId;
  const region = text(field(item, 'awsRegion')) ?? where.region;
  const placed = placeArn(given, { ...(accountId ? { accountId } : {}), ...(region ? { region } : {}) }, at);
  const id = text(field(item, 'resourceId')) ?? '';
  const name = text(field(item, 'resourceName')) ?? id;
  const arn = given ?? (type.kind === 'ec2-instance' && id ? formatArn({ partition: 'aws', service: 'ec2', region: placed.region, account: placed.accountId, resource: `instance/${id}` }) : undefined);
  if (!arn || !parseArn(arn)) throw new InputProblem(at, `expected a configuration item with an ARN, got ${name || 'none'}`);
  const c = configurationOf(item);
  const role = text(type.role?.(c));
  const via = text(type.via?.(c));
  const state = text(type.state?.(c));
  return {
    arn, kind: type.kind, name: name || arn, ...placed, roles: role ? [roleArnOf(role, placed.accountId, arn)] : [],
    ...(via ? { via: type.kind === 'batch-compute-environment' ? instanceProfileArnOf(via, placed.accountId, arn) : via } : {}),
    ...(state ? { state: state.toLowerCase() } : {}),
  };
}

export const CONFIG_SNAPSHOT: InventoryFormat = {
  command: 'AWS Config configuration snapshot', list: 'configurationItems',
  detect: (doc) => Array.isArray(doc.configurationItems),
  read: readItem,
};

export const CONFIG_SELECT: InventoryFormat = {
  command: 'aws configservice select-resource-config',
  detect: (doc) => Array.isArray(doc.Results) && isRecord(doc.QueryInfo),
  list: (doc) => (doc.Results as unknown[]).map((r, i) => {
    const at = `/Results/${i}`;
    if (typeof r !== 'string') return { item: r, at };
    try {
      return { item: JSON.parse(r) as unknown, at };
    } catch {
      throw new InputProblem(at, 'expected a JSON text (select-resource-config prints each result as one), got text that does not parse');
    }
  }),
  read: readItem,
};
