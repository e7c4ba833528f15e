/** Where an account stands relative to the analysed accounts and their organization. */
import type { AccountModel } from '../../model/types.ts';

export type AccountRelation = 'analysed' | 'organization' | 'known' | 'unknown';

export function accountRelation(model: AccountModel, accountId: string, knownAccounts: readonly string[]): AccountRelation {
  const account = model.accounts[accountId];
  if (account && !account.external) return 'analysed';
  if (model.organization?.nodes[accountId]?.kind === 'account' || model.organization?.managementAccountId === accountId) return 'organization';
  if (knownAccounts.includes(accountId)) return 'known';
  return 'unknown';
}

/** Outside every analysed account and outside the organization. */
export const isOutside = (relation: AccountRelation): boolean => relation === 'known' || relation === 'unknown';
