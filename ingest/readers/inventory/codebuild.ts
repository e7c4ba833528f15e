/** `aws codebuild batch-get-projects`: each project and its service role. */
import { expectArn, expectString } from '../../errors.ts';
import { text, type InventoryFormat } from './format.ts';
import { placeArn } from './placement.ts';

export const CODEBUILD_BATCH_GET_PROJECTS: InventoryFormat = {
  command: 'aws codebuild batch-get-projects', list: 'projects', lists: 'codebuild-project',
  detect: (doc) => Array.isArray(doc.projects) && (Array.isArray(doc.projectsNotFound) || (doc.projects as unknown[]).some((p) => typeof (p as { serviceRole?: unknown })?.serviceRole === 'string')),
  read: (item, at, where) => {
    const arn = expectArn(item.arn, `${at}/arn`);
    const role = text(item.serviceRole);
    return { arn, kind: 'codebuild-project', name: expectString(item.name, `${at}/name`), ...placeArn(arn, where, at), roles: role ? [role] : [] };
  },
};
