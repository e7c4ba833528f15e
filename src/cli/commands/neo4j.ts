/**
 * `iamgraph neo4j push` and `iamgraph neo4j cypher`: the access graph into Neo4j, live or as a
 * cypher-shell script.
 */
import { printLines } from '../terminal.ts';
import { writeOutput } from '../write-output.ts';
import { Option, type Command } from 'commander';
import { UserError } from '../errors.ts';
import { integerOption } from '../option-values.ts';
import { addInputOption, loadFromOptions, type InputOptions } from '../inputs-option.ts';
import { buildGraph, serializeGraph } from '../../graph/index.ts';
import { writeCypherScript } from '../../neo4j/cypher-script.ts';
import { defaultPushOptions, planPush, type CypherStatement, type PushOptions } from '../../neo4j/plan.ts';
import { pushPlan } from '../../neo4j/push.ts';

interface SnapshotOptions extends InputOptions {
  snapshot?: string;
  replace?: boolean;
  batchSize: string;
  quiet?: boolean;
}

async function planFromInputs(opts: SnapshotOptions): Promise<{ plan: CypherStatement[]; options: PushOptions }> {
  const batchSize = integerOption(opts.batchSize, '--batch-size');
  const graph = serializeGraph(buildGraph(await loadFromOptions(opts)));
  const options = defaultPushOptions(graph, { ...(opts.snapshot ? { snapshot: opts.snapshot } : {}), replace: Boolean(opts.replace), batchSize });
  return { plan: planPush(graph, options), options };
}

const snapshotOptions = (cmd: Command): Command =>
  addInputOption(cmd)
    .option('--snapshot <id>', 'snapshot id (default: derived from the data, so the same data reuses it)')
    .option('--replace', 'remove earlier snapshots of the same accounts')
    .option('--batch-size <n>', 'rows per UNWIND batch', '1000')
    .option('-q, --quiet', 'no progress output');

/** Progress on stderr, only when it is a terminal. */
function progress(quiet: boolean | undefined): (done: number, total: number) => void {
  if (quiet || !process.stderr.isTTY) return () => {};
  return (done, total) => process.stderr.write(`\rneo4j push: ${done}/${total} rows${done === total ? '\n' : ''}`);
}

export function register(program: Command): void {
  const neo4jCommand = program.command('neo4j').description('export the access graph to Neo4j');

  snapshotOptions(neo4jCommand.command('push'))
    .description('write nodes and edges to a Neo4j 5 database (idempotent, snapshot-tagged)')
    .requiredOption('--uri <uri>', 'bolt or neo4j URI, e.g. bolt://localhost:7687')
    .option('--user <user>', 'user name', 'neo4j')
    .addOption(new Option('--password-env <var>', 'environment variable holding the password').default('NEO4J_PASSWORD'))
    .option('--database <name>', 'database (default: the server default)')
    .addHelpText('after', '\nExample:\n  NEO4J_PASSWORD=secret iamgraph neo4j push -i examples/company.yaml --uri bolt://localhost:7687 --replace')
    .action(async (opts: SnapshotOptions & { uri: string; user: string; passwordEnv: string; database?: string }) => {
      const password = process.env[opts.passwordEnv];
      if (password === undefined) throw new UserError(`--password-env: environment variable ${opts.passwordEnv} is not set`);
      const { plan, options } = await planFromInputs(opts);
      const summary = await pushPlan(plan, { uri: opts.uri, user: opts.user, password, ...(opts.database ? { database: opts.database } : {}) }, progress(opts.quiet));
      printLines([`pushed snapshot ${options.snapshot}: ${summary.rows} rows in ${summary.statements} statements`]);
    });

  snapshotOptions(neo4jCommand.command('cypher'))
    .description('write the same push as a cypher-shell script')
    .requiredOption('-o, --output <file>', 'script file (- for stdout)')
    .addHelpText('after', '\nExample:\n  iamgraph neo4j cypher -i examples/company.yaml -o load.cypher && cypher-shell -f load.cypher')
    .action(async (opts: SnapshotOptions & { output: string }) => {
      const { plan, options } = await planFromInputs(opts);
      const script = writeCypherScript(plan, options);
      writeOutput(script, opts.output, opts);
    });
}
