/**
 * A drop-in for `aws iam simulate-custom-policy --cli-input-json`: the same input fields, AWS's
 * output shape, plus extensions AWS's simulator lacks (caller types, session policy, SCP/RCP
 * levels, trust and key policies, open mode). The request context is used exactly as given.
 */
import { iamArn, isAccountId, parseRoleSessionArn, principalValueArn } from '../arn.ts';
import { compilePolicy } from '../compile.ts';
import { makeContext } from '../context.ts';
import { evaluate } from '../evaluate/index.ts';
import { describeValue, nestingMessage, tooDeepAt } from '../describe.ts';
import { decodeDocument, pointerPart } from '../parse.ts';
import {
  PolicyError,
  type CallerInfo,
  type CallerType,
  type CompiledPolicy,
  type ContextValue,
  type Decision,
  type PolicyLevel,
  type PolicyType,
  type ResidualCondition,
  type ResourcePolicyKind,
  type StatementRef,
} from '../types.ts';
import { statementSpans, type Span } from './positions.ts';

const CALLER_TYPES: readonly CallerType[] = ['IAMUser', 'IAMRole', 'AssumedRoleSession', 'FederatedUserSession', 'AccountRoot', 'AWSService', 'Anonymous', 'WebIdentity', 'SAML'];
const CONTEXT_TYPES = ['string', 'stringList', 'numeric', 'numericList', 'boolean', 'booleanList', 'ip', 'ipList', 'binary', 'binaryList', 'date', 'dateList'] as const;
const KNOWN_FIELDS = new Set([
  'PolicyInputList', 'PermissionsBoundaryPolicyInputList', 'ActionNames', 'ResourceArns', 'ResourcePolicy', 'ResourceOwner', 'CallerArn',
  'ContextEntries', 'ResourceHandlingOption', 'MaxItems', 'Marker',
  'CallerType', 'CallerIssuerArn', 'SessionPolicy', 'ServiceControlPolicies', 'ResourceControlPolicies', 'ResourcePolicyKind', 'ManagementAccountId', 'ContextMode',
]);

export interface MatchedStatement {
  SourcePolicyId: string;
  SourcePolicyType: string;
  StartPosition?: { Line: number; Column: number };
  EndPosition?: { Line: number; Column: number };
  Sid?: string;
  StatementIndex: number;
  Effect: string;
}

export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: Decision['decision'];
  MatchedStatements: MatchedStatement[];
  MissingContextValues: string[];
  OrganizationsDecisionDetail?: { AllowedByOrganizations: boolean };
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
  DeniedBy?: string;
  ResidualConditions?: Array<Omit<ResidualCondition, 'statement'> & { SourcePolicyId: string; StatementIndex: number; Sid?: string }>;
}

export interface SimulateOutput {
  EvaluationResults: EvaluationResult[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = describeValue;

function stringArray(input: Json, field: string, required: boolean): string[] {
  const value = input[field];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || (required && value.length === 0)) throw new PolicyError(`/${field}`, `expected ${required ? 'a non-empty ' : 'an '}array of strings, got ${describe(value)}`);
  value.forEach((v, i) => {
    if (typeof v !== 'string') throw new PolicyError(`/${field}/${i}`, `expected a string, got ${describe(v)}`);
  });
  return value as string[];
}

function optionalString(input: Json, field: string): string | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new PolicyError(`/${field}`, `expected a string, got ${describe(value)}`);
  return value;
}

/** Where a compiled policy came from, to report it the way AWS's simulator does. */
interface Source { id: string; type: string; spans: Map<number, Span> }

function compileAt(doc: unknown, pointer: string, id: string, type: PolicyType, sourceType: string, sources: Map<string, Source>): CompiledPolicy {
  try {
    const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
    const compiled = compilePolicy(doc, { id, type });
    const decoded = typeof doc === 'string' && /^\s*%7B/i.test(doc) ? JSON.stringify(decodeDocument(doc)) : text;
    sources.set(id, { id, type: sourceType, spans: statementSpans(decoded) });
    return compiled;
  } catch (err) {
    if (err instanceof PolicyError) throw new PolicyError(`${pointer}${err.pointer}`, err.detail);
    throw err;
  }
}

function inferCallerType(arn: string): CallerType {
  if (arn === '*' ) return 'Anonymous';
  if (/:assumed-role\//.test(arn)) return 'AssumedRoleSession';
  if (/:federated-user\//.test(arn)) return 'FederatedUserSession';
  if (/:role\//.test(arn)) return 'IAMRole';
  if (/:user\//.test(arn)) return 'IAMUser';
  if (/:root$/.test(arn) || isAccountId(arn)) return 'AccountRoot';
  if (/\.amazonaws\.com(\.cn)?$/.test(arn)) return 'AWSService';
  throw new PolicyError('/CallerArn', `expected an IAM user, role, assumed-role, federated-user or root ARN, got ${describe(arn)}`);
}

function callerOf(input: Json, resourceAccount: string | undefined): CallerInfo {
  const arn = optionalString(input, 'CallerArn') ?? iamArn(resourceAccount ?? '123456789012', 'user', 'simulated-caller');
  const typeField = optionalString(input, 'CallerType');
  if (typeField !== undefined && !CALLER_TYPES.includes(typeField as CallerType)) {
    throw new PolicyError('/CallerType', `expected one of ${CALLER_TYPES.join(', ')}, got ${describe(typeField)}`);
  }
  const type = (typeField as CallerType | undefined) ?? inferCallerType(arn);
  const account = isAccountId(arn) ? arn : arn.split(':')[4] || undefined;
  const caller: CallerInfo = { type, arn: principalValueArn(arn) };
  if (account) caller.accountId = account;
  let issuer = optionalString(input, 'CallerIssuerArn');
  if (!issuer && type === 'AssumedRoleSession') {
    const session = parseRoleSessionArn(arn);
    if (session) issuer = iamArn(session.account, 'role', session.roleName, '/', session.partition);
  }
  if (issuer) caller.issuerArn = issuer;
  if (type === 'AWSService') delete caller.accountId;
  if (type === 'WebIdentity' || type === 'SAML') caller.federatedProvider = issuer ?? arn;
  if (issuer?.includes(':role/aws-service-role/')) caller.serviceLinkedRole = true;
  return caller;
}

function contextOf(input: Json): Record<string, ContextValue> {
  const entries = input.ContextEntries;
  if (entries === undefined) return {};
  if (!Array.isArray(entries)) throw new PolicyError('/ContextEntries', `expected an array, got ${describe(entries)}`);
  const out: Record<string, ContextValue> = {};
  entries.forEach((entry, i) => {
    const at = `/ContextEntries/${i}`;
    if (!isObject(entry)) throw new PolicyError(at, `expected an object, got ${describe(entry)}`);
    if (typeof entry.ContextKeyName !== 'string') throw new PolicyError(`${at}/ContextKeyName`, `expected a string, got ${describe(entry.ContextKeyName)}`);
    const values = entry.ContextKeyValues;
    if (!Array.isArray(values)) throw new PolicyError(`${at}/ContextKeyValues`, `expected an array, got ${describe(values)}`);
    const type = entry.ContextKeyType;
    if (type !== undefined && !(CONTEXT_TYPES as readonly unknown[]).includes(type)) {
      throw new PolicyError(`${at}/ContextKeyType`, `expected one of ${CONTEXT_TYPES.join(', ')}, got ${describe(type)}`);
    }
    out[entry.ContextKeyName] = {
      type: type as ContextValue['type'],
      values: values.map((v, j) => {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
        throw new PolicyError(`${at}/ContextKeyValues/${j}`, `expected a string, got ${describe(v)}`);
      }),
    };
  });
  return out;
}

function levelsOf(input: Json, field: 'ServiceControlPolicies' | 'ResourceControlPolicies', sources: Map<string, Source>): PolicyLevel[] | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new PolicyError(`/${field}`, `expected an array of {Target, Policies}, got ${describe(value)}`);
  const type: PolicyType = field === 'ServiceControlPolicies' ? 'scp' : 'rcp';
  return value.map((level, i) => {
    const at = `/${field}/${i}`;
    if (!isObject(level) || typeof level.Target !== 'string' || !Array.isArray(level.Policies)) {
      throw new PolicyError(at, `expected {"Target": "r-…|ou-…|<account>", "Policies": [...]}, got ${describe(level)}`);
    }
    const policies = level.Policies.map((doc, j) => compileAt(doc, `${at}/Policies/${j}`, `${field}.${i + 1}.${j + 1}`, type, type.toUpperCase(), sources));
    return { target: level.Target, policies };
  });
}

export interface PreparedSimulation {
  run(): SimulateOutput;
}

/** Validates and compiles a simulate input; throws PolicyError with the input's JSON pointer. */
export function prepareSimulation(raw: unknown): PreparedSimulation {
  if (!isObject(raw)) throw new PolicyError('', `expected a JSON object, got ${describe(raw)}`);
  const deep = tooDeepAt(raw);
  if (deep !== undefined) throw new PolicyError(deep, nestingMessage());
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) throw new PolicyError(`/${pointerPart(key)}`, 'expected a simulate-custom-policy field or an iamgraph extension, got an unknown field');
  }
  const sources = new Map<string, Source>();
  const policyInputs = raw.PolicyInputList === undefined ? [] : raw.PolicyInputList;
  if (!Array.isArray(policyInputs)) throw new PolicyError('/PolicyInputList', `expected an array of policy documents, got ${describe(policyInputs)}`);
  const identity = policyInputs.map((doc, i) => compileAt(doc, `/PolicyInputList/${i}`, `PolicyInputList.${i + 1}`, 'identity', 'IAM Policy', sources));
  const boundaryInputs = raw.PermissionsBoundaryPolicyInputList ?? [];
  if (!Array.isArray(boundaryInputs)) throw new PolicyError('/PermissionsBoundaryPolicyInputList', `expected an array of policy documents, got ${describe(boundaryInputs)}`);
  const boundary = boundaryInputs.map((doc, i) => compileAt(doc, `/PermissionsBoundaryPolicyInputList/${i}`, `PermissionsBoundaryPolicyInputList.${i + 1}`, 'boundary', 'IAM Policy', sources));
  const session = raw.SessionPolicy === undefined ? [] : [compileAt(raw.SessionPolicy, '/SessionPolicy', 'SessionPolicy', 'session', 'Session Policy', sources)];
  const kindField = optionalString(raw, 'ResourcePolicyKind') ?? 'generic';
  if (!['generic', 'trust', 'kms-key'].includes(kindField)) throw new PolicyError('/ResourcePolicyKind', `expected "generic", "trust" or "kms-key", got ${describe(kindField)}`);
  const kind = kindField as ResourcePolicyKind;
  const resourcePolicy = raw.ResourcePolicy === undefined ? undefined
    : compileAt(raw.ResourcePolicy, '/ResourcePolicy', 'ResourcePolicy', kind === 'trust' ? 'trust' : 'resource', 'Resource Policy', sources);
  const actions = stringArray(raw, 'ActionNames', true);
  const resources = raw.ResourceArns === undefined ? ['*'] : stringArray(raw, 'ResourceArns', true);
  const ownerField = optionalString(raw, 'ResourceOwner');
  const resourceAccount = ownerField === undefined ? undefined : isAccountId(ownerField) ? ownerField : ownerField.split(':')[4];
  if (ownerField !== undefined && !isAccountId(resourceAccount)) throw new PolicyError('/ResourceOwner', `expected an account id or arn:aws:iam::ID:root, got ${describe(ownerField)}`);
  const caller = callerOf(raw, resourceAccount);
  const modeField = optionalString(raw, 'ContextMode') ?? 'closed';
  if (modeField !== 'closed' && modeField !== 'open') throw new PolicyError('/ContextMode', `expected "closed" or "open", got ${describe(modeField)}`);
  const context = makeContext(contextOf(raw), modeField);
  const scpLevels = levelsOf(raw, 'ServiceControlPolicies', sources);
  const rcpLevels = levelsOf(raw, 'ResourceControlPolicies', sources);
  const managementAccountId = optionalString(raw, 'ManagementAccountId');

  const matched = (ref: StatementRef): MatchedStatement => {
    const source = sources.get(ref.policy);
    const span = source?.spans.get(ref.statement);
    const m: MatchedStatement = { SourcePolicyId: ref.policy, SourcePolicyType: source?.type ?? ref.policyType, StatementIndex: ref.statement, Effect: ref.effect };
    if (span) [m.StartPosition, m.EndPosition] = [span.start, span.end];
    if (ref.sid !== undefined) m.Sid = ref.sid;
    return m;
  };

  return {
    run() {
      const results: EvaluationResult[] = [];
      for (const action of actions) {
        for (const resource of resources) {
          const decision = evaluate({
            action, resource, caller, context, resourceAccount,
            identityPolicies: identity, boundaryPolicies: boundary, sessionPolicies: session,
            resourcePolicy, resourcePolicyKind: kind, scpLevels, rcpLevels, managementAccountId,
          });
          const result: EvaluationResult = {
            EvalActionName: action,
            EvalResourceName: resource,
            EvalDecision: decision.decision,
            MatchedStatements: decision.matched.map(matched),
            MissingContextValues: decision.missingContextValues,
          };
          if (scpLevels) result.OrganizationsDecisionDetail = { AllowedByOrganizations: decision.deniedBy !== 'scp' };
          if (boundary.length) result.PermissionsBoundaryDecisionDetail = { AllowedByPermissionsBoundary: decision.deniedBy !== 'boundary' };
          if (decision.deniedBy && decision.decision !== 'allowed') result.DeniedBy = decision.deniedBy;
          if (context.mode === 'open') {
            result.ResidualConditions = decision.residual.map(({ statement, ...clause }) => ({
              ...clause, SourcePolicyId: statement.policy, StatementIndex: statement.statement, ...(statement.sid !== undefined ? { Sid: statement.sid } : {}),
            }));
          }
          results.push(result);
        }
      }
      return { EvaluationResults: results };
    },
  };
}

/** One simulate request → AWS's output shape. */
export function simulateCustomPolicy(raw: unknown): SimulateOutput {
  return prepareSimulation(raw).run();
}
