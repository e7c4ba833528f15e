/**
 * Choke points: the fewest statements, trust entries, AWS-managed policy attachments or group
 * memberships whose removal breaks the most paths to admin. A hop depends on a statement when,
 * for one of the actions the hop needs, that statement is the only one of its kind (identity, resource, trust) in the hop's
 * evidence that allows it; a path breaks when any hop does. Ranked greedily (set cover): each
 * choke point lists the paths it cuts that no better-ranked one already cut.
 */
import type { Hop, Path } from '../../analysis/types.ts';
import type { AccessGraph } from '../../graph/types.ts';
import { ADMIN_SENTINELS } from '../../access/admin.ts';
import type { Evidence } from '../../graph/types.ts';
import type { AccountModel } from '../../model/types.ts';
import type { CompiledStatement } from '../../policy/types.ts';
import { findingId, pathId } from '../ids.ts';
import { severityRank } from '../severity.ts';
import { shortName } from '../../analysis/text.ts';
import type { PathRef, RawFinding, Rule, Severity } from '../types.ts';
import { escalationSeverity } from '../severity.ts';
import { privescToAdmin } from './privesc-to-admin.ts';
import { principalValues } from './statements.ts';

export interface Cut {
  key: string;
  kind: 'statement' | 'trust-entry' | 'membership' | 'attachment';
  /** Policy id (statements, attachments) or user ARN (memberships). */
  subject: string;
  evidence?: Evidence;
  group?: string;
  /** Attachments: the user, group or role the policy is attached to. */
  owner?: string;
}

const CUTTABLE = new Set(['identity', 'resource', 'trust']);

function statementOf(model: AccountModel, e: Evidence): CompiledStatement | undefined {
  return model.policies[e.policy]?.policy?.statements[e.statement];
}

function actionsOfHop(graph: AccessGraph, hop: Hop): string[] {
  if (hop.kind === 'is-admin') return [...ADMIN_SENTINELS];
  const key = `${hop.from}->${hop.to}:${hop.kind}`;
  return graph.hasEdge(key) ? (graph.getEdgeAttribute(key, 'actions') ?? []) : [];
}

/** Same-account trust naming the caller itself: no identity Allow is needed, so none is essential. */
function trustNamesCaller(model: AccountModel, hop: Hop): boolean {
  if (hop.kind !== 'can-assume') return false;
  return hop.evidence.some((e) => e.policyType === 'trust' && principalValues(statementOf(model, e)?.parsed.principal, 'AWS').includes(hop.from));
}

/** Who holds a managed policy for a principal: itself, or the first of its groups that has it. */
function attachmentOwner(model: AccountModel, principal: string, policy: string): string | undefined {
  const own = model.users[principal] ?? model.roles[principal];
  if (!own) return undefined;
  if (own.managedPolicies.includes(policy)) return principal;
  return (model.users[principal]?.groups ?? []).find((g) => model.groups[g]?.managedPolicies.includes(policy));
}

/** The cuts one hop depends on. */
export function cutsOfHop(model: AccountModel, graph: AccessGraph, hop: Hop): Cut[] {
  if (hop.kind === 'member-of') return [{ key: `membership ${hop.from} ${hop.to}`, kind: 'membership', subject: hop.from, group: hop.to }];
  const usable = hop.evidence.filter((e) => e.statement >= 0 && e.effect === 'Allow' && CUTTABLE.has(e.policyType) && statementOf(model, e));
  const skipIdentity = trustNamesCaller(model, hop);
  const actions = actionsOfHop(graph, hop);
  const cuts: Cut[] = [];
  for (const e of usable) {
    if (skipIdentity && e.policyType === 'identity') continue;
    const peers = usable.filter((o) => o.policyType === e.policyType);
    const statement = statementOf(model, e)!;
    const essential = actions.length
      ? actions.some((a) => statement.matchesAction(a) && peers.filter((o) => statementOf(model, o)!.matchesAction(a)).length === 1)
      : peers.length === 1;
    if (!essential) continue;
    // AWS-managed policies cannot be edited: the cut is detaching it from who holds it.
    const owner = model.policies[e.policy]?.kind === 'aws-managed' ? attachmentOwner(model, hop.from, e.policy) : undefined;
    if (owner) cuts.push({ key: `attachment ${e.policy} ${owner}`, kind: 'attachment', subject: e.policy, evidence: e, owner });
    else cuts.push({ key: `statement ${e.policy}#${e.statement}`, kind: e.policyType === 'trust' ? 'trust-entry' : 'statement', subject: e.policy, evidence: e });
  }
  return cuts;
}

interface Ranked {
  cut: Cut;
  /** Indices into the path list: newly cut at this rank, and all cut. */
  fresh: number[];
  all: number[];
}

export function rankChokePoints(cutsByPath: ReadonlyArray<readonly Cut[]>, limit: number): Ranked[] {
  const byKey = new Map<string, { cut: Cut; paths: Set<number> }>();
  cutsByPath.forEach((cuts, i) => {
    for (const cut of cuts) {
      const entry = byKey.get(cut.key) ?? { cut, paths: new Set<number>() };
      entry.paths.add(i);
      byKey.set(cut.key, entry);
    }
  });
  const remaining = new Set(cutsByPath.map((_c, i) => i));
  const candidates = [...byKey.values()].sort((a, b) => (a.cut.key < b.cut.key ? -1 : 1));
  const ranked: Ranked[] = [];
  while (ranked.length < limit && remaining.size) {
    let best: { entry: (typeof candidates)[number]; gain: number } | undefined;
    for (const entry of candidates) {
      let gain = 0;
      for (const i of entry.paths) if (remaining.has(i)) gain++;
      if (gain > 0 && (!best || gain > best.gain || (gain === best.gain && entry.paths.size > best.entry.paths.size))) best = { entry, gain };
    }
    if (!best) break;
    const fresh = [...best.entry.paths].filter((i) => remaining.has(i)).sort((a, b) => a - b);
    fresh.forEach((i) => remaining.delete(i));
    ranked.push({ cut: best.entry.cut, fresh, all: [...best.entry.paths].sort((a, b) => a - b) });
  }
  return ranked;
}

function describe(model: AccountModel, cut: Cut): string {
  if (cut.kind === 'membership') return `membership of ${shortName(cut.subject)} in group ${shortName(cut.group!)}`;
  if (cut.kind === 'attachment') return `${model.policies[cut.subject]?.name ?? cut.subject} attached to ${shortName(cut.owner!)}`;
  const e = cut.evidence!;
  const name = model.policies[e.policy]?.name ?? e.policy;
  return `${cut.kind === 'trust-entry' ? 'trust entry' : 'statement'} ${e.statement}${e.sid ? ` (${e.sid})` : ''} of ${cut.kind === 'trust-entry' ? shortName(e.policy.replace(/#trust$/, '')) : name}`;
}

export const chokePoints: Rule = {
  info: {
    id: 'choke-point',
    severity: 'critical',
    title: 'Choke point on paths to admin',
    description: 'A statement, trust entry, AWS-managed policy attachment or group membership that many paths to admin go through. Ranked: removing the first cuts the most paths; each next one cuts the most of those left. Severity is that of the worst path it cuts.',
    remediation: 'Remove or narrow the statement (detach the AWS-managed policy, remove the membership) — review the paths it cuts first: legitimate access through it breaks too.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  run({ model, graph, privesc, options }) {
    const paths: Array<{ principal: string; path: Path }> = privesc.findings.flatMap((f) => f.paths.map((path) => ({ principal: f.principal, path })));
    // One hop (an edge of the graph) lies on many paths: its cuts are worked out once.
    const cutsOfEdge = new Map<string, Cut[]>();
    const cutsOf = (hop: Hop): Cut[] => {
      const key = `${hop.from}\n${hop.to}\n${hop.kind}`;
      let cuts = cutsOfEdge.get(key);
      if (!cuts) cutsOfEdge.set(key, (cuts = cutsOfHop(model, graph, hop)));
      return cuts;
    };
    const cutsByPath = paths.map(({ path }) => {
      const byKey = new Map<string, Cut>();
      for (const hop of path.hops) for (const cut of cutsOf(hop)) byKey.set(cut.key, cut);
      return [...byKey.values()];
    });
    return rankChokePoints(cutsByPath, options.maxChokePoints).map(({ cut, fresh, all }, rank): RawFinding => {
      const cutPaths = all.map((i) => paths[i]);
      const severity = cutPaths.map((p) => escalationSeverity([p.path])).sort((a: Severity, b: Severity) => severityRank(a) - severityRank(b))[0];
      const pathRefs = refsTo(cutPaths);
      const named = pathRefs.slice(0, MAX_NAMED).map((r) => r.subject);
      const more = pathRefs.length > MAX_NAMED ? ` and ${pathRefs.length - MAX_NAMED} more` : '';
      return {
        severity,
        subject: cut.subject,
        key: cut.key,
        title: `choke point ${rank + 1}: removing ${describe(model, cut)} cuts ${all.length} path${all.length === 1 ? '' : 's'} to admin`,
        message: `Removing ${describe(model, cut)} breaks ${all.length} of ${paths.length} paths to admin (${fresh.length} not cut by a higher-ranked choke point), from ${named.join(', ')}${more}.`,
        // The cut paths are written once, in their principals' escalation findings; here by reference.
        pathRefs,
        evidence: cut.evidence ? [cut.evidence] : [],
        facts: { rank: rank + 1, cut: cut.kind, pathsCut: all.length, newlyCut: fresh.length, totalPaths: paths.length, principalsCut: pathRefs.length },
      };
    });
  },
};

/** Principals named in a choke point's message; all of them are in its path references. */
const MAX_NAMED = 10;

/** The cut paths as references into the privesc-to-admin findings, one per principal, sorted. */
function refsTo(cut: ReadonlyArray<{ principal: string; path: Path }>): PathRef[] {
  const byPrincipal = new Map<string, string[]>();
  for (const { principal, path } of cut) {
    const ids = byPrincipal.get(principal) ?? [];
    ids.push(pathId(path));
    byPrincipal.set(principal, ids);
  }
  return [...byPrincipal.keys()].sort().map((subject) => ({ finding: findingId(privescToAdmin.info.id, subject), subject, paths: byPrincipal.get(subject)! }));
}
