/**
 * Evaluates one layer (a set of policies of one type) for a request: which Allow and Deny
 * statements apply, definitely or only under unknown conditions.
 */
import { servicePrefixes } from '../action.ts';
import type { CallerInfo, CompiledPolicy, CompiledStatement, ConditionClause, RequestContext, Tri } from '../types.ts';

export interface StatementHit {
  statement: CompiledStatement;
  /** 'true' = applies; 'unknown' = applies only if `unknown` clauses hold. */
  value: Tri;
  unknown: ConditionClause[];
}

export interface LayerResult {
  allow: Tri;
  deny: Tri;
  allows: StatementHit[];
  denies: StatementHit[];
  missingKeys: string[];
}

export interface LayerRequest {
  action: string;
  /** Lower-cased service prefix of the action. */
  service: string;
  resource: string;
  caller: CallerInfo;
  context: RequestContext;
}

const byService = new WeakMap<CompiledPolicy, Map<string, CompiledStatement[]>>();

function buildIndex(policy: CompiledPolicy): Map<string, CompiledStatement[]> {
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
  let index = byService.get(policy);
  if (!index) {
    index = buildIndex(policy);
    byService.set(policy, index);
  }
  return index.get(service) ?? index.get('*') ?? [];
}

const NONE: string[] = [];

/** Evaluates every statement of `policies` that matches the action (and the caller, for resource-based policies). */
export function evaluateLayer(policies: readonly CompiledPolicy[], req: LayerRequest, checkPrincipal: boolean): LayerResult {
  let allow: Tri = 'false';
  let deny: Tri = 'false';
  let allows: StatementHit[] | undefined;
  let denies: StatementHit[] | undefined;
  let missing: string[] | undefined;
  for (const policy of policies) {
    for (const statement of statementsFor(policy, req.service)) {
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
  return { allow, deny, allows: allows ?? [], denies: denies ?? [], missingKeys: missing ?? NONE };
}
