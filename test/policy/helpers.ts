/** Small builders for engine tests. */
import { compilePolicy, makeContext } from '../../src/policy/index.ts';
import type { CallerInfo, CompiledPolicy, PolicyType, RequestContext } from '../../src/policy/index.ts';

let counter = 0;

export function policy(statements: unknown[] | Record<string, unknown>, type: PolicyType = 'identity', version: string | null = '2012-10-17'): CompiledPolicy {
  const doc: Record<string, unknown> = { Statement: statements };
  if (version) doc.Version = version;
  counter += 1;
  return compilePolicy(doc, { id: `${type}-${counter}`, type });
}

export const allow = (action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
export const deny = (action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}) => ({ Effect: 'Deny', Action: action, Resource: resource, ...extra });

export const A = '111122223333';
export const B = '444455556666';

export const user = (name: string, account = A): CallerInfo => ({ type: 'IAMUser', arn: `arn:aws:iam::${account}:user/${name}`, accountId: account });
export const role = (name: string, account = A): CallerInfo => ({ type: 'IAMRole', arn: `arn:aws:iam::${account}:role/${name}`, accountId: account });
export const session = (roleName: string, sessionName: string, account = A): CallerInfo => ({
  type: 'AssumedRoleSession',
  arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
  accountId: account,
  issuerArn: `arn:aws:iam::${account}:role/${roleName}`,
});

export const closed = (entries: Record<string, string | string[]> = {}): RequestContext => makeContext(entries, 'closed');
export const open = (entries: Record<string, string | string[]> = {}, absent: string[] = []): RequestContext => makeContext(entries, 'open', absent);
