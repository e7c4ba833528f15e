/**
 * `aws glue get-jobs` and `aws glue get-dev-endpoints`: each job or endpoint and its role (a job
 * names it by name or ARN). Neither output holds an ARN: the account and region come from the
 * folder (`<account>/<region>/`) or the role's ARN.
 */
import { formatArn, partitionOf } from '../../../src/policy/arn.ts';
import { expectString } from '../../errors.ts';
import { text, type ComputeItem, type InventoryFormat } from './format.ts';
import { placeArn, roleArnOf, type Placement } from './placement.ts';

function glueResource(kind: 'glue-job' | 'glue-dev-endpoint', type: string, name: string, role: string | undefined, where: Placement, at: string, state?: string): ComputeItem {
  const accountId = where.accountId ?? (role?.startsWith('arn:') ? role.split(':')[4] : undefined);
  const placed = placeArn(undefined, { ...where, ...(accountId ? { accountId } : {}) }, at);
  const arn = formatArn({ partition: partitionOf(role), service: 'glue', region: placed.region, account: placed.accountId, resource: `${type}/${name}` });
  return { arn, kind, name, ...placed, roles: role ? [roleArnOf(role, placed.accountId, role)] : [], ...(state ? { state: state.toLowerCase() } : {}) };
}

export const GLUE_GET_JOBS: InventoryFormat = {
  command: 'aws glue get-jobs', list: 'Jobs', lists: 'glue-job',
  detect: (doc) => Array.isArray(doc.Jobs) && (doc.Jobs as unknown[]).every((j) => typeof (j as { Name?: unknown })?.Name === 'string' && (j as { Command?: unknown }).Command !== undefined),
  read: (item, at, where) => glueResource('glue-job', 'job', expectString(item.Name, `${at}/Name`), text(item.Role), where, at),
};

export const GLUE_GET_DEV_ENDPOINTS: InventoryFormat = {
  command: 'aws glue get-dev-endpoints', list: 'DevEndpoints', lists: 'glue-dev-endpoint',
  detect: (doc) => Array.isArray(doc.DevEndpoints),
  read: (item, at, where) => glueResource('glue-dev-endpoint', 'devEndpoint', expectString(item.EndpointName, `${at}/EndpointName`), text(item.RoleArn), where, at, text(item.Status)),
};
