import { Command, CommanderError } from 'commander';
import { commandModules } from './commands/index.ts';
import { EXIT_USAGE, UserError } from './errors.ts';
import { PolicyError } from '../policy/types.ts';
import { errorLine, printError } from './terminal.ts';
import { toolVersion } from './version.ts';

/** Builds the commander program with every subcommand registered. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('iamgraph')
    .description('Offline AWS IAM access analyzer: every path by which a principal can reach an action on a resource.')
    .version(toolVersion())
    .addHelpText('after', `
Examples:
  iamgraph report -i examples/company.yaml                      findings as Markdown
  iamgraph privesc -i exports/ --fail-on high                   who can become admin, and how; CI gate
  iamgraph paths -i exports/ --from user/alice --to admin       every path, shortest first
  iamgraph who-can -i exports/ s3:GetObject arn:aws:s3:::bucket/key
  iamgraph viz -i exports/ -o graph.html                        the graph in one HTML page

-i takes files or folders (GAAD exports, account models, resource policies, the organization,
Identity Center, the credential report), repeatable. Exit codes: 0 ok, 1 a --fail-on gate
failed, 2 usage or input error. Each command has --help.`)
    // commander's own errors are one line like every other (`iamgraph: …`), and quote the arguments they reject.
    .configureOutput({ outputError: (text, write) => write(errorLine(`${text.trim().replace(/^error: /, '')} (see --help)`)) })
    .exitOverride();
  for (const load of commandModules) (await load()).register(program);
  return program;
}

function quietOnEpipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
}

/** Entry point used by bin/iamgraph.js. Sets process.exitCode; never prints a stack for user errors. */
export async function main(argv: string[]): Promise<void> {
  quietOnEpipe();
  try {
    const program = await buildProgram();
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed the message (or help/version, which exit 0)
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (err instanceof UserError || err instanceof PolicyError) {
      printError(err.message);
      process.exitCode = EXIT_USAGE;
      return;
    }
    throw err;
  }
}
