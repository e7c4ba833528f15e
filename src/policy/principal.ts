/**
 * Principal / NotPrincipal matching for resource-based and trust policies (IAM User Guide,
 * "AWS JSON policy elements: Principal" and "NotPrincipal"):
 * - `"*"` and `{"AWS": "*"}` match everyone, anonymous included;
 * - a 12-digit account id is the same as `arn:aws:iam::ID:root` and stands for the account:
 *   any principal of that account (whose own identity policies must then allow);
 * - an IAM role ARN matches the role's sessions; an assumed-role session ARN, a user ARN, a
 *   federated-user ARN match exactly; unique ids (AIDA…, AROA…) of deleted principals match nothing;
 * - wildcards inside a principal ARN are not supported by AWS: such values match nothing;
 * - Service, Federated and CanonicalUser match those caller kinds.
 */
import { accountOfArn, isAccountId, isRootArn, namesWholeAccount, parseArn, partitionOf, rootArn } from './arn.ts';
import type { CallerInfo, PrincipalBlock, Tri } from './types.ts';

export type PrincipalMatcher = (caller: CallerInfo) => Tri;

/** Does an `AWS` principal value name exactly this identity? A bare account id names its root, in any partition. */
const namesIdentity = (value: string, identity: string): boolean =>
  isAccountId(value) ? isRootArn(identity) && accountOfArn(identity) === value : value === identity;

function callerAccount(caller: CallerInfo): string | undefined {
  if (caller.accountId) return caller.accountId;
  return parseArn(caller.arn)?.account || undefined;
}

/** The identities AWS checks for a caller, from the account down to the session. */
export function callerIdentities(caller: CallerInfo): string[] {
  const account = callerAccount(caller);
  const ids: string[] = [];
  if (account && caller.type !== 'AWSService' && caller.type !== 'Anonymous') ids.push(rootArn(account, partitionOf(caller.arn)));
  if (caller.issuerArn && caller.type === 'AssumedRoleSession') ids.push(caller.issuerArn);
  if (caller.type !== 'AccountRoot') ids.push(caller.arn);
  return ids;
}

/** An `AWS` principal value, analysed once: everyone, an account, one ARN, or nothing (wildcards, unique ids). */
type AwsValue = { kind: 'any' } | { kind: 'account'; account: string } | { kind: 'arn'; arn: string } | { kind: 'none' };

const awsValues = new Map<string, AwsValue>();

function analyseAwsValue(value: string): AwsValue {
  let analysed = awsValues.get(value);
  if (analysed) return analysed;
  const arn = value;
  const parsed = parseArn(arn);
  if (value === '*') analysed = { kind: 'any' };
  else if (isAccountId(value)) analysed = { kind: 'account', account: value };
  else if (arn.includes('*') || arn.includes('?') || !parsed) analysed = { kind: 'none' }; // unique ids of deleted principals, malformed values
  else if (parsed.resource === 'root') analysed = { kind: 'account', account: parsed.account };
  else analysed = { kind: 'arn', arn };
  if (awsValues.size > 100_000) awsValues.clear();
  awsValues.set(value, analysed);
  return analysed;
}

/** Does one `AWS` principal value name this caller? */
function awsValueMatches(value: string, caller: CallerInfo): boolean {
  const v = analyseAwsValue(value);
  if (v.kind === 'any') return true;
  if (v.kind === 'none' || caller.type === 'Anonymous' || caller.type === 'AWSService') return false;
  if (v.kind === 'account') return v.account === callerAccount(caller);
  if (v.arn === caller.arn) return true;
  // A role ARN stands for its sessions; the IAM user ARN behind a federated user session stands for it too.
  return (caller.type === 'AssumedRoleSession' || caller.type === 'FederatedUserSession') && v.arn === caller.issuerArn;
}

function blockMatches(block: PrincipalBlock, caller: CallerInfo): boolean {
  if (block === '*') return true;
  if (block.AWS?.some((v) => awsValueMatches(v, caller))) return true;
  if (caller.type === 'AWSService' && block.Service?.some((v) => v === '*' || v.toLowerCase() === caller.arn.toLowerCase())) return true;
  if ((caller.type === 'WebIdentity' || caller.type === 'SAML') && caller.federatedProvider) {
    if (block.Federated?.some((v) => v === caller.federatedProvider)) return true;
  }
  if (block.CanonicalUser?.some((v) => v === caller.arn)) return true;
  return false;
}

/** Values listed in a NotPrincipal exempt an identity when they name it exactly (account as root ARN). */
function exemptedBy(block: PrincipalBlock, identity: string): boolean {
  if (block === '*') return true;
  return (block.AWS ?? []).some((v) => v === '*' || namesIdentity(v, identity)) ||
    (block.Service ?? []).some((v) => v.toLowerCase() === identity.toLowerCase()) ||
    (block.Federated ?? []).some((v) => v === identity);
}

export function compilePrincipalMatcher(principal: PrincipalBlock | undefined, notPrincipal: PrincipalBlock | undefined): PrincipalMatcher {
  if (principal !== undefined) return (caller) => (blockMatches(principal, caller) ? 'true' : 'false');
  if (notPrincipal !== undefined) {
    // AWS checks the account, then the role, then the session: the statement applies unless
    // every one of them is listed ("NotPrincipal" page, key points).
    return (caller) => {
      const ids = caller.type === 'AWSService' || caller.type === 'Anonymous' ? [caller.arn] : callerIdentities(caller);
      if (caller.federatedProvider) ids.push(caller.federatedProvider);
      return ids.every((id) => exemptedBy(notPrincipal, id)) ? 'false' : 'true';
    };
  }
  return () => 'true';
}

/**
 * How a resource-based statement's Principal names the caller, which decides what else AWS
 * requires: `exact` (the IAM user ARN or the session ARN itself, or `*` for an IAM user or a role
 * session — not limited by the caller's boundary or session policy within the account), `role`
 * (the role behind a session, the service, the federated provider, or `*` for a federated user
 * session — limited by them), `account` (the account: delegates to the account's identity
 * policies).
 */
export type GrantKind = 'exact' | 'role' | 'account';

const EXACT_CALLERS = new Set(['IAMUser', 'AssumedRoleSession', 'FederatedUserSession']);

/**
 * `*` matches the principal that makes the request — the IAM user or the role session itself, not
 * the role behind it — so within the account the grant is not limited by the caller's boundary or
 * session policy ("Permissions boundaries for IAM entities": within an account, boundaries do not
 * reduce what resource-based policies grant; "Session policies": a grant to the session is not
 * limited by them). A federated user session gets permissions only from its session policies or
 * from a policy that *specifically* names the session ("Permissions for GetFederationToken"):
 * `*` does not, so for it the grant stays limited by the session policy (and gives nothing without one).
 */
const wildcardKind = (caller: CallerInfo): GrantKind => (caller.type === 'IAMUser' || caller.type === 'AssumedRoleSession' ? 'exact' : 'role');

export function grantKind(block: PrincipalBlock | undefined, caller: CallerInfo): GrantKind {
  if (block === undefined) return 'role';
  if (block === '*') return wildcardKind(caller);
  let best: GrantKind = 'account';
  for (const value of block.AWS ?? []) {
    if (value === '*') return wildcardKind(caller);
    else if (!awsValueMatches(value, caller)) continue;
    else if (value === caller.arn && EXACT_CALLERS.has(caller.type)) return 'exact';
    else if (!namesWholeAccount(value)) best = 'role';
  }
  if (block.Service?.length || block.Federated?.length || block.CanonicalUser?.length) {
    if (!(block.AWS ?? []).some((v) => awsValueMatches(v, caller))) best = 'role';
  }
  return best;
}
