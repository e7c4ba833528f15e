/**
 * `aws apprunner list-services` (every service, for completeness) and `aws apprunner
 * describe-service` (one service's instance role).
 */
import { expectArn, expectString, isRecord } from '../../errors.ts';
import { sub, text, type InventoryFormat } from './format.ts';
import { placeArn } from './placement.ts';

const service: InventoryFormat['read'] = (item, at, where) => {
  const arn = expectArn(item.ServiceArn, `${at}/ServiceArn`);
  const role = text(sub(item, 'InstanceConfiguration').InstanceRoleArn);
  const status = text(item.Status)?.toLowerCase();
  return { arn, kind: 'apprunner-service', name: expectString(item.ServiceName, `${at}/ServiceName`), ...placeArn(arn, where, at), roles: role ? [role] : [], ...(status ? { state: status } : {}) };
};

export const APPRUNNER_LIST_SERVICES: InventoryFormat = {
  command: 'aws apprunner list-services', list: 'ServiceSummaryList', lists: 'apprunner-service',
  detect: (doc) => Array.isArray(doc.ServiceSummaryList),
  read: service,
};

export const APPRUNNER_DESCRIBE_SERVICE: InventoryFormat = {
  command: 'aws apprunner describe-service',
  detect: (doc) => isRecord(doc.Service) && typeof doc.Service.ServiceArn === 'string',
  read: (doc, _at, where) => service(doc.Service as Record<string, unknown>, '/Service', where),
};
