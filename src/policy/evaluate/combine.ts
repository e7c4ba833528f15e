/**
 * How the layers combine into "allowed" once no explicit Deny applies — AWS's rules written as
 * one Kleene (three-valued) formula, so open mode needs no second implementation.
 *
 * Variables (each 'true' | 'false' | 'unknown'):
 *   ID       identity policies allow (constant 'true' for the account root user)
 *   BOUNDARY the permissions boundary allows ('true' when there is none)
 *   SESSION  the session policy allows ('true' when there is none, except for a federated user
 *            session, which has no permissions without one)
 *   EXACT    the resource policy allows the caller by its own ARN: the IAM user ARN, the role
 *            session ARN or the federated user session ARN; or by `*` (an IAM user or role session)
 *   ROLE     the resource policy allows the caller through the role behind its session, the IAM
 *            user behind a federated session, a service, a federated provider, or `*` (a
 *            federated user session: only a grant naming it is exempt from its session policy)
 *   ACCOUNT  the resource policy allows the caller's account (delegates to identity policies)
 *   ORG+i    SCP level i (root → OUs → account), then RCP levels: each level must allow
 *
 * Formulas (IAM User Guide, "Policy evaluation logic" and "Cross-account policy evaluation logic"):
 *   resource-only (anonymous, AWS service, web identity / SAML callers): EXACT ∨ ROLE ∨ ACCOUNT
 *   cross-account:        ID ∧ BOUNDARY ∧ SESSION ∧ (EXACT ∨ ROLE ∨ ACCOUNT)
 *   same-account:         EXACT ∨ ((ID ∨ ROLE) ∧ BOUNDARY ∧ SESSION)
 *   same-account-strict (role trust and KMS key policies, which must allow the caller):
 *                         EXACT ∨ ((ROLE ∨ (ACCOUNT ∧ ID)) ∧ BOUNDARY ∧ SESSION)
 *   allowed = ORG_0 ∧ … ∧ ORG_n ∧ grant
 *
 * Open mode: with unknown variables the formula may be 'unknown'. The residual Allow conditions
 * reported are exactly those of the *pivotal* unknown variables: a variable is pivotal when some
 * true/false completion of the other unknown variables makes the outcome depend on it. So an
 * unknown Allow in a layer that cannot change the outcome (e.g. a conditional resource-policy
 * Allow when identity, boundary and session already allow unconditionally, or an identity Allow
 * when the boundary lacks any Allow) is not listed.
 */
import type { Tri } from '../types.ts';

export type GrantShape = 'resource-only' | 'cross-account' | 'same-account' | 'same-account-strict';

export const ID = 0;
export const BOUNDARY = 1;
export const SESSION = 2;
export const EXACT = 3;
export const ROLE = 4;
export const ACCOUNT = 5;
export const ORG = 6;

const and = (a: Tri, b: Tri): Tri => (a === 'false' || b === 'false' ? 'false' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'true');
const or = (a: Tri, b: Tri): Tri => (a === 'true' || b === 'true' ? 'true' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'false');

/** The grant part of the formula (everything but the organization levels). */
export function grantOf(shape: GrantShape, id: Tri, boundary: Tri, session: Tri, exact: Tri, role: Tri, account: Tri): Tri {
  switch (shape) {
    case 'resource-only':
      return or(exact, or(role, account));
    case 'cross-account':
      return and(and(id, and(boundary, session)), or(exact, or(role, account)));
    case 'same-account':
      return or(exact, and(or(id, role), and(boundary, session)));
    case 'same-account-strict':
      return or(exact, and(or(role, and(account, id)), and(boundary, session)));
  }
}

/** The whole formula over a variable vector (ID … ACCOUNT, then one entry per organization level). */
export function allowOf(shape: GrantShape, v: readonly Tri[]): Tri {
  let org: Tri = 'true';
  for (let i = ORG; i < v.length; i++) org = and(org, v[i]);
  if (org === 'false') return 'false';
  return and(org, grantOf(shape, v[ID], v[BOUNDARY], v[SESSION], v[EXACT], v[ROLE], v[ACCOUNT]));
}

/** Above this many unknown variables every unknown one is reported (a safe superset) instead of enumerating. */
const MAX_ENUMERATED = 10;

/** Indexes of the unknown variables whose value can change the outcome (see the rule above). */
export function pivotalUnknowns(shape: GrantShape, v: readonly Tri[]): Set<number> {
  const unknown: number[] = [];
  for (let i = 0; i < v.length; i++) if (v[i] === 'unknown') unknown.push(i);
  if (unknown.length > MAX_ENUMERATED) return new Set(unknown);
  const pivotal = new Set<number>();
  const values = [...v];
  for (const target of unknown) {
    const others = unknown.filter((i) => i !== target);
    for (let mask = 0; mask < 1 << others.length; mask++) {
      others.forEach((index, bit) => (values[index] = mask & (1 << bit) ? 'true' : 'false'));
      values[target] = 'true';
      const whenTrue = allowOf(shape, values);
      values[target] = 'false';
      if (allowOf(shape, values) !== whenTrue) {
        pivotal.add(target);
        break;
      }
    }
    values[target] = 'unknown';
    for (const index of others) values[index] = 'unknown';
  }
  return pivotal;
}
