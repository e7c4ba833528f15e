/**
 * `iamgraph export --format opengraph|graphml|gexf|json`: the access graph for BloodHound,
 * Gephi and friends.
 */
import { writeOutput } from '../write-output.ts';
import { Command, Option } from 'commander';
import { addInputOption, loadFromOptions, type InputOptions } from '../inputs-option.ts';
import { buildGraph, serializeGraph } from '../../graph/index.ts';
import { toGexf } from '../../export/gexf.ts';
import { toGraphml } from '../../export/graphml.ts';
import { toOpenGraph } from '../../export/opengraph.ts';
import type { SerializedAccessGraph } from '../../graph/serialize.ts';

const WRITERS: Record<string, (graph: SerializedAccessGraph) => string> = {
  opengraph: (graph) => `${JSON.stringify(toOpenGraph(graph), null, 2)}\n`,
  graphml: toGraphml,
  gexf: toGexf,
  json: (graph) => `${JSON.stringify(graph, null, 2)}\n`,
};

export function register(program: Command): void {
  addInputOption(program.command('export'))
    .description('write the access graph as BloodHound OpenGraph JSON, GraphML, GEXF or graphology JSON')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(WRITERS)).makeOptionMandatory())
    .requiredOption('-o, --output <file>', 'output file (- for stdout)')
    .option('-q, --quiet', 'do not confirm the file written on stderr')
    .addHelpText('after', '\nExamples:\n  iamgraph export -i examples/company.yaml --format opengraph -o bh.json\n  iamgraph export -i exports/ --format gexf -o graph.gexf')
    .action(async (opts: InputOptions & { format: string; output: string; quiet?: boolean }) => {
      const model = await loadFromOptions(opts);
      const text = WRITERS[opts.format](serializeGraph(buildGraph(model)));
      writeOutput(text, opts.output, opts);
    });
}
