/**
 * The one text form of hops and paths. The CLI prints it as is; the reports escape its pieces for
 * their format; the viewer shows them in its path list.
 */
import type { Evidence } from '../graph/types.ts';
import { shortName } from '../policy/arn.ts';
import type { ResidualCondition } from '../policy/types.ts';
import type { Hop, Path } from './types.ts';

export { shortName };

export const hopVia = (hop: Pick<Hop, 'kind' | 'technique'>): string => (hop.technique ? `${hop.technique.id} (${hop.technique.name})` : hop.kind);

export function evidenceText(e: Evidence): string {
  if (e.statement < 0) return e.note ?? e.policy;
  return `${e.policyType} ${e.policyName ?? shortName(e.policy)} statement ${e.statement}${e.sid ? ` (${e.sid})` : ''}${e.note ? ` — ${e.note}` : ''}`;
}

/** What each operator family says of a key, in words (IAM User Guide, "IAM JSON policy elements: Condition operators"). */
const OPERATOR_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^StringNotEqualsIgnoreCase$/, 'is not (ignoring case)'], [/^StringEqualsIgnoreCase$/, 'is (ignoring case)'],
  [/^StringNotEquals$/, 'is not'], [/^StringEquals$/, 'is'], [/^StringNotLike$/, 'does not match'], [/^StringLike$/, 'matches'],
  [/^NumericNotEquals$/, 'is not'], [/^NumericEquals$/, 'is'], [/^NumericLessThanEquals$/, 'is at most'], [/^NumericLessThan$/, 'is less than'],
  [/^NumericGreaterThanEquals$/, 'is at least'], [/^NumericGreaterThan$/, 'is more than'],
  [/^DateNotEquals$/, 'is not'], [/^DateEquals$/, 'is'], [/^DateLessThanEquals$/, 'is at or before'], [/^DateLessThan$/, 'is before'],
  [/^DateGreaterThanEquals$/, 'is at or after'], [/^DateGreaterThan$/, 'is after'],
  [/^Bool$/, 'is'], [/^BinaryEquals$/, 'is'], [/^NotIpAddress$/, 'is not in'], [/^IpAddress$/, 'is in'],
  [/^ArnNotEquals$/, 'is not'], [/^ArnEquals$/, 'is'], [/^ArnNotLike$/, 'does not match'], [/^ArnLike$/, 'matches'],
];

/** One clause as a reader says it: `aws:SecureTransport is true`, `aws:SourceIp is in 10.0.0.0/8`. */
function clauseWords(c: ResidualCondition): string {
  const [, set, base, ifExists] = /^(ForAnyValue:|ForAllValues:)?(.*?)(IfExists)?$/.exec(c.operator) ?? [];
  const values = c.values.length === 1 ? c.values[0] : `one of ${c.values.join(', ')}`;
  if (base === 'Null') return `${c.key} is ${c.values[0] === 'true' ? 'absent' : 'present'}`;
  const verb = OPERATOR_WORDS.find(([re]) => re.test(base ?? ''))?.[1];
  if (!verb) return `${c.operator} ${c.key} = ${c.values.join(', ')}`;
  const subject = set === 'ForAnyValue:' ? `any value of ${c.key}` : set === 'ForAllValues:' ? `every value of ${c.key}` : c.key;
  return `${subject} ${verb} ${values}${ifExists ? ` (or ${c.key} is absent)` : ''}`;
}

/**
 * A condition nobody fixed, in words: `only if …` for an Allow's, `unless …` for a Deny's, with
 * the flag that decides it. The engine's own form is kept in --json (`operator`, `key`, `values`).
 */
export function conditionText(c: ResidualCondition): string {
  // A Deny on a negated operator holds when the key is absent too (IAM User Guide, "Condition
  // operators": negated operators match a missing key), so "unless not X" is exactly "only if X".
  const positive = c.mustNotHold && /^(String|Numeric|Date|Arn)Not|^NotIpAddress$/.test(c.operator) && !/IfExists$/.test(c.operator) ? c.operator.replace(/^NotIpAddress$/, 'IpAddress').replace('Not', '') : undefined;
  const words = positive ? `only if ${clauseWords({ ...c, operator: positive })}` : `${c.mustNotHold ? 'unless' : 'only if'} ${clauseWords(c)}`;
  return `${words} (decide it with --context ${c.key}=…)`;
}

export const requiresText = (r: string): string => `needs ${r}`;

/** One hop and its proof, as indented lines. */
function hopLines(hop: Hop): string[] {
  return [
    `  → ${shortName(hop.to)}  via ${hopVia(hop)}`,
    ...hop.evidence.map((e) => `      ${evidenceText(e)}`),
    ...hop.conditions.map((c) => `      ${conditionText(c)}`),
    ...(hop.requires ?? []).map((r) => `      ${requiresText(r)}`),
  ];
}

/** A path as readable lines, hop by hop with its proof (the caller joins them for its medium). */
export function renderPath(from: string, path: Path, index: number): string[] {
  const lines = [`path ${index + 1} [${path.verdict}, ${path.hops.length} hop${path.hops.length === 1 ? '' : 's'}]: ${shortName(from)}`];
  for (const hop of path.hops) lines.push(...hopLines(hop));
  if (path.final) {
    lines.push(`  ⇒ ${path.final.action} on ${path.final.resource}: ${path.final.decision}`);
    for (const e of path.final.evidence) lines.push(`      ${evidenceText(e)}`);
    for (const c of path.final.conditions ?? []) lines.push(`      ${conditionText(c)}`);
  }
  return lines;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The answer first: `2 paths from user/x to admin: shortest 2 hops, 1 unconditional`. */
export function pathsHeadline(from: string, to: string, paths: readonly Path[], truncated: boolean): string {
  if (paths.length === 0) return `no path from ${shortName(from)} to ${shortName(to)}`;
  const shortest = Math.min(...paths.map((p) => p.hops.length));
  const firm = paths.filter((p) => p.verdict === 'reachable').length;
  return `${truncated ? 'at least ' : ''}${plural(paths.length, 'path')} from ${shortName(from)} to ${shortName(to)}: shortest ${plural(shortest, 'hop')}, ${firm === 0 ? 'all conditional' : `${firm.toLocaleString('en-US')} unconditional`}${truncated ? ' (cut at --max-paths)' : ''}`;
}

/** who-can's first line: how many, and how — directly or only through paths, unconditionally or not. */
export function whoCanHeadline(action: string, resource: string, principals: ReadonlyArray<{ direct: boolean; paths: readonly Path[] }>): string {
  const direct = principals.filter((p) => p.direct).length;
  const through = principals.length - direct;
  const conditional = principals.filter((p) => p.paths.every((path) => path.verdict !== 'reachable')).length;
  if (principals.length === 0) return `no principal can ${action} on ${resource}`;
  return `${plural(principals.length, 'principal')} can ${action} on ${resource}: ${direct.toLocaleString('en-US')} directly, ${through.toLocaleString('en-US')} through other principals; ${conditional.toLocaleString('en-US')} only conditionally`;
}
