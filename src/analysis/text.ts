/**
 * The one text form of hops and paths. The CLI prints it as is; the reports escape its pieces for
 * their format; the viewer shows them in its path list.
 */
import type { Evidence } from '../graph/types.ts';
import { shortName } from '../policy/arn.ts';
import type { ResidualCondition } from '../policy/types.ts';
import type { Hop, Path, WhatCanAnswer, WhatCanResource, WhatCanService } from './types.ts';

export { shortName };

export const hopVia = (hop: Pick<Hop, 'kind' | 'technique'>): string => (hop.technique ? `${hop.technique.id} (${hop.technique.name})` : hop.kind);

export function evidenceText(e: Evidence): string {
  if (e.statement < 0) return e.note ?? e.policy;
  return `${e.policyType} ${e.policyName ?? shortName(e.policy)}${e.level ? ` at ${e.level}` : ''} statement ${e.statement}${e.sid ? ` (${e.sid})` : ''}${e.note ? ` — ${e.note}` : ''}`;
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
  const from = `${c.statement.policyType} ${c.statement.policyName ?? shortName(c.statement.policy)}${c.statement.level ? ` at ${c.statement.level}` : ''} statement ${c.statement.statement}`;
  return `${words} (${from}; decide it with --context ${c.key}=…)`;
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

// ---------------------------------------------------------------------------------------------
// what-can

/** Services listed per principal in text (the JSON has every one). */
export const WHAT_CAN_TEXT_SERVICES = 40;


/** A path as one line: each principal reached and how. */
const pathLine = (path: Path): string => path.hops.map((h) => `${shortName(h.to)} (${h.technique?.id ?? h.kind})`).join(' → ');

function actionsText(service: WhatCanService, names: string[]): string {
  if (names.length === service.catalogActions && names.length > 1) return `all ${names.length} actions`;
  const short = names.map((a) => a.slice(a.indexOf(':') + 1));
  return short.length <= 6 ? short.join(', ') : `${short.length} actions (${short.slice(0, 5).join(', ')}, …)`;
}

const resourceText = (r: WhatCanResource): string =>
  `${r.pattern}${r.except?.length ? ` except ${r.except.join(', ')}` : ''}${r.source === 'resource-policy' ? ' (its resource policy)' : ''}${r.conditional ? ' [conditional]' : ''}`;

/** One principal's permissions, a line per service and resource set, with the known resources and conditions under it. */
function permissionLines(services: WhatCanService[], via: string): string[] {
  const lines: string[] = [];
  let shown = 0;
  let hidden = 0;
  for (const service of services) {
    const grants = service.grants.filter((g) => g.via === via);
    if (grants.length === 0) continue;
    if (shown >= WHAT_CAN_TEXT_SERVICES) {
      hidden++;
      continue;
    }
    shown++;
    let first = true;
    for (const g of grants) {
      lines.push(`  ${(first ? service.service : '').padEnd(16)} ${actionsText(service, g.actions)}  on ${g.resources.map(resourceText).join('; ')}`);
      first = false;
      for (const r of g.resources) {
        if (r.knownCount && !(r.knownCount === 1 && r.known[0] === r.pattern)) {
          lines.push(`      ${r.pattern}: ${r.known.map(shortName).join(', ')}${r.knownCount > r.known.length ? ` … (${r.knownCount} known)` : ''}`);
        }
        for (const c of r.conditions) lines.push(`      ${conditionText(c)}`);
      }
    }
  }
  if (hidden) lines.push(`  … and ${plural(hidden, 'more service')} (--json lists them all)`);
  if (lines.length === 0) lines.push('  nothing');
  return lines;
}

/** The what-can answer as text: admin first (summarized), then the principal's own permissions and those it reaches. */
export function renderWhatCan(answer: WhatCanAnswer): string[] {
  const self = answer.reachable[0];
  const others = answer.reachable.slice(1);
  const lines = [shortName(answer.principal)];
  const admin = answer.admin;
  if (admin) {
    lines.push(`can reach admin${admin.conditional ? ' conditionally' : ''}: ${plural(admin.paths, 'path')}${admin.truncated ? ' (or more)' : ''}, shortest ${plural(admin.shortestHops, 'hop')}`);
    const who = (p: string): string => (p === answer.principal ? 'itself' : shortName(p));
    lines.push(`  all actions on all resources as ${admin.as.map((a) => (a.hop === 'is-admin' ? who(a.principal) : `${who(a.principal)} after ${a.hop}`)).join(', ')}`);
  }
  if (others.length) {
    lines.push('reaches:');
    for (const r of others) lines.push(`  ${shortName(r.principal)}${r.admin ? ' (admin)' : ''}${r.conditional ? ' [conditional]' : ''}  path: ${pathLine(r.paths[0])}`);
  } else {
    lines.push('reaches: no other principal');
  }
  lines.push('', self.admin ? 'itself: all actions on all resources (admin)' : 'itself:');
  if (!self.admin) lines.push(...permissionLines(answer.services, self.principal));
  const enumerated = others.filter((r) => !r.admin);
  if (admin) {
    if (enumerated.length) lines.push('', `(what the ${plural(enumerated.length, 'other principal')} it reaches can do besides: --json)`);
    return lines;
  }
  for (const r of enumerated) {
    lines.push('', `as ${shortName(r.principal)}${r.conditional ? ' [conditional]' : ''}:`);
    lines.push(...permissionLines(answer.services, r.principal));
  }
  return lines;
}
