/**
 * The JSON form of reports and diffs: every hop is written once, in a top-level `hops` table
 * keyed by a hash of its content, and each path lists the ids of its hops. On a large account the
 * same hop (a role's admin policy, a widely trusted role) lies on thousands of paths; written
 * inline, the report of a 20,000-principal organization would be gigabytes and not fit in a
 * string. `reportFromJson` turns the form back into the report every renderer takes.
 */
import { createHash } from 'node:crypto';
import type { Hop } from '../analysis/types.ts';
import type { ChangedFinding, ReportDiff } from './diff.ts';
import { REPORT_SCHEMA_VERSION, type Finding, type Report, type ReportPath } from './types.ts';

export type JsonPath = Omit<ReportPath, 'hops'> & { hops: string[] };
export type JsonFinding = Omit<Finding, 'paths'> & { paths: JsonPath[] };
export type HopTable = Record<string, Hop>;

export type JsonReport = Omit<Report, 'findings' | 'suppressed'> & { findings: JsonFinding[]; suppressed: JsonFinding[]; hops: HopTable };

type JsonChanged = Omit<ChangedFinding, 'newPaths' | 'removedPaths' | 'finding'> & { newPaths: JsonPath[]; removedPaths: JsonPath[]; finding: JsonFinding };
export type JsonDiff = Omit<ReportDiff, 'newFindings' | 'removedFindings' | 'changedFindings'> & {
  newFindings: JsonFinding[];
  removedFindings: JsonFinding[];
  changedFindings: JsonChanged[];
  hops: HopTable;
};

/** Collects hops into the table; the same hop object or content gets the same id. */
class HopWriter {
  private readonly byObject = new WeakMap<Hop, string>();
  private readonly table = new Map<string, Hop>();

  id(hop: Hop): string {
    let id = this.byObject.get(hop);
    if (id === undefined) {
      id = createHash('sha256').update(JSON.stringify(hop)).digest('hex').slice(0, 16);
      this.byObject.set(hop, id);
      if (!this.table.has(id)) this.table.set(id, hop);
    }
    return id;
  }

  path = (p: ReportPath): JsonPath => ({ ...p, hops: p.hops.map((h) => this.id(h)) });
  finding = (f: Finding): JsonFinding => ({ ...f, paths: f.paths.map(this.path) });

  /** Sorted by id, so the same report gives the same bytes. */
  hops(): HopTable {
    return Object.fromEntries([...this.table.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

export function reportToJson(report: Report): JsonReport {
  const w = new HopWriter();
  return { ...report, findings: report.findings.map(w.finding), suppressed: report.suppressed.map(w.finding), hops: w.hops() };
}

export function diffToJson(diff: ReportDiff): JsonDiff {
  const w = new HopWriter();
  return {
    ...diff,
    newFindings: diff.newFindings.map(w.finding),
    removedFindings: diff.removedFindings.map(w.finding),
    changedFindings: diff.changedFindings.map((c) => ({ ...c, newPaths: c.newPaths.map(w.path), removedPaths: c.removedPaths.map(w.path), finding: w.finding(c.finding) })),
    hops: w.hops(),
  };
}

/** A value in an error message: scalars as JSON (cut short), containers by what they are. */
function described(got: unknown): string {
  if (Array.isArray(got)) return 'an array';
  if (typeof got === 'object' && got !== null) return 'an object';
  const text = JSON.stringify(got) ?? String(got);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Part of a JSON form that is not what it should be, at a JSON pointer. */
export class JsonFormError extends Error {
  constructor(readonly pointer: string, expected: string, got: unknown) {
    super(`${pointer ? `${pointer}: ` : ''}expected ${expected}, got ${described(got)}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readPath(p: JsonPath, hops: HopTable, pointer: string): ReportPath {
  if (!isObject(p)) throw new JsonFormError(pointer, 'a path object', p);
  if (!Array.isArray(p.hops)) throw new JsonFormError(`${pointer}/hops`, 'a list of hop ids', p.hops);
  return {
    ...p,
    hops: p.hops.map((id, i) => {
      const hop = typeof id === 'string' && Object.hasOwn(hops, id) ? hops[id] : undefined;
      if (!hop) throw new JsonFormError(`${pointer}/hops/${i}`, 'an id of /hops', id);
      return hop;
    }),
  };
}

const major = (v: unknown): string | undefined => (typeof v === 'string' ? v.split('.')[0] : undefined);

/** A report read back from its JSON form (a baseline): checked enough to compare — schema version, findings, admins, hops. */
export function readReportJson(data: unknown): Report {
  if (!isObject(data)) throw new JsonFormError('', 'an iamgraph JSON report (iamgraph report --format json)', data);
  if (major(data.schemaVersion) !== major(REPORT_SCHEMA_VERSION)) throw new JsonFormError('/schemaVersion', `${major(REPORT_SCHEMA_VERSION)}.x`, data.schemaVersion);
  if (!Array.isArray(data.findings)) throw new JsonFormError('/findings', 'an array', data.findings);
  if (!Array.isArray(data.admins)) throw new JsonFormError('/admins', 'an array', data.admins);
  if (!isObject(data.hops)) throw new JsonFormError('/hops', 'an object of hops by id', data.hops);
  return reportFromJson(data as JsonReport);
}

/** The report a JSON form describes (checked: findings are objects, every hop id resolves). */
export function reportFromJson(data: JsonReport): Report {
  const hops = isObject(data.hops) ? (data.hops as HopTable) : {};
  const readFindings = (list: 'findings' | 'suppressed'): Finding[] =>
    (Array.isArray(data[list]) ? data[list] : []).map((f, i) => {
      const at = `/${list}/${i}`;
      if (!isObject(f)) throw new JsonFormError(at, 'a finding object', f);
      if (!Array.isArray(f.paths)) throw new JsonFormError(`${at}/paths`, 'a list of paths', f.paths);
      return { ...f, paths: f.paths.map((p, j) => readPath(p, hops, `${at}/paths/${j}`)) };
    });
  const { hops: _table, ...rest } = data;
  return { ...rest, findings: readFindings('findings'), suppressed: readFindings('suppressed') };
}
