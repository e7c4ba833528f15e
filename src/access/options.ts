/** What every question is asked with: how far to search, how many paths, which request keys are fixed. */
export interface AnalysisOptions {
  maxDepth: number;
  maxPaths: number;
  /** Fixed request keys (lower-cased key → values); all others are unknown. */
  context: Record<string, string[]>;
  assumeMfa: boolean;
  includeConditional: boolean;
  /**
   * The instant time conditions are decided at (ISO 8601): aws:CurrentTime and aws:EpochTime are
   * then, and a session's aws:TokenIssueTime too (a token issued now). Unset, they stay unknown.
   */
  asOf?: string;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  maxDepth: 8,
  maxPaths: 20,
  context: {},
  assumeMfa: false,
  includeConditional: true,
};
