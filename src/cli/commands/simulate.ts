/**
 * `iamgraph simulate`: a drop-in for `aws iam simulate-custom-policy --cli-input-json`, and a
 * JSON Lines batch mode for keeping hundreds of expectations in CI.
 */
import type { Command } from 'commander';
import { UserError } from '../errors.ts';
import { parseJsonText, readTextInput } from '../read-input.ts';
import { PolicyError } from '../../policy/types.ts';
import { terminalJson } from '../terminal.ts';
import { simulateCustomPolicy } from '../../policy/simulate/index.ts';
import { loadActionCatalog } from '../../policy/catalog.ts';
import { checkSimulateActions } from '../action-argument.ts';
import { printError } from '../terminal.ts';

function runOne(path: string): void {
  const name = path === '-' ? '<stdin>' : path;
  const input = parseJsonText(readTextInput(path), name);
  try {
    for (const warning of checkSimulateActions(input)) printError(`warning: ${name}: ${warning}`);
    process.stdout.write(`${terminalJson(JSON.stringify(simulateCustomPolicy(input), null, 2))}\n`);
  } catch (err) {
    if (err instanceof PolicyError) throw new UserError(`${name}: ${err.message}`);
    throw err;
  }
}

function runBatch(path: string): void {
  const lines = readTextInput(path).split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const input: unknown = JSON.parse(line);
      for (const warning of checkSimulateActions(input)) printError(`warning: line ${i + 1}: ${warning}`);
      out.push(JSON.stringify(simulateCustomPolicy(input)));
    } catch (err) {
      const message = err instanceof PolicyError ? err.message : err instanceof SyntaxError ? `expected JSON, got invalid JSON (${err.message})` : null;
      if (message === null) throw err;
      out.push(JSON.stringify({ error: message, line: i + 1 }));
    }
  });
  process.stdout.write(out.length ? `${terminalJson(out.join('\n'))}\n` : '');
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('evaluate policies like `aws iam simulate-custom-policy`, with SCPs, RCPs, sessions, trust and key policies, and open (three-valued) context')
    .option('--cli-input-json <file>', 'a simulate-custom-policy input document (- for stdin)')
    .option('--batch <file>', 'JSON Lines: one input document per line, one result per line (- for stdin)')
    .addHelpText('after', `
Examples:
  iamgraph simulate --cli-input-json request.json
  aws iam simulate-custom-policy --generate-cli-skeleton > request.json   # same input format
  iamgraph simulate --batch expectations.jsonl | jq -c '.EvaluationResults[].EvalDecision'

Extensions to AWS's input: CallerType, CallerIssuerArn, SessionPolicy, ServiceControlPolicies,
ResourceControlPolicies ([{"Target": "r-…|ou-…|<account>", "Policies": [...]}] from the root down),
ResourcePolicyKind (generic|trust|kms-key), ManagementAccountId, ContextMode (closed|open).`)
    .action(async (opts: { cliInputJson?: string; batch?: string }) => {
      if (opts.cliInputJson && opts.batch) throw new UserError('simulate: give either --cli-input-json or --batch, not both');
      await loadActionCatalog();
      if (opts.batch) return runBatch(opts.batch);
      if (opts.cliInputJson) return runOne(opts.cliInputJson);
      throw new UserError('simulate: expected --cli-input-json FILE or --batch FILE');
    });
}
