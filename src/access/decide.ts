/**
 * Effective access of one principal: identity + groups + boundary + SCPs, the resource's policy
 * (trust policy for roles, key policy for KMS keys) and RCPs — in open mode, with what the input
 * knows about the caller fixed and everything else unknown.
 */
import { rcpLevelsFor, resourcePolicyOf } from '../model/query.ts';
import { accountOfArn } from '../policy/arn.ts';
import type { AccountModel } from '../model/types.ts';
import { makeContext, withContext } from '../policy/context.ts';
import { evaluate } from '../policy/evaluate/index.ts';
import type { CompiledPolicy, CompiledStatement, Decision, PolicyLevel, RequestContext, ResourcePolicyKind } from '../policy/types.ts';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './options.ts';
import { decisionClass, levelsReadPrincipal } from './decision-class.ts';
import { factsOf } from './policy-facts.ts';
import { profileOf, type PrincipalProfile } from './profile.ts';

export interface AccessRequest {
  action: string;
  resource: string;
  /** Extra request keys for this request (e.g. iam:PassedToService). */
  context?: Record<string, string | string[]>;
  /** Replace the principal's identity policies (hypotheses such as "after attaching a policy"). */
  identity?: CompiledPolicy[];
  /** Drop the boundary (hypothesis: boundary removed). */
  withoutBoundary?: boolean;
}

function resourceAccount(model: AccountModel, resource: string): string | undefined {
  return model.resources[resource]?.accountId || model.roles[resource]?.accountId || model.users[resource]?.accountId || accountOfArn(resource);
}

function kindOf(model: AccountModel, resource: string, action: string): ResourcePolicyKind {
  if (model.roles[resource] && /^sts:AssumeRole/i.test(action)) return 'trust';
  if (/^arn:[^:]+:kms:/.test(resource)) return 'kms-key';
  return 'generic';
}

const baseContexts = new WeakMap<PrincipalProfile, RequestContext>();
const rcpCache = new WeakMap<AccountModel, Map<string, PolicyLevel[] | undefined>>();

/** The profile's known keys as a request context, built once per profile. */
function baseContext(profile: PrincipalProfile): RequestContext {
  let ctx = baseContexts.get(profile);
  if (!ctx) {
    ctx = makeContext(profile.known, 'open');
    baseContexts.set(profile, ctx);
  }
  return ctx;
}

function rcpLevels(model: AccountModel, account: string): PolicyLevel[] | undefined {
  let perModel = rcpCache.get(model);
  if (!perModel) rcpCache.set(model, (perModel = new Map()));
  if (!perModel.has(account)) perModel.set(account, rcpLevelsFor(model, account));
  return perModel.get(account);
}

/**
 * Decisions shared by principals of one class (decision-class.ts), per model: class → resource and
 * request keys → decision. Dropped whole when it grows past SHARED_LIMIT (a bound on memory; a
 * decision missed is only evaluated again).
 */
interface SharedDecisions {
  size: number;
  byClass: Map<string, Map<string, Decision>>;
}
const SHARED_LIMIT = 400_000;
const sharedDecisions = new WeakMap<AccountModel, SharedDecisions>();
const contextKeys = new WeakMap<object, string>();

/** What decides a request besides the principal's policies, and whether its decision is the principal's own (not shared by a class). */
interface Setting {
  account: string | undefined;
  kind: ResourcePolicyKind;
  resourcePolicy: CompiledPolicy | undefined;
  rcp: PolicyLevel[] | undefined;
  own: boolean;
}

function settingOf(model: AccountModel, req: AccessRequest): Setting {
  const account = resourceAccount(model, req.resource);
  const kind = kindOf(model, req.resource, req.action);
  const resourcePolicy = kind === 'trust' || !model.roles[req.resource] ? resourcePolicyOf(model, req.resource) : undefined;
  const rcp = account ? rcpLevels(model, account) : undefined;
  // A resource policy names principals: such a decision is the principal's own.
  const own = Boolean(resourcePolicy || req.identity || req.withoutBoundary || levelsReadPrincipal(rcp, req.action));
  return { account, kind, resourcePolicy, rcp, own };
}

/**
 * Whether the request's decision is each principal's own, whoever asks: a resource policy names
 * principals, or an RCP reads the principal. Otherwise principals of one class (decisionClassNumber)
 * get the same decision.
 */
export const decidedPerPrincipal = (model: AccountModel, req: AccessRequest): boolean => settingOf(model, req).own;

const classNumbers = new Map<string, number>();

/**
 * The class of principals deciding the action alike (decision-class.ts) as a small number, for
 * memos keyed by the classes of many actions; undefined when a statement reads the principal.
 */
export function decisionClassNumber(profile: PrincipalProfile, action: string): number | undefined {
  const cls = decisionClass(profile, action);
  if (cls === undefined) return undefined;
  let n = classNumbers.get(cls);
  if (n === undefined) classNumbers.set(cls, (n = classNumbers.size));
  return n;
}

/** Where a request's decision is kept for its principal's class. */
function sharedSlot(model: AccountModel, cls: string, req: AccessRequest): { decisions: Map<string, Decision>; key: string; shared: SharedDecisions } {
  let shared = sharedDecisions.get(model);
  if (!shared || shared.size >= SHARED_LIMIT) sharedDecisions.set(model, (shared = { size: 0, byClass: new Map() }));
  let decisions = shared.byClass.get(cls);
  if (!decisions) shared.byClass.set(cls, (decisions = new Map()));
  let key = req.resource;
  if (req.context) {
    let text = contextKeys.get(req.context);
    if (text === undefined) contextKeys.set(req.context, (text = JSON.stringify(req.context)));
    key += `\u0000${text}`;
  }
  return { decisions, key, shared };
}

/** Decides one request for a profiled principal. */
export function decideAccess(model: AccountModel, profile: PrincipalProfile, req: AccessRequest): Decision {
  const { account, kind, resourcePolicy, rcp, own } = settingOf(model, req);
  const cls = own ? undefined : decisionClass(profile, req.action);
  const slot = cls === undefined ? undefined : sharedSlot(model, cls, req);
  const known = slot?.decisions.get(slot.key);
  if (known) return known;
  const decision = evaluateFor(model, profile, req, account, rcp, resourcePolicy, kind);
  if (slot) {
    slot.decisions.set(slot.key, decision);
    slot.shared.size++;
  }
  return decision;
}

function evaluateFor(model: AccountModel, profile: PrincipalProfile, req: AccessRequest, account: string | undefined, rcp: PolicyLevel[] | undefined, resourcePolicy: CompiledPolicy | undefined, kind: ResourcePolicyKind): Decision {
  const base = baseContext(profile);
  return evaluate({
    action: req.action,
    resource: req.resource,
    ...(account ? { resourceAccount: account } : {}),
    caller: profile.caller,
    context: req.context ? withContext(base, req.context) : base,
    identityPolicies: req.identity ?? profile.identity,
    ...(profile.boundary && !req.withoutBoundary ? { boundaryPolicies: [profile.boundary] } : {}),
    ...(profile.scpLevels ? { scpLevels: profile.scpLevels } : {}),
    ...(account ? { rcpLevels: rcp } : {}),
    ...(resourcePolicy ? { resourcePolicy, resourcePolicyKind: kind } : {}),
    ...(model.organization?.managementAccountId ? { managementAccountId: model.organization.managementAccountId } : {}),
  });
}

/**
 * Does the decision for this action depend on the resource? Not when every identity, boundary and
 * SCP statement that matches the action names Resource "*" (and no resource policy is involved):
 * then one decision serves every target.
 */
export const resourceIndependent = (profile: PrincipalProfile, action: string): boolean => resourceScopedStatements(profile, action).length === 0;

const OPEN = makeContext({}, 'open');

/**
 * Which of these resource-scoped statements match the resource, as a string of 1s and 0s: resources
 * with the same mask are decided alike by them. Undefined when a match depends on the request (a
 * policy variable in a pattern).
 */
export function scopeMask(statements: readonly CompiledStatement[], resource: string): string | undefined {
  let mask = '';
  for (const s of statements) {
    const m = s.matchesResource(resource, OPEN);
    if (m === 'unknown') return undefined;
    mask += m === 'true' ? '1' : '0';
  }
  return mask;
}

const scopedMemo = new WeakMap<PrincipalProfile, Map<string, readonly CompiledStatement[]>>();

/** The identity, boundary and SCP statements matching the action that name resources other than "*": what a decision on it can depend on (per profile and action, once). */
export function resourceScopedStatements(profile: PrincipalProfile, action: string): readonly CompiledStatement[] {
  let memo = scopedMemo.get(profile);
  if (!memo) scopedMemo.set(profile, (memo = new Map()));
  let scoped = memo.get(action);
  if (!scoped) {
    const list: CompiledStatement[] = [];
    const add = (policy: CompiledPolicy) => {
      for (const s of factsOf(policy, action).scoped) list.push(s);
    };
    profile.identity.forEach(add);
    if (profile.boundary) add(profile.boundary);
    for (const level of profile.scpLevels ?? []) level.policies.forEach(add);
    memo.set(action, (scoped = list));
  }
  return scoped;
}

/** Could any identity statement of the principal allow this action at all? A cheap prefilter. */
export function mayAllow(profile: PrincipalProfile, action: string): boolean {
  for (const policy of profile.identity) if (factsOf(policy, action).allows) return true;
  return false;
}

/** The full decision for one principal, action and resource (the `final` hop of a path). */
export function effectiveAccess(model: AccountModel, principalArn: string, action: string, resource: string, opts: Partial<AnalysisOptions> = {}): Decision {
  const options = { ...DEFAULT_ANALYSIS_OPTIONS, ...opts };
  return decideAccess(model, profileOf(model, principalArn, options), { action, resource });
}
