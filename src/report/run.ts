/** From a loaded model to a report: graph, privesc, findings — the one pipeline report and diff share. */
import { privesc } from '../analysis/index.ts';
import { buildGraph, type AccessGraph } from '../graph/index.ts';
import type { AccountModel } from '../model/types.ts';
import { buildReport, type BuildReportOptions } from './build.ts';
import type { Report, ReportOptions } from './types.ts';

export interface ReportRun {
  report: Report;
  graph: AccessGraph;
}

/** `onStep` is told before each stage (for progress bars). */
export function reportFromModel(model: AccountModel, options: ReportOptions, build: BuildReportOptions, onStep: (label: string) => void = () => {}): ReportRun {
  onStep('building the graph');
  const graph = buildGraph(model, options.analysis);
  onStep('enumerating paths to admin');
  const answer = privesc(graph, model, options.analysis);
  onStep('evaluating findings');
  return { report: buildReport({ model, graph, privesc: answer, options }, build), graph };
}
