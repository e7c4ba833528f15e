/** What every question is asked with: how far to search, how many paths, which request keys are fixed. */
export interface AnalysisOptions {
  maxDepth: number;
  maxPaths: number;
  /** Fixed request keys (lower-cased key → values); all others are unknown. */
  context: Record<string, string[]>;
  assumeMfa: boolean;
  includeConditional: boolean;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  maxDepth: 8,
  maxPaths: 20,
  context: {},
  assumeMfa: false,
  includeConditional: true,
};
