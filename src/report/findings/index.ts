/** Runs the rules and turns what they return into findings: ids, path ids, locations, order. */
import { findingId, pathId } from '../ids.ts';
import { locationOf } from '../locations.ts';
import { severityRank } from '../severity.ts';
import type { Finding, RawFinding, Rule, RuleInput, SourceLocation } from '../types.ts';
import { RULES } from './catalog.ts';

export { RULES } from './catalog.ts';

type LineOf = (file: string, pointer: string) => number | undefined;

function locationsOf(input: RuleInput, raw: RawFinding, line?: LineOf): SourceLocation[] {
  const evidence = [
    ...(raw.evidence ?? []),
    ...(raw.paths ?? []).flatMap((p) => [...p.hops.flatMap((h) => h.evidence), ...(p.final?.evidence ?? [])]),
  ];
  const byKey = new Map<string, SourceLocation>();
  for (const e of evidence) {
    const location = locationOf(input.model, e, line);
    if (location) byKey.set(`${location.file}\n${location.pointer}`, location);
  }
  if (byKey.size === 0) {
    // No statement to point at (e.g. admins from policies without a source): point at the subject.
    const m = input.model;
    const source = (m.users[raw.subject] ?? m.roles[raw.subject] ?? m.resources[raw.subject])?.source;
    if (source) byKey.set('', { file: source.file, pointer: source.pointer, ...(line?.(source.file, source.pointer) !== undefined ? { line: line!(source.file, source.pointer) } : {}) });
  }
  return [...byKey.values()].sort((a, b) => (a.file + a.pointer < b.file + b.pointer ? -1 : a.file + a.pointer > b.file + b.pointer ? 1 : 0));
}

export function toFinding(input: RuleInput, rule: Rule, raw: RawFinding, line?: LineOf): Finding {
  const accountId = input.graph.hasNode(raw.subject) ? input.graph.getNodeAttribute(raw.subject, 'accountId') : raw.subject.split(':')[4] || undefined;
  return {
    id: findingId(rule.info.id, raw.subject, raw.key),
    rule: rule.info.id,
    severity: raw.severity,
    title: raw.title,
    message: raw.message,
    subject: raw.subject,
    ...(accountId && /^\d{12}$/.test(accountId) ? { accountId } : {}),
    paths: (raw.paths ?? []).map((p) => ({ id: pathId(p), ...p })),
    evidence: raw.evidence ?? [],
    locations: locationsOf(input, raw, line),
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
  const findings = rules.flatMap((rule) => rule.run(input).map((raw) => toFinding(input, rule, raw, line)));
  // Two raw findings with one id would be one finding to a diff: keep the first.
  const unique = [...new Map(findings.map((f) => [f.id, f])).values()];
  const position = new Map(unique.map((f, i) => [f.id, i]));
  return unique.sort(compareFindings(rules.map((r) => r.info.id), position));
}
