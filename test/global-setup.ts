/**
 * Builds the viewer page, the report's script and the CLI bundle (dist/cli.js) once before the
 * tests, so the browser tests always run the current viz/ source and the tests that spawn
 * bin/iamgraph.js run the compiled CLI of the current source.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  for (const config of ['../viz/vite.config.ts', '../viz/vite.report.config.ts']) await build({ configFile: fileURLToPath(new URL(config, import.meta.url)), logLevel: 'error' });
  execFileSync(process.execPath, [fileURLToPath(new URL('../build/cli.mjs', import.meta.url))], { stdio: 'inherit' });
}
