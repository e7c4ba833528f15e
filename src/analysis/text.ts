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
  return `${e.policyType} ${e.policyName ?? shortName(e.policy)} statement ${e.statement}${e.sid ? ` (${e.sid})` : ''}${e.note ? ` — ${e.note}` : ''}`;
}

export const conditionText = (c: ResidualCondition): string => `if ${c.mustNotHold ? 'NOT ' : ''}${c.operator} ${c.key} = ${c.values.join(', ')}`;

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

// ---------------------------------------------------------------------------------------------
// what-can

/** Services listed per principal in text (the JSON has every one). */
export const WHAT_CAN_TEXT_SERVICES = 40;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

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
