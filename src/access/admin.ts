/**
 * "Admin": effectively allowed every action on every resource, after boundaries, SCPs and denies.
 * Every action cannot be enumerated, so the check asks for a set of sentinel actions across
 * services — IAM writes, role passing and assuming, compute, data, KMS, Organizations — plus an
 * action no policy names explicitly (`iamgraph:AnyOtherAction`), which only `*`-style grants (or
 * NotAction) allow. A principal allowed all of them is admin; conditional if any needs a condition.
 */
import { compilePolicy } from '../policy/compile.ts';
import type { Decision, ResidualCondition, StatementRef } from '../policy/types.ts';
import type { AccountModel } from '../model/types.ts';
import { decideAccess } from './decide.ts';
import type { PrincipalProfile } from './profile.ts';

export const ADMIN_SENTINELS: readonly string[] = [
  'iam:AttachRolePolicy', 'iam:CreateUser', 'iam:PassRole', 'sts:AssumeRole', 'ec2:RunInstances',
  's3:PutBucketPolicy', 'lambda:CreateFunction', 'kms:Decrypt', 'organizations:DescribeOrganization',
  'iamgraph:AnyOtherAction',
];

/** What a principal could grant itself with any identity-policy write. */
export const ALLOW_ALL = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, { id: 'iamgraph:any-policy-the-principal-writes', name: 'any policy the principal writes', type: 'identity' });

export interface AdminCheck {
  admin: boolean;
  conditional: boolean;
  evidence: StatementRef[];
  conditions: ResidualCondition[];
}

export function adminCheck(model: AccountModel, profile: PrincipalProfile, hypothesis: { identity?: PrincipalProfile['identity']; withoutBoundary?: boolean } = {}): AdminCheck {
  const decisions: Decision[] = [];
  for (const action of ADMIN_SENTINELS) {
    const d = decideAccess(model, profile, { action, resource: '*', ...hypothesis });
    if (d.decision !== 'allowed') return { admin: false, conditional: false, evidence: [], conditions: [] };
    decisions.push(d);
  }
  const evidence = new Map<string, StatementRef>();
  const conditions = new Map<string, ResidualCondition>();
  for (const d of decisions) {
    for (const ref of d.matched) evidence.set(`${ref.policy}#${ref.statement}`, ref);
    for (const c of d.residual) conditions.set(JSON.stringify([c.statement.policy, c.statement.statement, c.operator, c.key, c.values]), c);
  }
  return {
    admin: true,
    conditional: decisions.some((d) => d.conditional),
    evidence: [...evidence.values()].filter((r) => r.policy !== ALLOW_ALL.meta.id),
    conditions: [...conditions.values()],
  };
}
