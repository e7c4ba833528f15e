/**
 * The report's contracts: findings, the rules that produce them, and the report every format
 * renders. The JSON form of `Report` is documented in `schema/report.schema.json`; bump
 * `REPORT_SCHEMA_VERSION` on any incompatible change.
 */
import type { Path, PrivescAnswer } from '../analysis/types.ts';
import type { AnalysisOptions } from '../access/options.ts';
import type { Evidence } from '../graph/types.ts';
import type { AccessGraph } from '../graph/types.ts';
import type { AccountModel } from '../model/types.ts';
import type { ExternalTrust } from './external-trusts.ts';

export type { ExternalTrust };

export const REPORT_SCHEMA_VERSION = '2.0.0';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A statement (or document) of an input file: where SARIF and the HTML point. */
export interface SourceLocation {
  file: string;
  /** JSON pointer of the statement (document pointer + statement pointer). */
  pointer: string;
  /** 1-based line of the pointer in the file, when the file could be read. */
  line?: number;
  /** The policy the statement belongs to (absent when pointing at a principal or resource itself). */
  policy?: string;
  statement?: number;
}

/** A path with a stable id (hash of its hop signature), so two runs compare path by path. */
export interface ReportPath extends Path {
  id: string;
}

export type FactValue = string | number | boolean | string[];

/** Paths held by another finding that this one is about (a choke point: the paths it cuts). */
export interface PathRef {
  finding: string;
  /** The finding's subject, so a reader need not look it up. */
  subject: string;
  paths: string[];
}

export interface Finding {
  /** Stable: `<rule>:<16 hex>` from rule + subject + the rule's own key. */
  id: string;
  rule: string;
  severity: Severity;
  /** One line naming the subject, e.g. `user/alice can escalate to admin`. */
  title: string;
  /** What is wrong here, specifically. */
  message: string;
  /** The principal, role or resource the finding is about (ARN or graph node key). */
  subject: string;
  accountId?: string;
  paths: ReportPath[];
  /** Other findings' paths this finding is about, by id (each path is written once, in its own finding). */
  pathRefs?: PathRef[];
  /** Statements that prove a finding that is not a path (trust entries, resource policy grants). */
  evidence: Evidence[];
  locations: SourceLocation[];
  /** Rule-specific facts (path count, key age in days, condition keys present, …). */
  facts: Record<string, FactValue>;
  suppression?: { reason: string; expires?: string };
}

/** A catalog entry: what a rule finds, why it matters and how to fix it. */
export interface RuleInfo {
  id: string;
  /** The most severe level this rule emits. */
  severity: Severity;
  title: string;
  description: string;
  remediation: string;
  /** AWS documentation pages the rule follows. */
  docs: string[];
}

export interface ReportOptions {
  analysis: AnalysisOptions;
  /** Role chains longer than this many assume hops are reported. */
  maxChainDepth: number;
  /** Access keys or passwords unused or unrotated for longer than this are stale. */
  staleDays: number;
  /** Reference date for credential ages (ISO). Default: the newest date in the credential report. */
  asOf?: string;
  /** Account ids outside the organization that are known partners (not "unknown accounts"). */
  knownAccounts: string[];
  /** How many choke points to list. */
  maxChokePoints: number;
}

export const DEFAULT_REPORT_OPTIONS: Omit<ReportOptions, 'analysis'> = {
  maxChainDepth: 3,
  staleDays: 90,
  knownAccounts: [],
  maxChokePoints: 10,
};

/** Everything a rule may look at. Rules are pure functions of it. */
export interface RuleInput {
  model: AccountModel;
  graph: AccessGraph;
  privesc: PrivescAnswer;
  options: ReportOptions;
}

/** A finding as a rule returns it: ids, locations and sorting are added by the engine. */
export interface RawFinding {
  severity: Severity;
  subject: string;
  /** What distinguishes two findings of one rule on one subject (e.g. the trust statement). */
  key?: string;
  title: string;
  message: string;
  paths?: Path[];
  pathRefs?: PathRef[];
  evidence?: Evidence[];
  facts?: Record<string, FactValue>;
}

export interface Rule {
  info: RuleInfo;
  run(input: RuleInput): RawFinding[];
}

export interface Suppression {
  id: string;
  reason: string;
  expires?: string;
}

export interface ReportSummary {
  accounts: number;
  principals: number;
  admins: number;
  findings: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'iamgraph'; version: string };
  /** Only with `--timestamp`. */
  generatedAt?: string;
  inputs: string[];
  options: {
    maxDepth: number;
    maxPaths: number;
    includeConditional: boolean;
    assumeMfa: boolean;
    maxChainDepth: number;
    staleDays: number;
    asOf?: string;
  };
  summary: ReportSummary;
  admins: string[];
  rules: RuleInfo[];
  /** Open findings, most severe first. */
  findings: Finding[];
  /** Findings accepted by a suppression file (with its reason). */
  suppressed: Finding[];
  /** Suppressions past their expiry date: their findings are open again. */
  expiredSuppressions: Suppression[];
  /** Trusts reaching outside the analysed accounts and organization (inventory, for diffs). */
  externalTrusts: ExternalTrust[];
  warnings: string[];
}
