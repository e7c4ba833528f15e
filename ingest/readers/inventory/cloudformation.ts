/** `aws cloudformation describe-stacks`: each stack and the service role it runs as. */
import { expectArn, expectString } from '../../errors.ts';
import { text, type InventoryFormat } from './format.ts';
import { placeArn } from './placement.ts';

export const CLOUDFORMATION_DESCRIBE_STACKS: InventoryFormat = {
  command: 'aws cloudformation describe-stacks', list: 'Stacks', lists: 'cloudformation-stack',
  detect: (doc) => Array.isArray(doc.Stacks),
  read: (item, at, where) => {
    const arn = expectArn(item.StackId, `${at}/StackId`);
    const role = text(item.RoleARN);
    const status = text(item.StackStatus)?.toLowerCase();
    return { arn, kind: 'cloudformation-stack', name: expectString(item.StackName, `${at}/StackName`), ...placeArn(arn, where, at), roles: role ? [role] : [], ...(status ? { state: status } : {}) };
  },
};
