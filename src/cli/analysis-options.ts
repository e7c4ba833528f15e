/** Options shared by the analysis commands, turned into AnalysisOptions. */
import type { Command } from 'commander';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '../access/options.ts';
import { UserError } from './errors.ts';
import { addInputOption, type InputOptions } from './inputs-option.ts';
import { collect, integerOption } from './option-values.ts';

export interface AnalysisCliOptions extends InputOptions {
  maxDepth: string;
  maxPaths: string;
  context: string[];
  assumeMfa?: boolean;
  conditional: boolean;
  json?: boolean;
  asOf?: string;
  quiet?: boolean;
  /** false with --no-color. */
  color?: boolean;
}

export const addAnalysisOptions = (cmd: Command): Command => addAnalysisFlags(addInputOption(cmd));

/** The analysis options without -i (for commands that read their inputs their own way). */
export function addAnalysisFlags(cmd: Command): Command {
  return cmd
    .option('--max-depth <n>', 'longest path, in hops', String(DEFAULT_ANALYSIS_OPTIONS.maxDepth))
    .option('--max-paths <n>', 'paths per pair (the output says when it cut)', String(DEFAULT_ANALYSIS_OPTIONS.maxPaths))
    .option('--context <key=value>', 'fix a request key (repeatable; comma-separate several values); every other key is unknown', collect, [])
    .option('--assume-mfa', 'assume aws:MultiFactorAuthPresent is true')
    .option('--no-conditional', 'hide paths that depend on unknown conditions or resources')
    .option('--as-of <time>', 'instant time conditions (aws:CurrentTime, aws:EpochTime, aws:TokenIssueTime) are decided at, and credential ages counted to (default: now; ages: the credential report\'s date)')
    .option('--json', 'machine-readable output')
    .option('-q, --quiet', 'no progress bar (it is only drawn on a terminal, on stderr) and no "wrote FILE" line for -o')
    .option('--no-color', 'no colour on a terminal (also: NO_COLOR=1); never coloured in a pipe or a file');
}

function instant(text: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UserError(`--as-of: expected a date or time (YYYY-MM-DD or ISO 8601), got "${text}"`);
  return new Date(ms).toISOString();
}

export function analysisOptions(opts: AnalysisCliOptions): AnalysisOptions {
  const context: Record<string, string[]> = {};
  for (const entry of opts.context ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UserError(`--context: expected KEY=VALUE, got "${entry}"`);
    context[entry.slice(0, eq)] = entry.slice(eq + 1).split(',');
  }
  return {
    maxDepth: integerOption(opts.maxDepth, '--max-depth'),
    maxPaths: integerOption(opts.maxPaths, '--max-paths'),
    context,
    assumeMfa: Boolean(opts.assumeMfa),
    includeConditional: opts.conditional !== false,
    asOf: opts.asOf === undefined ? new Date().toISOString() : instant(opts.asOf),
  };
}
