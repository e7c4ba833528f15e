/**
 * `iamgraph viz`: the access graph in one self-contained HTML page (sigma.js), written to a file
 * or served on 127.0.0.1. Optionally focused on a principal and a target whose paths it shows.
 */
import type { Command } from 'commander';
import { whoCan } from '../../analysis/index.ts';
import { ADMIN_NODE } from '../../graph/types.ts';
import { resolvePrincipal } from '../../model/query.ts';
import { DEFAULT_REPORT_OPTIONS } from '../../report/index.ts';
import { reportFromGraph } from '../../report/run.ts';
import { precomputedTarget, renderViewerHtml, type ViewerOptions } from '../../../viz/render.ts';
import { addAnalysisOptions, type AnalysisCliOptions } from '../analysis-options.ts';
import { prepareAnalysis } from '../analysis-run.ts';
import { UserError } from '../errors.ts';
import { checkActionArgument } from '../action-argument.ts';
import { integerOption } from '../option-values.ts';
import { createProgress } from '../progress.ts';
import { toolVersion } from '../version.ts';
import { viewerServer } from '../viewer-server.ts';
import { writeOutput } from '../write-output.ts';

interface VizCliOptions extends AnalysisCliOptions {
  output?: string;
  focus?: string;
  to?: string;
  action?: string;
  resource?: string;
  serve?: boolean;
  port: string;
  findings: boolean;
  title?: string;
}

function serve(html: string, portNumber: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = viewerServer(html);
    server.on('error', (err: NodeJS.ErrnoException) => reject(new UserError(`--port ${portNumber}: cannot listen on 127.0.0.1 (${err.code ?? err.message})`)));
    server.listen(portNumber, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : portNumber;
      process.stderr.write(`iamgraph viewer at http://127.0.0.1:${actual}/ (Ctrl-C to stop)\n`);
    });
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function register(program: Command): void {
  addAnalysisOptions(program.command('viz'))
    .description('the access graph as one self-contained HTML page: search, reach, every path to a target, details, PNG export')
    .option('-o, --output <file>', 'write the page to a file (default: standard output)')
    .option('--focus <principal>', 'principal selected when the page opens')
    .option('--to <target>', '"admin" or a principal whose paths the page opens with')
    .option('--action <action>', 'with --resource: an action whose paths (who can do it) the page opens with')
    .option('--resource <arn>', 'with --action: the resource')
    .option('--serve', 'serve the page on 127.0.0.1 instead of writing it')
    .option('--port <n>', 'port for --serve (0: any free port)', '8765')
    .option('--no-findings', 'do not compute findings for the details panel (faster on large inputs)')
    .option('--title <text>', 'page title')
    .addHelpText('after', `
Examples:
  iamgraph viz -i examples/company.yaml -o graph.html
  iamgraph viz -i examples/company.yaml --focus user/dev2-be-kang --to admin -o kang.html
  iamgraph viz -i examples/cross-account --action dynamodb:Query --resource arn:aws:dynamodb:eu-west-1:222222222222:table/orders -o orders.html
  iamgraph viz -i exports/ --serve --port 8080`)
    .action(async (opts: VizCliOptions) => {
      if (opts.json) throw new UserError('viz: writes an HTML page, not JSON (for the graph as JSON: iamgraph export --format json)');
      if (Boolean(opts.action) !== Boolean(opts.resource)) throw new UserError('viz: --action and --resource go together');
      if (opts.to && opts.action) throw new UserError('viz: give either --to or --action/--resource, not both');
      if (opts.action) await checkActionArgument(opts.action);
      const portNumber = integerOption(opts.port, '--port', { min: 0, max: 65535 });
      const progress = createProgress(3, { quiet: opts.quiet });
      try {
        progress.step(0, 'loading inputs and building the graph');
        const { model, graph, options } = await prepareAnalysis(opts);
        const viewer: ViewerOptions = { search: { maxDepth: options.maxDepth, maxPaths: options.maxPaths, includeConditional: options.includeConditional }, ...(opts.title ? { title: opts.title } : {}) };
        if (opts.focus) viewer.focus = resolvePrincipal(model, opts.focus);
        if (opts.to) viewer.target = opts.to === 'admin' ? ADMIN_NODE : resolvePrincipal(model, opts.to);
        progress.step(1, 'finding paths and findings');
        if (opts.action) {
          const target = precomputedTarget(whoCan(graph, model, opts.action, opts.resource!, options));
          viewer.targets = [target];
          viewer.target = target.id;
        }
        if (opts.findings) {
          viewer.findings = reportFromGraph(model, graph, { ...DEFAULT_REPORT_OPTIONS, analysis: options }, { toolVersion: toolVersion() }).findings;
        }
        progress.step(2, 'laying out the graph');
        const html = renderViewerHtml(graph, viewer);
        progress.stop();
        if (opts.serve) await serve(html, portNumber);
        else writeOutput(html, opts.output, opts);
      } finally {
        progress.stop();
      }
    });
}
