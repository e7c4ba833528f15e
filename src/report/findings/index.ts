/** Runs the rules and turns what they return into findings: ids, path ids, locations, order. */
import { findingId, pathId } from '../ids.ts';
import { locationOf } from '../locations.ts';
import { severityRank } from '../severity.ts';
import type { Evidence } from '../../graph/types.ts';
import type { AccountModel } from '../../model/types.ts';
import type { Finding, RawFinding, Rule, RuleInput, SourceLocation } from '../types.ts';
import { RULES } from './catalog.ts';

import { isAccountId } from '../../policy/arn.ts';
export { RULES } from './catalog.ts';

type LineOf = (file: string, pointer: string) => number | undefined;
/** Where a statement is: memoized, since the same statements prove thousands of paths. */
type Locate = (e: Evidence) => SourceLocation | undefined;

function locator(model: AccountModel, line?: LineOf): Locate {
  const memo = new Map<string, Map<number, SourceLocation | undefined>>();
  return (e) => {
    let byStatement = memo.get(e.policy);
    if (!byStatement) memo.set(e.policy, (byStatement = new Map()));
    if (!byStatement.has(e.statement)) byStatement.set(e.statement, locationOf(model, e, line));
    return byStatement.get(e.statement);
  };
}

function locationsOf(input: RuleInput, raw: RawFinding, locate: Locate, line?: LineOf): SourceLocation[] {
  // The locator returns one object per statement, so a set dedupes without building keys.
  const found = new Set<SourceLocation>();
  const add = (e: Evidence) => {
    const location = locate(e);
    if (location) found.add(location);
  };
  (raw.evidence ?? []).forEach(add);
  for (const p of raw.paths ?? []) {
    for (const h of p.hops) h.evidence.forEach(add);
    p.final?.evidence.forEach(add);
  }
  const byKey = new Map([...found].map((l) => [`${l.file}\n${l.pointer}`, l]));
  if (byKey.size === 0) {
    // No statement to point at (e.g. admins from policies without a source): point at the subject.
    const m = input.model;
    const source = (m.users[raw.subject] ?? m.roles[raw.subject] ?? m.resources[raw.subject])?.source;
    if (source) byKey.set('', { file: source.file, pointer: source.pointer, ...(line?.(source.file, source.pointer) !== undefined ? { line: line!(source.file, source.pointer) } : {}) });
  }
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}

export function toFinding(input: RuleInput, rule: Rule, raw: RawFinding, locate: Locate, line?: LineOf): Finding {
  const accountId = input.graph.hasNode(raw.subject) ? input.graph.getNodeAttribute(raw.subject, 'accountId') : raw.subject.split(':')[4] || undefined;
  return {
    id: findingId(rule.info.id, raw.subject, raw.key),
    rule: rule.info.id,
    severity: raw.severity,
    title: raw.title,
    message: raw.message,
    subject: raw.subject,
    ...(isAccountId(accountId) ? { accountId } : {}),
    paths: (raw.paths ?? []).map((p) => ({ id: pathId(p), ...p })),
    ...(raw.pathRefs ? { pathRefs: raw.pathRefs } : {}),
    evidence: raw.evidence ?? [],
    locations: locationsOf(input, raw, locate, line),
    facts: raw.facts ?? {},
  };
}

/** Most severe first, then catalog order, then the order the rule gave (sorted by subject, or ranked). */
export function compareFindings(order: readonly string[], position: ReadonlyMap<string, number>) {
  return (a: Finding, b: Finding): number =>
    severityRank(a.severity) - severityRank(b.severity) ||
    order.indexOf(a.rule) - order.indexOf(b.rule) ||
    (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0);
}

export function runRules(input: RuleInput, rules: readonly Rule[] = RULES, line?: LineOf): Finding[] {
  const locate = locator(input.model, line);
  const findings = rules.flatMap((rule) => rule.run(input).map((raw) => toFinding(input, rule, raw, locate, line)));
  // Two raw findings with one id would be one finding to a diff: keep the first.
  const unique = [...new Map(findings.map((f) => [f.id, f])).values()];
  const position = new Map(unique.map((f, i) => [f.id, i]));
  return unique.sort(compareFindings(rules.map((r) => r.info.id), position));
}
