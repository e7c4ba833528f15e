/** Loads inputs and builds the graph once for an analysis command. */
import { buildGraph, type AccessGraph } from '../graph/index.ts';
import type { AnalysisOptions } from '../access/options.ts';
import type { AccountModel } from '../model/types.ts';
import { analysisOptions, type AnalysisCliOptions } from './analysis-options.ts';
import { loadFromOptions } from './inputs-option.ts';
import { createProgress } from './progress.ts';
import { terminalJson } from './terminal.ts';

export interface Analysis {
  model: AccountModel;
  graph: AccessGraph;
  options: AnalysisOptions;
}

export async function prepareAnalysis(opts: AnalysisCliOptions): Promise<Analysis> {
  const options = analysisOptions(opts);
  const progress = createProgress(2, { quiet: opts.quiet });
  try {
    progress.step(0, 'loading inputs');
    const model = await loadFromOptions(opts);
    progress.step(1, 'building the graph');
    return { model, graph: buildGraph(model, options), options };
  } finally {
    progress.stop();
  }
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${terminalJson(JSON.stringify(value, null, 2))}\n`);
};
