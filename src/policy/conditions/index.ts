/**
 * Compiles a statement's Condition block (IAM User Guide, "IAM JSON policy elements: Condition
 * operators" and "Conditions with multiple context keys or values"):
 * AND across operators and keys, OR across values, NOR across values of negated operators;
 * `…IfExists` (absent key → true), `Null`, and the set qualifiers `ForAllValues:` (true when the
 * key is absent or empty) and `ForAnyValue:` (false when absent or empty). An absent key makes a
 * positive operator false and a negated one true. Three-valued: in open mode a key that is not
 * fixed makes its clause unknown.
 */
import { lookupKey } from '../context.ts';
import { quoteText } from '../describe.ts';
import { pointerPart } from '../parse.ts';
import { triNot } from '../tri.ts';
import { PolicyError, type ConditionClause, type ConditionResult, type PolicyVersion, type RequestContext, type Tri } from '../types.ts';
import { compileTemplate } from '../variables.ts';
import { BASE_OPERATORS, type BaseOperator, type ValueTest } from './operators.ts';

export type CompiledConditions = (ctx: RequestContext) => ConditionResult;

type SetQualifier = 'none' | 'all' | 'any';

interface OperatorSpec {
  base: BaseOperator | 'null';
  set: SetQualifier;
  ifExists: boolean;
}

const ALWAYS: ConditionResult = Object.freeze({ value: 'true', unknown: [], missingKeys: [] }) as ConditionResult;

function parseOperator(operator: string, pointer: string): OperatorSpec {
  let name = operator.toLowerCase();
  let set: SetQualifier = 'none';
  if (name.startsWith('forallvalues:')) [set, name] = ['all', name.slice('forallvalues:'.length)];
  else if (name.startsWith('foranyvalue:')) [set, name] = ['any', name.slice('foranyvalue:'.length)];
  if (name === 'null') {
    if (set !== 'none') throw new PolicyError(pointer, `expected a condition operator, got ${quoteText(operator)} (Null takes no set qualifier)`);
    return { base: 'null', set, ifExists: false };
  }
  let ifExists = false;
  if (name.endsWith('ifexists')) [ifExists, name] = [true, name.slice(0, -'ifexists'.length)];
  const base = BASE_OPERATORS.get(name);
  if (!base) throw new PolicyError(pointer, `unknown condition operator ${quoteText(operator)}`);
  return { base, set, ifExists };
}

/** One policy value → a test, resolving policy variables per request (tests cached by resolved text). */
function compilePolicyValue(base: BaseOperator, value: string, version: PolicyVersion, pointer: string): (ctx: RequestContext) => ValueTest | 'missing' | 'unknown' {
  const template = compileTemplate(value, base.variables ? version : undefined);
  if (template.keys.length === 0) {
    const resolved = template.resolve({ mode: 'closed', values: new Map() });
    const test = base.compile(resolved.status === 'ok' ? resolved.pieces : [{ text: value, literal: false }], pointer);
    return () => test;
  }
  const cache = new Map<string, ValueTest>();
  return (ctx) => {
    const resolved = template.resolve(ctx);
    if (resolved.status !== 'ok') return resolved.status;
    const cacheKey = resolved.pieces.map((p) => (p.literal ? `\u0001${p.text}` : `\u0002${p.text}`)).join('');
    let test = cache.get(cacheKey);
    if (!test) {
      if (cache.size > 1024) cache.clear();
      test = base.compile(resolved.pieces, pointer);
      cache.set(cacheKey, test);
    }
    return test;
  };
}

interface CompiledClause {
  clause: ConditionClause;
  key: string;
  evaluate(ctx: RequestContext): Tri | 'absent-true' | 'absent-false';
}

function compileNullClause(clause: ConditionClause, pointer: string): CompiledClause {
  const expectations = clause.values.map((v, i) => {
    const lower = v.toLowerCase();
    if (lower !== 'true' && lower !== 'false') throw new PolicyError(`${pointer}/${i}`, `expected "true" or "false", got ${quoteText(v)}`);
    return lower === 'true';
  });
  const key = clause.key.toLowerCase();
  return {
    clause,
    key,
    evaluate(ctx) {
      const found = lookupKey(ctx, key);
      if (found.status === 'unknown') return 'unknown';
      const absent = found.status === 'absent';
      return expectations.some((expectAbsent) => expectAbsent === absent) ? 'true' : 'false';
    },
  };
}

function compileClause(clause: ConditionClause, version: PolicyVersion, statementPointer: string): CompiledClause {
  const opPointer = `${statementPointer}/Condition/${pointerPart(clause.operator)}`;
  const pointer = `${opPointer}/${pointerPart(clause.key)}`;
  const spec = parseOperator(clause.operator, opPointer);
  if (spec.base === 'null') return compileNullClause(clause, pointer);
  const base = spec.base;
  const tests = clause.values.map((v, i) => compilePolicyValue(base, v, version, clause.values.length > 1 ? `${pointer}/${i}` : pointer));
  const key = clause.key.toLowerCase();

  /** OR over policy values for one request value, three-valued (variables may be unknown). */
  const anyPolicyValue = (requestValue: string, ctx: RequestContext): Tri => {
    let unknown = false;
    for (const resolve of tests) {
      const test = resolve(ctx);
      if (test === 'unknown') unknown = true;
      else if (test !== 'missing' && test(requestValue)) return 'true';
    }
    return unknown ? 'unknown' : 'false';
  };
  const perValue = base.negated
    ? (v: string, ctx: RequestContext): Tri => triNot(anyPolicyValue(v, ctx))
    : anyPolicyValue;
  // Without a set qualifier a positive operator needs one matching value; a negated one needs none to match.
  const quantifier: 'all' | 'any' = spec.set === 'all' ? 'all' : spec.set === 'any' ? 'any' : base.negated ? 'all' : 'any';
  const onAbsent: boolean = spec.ifExists || spec.set === 'all' || (spec.set === 'none' && base.negated);

  return {
    clause,
    key,
    evaluate(ctx) {
      const found = lookupKey(ctx, key);
      if (found.status === 'unknown') return 'unknown';
      if (found.status === 'absent') return onAbsent ? 'absent-true' : 'absent-false';
      const values = found.value.values;
      if (values.length === 0) return quantifier === 'all' ? 'true' : 'false';
      let unknown = false;
      for (const v of values) {
        const r = perValue(v, ctx);
        if (r === 'unknown') unknown = true;
        else if (quantifier === 'any' && r === 'true') return 'true';
        else if (quantifier === 'all' && r === 'false') return 'false';
      }
      if (unknown) return 'unknown';
      return quantifier === 'all' ? 'true' : 'false';
    },
  };
}

/** Compiles a Condition block once; the result evaluates it against any request context. */
export function compileConditions(clauses: readonly ConditionClause[], version: PolicyVersion, pointer: string): CompiledConditions {
  if (clauses.length === 0) return () => ALWAYS;
  const compiled = clauses.map((c) => compileClause(c, version, pointer));
  return (ctx) => {
    let value: Tri = 'true';
    let unknown: ConditionClause[] | undefined;
    let missing: string[] | undefined;
    for (const c of compiled) {
      const r = c.evaluate(ctx);
      if (r === 'absent-true' || r === 'absent-false') {
        (missing ??= []).push(c.clause.key);
        if (r === 'absent-false') value = 'false';
      } else if (r === 'false') {
        value = 'false';
      } else if (r === 'unknown') {
        (unknown ??= []).push(c.clause);
        if (value === 'true') value = 'unknown';
      }
    }
    return { value, unknown: value === 'unknown' ? unknown ?? [] : [], missingKeys: missing ?? [] };
  };
}
