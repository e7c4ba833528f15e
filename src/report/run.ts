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

type OnStep = (label: string) => void;

/** `onStep` is told before each stage (for progress bars). */
export function reportFromModel(model: AccountModel, options: ReportOptions, build: BuildReportOptions, onStep: OnStep = () => {}): ReportRun {
  onStep('building the graph');
  const graph = buildGraph(model, options.analysis);
  return { report: reportFromGraph(model, graph, options, build, onStep), graph };
}

/** The findings of a graph already built. */
export function reportFromGraph(model: AccountModel, graph: AccessGraph, options: ReportOptions, build: BuildReportOptions, onStep: OnStep = () => {}): Report {
  onStep('enumerating paths to admin');
  const answer = privesc(graph, model, options.analysis);
  onStep('evaluating findings');
  return buildReport({ model, graph, privesc: answer, options }, build);
}
