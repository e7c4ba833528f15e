/**
 * IAM Identity Center: each permission set becomes an `AWSReservedSSO_<set>_…` role in every
 * account it is provisioned to, entered by the directory users (and groups) assigned to it. Who
 * can change a permission set — or assign it — changes those roles, in every account. The calls are
 * made in the account that administers the instance (the organization's management account, or a
 * delegated administrator). Resources as in the Service Authorization Reference ("Actions defined
 * by AWS IAM Identity Center"): CreateAccountAssignment and ProvisionPermissionSet act on the
 * Instance, the PermissionSet and the Account; the policy changes on the Instance and PermissionSet.
 */
import type { RequiredAction, Technique } from '../types.ts';

const on = (action: string, resource: string): RequiredAction => ({ action, resource });
/** An sso-admin action on the target role's instance and permission set (and, when `account`, its account). */
const onPermissionSet = (action: string, account = false): RequiredAction[] => [
  on(action, '{instance}'), on(action, '{permissionSet}'), ...(account ? [on(action, '{targetAccount}')] : []),
];
/** A permission set's new policies reach its roles only when it is provisioned again. */
const provision = onPermissionSet('sso:ProvisionPermissionSet', true);

export const IDENTITY_CENTER_TECHNIQUES: readonly Technique[] = [
  {
    id: 'sso-rewrite-permission-set', name: 'Add a policy to a permission set and provision it: every role it makes gains it, for whoever is assigned',
    publicIds: [], sources: ['user', 'role'], targets: 'permission-set-roles', administeredFrom: 'identity-center',
    anyOf: [
      [...onPermissionSet('sso:PutInlinePolicyToPermissionSet'), ...provision],
      [...onPermissionSet('sso:AttachManagedPolicyToPermissionSet'), ...provision],
    ],
    result: 'rewrite-target', gain: 'any-policy',
  },
  {
    id: 'sso-remove-permission-set-boundary', name: 'Remove (or replace) a permission set\'s permissions boundary and provision it',
    publicIds: [], sources: ['user', 'role'], targets: 'permission-set-roles', administeredFrom: 'identity-center',
    anyOf: [
      [...onPermissionSet('sso:DeletePermissionsBoundaryFromPermissionSet'), ...provision],
      [...onPermissionSet('sso:PutPermissionsBoundaryToPermissionSet'), ...provision],
    ],
    result: 'rewrite-target', gain: 'no-boundary',
  },
  {
    id: 'sso-create-account-assignment', name: 'Assign a permission set in an account to an Identity Center user one signs in as, then sign in to its role',
    publicIds: [], sources: ['user', 'role'], targets: 'permission-set-roles', administeredFrom: 'identity-center',
    anyOf: [onPermissionSet('sso:CreateAccountAssignment', true)],
    result: 'target', requires: 'an Identity Center user the attacker signs in as (the assignment names it)',
  },
];
