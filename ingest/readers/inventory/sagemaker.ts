/**
 * `aws sagemaker list-notebook-instances` (every notebook, for completeness) and
 * `aws sagemaker describe-notebook-instance` (one notebook's role).
 */
import { expectArn, expectString } from '../../errors.ts';
import { text, type InventoryFormat } from './format.ts';
import { placeArn } from './placement.ts';

const notebook: InventoryFormat['read'] = (item, at, where) => {
  const arn = expectArn(item.NotebookInstanceArn, `${at}/NotebookInstanceArn`);
  const role = text(item.RoleArn);
  const status = text(item.NotebookInstanceStatus)?.toLowerCase();
  return { arn, kind: 'sagemaker-notebook', name: expectString(item.NotebookInstanceName, `${at}/NotebookInstanceName`), ...placeArn(arn, where, at), roles: role ? [role] : [], ...(status ? { state: status } : {}) };
};

export const SAGEMAKER_LIST_NOTEBOOK_INSTANCES: InventoryFormat = {
  command: 'aws sagemaker list-notebook-instances', list: 'NotebookInstances', lists: 'sagemaker-notebook',
  detect: (doc) => Array.isArray(doc.NotebookInstances),
  read: notebook,
};

export const SAGEMAKER_DESCRIBE_NOTEBOOK_INSTANCE: InventoryFormat = {
  command: 'aws sagemaker describe-notebook-instance',
  detect: (doc) => typeof doc.NotebookInstanceArn === 'string',
  read: notebook,
};
