/**
 * Compiles a policy once into statement matchers; evaluation then never parses or builds regexes.
 */
import { compileActionMatcher } from './action.ts';
import { compileConditions } from './conditions/index.ts';
import { parsePolicy } from './parse.ts';
import { compilePrincipalMatcher } from './principal.ts';
import { compileResourceMatcher } from './resource.ts';
import type { CompiledPolicy, CompiledStatement, ParsedStatement, PolicyMeta, PolicyVersion, StatementRef } from './types.ts';

const always = () => 'true' as const;

function compileStatement(statement: ParsedStatement, version: PolicyVersion, meta: PolicyMeta): CompiledStatement {
  const ref: StatementRef = {
    policy: meta.id,
    policyType: meta.type,
    statement: statement.index,
    effect: statement.effect,
  };
  if (meta.name !== undefined) ref.policyName = meta.name;
  if (statement.sid !== undefined) ref.sid = statement.sid;
  const actionMatcher = compileActionMatcher(statement.action ?? statement.notAction ?? []);
  const matchesAction = statement.action ? actionMatcher : (action: string) => !actionMatcher(action);
  const resourcePatterns = statement.resource ?? statement.notResource;
  return {
    ref,
    parsed: statement,
    matchesAction,
    matchesResource: resourcePatterns ? compileResourceMatcher(resourcePatterns, version, statement.notResource !== undefined) : always,
    matchesPrincipal: compilePrincipalMatcher(statement.principal, statement.notPrincipal),
    matchesConditions: compileConditions(statement.condition, version, statement.pointer),
  };
}

/** Parses (if needed) and compiles a policy document. Throws PolicyError for invalid documents. */
export function compilePolicy(input: unknown, meta: PolicyMeta): CompiledPolicy {
  const parsed = parsePolicy(input);
  return {
    meta,
    parsed,
    statements: parsed.statements.map((s) => compileStatement(s, parsed.version, meta)),
    warnings: [],
  };
}
