/** The report: findings from every rule, suppressions applied, summary counted. */
import { externalTrusts } from './external-trusts.ts';
import { RULES, runRules } from './findings/index.ts';
import { credentialReportDate } from './findings/stale-credentials.ts';
import { lineLocator, type SourceReader } from './locations.ts';
import { applySuppressions } from './suppress.ts';
import { REPORT_SCHEMA_VERSION, SEVERITIES, type Finding, type Report, type Rule, type RuleInput, type Severity, type Suppression } from './types.ts';

export interface BuildReportOptions {
  toolVersion: string;
  suppressions?: Suppression[];
  /** YYYY-MM-DD for suppression expiry. Default: today (UTC). */
  today?: string;
  /** ISO time to print as `generatedAt` (only with --timestamp). */
  timestamp?: string;
  /** Reads input files to add line numbers to locations. */
  readSource?: SourceReader;
  rules?: readonly Rule[];
}

function countBy<K extends string>(findings: readonly Finding[], key: (f: Finding) => K, keys: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const f of findings) out[key(f)] = (out[key(f)] ?? 0) + 1;
  return out;
}

export function buildReport(input: RuleInput, opts: BuildReportOptions): Report {
  const rules = opts.rules ?? RULES;
  const findings = runRules(input, rules, opts.readSource ? lineLocator(opts.readSource) : undefined);
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const { open, suppressed, expired } = applySuppressions(findings, opts.suppressions ?? [], today);
  const { model, options, privesc } = input;
  const asOf = options.asOf ?? credentialReportDate(model);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'iamgraph', version: opts.toolVersion },
    ...(opts.timestamp ? { generatedAt: opts.timestamp } : {}),
    inputs: [...model.inputs],
    options: {
      maxDepth: options.analysis.maxDepth,
      maxPaths: options.analysis.maxPaths,
      includeConditional: options.analysis.includeConditional,
      assumeMfa: options.analysis.assumeMfa,
      maxChainDepth: options.maxChainDepth,
      staleDays: options.staleDays,
      ...(asOf ? { asOf } : {}),
    },
    summary: {
      accounts: Object.values(model.accounts).filter((a) => !a.external).length,
      principals: Object.keys(model.users).length + Object.keys(model.roles).length,
      admins: privesc.admins.length,
      findings: open.length,
      suppressed: suppressed.length,
      bySeverity: countBy<Severity>(open, (f) => f.severity, SEVERITIES),
      byRule: countBy<string>(open, (f) => f.rule, rules.map((r) => r.info.id)),
    },
    admins: [...privesc.admins],
    rules: rules.map((r) => r.info),
    findings: open,
    suppressed,
    expiredSuppressions: expired,
    externalTrusts: externalTrusts(model, options.knownAccounts),
    warnings: [...privesc.warnings],
  };
}
