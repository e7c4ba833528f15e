/**
 * Trust policies that open a role too wide: to any principal, to whole outside accounts without
 * an external ID or organization condition, to accounts nobody declared.
 */
import { shortName } from '../../analysis/text.ts';
import type { RawFinding, Rule } from '../types.ts';
import { accountRelation, isOutside } from './accounts.ts';
import { evidenceOfStatement, namesEveryone, pinnedKeys, principalValues } from './statements.ts';
import { statementKey, trustStatements } from './trust-statements.ts';

import { accountOfPrincipalValue, namesWholeAccount } from '../../policy/arn.ts';
/** Keys that, pinned, limit who the principal can be. */
const PRINCIPAL_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:userid', 'aws:sourceaccount', 'aws:sourcearn'];
/** Keys that make a whole-account trust safe against the confused deputy. */
const DEPUTY_KEYS = ['sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalarn'];

export const trustAnyPrincipal: Rule = {
  info: {
    id: 'trust-any-principal',
    severity: 'critical',
    title: 'Role trusts any principal',
    description: 'The trust policy allows "*" (or uses NotPrincipal in an Allow): any AWS principal in any account that knows the role ARN may assume it, unless conditions pin who the caller is.',
    remediation: 'Name the principals that may assume the role, or pin aws:PrincipalOrgID / aws:PrincipalAccount / aws:PrincipalArn in a condition.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid'],
  },
  run({ model }) {
    const out: RawFinding[] = [];
    for (const t of trustStatements(model)) {
      if (!namesEveryone(t.statement)) continue;
      const pinned = pinnedKeys(t.statement, PRINCIPAL_KEYS);
      const conditions = t.statement.parsed.condition.length;
      const severity = pinned.length ? 'low' : conditions ? 'high' : 'critical';
      out.push({
        severity,
        subject: t.role.arn,
        key: statementKey(t),
        title: `${shortName(t.role.arn)} trusts any principal`,
        message: `Trust statement ${t.statement.ref.statement}${t.statement.ref.sid ? ` (${t.statement.ref.sid})` : ''} of ${t.role.arn} allows any principal${pinned.length ? `, limited by ${pinned.join(', ')}` : conditions ? ' under conditions that do not pin the caller' : ' with no condition'}.`,
        evidence: [evidenceOfStatement(t, 'trust policy')],
        facts: { pinnedKeys: pinned, conditions },
      });
    }
    return out;
  },
};

export const trustExternalAccount: Rule = {
  info: {
    id: 'trust-external-account',
    severity: 'high',
    title: 'Role trusts a whole outside account without an external ID',
    description: 'The trust policy names the root of an account outside the analysed accounts and the organization, without an sts:ExternalId or organization condition: anyone that account allows may assume the role, and a third party serving many customers can be tricked into using it for someone else (confused deputy).',
    remediation: 'Require sts:ExternalId (third parties), or pin aws:PrincipalOrgID / aws:PrincipalArn to the principals that should assume the role.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html'],
  },
  run({ model, options }) {
    const out: RawFinding[] = [];
    for (const t of trustStatements(model)) {
      if (pinnedKeys(t.statement, DEPUTY_KEYS).length) continue;
      for (const value of principalValues(t.statement.parsed.principal, 'AWS')) {
        const account = accountOfPrincipalValue(value);
        if (!account || !namesWholeAccount(value)) continue;
        const relation = accountRelation(model, account, options.knownAccounts);
        if (!isOutside(relation)) continue;
        out.push({
          severity: 'high',
          subject: t.role.arn,
          key: statementKey(t, value),
          title: `${shortName(t.role.arn)} trusts account ${account} without an external ID`,
          message: `${t.role.arn} trusts every principal of ${relation === 'unknown' ? 'unknown ' : ''}account ${account} (outside the organization) with no sts:ExternalId or organization condition.`,
          evidence: [evidenceOfStatement(t, `trust: ${value}`)],
          facts: { account, relation },
        });
      }
    }
    return out;
  },
};

export const trustUnknownAccount: Rule = {
  info: {
    id: 'trust-unknown-account',
    severity: 'medium',
    title: 'Role trusts an unknown account',
    description: 'The trust policy names an account that is neither analysed, nor in the organization, nor declared as a known partner (`--known-account`). Nobody can tell who controls it.',
    remediation: 'Confirm who owns the account; remove the trust, or declare the account as a known partner and require sts:ExternalId.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html'],
  },
  run({ model, options }) {
    const out: RawFinding[] = [];
    for (const t of trustStatements(model)) {
      for (const value of principalValues(t.statement.parsed.principal, 'AWS')) {
        const account = accountOfPrincipalValue(value);
        if (!account || accountRelation(model, account, options.knownAccounts) !== 'unknown') continue;
        out.push({
          severity: 'medium',
          subject: t.role.arn,
          key: statementKey(t, value),
          title: `${shortName(t.role.arn)} trusts unknown account ${account}`,
          message: `${t.role.arn} trusts ${value}, in account ${account}, which is not analysed, not in the organization and not declared known.`,
          evidence: [evidenceOfStatement(t, `trust: ${value}`)],
          facts: { account, principal: value },
        });
      }
    }
    return out;
  },
};
