/** Findings reports in every format, snapshot diff and CI gating. */
export * from './types.ts';
export { buildReport, type BuildReportOptions } from './build.ts';
export { RULES, runRules } from './findings/index.ts';
export { diffReports, diffAsReport, gatedFindings, type ReportDiff, type ChangedFinding, DIFF_SCHEMA_VERSION } from './diff.ts';
export { failOnExitCode } from './gate.ts';
export { parseSeverity, atLeast, severityRank, escalationSeverity } from './severity.ts';
export { parseSuppressions, applySuppressions } from './suppress.ts';
export { externalTrusts } from './external-trusts.ts';
export { FORMATS, parseFormat, renderReport, renderDiff, reportChunks, diffChunks, planChunks, type Chunks, type Format, type HtmlOptions } from './render/index.ts';
export { readReportJson, reportFromJson, reportToJson, diffToJson, JsonFormError, type JsonReport, type JsonDiff } from './json-form.ts';
export { diffPlan, withTargets, type PlanDiff, type PlanOriginRef, type PlanSide } from './plan.ts';
export { TARGET_RULE } from './plan-targets.ts';
