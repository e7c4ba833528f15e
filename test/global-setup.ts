/** Builds the viewer page once before the tests, so the browser tests always run the current viz/ source. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../viz/vite.config.ts', import.meta.url)), logLevel: 'error' });
}
