/** Every Allow statement of every assumable role's trust policy that allows an assume action. */
import type { AccountModel, Role } from '../../model/types.ts';
import { allowStatements, type StatementOf } from './statements.ts';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

export interface TrustStatement extends StatementOf {
  role: Role;
}

export function trustStatements(model: AccountModel): TrustStatement[] {
  const out: TrustStatement[] = [];
  for (const role of Object.values(model.roles).sort((a, b) => (a.arn < b.arn ? -1 : 1))) {
    if (role.serviceLinked) continue;
    for (const s of allowStatements(model.policies[role.trustPolicy])) {
      if (ASSUME_ACTIONS.some((a) => s.statement.matchesAction(a))) out.push({ ...s, role });
    }
  }
  return out;
}

/** Distinguishes findings on one role: the statement (and the principal value it names). */
export const statementKey = (t: StatementOf, value = ''): string => `${t.record.id}#${t.statement.ref.statement}#${value}`;
