/** Every rule, in the order reports list them. */
import type { Rule } from '../types.ts';
import { adminPrincipal, adminWithoutMfa } from './admins.ts';
import { chokePoints } from './choke-points.ts';
import { federatedTrustUnscoped } from './federated-trusts.ts';
import { passableAdminRole } from './passable-admin-roles.ts';
import { privescToAdmin } from './privesc-to-admin.ts';
import { resourceOutsideOrg, resourcePublic } from './resource-policies.ts';
import { assumeRoleCycle, longRoleChain } from './role-chains.ts';
import { staleCredentials } from './stale-credentials.ts';
import { trustAnyPrincipal, trustExternalAccount, trustUnknownAccount } from './trusts.ts';

export const RULES: readonly Rule[] = [
  privescToAdmin,
  chokePoints,
  passableAdminRole,
  trustAnyPrincipal,
  federatedTrustUnscoped,
  trustExternalAccount,
  trustUnknownAccount,
  resourcePublic,
  resourceOutsideOrg,
  adminWithoutMfa,
  staleCredentials,
  longRoleChain,
  assumeRoleCycle,
  adminPrincipal,
];
