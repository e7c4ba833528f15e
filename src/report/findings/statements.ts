/**
 * Reading trust and resource policy statements through the engine's parsed form: who a statement
 * names, and which condition keys constrain it. No regex over JSON text.
 */
import type { Evidence } from '../../graph/types.ts';
import type { PolicyRecord } from '../../model/types.ts';
import type { CompiledStatement, ConditionClause, PrincipalBlock } from '../../policy/types.ts';

/** A statement of a document, with the record it belongs to. */
export interface StatementOf {
  record: PolicyRecord;
  statement: CompiledStatement;
}

/** Allow statements of a policy record (none when the document is missing). */
export function allowStatements(record: PolicyRecord | undefined): StatementOf[] {
  if (!record?.policy) return [];
  return record.policy.statements.filter((s) => s.parsed.effect === 'Allow').map((statement) => ({ record, statement }));
}

/** Everyone (`"*"`, `{"AWS": "*"}`), or everyone but some (`NotPrincipal` in an Allow). */
export function namesEveryone(s: CompiledStatement): boolean {
  if (s.parsed.notPrincipal !== undefined) return true;
  const block = s.parsed.principal;
  return block === '*' || (block !== undefined && (block.AWS ?? []).includes('*'));
}

export function principalValues(block: PrincipalBlock | undefined, kind: 'AWS' | 'Service' | 'Federated'): string[] {
  if (!block || block === '*') return [];
  return block[kind] ?? [];
}


/** Condition clauses of an Allow statement, with lower-cased keys for lookups. */
export const conditionKeys = (s: CompiledStatement): string[] => s.parsed.condition.map((c) => c.key.toLowerCase());

/**
 * A clause that pins its key to fixed values: a positive operator (not `Not…`, not `…IfExists`,
 * which passes when the key is absent) and, for the `Like` operators, no value that is only wildcards.
 */
export function pinsKey(c: ConditionClause): boolean {
  const op = c.operator.replace(/^For(AllValues|AnyValue):/, '');
  if (/^Not|IfExists$|^Null$/.test(op)) return false;
  if (/Like$/.test(op)) return c.values.length > 0 && c.values.every((v) => !/^[*?]*$/.test(v));
  return c.values.length > 0;
}

/** Clauses of the statement on one of `keys` (lower-case) that pin the key. */
export function pinnedKeys(s: CompiledStatement, keys: readonly string[]): string[] {
  const found = new Set<string>();
  for (const c of s.parsed.condition) {
    const key = c.key.toLowerCase();
    if (keys.includes(key) && pinsKey(c)) found.add(key);
  }
  return [...found].sort();
}

export const evidenceOfStatement = ({ statement }: StatementOf, note?: string): Evidence => ({
  ...statement.ref,
  ...(note ? { note } : {}),
});
