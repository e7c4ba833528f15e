/**
 * Compute that runs as a role, from inventories: what each kind is, which role it runs as (through
 * an instance profile or a task definition where AWS puts one between), and whether the inventory
 * of a kind is whole for an account.
 */
import type { AccountModel, ComputeKind, ComputeResource } from './types.ts';

export interface ComputeKindInfo {
  /** How people call it: `Lambda function`. */
  label: string;
  /** The AWS CLI call that lists it, for warnings and the README. */
  command: string;
  /** The service principal the role it runs as trusts. */
  trusts: string;
}

export const COMPUTE_KINDS: Readonly<Record<ComputeKind, ComputeKindInfo>> = {
  'lambda-function': { label: 'Lambda function', command: 'aws lambda list-functions', trusts: 'lambda.amazonaws.com' },
  'ec2-instance': { label: 'EC2 instance', command: 'aws ec2 describe-instances', trusts: 'ec2.amazonaws.com' },
  'ecs-service': { label: 'ECS service', command: 'aws ecs describe-services for every cluster', trusts: 'ecs-tasks.amazonaws.com' },
  'ecs-task-definition': { label: 'ECS task definition', command: 'aws ecs describe-task-definition', trusts: 'ecs-tasks.amazonaws.com' },
  'cloudformation-stack': { label: 'CloudFormation stack', command: 'aws cloudformation describe-stacks', trusts: 'cloudformation.amazonaws.com' },
  'codebuild-project': { label: 'CodeBuild project', command: 'aws codebuild batch-get-projects', trusts: 'codebuild.amazonaws.com' },
  'glue-job': { label: 'Glue job', command: 'aws glue get-jobs', trusts: 'glue.amazonaws.com' },
  'glue-dev-endpoint': { label: 'Glue development endpoint', command: 'aws glue get-dev-endpoints', trusts: 'glue.amazonaws.com' },
  'sagemaker-notebook': { label: 'SageMaker notebook instance', command: 'aws sagemaker list-notebook-instances and describe-notebook-instance', trusts: 'sagemaker.amazonaws.com' },
  'apprunner-service': { label: 'App Runner service', command: 'aws apprunner list-services and describe-service', trusts: 'tasks.apprunner.amazonaws.com' },
  'batch-job-definition': { label: 'Batch job definition', command: 'aws batch describe-job-definitions', trusts: 'ecs-tasks.amazonaws.com' },
  'batch-compute-environment': { label: 'Batch compute environment', command: 'aws batch describe-compute-environments', trusts: 'batch.amazonaws.com' },
};

/** The roles a resource runs as: its own, or those of the instance profile / task definition it runs with. */
export function rolesOfCompute(model: AccountModel, resource: ComputeResource): string[] {
  if (!resource.via) return resource.roles;
  const through = model.instanceProfiles[resource.via]?.roles ?? model.compute[resource.via]?.roles ?? [];
  return [...new Set([...resource.roles, ...through])].sort();
}

/** role ARN → the compute that runs as it, each list sorted by ARN. */
export function computeByRole(model: AccountModel): Map<string, ComputeResource[]> {
  const byRole = new Map<string, ComputeResource[]>();
  for (const resource of Object.values(model.compute)) {
    for (const role of rolesOfCompute(model, resource)) {
      const list = byRole.get(role);
      if (list) list.push(resource);
      else byRole.set(role, [resource]);
    }
  }
  return byRole;
}

export const listingKey = (kind: ComputeKind, accountId: string, region: string): string => `${kind} ${accountId} ${region}`;

/** What the inventories say of a kind in an account: listed in every region of it, in some, or in none. */
export type InventoryStatus = { whole: true } | { whole: false; regions: string[]; allRegionsKnown: boolean };

export function inventoryStatus(model: AccountModel, kind: ComputeKind, accountId: string): InventoryStatus {
  const listed = model.inventory.listed.filter((key) => key.startsWith(`${kind} ${accountId} `)).map((key) => key.split(' ')[2]);
  const regions = model.inventory.regions[accountId];
  if (regions && regions.length > 0 && regions.every((r) => listed.includes(r))) return { whole: true };
  return { whole: false, regions: listed.sort(), allRegionsKnown: Boolean(regions) };
}
