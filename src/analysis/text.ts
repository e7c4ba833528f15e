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
