/**
 * A Terraform plan's effect on access: the report of the model before the plan and after it,
 * compared by the snapshot diff, with each new or removed path attributed to the plan resources
 * whose model entities (policies, principals, attachments) it runs through.
 */
import type { Target } from '../analysis/index.ts';
import type { AccessGraph } from '../graph/types.ts';
import type { AccountModel } from '../model/types.ts';
import { diffReports, type ReportDiff } from './diff.ts';
import { targetFindings, TARGET_RULE } from './plan-targets.ts';
import type { Finding, Report, ReportOptions, ReportPath, SourceLocation } from './types.ts';

/** What one plan resource touched in the model (ingest/terraform's PlanOrigin). */
export interface PlanOriginRef {
  address: string;
  entities: string[];
  location: { file: string; pointer: string; line?: number };
}

export interface PlanSide {
  model: AccountModel;
  graph: AccessGraph;
  report: Report;
}

export interface PlanDiff extends ReportDiff {
  plan: {
    file: string;
    /** Plan resources whose changes the model does not hold (listed, not analysed). */
    notModelled: string[];
    /** Path id → the plan resource addresses it runs through. */
    causes: Record<string, string[]>;
  };
}

/** Every model entity a path runs through: its nodes, the groups of its users, the policies of its evidence and conditions. */
function entitiesOf(path: ReportPath, model: AccountModel): Set<string> {
  const out = new Set<string>();
  for (const h of path.hops) {
    for (const node of [h.from, h.to]) {
      out.add(node);
      for (const g of model.users[node]?.groups ?? []) out.add(g);
      const role = model.roles[node];
      if (role) out.add(role.trustPolicy);
    }
    for (const e of h.evidence) out.add(e.policy);
    for (const c of h.conditions) if (c.statement) out.add(c.statement.policy);
  }
  for (const e of path.final?.evidence ?? []) out.add(e.policy);
  // A conditional grant's statements are named by its residual conditions.
  for (const c of path.final?.conditions ?? []) if (c.statement) out.add(c.statement.policy);
  return out;
}

/** A finding's subject counts too: a path with no hops is its subject's own access. */
function causesOf(finding: Finding, path: ReportPath, model: AccountModel, origins: readonly PlanOriginRef[]): PlanOriginRef[] {
  const seen = entitiesOf(path, model);
  seen.add(finding.subject);
  for (const g of model.users[finding.subject]?.groups ?? []) seen.add(g);
  return origins.filter((o) => o.entities.every((e) => seen.has(e)));
}

const uniqueSorted = (list: string[]): string[] => [...new Set(list)].sort();

function locate(origins: readonly PlanOriginRef[]): SourceLocation[] {
  const seen = new Map<string, SourceLocation>();
  for (const o of origins) seen.set(o.address, { file: o.location.file, pointer: o.location.pointer, ...(o.location.line ? { line: o.location.line } : {}), policy: o.address });
  return [...seen.values()];
}

/** The finding with its plan causes: named in its message and facts, located at the plan resources. */
function annotate(finding: Finding, paths: readonly ReportPath[], model: AccountModel, origins: readonly PlanOriginRef[], causes: Record<string, string[]>): Finding {
  // A finding without paths (a trust, a resource policy grant) is proved by its evidence statements.
  const proof = new Set([finding.subject, ...finding.evidence.map((e) => e.policy)]);
  const all: PlanOriginRef[] = paths.length ? [] : origins.filter((o) => o.entities.every((e) => proof.has(e)));
  for (const p of paths) {
    const found = causesOf(finding, p, model, origins);
    causes[p.id] = uniqueSorted([...(causes[p.id] ?? []), ...found.map((o) => o.address)]);
    all.push(...found);
  }
  const addresses = uniqueSorted(all.map((o) => o.address));
  if (addresses.length === 0) return finding;
  return { ...finding, message: `${finding.message}\nPlan resources: ${addresses.join(', ')}`, facts: { ...finding.facts, planResources: addresses }, locations: [...locate(all), ...finding.locations] };
}

/** A side's report with the target findings added (the rule listed once). */
export function withTargets(side: PlanSide, targets: readonly Target[], options: ReportOptions): Report {
  if (targets.length === 0) return side.report;
  const extra = targetFindings(side.graph, side.model, targets, options.analysis);
  return { ...side.report, rules: [...side.report.rules, TARGET_RULE], findings: [...side.report.findings, ...extra] };
}

export function diffPlan(before: PlanSide, after: PlanSide, origins: readonly PlanOriginRef[], opts: { file: string; targets: readonly Target[]; options: ReportOptions; notModelled: readonly string[]; timestamp?: string }): PlanDiff {
  const diff = diffReports(withTargets(before, opts.targets, opts.options), withTargets(after, opts.targets, opts.options), opts.timestamp ? { timestamp: opts.timestamp } : {});
  const causes: Record<string, string[]> = {};
  const annotated: ReportDiff = {
    ...diff,
    newFindings: diff.newFindings.map((f) => annotate(f, f.paths, after.model, origins, causes)),
    removedFindings: diff.removedFindings.map((f) => annotate(f, f.paths, before.model, origins, causes)),
    changedFindings: diff.changedFindings.map((c) => {
      const finding = annotate(c.finding, c.newPaths, after.model, origins, causes);
      annotate(c.finding, c.removedPaths, before.model, origins, causes);
      return { ...c, finding };
    }),
  };
  const sortedCauses = Object.fromEntries(Object.keys(causes).sort().filter((k) => causes[k].length).map((k) => [k, causes[k]]));
  return { ...annotated, plan: { file: opts.file, notModelled: [...opts.notModelled], causes: sortedCauses } };
}
