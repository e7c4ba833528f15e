/**
 * `aws ec2 describe-instances` (each instance, its state and instance profile) and
 * `aws ec2 describe-iam-instance-profile-associations` (which profile each instance has).
 */
import { formatArn, partitionOf } from '../../../src/policy/arn.ts';
import { expectArn, expectString, isRecord } from '../../errors.ts';
import { elements, sub, text, type ComputeItem, type InventoryFormat } from './format.ts';
import { placeArn, regionOfZone, type Placement } from './placement.ts';

function instance(id: string, where: Placement, at: string, profile: string | undefined, state: string | undefined): ComputeItem {
  const placed = placeArn(undefined, where, at);
  const arn = formatArn({ partition: partitionOf(profile), service: 'ec2', region: placed.region, account: placed.accountId, resource: `instance/${id}` });
  return { arn, kind: 'ec2-instance', name: id, ...placed, roles: [], ...(profile ? { via: profile } : {}), ...(state ? { state: state.toLowerCase() } : {}) };
}

export const EC2_DESCRIBE_INSTANCES: InventoryFormat = {
  command: 'aws ec2 describe-instances', lists: 'ec2-instance',
  detect: (doc) => Array.isArray(doc.Reservations),
  // Instances sit inside reservations, which hold the owner.
  list: (doc) => elements(doc, 'Reservations').flatMap(({ item, at }) =>
    isRecord(item) ? elements(item, 'Instances').map((i) => ({ item: isRecord(i.item) ? { ...i.item, OwnerId: item.OwnerId } : i.item, at: `${at}${i.at}` })) : []),
  read: (item, at, where) => {
    const id = expectString(item.InstanceId, `${at}/InstanceId`);
    const region = where.region ?? regionOfZone(text(sub(item, 'Placement').AvailabilityZone) ?? '');
    const accountId = text(item.OwnerId) ?? where.accountId;
    return instance(id, { ...(accountId ? { accountId } : {}), ...(region ? { region } : {}) }, at, text(sub(item, 'IamInstanceProfile').Arn), text(sub(item, 'State').Name));
  },
};

export const EC2_INSTANCE_PROFILE_ASSOCIATIONS: InventoryFormat = {
  command: 'aws ec2 describe-iam-instance-profile-associations', list: 'IamInstanceProfileAssociations',
  detect: (doc) => Array.isArray(doc.IamInstanceProfileAssociations),
  read: (item, at, where) => {
    const state = text(item.State);
    if (state && state !== 'associated' && state !== 'associating') return undefined;
    const id = expectString(item.InstanceId, `${at}/InstanceId`);
    const profile = expectArn(sub(item, 'IamInstanceProfile').Arn, `${at}/IamInstanceProfile/Arn`);
    return instance(id, { accountId: where.accountId ?? profile.split(':')[4], ...(where.region ? { region: where.region } : {}) }, at, profile, undefined);
  },
};
