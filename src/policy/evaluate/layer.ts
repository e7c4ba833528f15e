/**
 * Evaluates one layer (a set of policies of one type) for a request: which Allow and Deny
 * statements apply, definitely or only under unknown conditions.
 *
 * Hot path: a layer where nothing matches allocates nothing (it returns the shared NOTHING);
 * statements are prefiltered by the action's service through an index built once per policy.
 */
import { servicePrefixes } from '../action.ts';
import type { CallerInfo, CompiledPolicy, CompiledStatement, ConditionClause, RequestContext, Tri } from '../types.ts';

export interface StatementHit {
  statement: CompiledStatement;
  /** 'true' = applies; 'unknown' = applies only if `unknown` clauses hold. */
  value: Tri;
  unknown: readonly ConditionClause[];
}

export interface LayerResult {
  allow: Tri;
  deny: Tri;
  allows: readonly StatementHit[];
  denies: readonly StatementHit[];
  missingKeys: readonly string[];
}

export interface LayerRequest {
  action: string;
  /** Lower-cased service prefix of the action. */
  service: string;
  resource: string;
  caller: CallerInfo;
  context: RequestContext;
}

const NO_HITS: readonly StatementHit[] = Object.freeze([]);
const NO_KEYS: readonly string[] = Object.freeze([]);
const NO_STATEMENTS: readonly CompiledStatement[] = Object.freeze([]);

/** The result of a layer in which no statement applies. Shared: never mutate. */
export const NOTHING: LayerResult = Object.freeze({ allow: 'false', deny: 'false', allows: NO_HITS, denies: NO_HITS, missingKeys: NO_KEYS });

type ServiceIndex = Map<string, readonly CompiledStatement[]>;

/** The index lives on the policy object itself (a hidden, non-enumerable slot): cheaper than a WeakMap lookup per request. */
const INDEX = Symbol('iamgraph.statementsByService');
type Indexed = CompiledPolicy & { [INDEX]?: ServiceIndex };
/** For frozen policy objects, which cannot take the hidden slot. */
const fallback = new WeakMap<CompiledPolicy, ServiceIndex>();

function buildIndex(policy: CompiledPolicy): ServiceIndex {
  const index = new Map<string, CompiledStatement[]>();
  for (const statement of policy.statements) {
    // NotAction can match any service: file it under '*'.
    const prefixes = statement.parsed.action ? servicePrefixes(statement.parsed.action) : ['*'];
    for (const prefix of prefixes) {
      const list = index.get(prefix);
      if (list) list.push(statement);
      else index.set(prefix, [statement]);
    }
  }
  const wild = index.get('*');
  if (wild) {
    for (const [prefix, list] of index) {
      if (prefix === '*') continue;
      index.set(prefix, [...new Set([...list, ...wild])].sort((a, b) => a.ref.statement - b.ref.statement));
    }
  }
  return index;
}

/** Statements of a policy that can match an action of `service` (index built once per policy). */
export function statementsFor(policy: CompiledPolicy, service: string): readonly CompiledStatement[] {
  const indexed = policy as Indexed;
  let index = indexed[INDEX];
  if (index === undefined) {
    index = fallback.get(policy);
    if (index === undefined) {
      index = buildIndex(policy);
      if (Object.isExtensible(policy)) Object.defineProperty(policy, INDEX, { value: index, enumerable: false, writable: false, configurable: false });
      else fallback.set(policy, index);
    }
  }
  return index.get(service) ?? index.get('*') ?? NO_STATEMENTS;
}

/** Evaluates every statement of `policies` that matches the action (and the caller, for resource-based policies). */
export function evaluateLayer(policies: readonly CompiledPolicy[], req: LayerRequest, checkPrincipal: boolean): LayerResult {
  let allow: Tri = 'false';
  let deny: Tri = 'false';
  let allows: StatementHit[] | undefined;
  let denies: StatementHit[] | undefined;
  let missing: string[] | undefined;
  for (let p = 0; p < policies.length; p++) {
    const statements = statementsFor(policies[p], req.service);
    for (let s = 0; s < statements.length; s++) {
      const statement = statements[s];
      if (!statement.matchesAction(req.action)) continue;
      const resource = statement.matchesResource(req.resource, req.context);
      if (resource === 'false') continue;
      const principal = checkPrincipal ? statement.matchesPrincipal(req.caller) : 'true';
      if (principal === 'false') continue;
      const conditions = statement.matchesConditions(req.context);
      if (conditions.missingKeys.length > 0) (missing ??= []).push(...conditions.missingKeys);
      if (conditions.value === 'false') continue;
      const value: Tri = resource === 'true' && principal === 'true' && conditions.value === 'true' ? 'true' : 'unknown';
      const unknown = resource === 'unknown'
        ? [...conditions.unknown, { operator: 'Resource', key: 'resource', values: statement.parsed.resource ?? statement.parsed.notResource ?? [] }]
        : conditions.unknown;
      const hit: StatementHit = { statement, value, unknown };
      if (statement.parsed.effect === 'Deny') {
        (denies ??= []).push(hit);
        if (value === 'true') deny = 'true';
        else if (deny === 'false') deny = 'unknown';
      } else {
        (allows ??= []).push(hit);
        if (value === 'true') allow = 'true';
        else if (allow === 'false') allow = 'unknown';
      }
    }
  }
  if (allows === undefined && denies === undefined && missing === undefined) return NOTHING;
  return { allow, deny, allows: allows ?? NO_HITS, denies: denies ?? NO_HITS, missingKeys: missing ?? NO_KEYS };
}
