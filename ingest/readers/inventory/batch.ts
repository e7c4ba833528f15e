/**
 * `aws batch describe-job-definitions` (each definition's job role) and `aws batch
 * describe-compute-environments` (the instance profile its container instances run with).
 */
import { expectArn, expectString } from '../../errors.ts';
import { field, sub, text, type InventoryFormat } from './format.ts';
import { instanceProfileArnOf, placeArn } from './placement.ts';

export const BATCH_DESCRIBE_JOB_DEFINITIONS: InventoryFormat = {
  command: 'aws batch describe-job-definitions', list: 'jobDefinitions', lists: 'batch-job-definition',
  detect: (doc) => Array.isArray(doc.jobDefinitions),
  read: (item, at, where) => {
    const arn = expectArn(item.jobDefinitionArn, `${at}/jobDefinitionArn`);
    const tasks = field(sub(item, 'ecsProperties'), 'taskProperties');
    const roles = [text(sub(item, 'containerProperties').jobRoleArn), ...(Array.isArray(tasks) ? tasks.map((t) => text((t as Record<string, unknown>)?.taskRoleArn)) : [])].filter((r): r is string => r !== undefined);
    const status = text(item.status)?.toLowerCase();
    return { arn, kind: 'batch-job-definition', name: expectString(item.jobDefinitionName, `${at}/jobDefinitionName`), ...placeArn(arn, where, at), roles: [...new Set(roles)].sort(), ...(status ? { state: status } : {}) };
  },
};

export const BATCH_DESCRIBE_COMPUTE_ENVIRONMENTS: InventoryFormat = {
  command: 'aws batch describe-compute-environments', list: 'computeEnvironments', lists: 'batch-compute-environment',
  detect: (doc) => Array.isArray(doc.computeEnvironments),
  read: (item, at, where) => {
    const arn = expectArn(item.computeEnvironmentArn, `${at}/computeEnvironmentArn`);
    const placed = placeArn(arn, where, at);
    const profile = text(sub(item, 'computeResources').instanceRole);
    const state = text(item.state)?.toLowerCase();
    return {
      arn, kind: 'batch-compute-environment', name: expectString(item.computeEnvironmentName, `${at}/computeEnvironmentName`), ...placed, roles: [],
      ...(profile ? { via: instanceProfileArnOf(profile, placed.accountId, arn) } : {}), ...(state ? { state } : {}),
    };
  },
};
