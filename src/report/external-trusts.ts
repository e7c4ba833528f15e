/**
 * Inventory of trusts that reach outside the analysed accounts: AWS principals of other accounts
 * (outside the organization), the public and federated providers. The diff reports new ones.
 */
import type { AccountModel } from '../model/types.ts';
import { accountRelation, isOutside } from './findings/accounts.ts';
import { namesEveryone, principalValues } from './findings/statements.ts';
import { trustStatements } from './findings/trust-statements.ts';

import { accountOfPrincipalValue } from '../policy/arn.ts';
export interface ExternalTrust {
  role: string;
  /** The principal value as written (`*` for everyone). */
  principal: string;
  kind: 'account' | 'public' | 'federated';
  account?: string;
  relation?: 'known' | 'unknown';
  /** Condition keys of the statement (lower-case), sorted. */
  conditionKeys: string[];
}

export function externalTrusts(model: AccountModel, knownAccounts: readonly string[]): ExternalTrust[] {
  const out = new Map<string, ExternalTrust>();
  for (const t of trustStatements(model)) {
    const conditionKeys = [...new Set(t.statement.parsed.condition.map((c) => c.key.toLowerCase()))].sort();
    const add = (x: ExternalTrust) => out.set(`${x.role}\n${x.principal}`, x);
    if (namesEveryone(t.statement)) add({ role: t.role.arn, principal: '*', kind: 'public', conditionKeys });
    for (const value of principalValues(t.statement.parsed.principal, 'AWS')) {
      const account = accountOfPrincipalValue(value);
      if (!account) continue;
      const relation = accountRelation(model, account, knownAccounts);
      if (isOutside(relation)) add({ role: t.role.arn, principal: value, kind: 'account', account, relation: relation as 'known' | 'unknown', conditionKeys });
    }
    for (const value of principalValues(t.statement.parsed.principal, 'Federated')) add({ role: t.role.arn, principal: value, kind: 'federated', conditionKeys });
  }
  return [...out.values()].sort((a, b) => (a.role + a.principal < b.role + b.principal ? -1 : 1));
}
