/** Inventories of compute that runs as a role: one reader per AWS CLI output (and AWS Config), detected by content. */
import type { ModelBuilder } from '../../builder.ts';
import { APPRUNNER_DESCRIBE_SERVICE, APPRUNNER_LIST_SERVICES } from './apprunner.ts';
import { BATCH_DESCRIBE_COMPUTE_ENVIRONMENTS, BATCH_DESCRIBE_JOB_DEFINITIONS } from './batch.ts';
import { CLOUDFORMATION_DESCRIBE_STACKS } from './cloudformation.ts';
import { CODEBUILD_BATCH_GET_PROJECTS } from './codebuild.ts';
import { CONFIG_SELECT, CONFIG_SNAPSHOT } from './config.ts';
import { EC2_DESCRIBE_INSTANCES, EC2_INSTANCE_PROFILE_ASSOCIATIONS } from './ec2.ts';
import { ECS_DESCRIBE_SERVICES, ECS_DESCRIBE_TASK_DEFINITION } from './ecs.ts';
import { readInventory, type InventoryFormat } from './format.ts';
import { GLUE_GET_DEV_ENDPOINTS, GLUE_GET_JOBS } from './glue.ts';
import { LAMBDA_LIST_FUNCTIONS } from './lambda.ts';
import { isDescribeRegions, readDescribeRegions } from './regions.ts';
import { SAGEMAKER_DESCRIBE_NOTEBOOK_INSTANCE, SAGEMAKER_LIST_NOTEBOOK_INSTANCES } from './sagemaker.ts';

export const INVENTORY_FORMATS: readonly InventoryFormat[] = [
  LAMBDA_LIST_FUNCTIONS, EC2_DESCRIBE_INSTANCES, EC2_INSTANCE_PROFILE_ASSOCIATIONS, ECS_DESCRIBE_SERVICES, ECS_DESCRIBE_TASK_DEFINITION,
  CLOUDFORMATION_DESCRIBE_STACKS, CODEBUILD_BATCH_GET_PROJECTS, GLUE_GET_JOBS, GLUE_GET_DEV_ENDPOINTS,
  SAGEMAKER_LIST_NOTEBOOK_INSTANCES, SAGEMAKER_DESCRIBE_NOTEBOOK_INSTANCE, APPRUNNER_LIST_SERVICES, APPRUNNER_DESCRIBE_SERVICE,
  BATCH_DESCRIBE_JOB_DEFINITIONS, BATCH_DESCRIBE_COMPUTE_ENVIRONMENTS, CONFIG_SNAPSHOT, CONFIG_SELECT,
];

const formatOf = (doc: Record<string, unknown>): InventoryFormat | undefined => INVENTORY_FORMATS.find((f) => f.detect(doc));

export const isInventory = (doc: unknown): boolean => typeof doc === 'object' && doc !== null && !Array.isArray(doc) && (isDescribeRegions(doc as Record<string, unknown>) || formatOf(doc as Record<string, unknown>) !== undefined);

export function readInventoryDocument(doc: Record<string, unknown>, file: string, b: ModelBuilder): void {
  if (isDescribeRegions(doc)) return readDescribeRegions(doc, file, b);
  readInventory(formatOf(doc)!, doc, file, b);
}
