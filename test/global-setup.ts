/** Builds the viewer page and the report's script once before the tests, so the browser tests always run the current viz/ source. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  for (const config of ['../viz/vite.config.ts', '../viz/vite.report.config.ts']) await build({ configFile: fileURLToPath(new URL(config, import.meta.url)), logLevel: 'error' });
}
