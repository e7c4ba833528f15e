/**
 * The targets a plan review names (`--target ARN`, `--target-action A --target-resource ARN`) as
 * findings of one rule, so the snapshot diff compares them path by path like any other finding.
 */
import { findPaths, whoCan, type Target } from '../analysis/index.ts';
import type { AnalysisOptions } from '../access/options.ts';
import type { AccessGraph } from '../graph/types.ts';
import type { AccountModel } from '../model/types.ts';
import { findingId, pathId } from './ids.ts';
import type { Path } from '../analysis/types.ts';
import type { Finding, RuleInfo } from './types.ts';

export const TARGET_RULE: RuleInfo = {
  id: 'path-to-target',
  severity: 'high',
  title: 'A principal can reach a named target',
  description: 'A path (direct, by role chaining, by passing a role, or by escalation) from a principal to a target named with --target or --target-action/--target-resource.',
  remediation: 'Remove the grant, trust or attachment the path relies on, or narrow it with a condition.',
  docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html'],
};

const labelOf = (t: Target): string => (typeof t === 'string' ? t : `${t.action} on ${t.resource}`);

function finding(target: Target, principal: string, paths: Path[], accountId: string | undefined): Finding {
  const label = labelOf(target);
  return {
    id: findingId(TARGET_RULE.id, principal, label),
    rule: TARGET_RULE.id,
    severity: 'high',
    title: `${principal} can reach ${label}`,
    message: `${principal} has ${paths.length} path${paths.length === 1 ? '' : 's'} to ${label}.`,
    subject: principal,
    ...(accountId ? { accountId } : {}),
    paths: paths.map((p) => ({ ...p, id: pathId(p) })),
    evidence: [],
    locations: [],
    facts: { target: label, paths: paths.length },
  };
}

/** One finding per principal that reaches a target, sorted by id. */
export function targetFindings(graph: AccessGraph, model: AccountModel, targets: readonly Target[], opts: AnalysisOptions): Finding[] {
  const out: Finding[] = [];
  const accountOf = (arn: string) => model.users[arn]?.accountId ?? model.roles[arn]?.accountId;
  for (const target of targets) {
    if (typeof target === 'string') {
      for (const principal of [...Object.keys(model.users), ...Object.keys(model.roles)].sort()) {
        if (principal === target) continue;
        const answer = findPaths(graph, model, principal, target, opts);
        if (answer.paths.length) out.push(finding(target, principal, answer.paths, accountOf(principal)));
      }
    } else {
      for (const p of whoCan(graph, model, target.action, target.resource, opts).principals) {
        if (p.paths.length) out.push(finding(target, p.principal, p.paths, accountOf(p.principal)));
      }
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
