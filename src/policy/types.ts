/**
 * The policy engine's public contracts. Everything the rest of iamgraph knows about policies
 * goes through these types; the engine's internals (matchers, operators) stay behind them.
 */
import { oneLine } from './describe.ts';

/** Where a policy comes from; decides how AWS combines it (IAM User Guide, "Policy evaluation logic"). */
export type PolicyType = 'identity' | 'boundary' | 'session' | 'scp' | 'rcp' | 'resource' | 'trust';

export type Effect = 'Allow' | 'Deny';

/** `2012-10-17` enables policy variables; `2008-10-17` and an absent Version do not. */
export type PolicyVersion = '2012-10-17' | '2008-10-17' | undefined;

/** Principal element after normalization: `*` or a map of type → values (always arrays). */
export type PrincipalBlock = '*' | Partial<Record<PrincipalKind, string[]>>;
export type PrincipalKind = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** One condition entry, e.g. `StringLike: { "aws:username": ["a*"] }` → operator + key + values. */
export interface ConditionClause {
  /** Operator exactly as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** Condition key as written (matching is case-insensitive). */
  key: string;
  /** Values as strings (booleans and numbers are stringified, as AWS compares them). */
  values: string[];
}

/** A statement after parsing: every element normalized to arrays, with its JSON pointer. */
export interface ParsedStatement {
  index: number;
  /** JSON pointer of the statement inside its document, e.g. `/Statement/1`. */
  pointer: string;
  sid?: string;
  effect: Effect;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: PrincipalBlock;
  notPrincipal?: PrincipalBlock;
  condition: ConditionClause[];
}

export interface ParsedPolicy {
  version: PolicyVersion;
  id?: string;
  statements: ParsedStatement[];
  /** The document as a plain object (after decoding strings), for display and export. */
  raw: unknown;
}

/** Non-fatal findings about a document, e.g. an unknown action `s3:GetObjects`. */
export interface PolicyWarning {
  pointer: string;
  message: string;
}

/** Thrown for documents AWS would reject. `message` is one line: `<pointer>: expected …, got …`. */
export class PolicyError extends Error {
  constructor(
    readonly pointer: string,
    readonly detail: string,
  ) {
    super(oneLine(`${pointer || '/'}: ${detail}`));
    this.name = 'PolicyError';
  }
}

/** Identifies a policy in explanations and graph evidence. */
export interface PolicyMeta {
  /** Stable id: the policy ARN, or `<owner ARN>#inline/<name>`, or `scp:<id>` … */
  id: string;
  name?: string;
  type: PolicyType;
  /** Input file + JSON pointer of the document, for SARIF locations. */
  source?: { file: string; pointer: string };
}

/** Reference to one statement: what explanations, evidence and residual conditions cite. */
export interface StatementRef {
  policy: string;
  policyName?: string;
  policyType: PolicyType;
  statement: number;
  sid?: string;
  effect: Effect;
  /** An SCP's or RCP's: the root, OU or account it applies from (one policy may apply at several). */
  level?: string;
}

// ---------------------------------------------------------------------------------------------
// Request context and three-valued logic

/** A context value: always a list (single-valued keys have one element). Types follow AWS's ContextKeyType. */
export interface ContextValue {
  type?: 'string' | 'stringList' | 'numeric' | 'numericList' | 'boolean' | 'booleanList' | 'ip' | 'ipList' | 'binary' | 'binaryList' | 'date' | 'dateList';
  values: string[];
}

/**
 * The request context. Keys are looked up case-insensitively (store them lower-cased via
 * `makeContext`). In `closed` mode an absent key is absent (AWS's behaviour). In `open` mode an
 * absent key is *unknown* unless listed in `absent`, and decisions that depend on it are conditional.
 */
export interface RequestContext {
  mode: 'closed' | 'open';
  /** lower-cased key → value */
  values: ReadonlyMap<string, ContextValue>;
  /** open mode only: keys known to be absent from the request (lower-cased). */
  absent?: ReadonlySet<string>;
}

/** Three-valued truth. */
export type Tri = 'true' | 'false' | 'unknown';

/** A condition left undecided in open mode, with the statement it belongs to. */
export interface ResidualCondition extends ConditionClause {
  statement: StatementRef;
  /** true when the statement is a Deny: the request is allowed only if this condition does NOT hold. */
  mustNotHold: boolean;
}

// ---------------------------------------------------------------------------------------------
// Compiled form: built once per document, evaluated millions of times.

export interface CompiledStatement {
  ref: StatementRef;
  parsed: ParsedStatement;
  /** Action / NotAction test (case-insensitive wildcard), already accounting for Not*. */
  matchesAction(action: string): boolean;
  /** Resource / NotResource test; may depend on policy variables in the context. */
  matchesResource(resource: string, ctx: RequestContext): Tri;
  /** Principal / NotPrincipal test for resource-based policies; `true` when the statement has neither. */
  matchesPrincipal(principal: CallerInfo): Tri;
  /** The Condition block: AND over clauses. */
  matchesConditions(ctx: RequestContext): ConditionResult;
}

/** Result of a Condition block: its truth, the clauses left unknown (open mode) and keys it missed (closed mode). */
export interface ConditionResult {
  value: Tri;
  /** Clauses that evaluated to unknown (only when value is 'unknown'). */
  unknown: ConditionClause[];
  /** Context keys referenced but absent from the request (lower-cased). */
  missingKeys: string[];
}

export interface CompiledPolicy {
  meta: PolicyMeta;
  parsed: ParsedPolicy;
  statements: CompiledStatement[];
  warnings: PolicyWarning[];
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export type CallerType =
  | 'IAMUser'
  | 'IAMRole'
  | 'AssumedRoleSession'
  | 'FederatedUserSession'
  | 'AccountRoot'
  | 'AWSService'
  | 'Anonymous'
  | 'WebIdentity'
  | 'SAML';

export interface CallerInfo {
  type: CallerType;
  /** The caller's ARN (session ARN for sessions; service principal for AWSService; `*` for anonymous). */
  arn: string;
  accountId?: string;
  /** For sessions: the role (with path) or IAM user behind the session. */
  issuerArn?: string;
  /** For Federated principals: the provider ARN or name (e.g. `cognito-identity.amazonaws.com`). */
  federatedProvider?: string;
  /** Whether the principal is a service-linked role (exempt from SCPs). */
  serviceLinkedRole?: boolean;
}

export interface PolicyLevel {
  /** `r-…`, `ou-…` or an account id. */
  target: string;
  policies: CompiledPolicy[];
}

export type ResourcePolicyKind = 'generic' | 'trust' | 'kms-key';

export interface EvaluationRequest {
  action: string;
  resource: string;
  /** Account that owns the resource; default: from the resource ARN, else the caller's account. */
  resourceAccount?: string;
  caller: CallerInfo;
  context: RequestContext;
  identityPolicies: CompiledPolicy[];
  /** Permissions boundary (AWS allows one; a list is accepted for the simulator's input list). */
  boundaryPolicies?: CompiledPolicy[];
  sessionPolicies?: CompiledPolicy[];
  resourcePolicy?: CompiledPolicy;
  resourcePolicyKind?: ResourcePolicyKind;
  /** Root → OUs → account of the caller. Absent = no organization data (everything allowed). */
  scpLevels?: PolicyLevel[];
  /** Root → OUs → account of the resource owner. */
  rcpLevels?: PolicyLevel[];
  managementAccountId?: string;
  /** Fill `Decision.explanation` (off by default: the graph asks millions of questions). */
  explain?: boolean;
}

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The layer that decided a denial. */
export type DecisionLayer = 'scp' | 'rcp' | 'identity' | 'resource' | 'boundary' | 'session' | 'trust' | 'kms-key';

export interface Decision {
  decision: EvalDecision;
  /**
   * Open mode only: `true` when the decision holds only under residual conditions. Then
   * `decision` is what happens if every residual Allow condition holds and no residual Deny
   * condition holds; `residual` lists them.
   */
  conditional: boolean;
  residual: ResidualCondition[];
  /** Statements that decided it: the Allows that granted, or the Deny that denied. */
  matched: StatementRef[];
  /** For denials: which layer denied (explicit Deny's policy type, or the layer that lacked an Allow). */
  deniedBy?: DecisionLayer;
  /** For SCP/RCP denials: the level (`r-…`, `ou-…` or account id) that held the Deny or lacked an Allow. */
  deniedAt?: string;
  /** Human-readable trace, one line per step. */
  explanation: string[];
  /** Closed mode: context keys that conditions referenced but the request did not provide. */
  missingContextValues: string[];
}
