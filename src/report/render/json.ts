/** JSON: the report in its JSON form (hops written once), documented by schema/report.schema.json. */
import type { ReportDiff } from '../diff.ts';
import { diffToJson, reportToJson } from '../json-form.ts';
import type { Report } from '../types.ts';
import { jsonChunks, type Chunks } from './chunks.ts';

/** Split down to single findings and hops (depth 2). */
export function* jsonReportChunks(report: Report): Chunks {
  yield* jsonChunks(reportToJson(report), 2);
  yield '\n';
}

export function* jsonDiffChunks(diff: ReportDiff): Chunks {
  yield* jsonChunks(diffToJson(diff), 2);
  yield '\n';
}
