/** `aws lambda list-functions`: each function and its execution role. */
import { expectArn, expectString } from '../../errors.ts';
import type { InventoryFormat } from './format.ts';
import { placeArn } from './placement.ts';

export const LAMBDA_LIST_FUNCTIONS: InventoryFormat = {
  command: 'aws lambda list-functions', list: 'Functions', lists: 'lambda-function',
  detect: (doc) => Array.isArray(doc.Functions),
  read: (item, at, where) => {
    const arn = expectArn(item.FunctionArn, `${at}/FunctionArn`);
    return {
      arn, kind: 'lambda-function', name: expectString(item.FunctionName, `${at}/FunctionName`), ...placeArn(arn, where, at),
      roles: [expectArn(item.Role, `${at}/Role`)],
      ...(typeof item.State === 'string' ? { state: item.State.toLowerCase() } : {}),
    };
  },
};
