/**
 * `aws ecs describe-services` (each service, the task definition its tasks run and whether ECS
 * Exec is on) and `aws ecs describe-task-definition` (the task role).
 */
import { formatArn, parseArn } from '../../../src/policy/arn.ts';
import { expectArn, expectString, isRecord } from '../../errors.ts';
import { text, type InventoryFormat } from './format.ts';
import { placeArn } from './placement.ts';

export const ECS_DESCRIBE_SERVICES: InventoryFormat = {
  command: 'aws ecs describe-services', list: 'services', lists: 'ecs-service',
  detect: (doc) => Array.isArray(doc.services) && Array.isArray(doc.failures),
  read: (item, at, where) => {
    const arn = expectArn(item.serviceArn, `${at}/serviceArn`);
    const placed = placeArn(arn, where, at);
    const cluster = text(item.clusterArn)?.split('/').pop() ?? arn.split('/').slice(-2)[0];
    const status = text(item.status)?.toLowerCase();
    // ECS Exec reaches running tasks only, and only those started with it enabled.
    const running = status === 'active' && typeof item.runningCount === 'number' && item.runningCount > 0;
    return {
      arn, kind: 'ecs-service', name: expectString(item.serviceName, `${at}/serviceName`), ...placed, roles: [],
      ...(text(item.taskDefinition) ? { via: item.taskDefinition as string } : {}),
      ...(status ? { state: running ? (item.enableExecuteCommand === true ? 'running-exec' : 'running') : status } : {}),
      actOn: formatArn({ ...parseArn(arn)!, resource: `task/${cluster}/*` }),
    };
  },
};

export const ECS_DESCRIBE_TASK_DEFINITION: InventoryFormat = {
  command: 'aws ecs describe-task-definition',
  detect: (doc) => isRecord(doc.taskDefinition) && typeof doc.taskDefinition.taskDefinitionArn === 'string',
  read: (doc, _at, where) => {
    const item = doc.taskDefinition as Record<string, unknown>;
    const arn = expectArn(item.taskDefinitionArn, '/taskDefinition/taskDefinitionArn');
    const role = text(item.taskRoleArn);
    return { arn, kind: 'ecs-task-definition', name: arn.split('/').pop()!, ...placeArn(arn, where, '/taskDefinition'), roles: role ? [role] : [] };
  },
};
