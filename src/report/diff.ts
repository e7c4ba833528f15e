/**
 * Snapshot diff of two reports (an old report or baseline, and a new one): new and removed
 * findings, new and removed paths of findings in both, principals that became admin (directly or
 * by a new escalation), new external trusts. Compared by the stable ids, never by text.
 */
import { severityRank } from './severity.ts';
import type { ExternalTrust, Finding, Report, ReportPath, Severity } from './types.ts';

export const DIFF_SCHEMA_VERSION = '2.0.0';

export interface ChangedFinding {
  id: string;
  rule: string;
  subject: string;
  title: string;
  severity: Severity;
  previousSeverity: Severity;
  newPaths: ReportPath[];
  removedPaths: ReportPath[];
  /** The finding as it is now. */
  finding: Finding;
}

export interface ReportDiff {
  kind: 'iamgraph-diff';
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  tool: Report['tool'];
  generatedAt?: string;
  old: { inputs: string[]; findings: number };
  new: { inputs: string[]; findings: number };
  newFindings: Finding[];
  removedFindings: Finding[];
  changedFindings: ChangedFinding[];
  becameAdmin: Array<{ principal: string; how: 'admin' | 'escalation' }>;
  newExternalTrusts: ExternalTrust[];
  removedExternalTrusts: ExternalTrust[];
  /** Rules of the new report, for renderers. */
  rules: Report['rules'];
}

const byId = (findings: readonly Finding[]) => new Map(findings.map((f) => [f.id, f]));
const trustKey = (t: ExternalTrust): string => `${t.role}\n${t.principal}`;

export function diffReports(before: Report, after: Report, opts: { timestamp?: string } = {}): ReportDiff {
  const oldById = byId(before.findings);
  const newById = byId(after.findings);
  const newFindings = after.findings.filter((f) => !oldById.has(f.id));
  const removedFindings = before.findings.filter((f) => !newById.has(f.id));
  const changedFindings: ChangedFinding[] = [];
  for (const f of after.findings) {
    const was = oldById.get(f.id);
    if (!was) continue;
    const oldPaths = new Set(was.paths.map((p) => p.id));
    const nowPaths = new Set(f.paths.map((p) => p.id));
    const added = f.paths.filter((p) => !oldPaths.has(p.id));
    const removed = was.paths.filter((p) => !nowPaths.has(p.id));
    if (added.length || removed.length || was.severity !== f.severity) {
      changedFindings.push({ id: f.id, rule: f.rule, subject: f.subject, title: f.title, severity: f.severity, previousSeverity: was.severity, newPaths: added, removedPaths: removed, finding: f });
    }
  }
  const oldAdmins = new Set(before.admins);
  const oldEscalating = new Set(before.findings.filter((f) => f.rule === 'privesc-to-admin').map((f) => f.subject));
  const becameAdmin: ReportDiff['becameAdmin'] = [
    ...after.admins.filter((a) => !oldAdmins.has(a)).map((principal) => ({ principal, how: 'admin' as const })),
    ...after.findings.filter((f) => f.rule === 'privesc-to-admin' && !oldEscalating.has(f.subject) && !oldAdmins.has(f.subject)).map((f) => ({ principal: f.subject, how: 'escalation' as const })),
  ].sort((a, b) => (a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0));
  const oldTrusts = new Set((before.externalTrusts ?? []).map(trustKey));
  const newTrusts = new Set((after.externalTrusts ?? []).map(trustKey));
  return {
    kind: 'iamgraph-diff',
    schemaVersion: DIFF_SCHEMA_VERSION,
    tool: after.tool,
    ...(opts.timestamp ? { generatedAt: opts.timestamp } : {}),
    old: { inputs: before.inputs, findings: before.findings.length },
    new: { inputs: after.inputs, findings: after.findings.length },
    newFindings,
    removedFindings,
    changedFindings,
    becameAdmin,
    newExternalTrusts: (after.externalTrusts ?? []).filter((t) => !oldTrusts.has(trustKey(t))),
    removedExternalTrusts: (before.externalTrusts ?? []).filter((t) => !newTrusts.has(trustKey(t))),
    rules: after.rules,
  };
}

/**
 * What a gate on a diff looks at: new findings, and findings that gained a path or got more
 * severe (a new path to admin for someone who already had one is still new exposure).
 */
export function gatedFindings(diff: ReportDiff): Finding[] {
  return [
    ...diff.newFindings,
    ...diff.changedFindings.filter((c) => c.newPaths.length > 0 || severityRank(c.severity) < severityRank(c.previousSeverity)).map((c) => c.finding),
  ];
}

/**
 * The diff as a report, for the formats that render reports (html, csv, sarif, junit): its
 * findings are the new ones and the changed ones restricted to their new paths.
 */
export function diffAsReport(diff: ReportDiff, base: Report): Report {
  const findings: Finding[] = [
    ...diff.newFindings,
    ...diff.changedFindings.filter((c) => c.newPaths.length > 0 || c.severity !== c.previousSeverity).map((c) => ({
      ...c.finding,
      title: `${c.finding.title} (${c.newPaths.length} new path${c.newPaths.length === 1 ? '' : 's'}${c.severity !== c.previousSeverity ? `, was ${c.previousSeverity}` : ''})`,
      paths: c.newPaths,
    })),
  ].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const count = (sev: Severity) => findings.filter((f) => f.severity === sev).length;
  return {
    ...base,
    ...(diff.generatedAt ? { generatedAt: diff.generatedAt } : {}),
    summary: {
      ...base.summary,
      findings: findings.length,
      suppressed: 0,
      bySeverity: { critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low'), info: count('info') },
      byRule: Object.fromEntries(base.rules.map((r) => [r.id, findings.filter((f) => f.rule === r.id).length])),
    },
    findings,
    suppressed: [],
    expiredSuppressions: [],
    externalTrusts: diff.newExternalTrusts,
    warnings: [
      ...diff.removedFindings.map((f) => `removed finding ${f.id}: ${f.title}`),
      ...diff.becameAdmin.map((b) => `became admin (${b.how}): ${b.principal}`),
      ...diff.newExternalTrusts.map((t) => `new external trust: ${t.role} trusts ${t.principal}`),
    ],
  };
}
