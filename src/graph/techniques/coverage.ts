/**
 * The technique coverage table (docs/techniques.md), generated from the catalog so the docs
 * cannot drift from the code: `node --import tsx src/graph/techniques/coverage.ts > docs/techniques.md`.
 */
import { pathToFileURL } from 'node:url';
import { COMPUTE_KINDS } from '../../model/compute.ts';
import { TECHNIQUES } from './catalog/index.ts';
import { MODELLED_ELSEWHERE, PATHFINDING_IDS } from './pathfinding.ts';
import type { RequiredAction, Technique } from './types.ts';

/** What a technique yields, in the table's words. */
function resultText(t: Technique): string {
  if (t.result === 'self') return t.gain === 'any-policy' ? 'admin (if boundary and SCPs allow)' : 'what it gains: admin, or the next step';
  if (t.result === 'rewrite-target') return 'admin as the rewritten principal, if the attacker can act as it';
  switch (t.targets) {
    case 'roles-trusting-service':
    case 'roles-trusting-federated':
      return `the role${t.service ? ` trusting \`${t.service}\`${t.targets === 'roles-trusting-federated' ? ' (Federated)' : ''}` : ''}${t.needsInstanceProfile ? ' with an instance profile' : ''}`;
    case 'permission-set-roles':
      return 'the permission set\'s role in the target account';
    case 'other-users':
      return 'the target user';
    default:
      return 'the target role';
  }
}

/** One alternative's actions; an action needed on several resources (an sso instance, permission set, account) once, with them. */
function alternativeText(alternative: readonly RequiredAction[]): string {
  const byAction = new Map<string, RequiredAction[]>();
  for (const r of alternative) byAction.set(r.action, [...(byAction.get(r.action) ?? []), r]);
  return [...byAction.values()].map((same) => {
    const r = same[0];
    const on = same.length > 1 ? ` on ${same.map((x) => x.resource.replace(/[{}]/g, '')).join(', ')}` : '';
    return `\`${r.action}\`${on}${r.context ? ` (${Object.entries(r.context).map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}${r.requires ? ` (needs ${r.requires})` : ''}`;
  }).join(' + ');
}

/** pathfinding.cloud id → the techniques that implement it. */
export function pathfindingCoverage(): Map<string, string[]> {
  const by = new Map<string, string[]>(PATHFINDING_IDS.map((c) => [c.id, []]));
  for (const t of TECHNIQUES) for (const p of t.publicIds) if (p.startsWith('pathfinding:')) by.get(p.slice('pathfinding:'.length))?.push(t.id);
  return by;
}

export function coverageMarkdown(): string {
  const lines = [
    '# Privilege-escalation techniques',
    '',
    'Generated from `src/graph/techniques/catalog/` (do not edit by hand). Each technique is checked',
    'by the policy engine: every required action is evaluated for the source principal on the concrete',
    'target, with its boundary, SCPs, denies and conditions. Techniques that need a resource the input',
    'cannot show (an existing function, instance, stack …) produce conditional edges; where they say',
    '"with an inventory", compute inventories make the hop concrete: it goes to each resource running as',
    'the role, its actions decided on that resource\'s ARN, and a whole inventory without one means no hop.',
    '',
    '| id | technique | sources | needs (any one line) | result | public ids | status |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const t of TECHNIQUES) {
    const needs = t.anyOf.map(alternativeText).join('<br>');
    const inventory = t.runsOn ? `; with an inventory of ${COMPUTE_KINDS[t.runsOn.kind].label}s${t.runsOn.states ? ` (${t.runsOn.states.join(', ')})` : ''}: checked on each` : '';
    const status = t.requires ? `conditional: needs ${t.requires}${inventory}` : t.administeredFrom ? 'checked from the account that administers IAM Identity Center (elsewhere: conditional on a delegated administrator)' : 'checked';
    lines.push(`| \`${t.id}\` | ${t.name} | ${t.sources.join(', ')} | ${needs} | ${resultText(t)} | ${t.publicIds.join(', ') || '—'} | ${status} |`);
  }
  lines.push('', 'Role chaining (`sts:AssumeRole`, `AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`) is modelled by `can-assume` edges, checked on both sides (trust policy and, where AWS requires it, the caller\'s identity policy).', '');
  const coverage = pathfindingCoverage();
  const covered = PATHFINDING_IDS.filter((c) => coverage.get(c.id)!.length > 0 || MODELLED_ELSEWHERE[c.id]).length;
  lines.push(
    '## Coverage of the pathfinding.cloud catalog',
    '',
    `${covered} of ${PATHFINDING_IDS.length} ids (${Math.floor((covered / PATHFINDING_IDS.length) * 100)}%) are implemented. An id implemented by a technique that says \`conditional: needs …\` is found as a conditional path until the input shows the resource.`,
    '',
    '| pathfinding.cloud id | title | status |',
    '| --- | --- | --- |',
  );
  for (const c of PATHFINDING_IDS) {
    const by = coverage.get(c.id)!;
    const status = by.length ? `implemented: ${by.map((id) => `\`${id}\``).join(', ')}` : MODELLED_ELSEWHERE[c.id] ? `implemented: ${MODELLED_ELSEWHERE[c.id]}` : 'not yet';
    lines.push(`| ${c.id} | ${c.title.replace(/\|/g, '\\|')} | ${status} |`);
  }
  lines.push('');
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(coverageMarkdown());
