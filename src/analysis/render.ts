/** A path as readable text, hop by hop with its proof. */
import type { Hop, Path } from './types.ts';

const short = (arn: string): string => arn.replace(/^arn:aws:iam::(\d{12}):/, '$1:').replace(/^arn:aws:sts::(\d{12}):/, '$1:');

function hopLine(hop: Hop): string {
  const via = hop.technique ? `${hop.technique.id} (${hop.technique.name})` : hop.kind;
  const lines = [`  → ${short(hop.to)}  via ${via}`];
  for (const e of hop.evidence.filter((x) => x.statement >= 0)) lines.push(`      ${e.policyType} ${short(e.policy)} statement ${e.statement}${e.sid ? ` (${e.sid})` : ''}`);
  for (const c of hop.conditions) lines.push(`      if ${c.mustNotHold ? 'NOT ' : ''}${c.operator} ${c.key} ${JSON.stringify(c.values)}`);
  for (const r of hop.requires ?? []) lines.push(`      needs ${r}`);
  return lines.join('\n');
}

export function renderPath(from: string, path: Path, index: number): string {
  const lines = [`path ${index + 1} [${path.verdict}, ${path.hops.length} hop${path.hops.length === 1 ? '' : 's'}]: ${short(from)}`];
  for (const hop of path.hops) lines.push(hopLine(hop));
  if (path.final) {
    lines.push(`  ⇒ ${path.final.action} on ${path.final.resource}: ${path.final.decision}`);
    for (const e of path.final.evidence) lines.push(`      ${e.policyType} ${short(e.policy)} statement ${e.statement}${e.sid ? ` (${e.sid})` : ''}`);
    for (const c of path.final.conditions ?? []) lines.push(`      if ${c.mustNotHold ? 'NOT ' : ''}${c.operator} ${c.key} ${JSON.stringify(c.values)}`);
  }
  return lines.join('\n');
}
