/**
 * Resource policies (buckets, keys, queues, …) that grant to the public or to accounts outside
 * the organization. "Public" follows Amazon S3's definition: a grant to `*` is not public when a
 * condition pins the caller or the source to fixed values (aws:SourceArn, aws:SourceVpc(e),
 * aws:SourceAccount, aws:SourceOwner, aws:SourceIp, aws:PrincipalOrgID, aws:userid, …).
 */
import type { AccountModel, Resource } from '../../model/types.ts';
import type { RawFinding, Rule } from '../types.ts';
import { accountRelation, isOutside } from './accounts.ts';
import { allowStatements, evidenceOfStatement, namesEveryone, pinnedKeys, principalValues, type StatementOf } from './statements.ts';

import { accountOfPrincipalValue } from '../../policy/arn.ts';
const NOT_PUBLIC_KEYS = [
  'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceowner', 'aws:sourceaccount', 'aws:sourceip',
  'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
];
const ORG_KEYS = ['aws:principalorgid', 'aws:principalorgpaths'];

function grants(model: AccountModel): Array<StatementOf & { resource: Resource }> {
  const out: Array<StatementOf & { resource: Resource }> = [];
  for (const resource of Object.values(model.resources).sort((a, b) => (a.arn < b.arn ? -1 : 1))) {
    if (!resource.resourcePolicy) continue;
    for (const s of allowStatements(model.policies[resource.resourcePolicy])) out.push({ ...s, resource });
  }
  return out;
}

const actionsOf = (s: StatementOf): string[] => s.statement.parsed.action ?? (s.statement.parsed.notAction ? s.statement.parsed.notAction.map((a) => `NOT ${a}`) : []);
const keyOf = (s: StatementOf, value = ''): string => `${s.record.id}#${s.statement.ref.statement}#${value}`;
const label = (arn: string): string => arn.split(':').slice(5).join(':') || arn;

export const resourcePublic: Rule = {
  info: {
    id: 'resource-public',
    severity: 'critical',
    title: 'Resource policy grants access to the public',
    description: 'A resource policy allows "*" (any principal, authenticated or not) without a condition that pins the caller or the source to fixed values.',
    remediation: 'Name the principals, or add a condition on aws:PrincipalOrgID, aws:SourceArn, aws:SourceAccount or aws:SourceVpce; for S3 turn on Block Public Access.',
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status'],
  },
  run({ model }) {
    const out: RawFinding[] = [];
    for (const g of grants(model)) {
      if (!namesEveryone(g.statement) || pinnedKeys(g.statement, NOT_PUBLIC_KEYS).length) continue;
      const conditions = g.statement.parsed.condition.length;
      out.push({
        severity: conditions ? 'high' : 'critical',
        subject: g.resource.arn,
        key: keyOf(g),
        title: `${label(g.resource.arn)} is public`,
        message: `Statement ${g.statement.ref.statement}${g.statement.ref.sid ? ` (${g.statement.ref.sid})` : ''} of ${g.resource.arn}'s policy allows ${actionsOf(g).join(', ')} to any principal${conditions ? ' under conditions that pin neither caller nor source' : ''}.`,
        evidence: [evidenceOfStatement(g, 'resource policy')],
        facts: { actions: actionsOf(g), conditions, service: g.resource.service },
      });
    }
    return out;
  },
};

export const resourceOutsideOrg: Rule = {
  info: {
    id: 'resource-outside-org',
    severity: 'high',
    title: 'Resource policy grants access outside the organization',
    description: 'A resource policy allows a principal or a whole account that is neither analysed nor in the organization, with no aws:PrincipalOrgID condition.',
    remediation: 'Confirm the grant is intended (declare partners with --known-account); otherwise remove it or restrict it with aws:PrincipalOrgID.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html'],
  },
  run({ model, options }) {
    const out: RawFinding[] = [];
    for (const g of grants(model)) {
      if (pinnedKeys(g.statement, ORG_KEYS).length) continue;
      for (const value of principalValues(g.statement.parsed.principal, 'AWS')) {
        const account = accountOfPrincipalValue(value);
        if (!account) continue;
        const relation = accountRelation(model, account, options.knownAccounts);
        if (!isOutside(relation)) continue;
        out.push({
          severity: relation === 'unknown' ? 'high' : 'medium',
          subject: g.resource.arn,
          key: keyOf(g, value),
          title: `${label(g.resource.arn)} grants to ${relation} account ${account}`,
          message: `Statement ${g.statement.ref.statement}${g.statement.ref.sid ? ` (${g.statement.ref.sid})` : ''} of ${g.resource.arn}'s policy allows ${actionsOf(g).join(', ')} to ${value}, outside the organization.`,
          evidence: [evidenceOfStatement(g, `grant to ${value}`)],
          facts: { account, relation, principal: value, actions: actionsOf(g) },
        });
      }
    }
    return out;
  },
};
