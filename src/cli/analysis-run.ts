/** Loads inputs and builds the graph once for an analysis command. */
import { buildGraph, type AccessGraph } from '../graph/index.ts';
import type { AnalysisOptions } from '../analysis/types.ts';
import type { AccountModel } from '../model/types.ts';
import { analysisOptions, type AnalysisCliOptions } from './analysis-options.ts';
import { loadFromOptions } from './inputs-option.ts';

export interface Analysis {
  model: AccountModel;
  graph: AccessGraph;
  options: AnalysisOptions;
}

export async function prepareAnalysis(opts: AnalysisCliOptions): Promise<Analysis> {
  const options = analysisOptions(opts);
  const model = await loadFromOptions(opts);
  return { model, graph: buildGraph(model, options), options };
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
