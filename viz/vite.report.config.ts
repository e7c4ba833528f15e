/**
 * Builds the HTML report's script (viz/report-page/main.ts) into one classic script,
 * viz/dist/report-page.js, which src/report/render/html.ts inlines into every HTML report.
 * Runs after the viewer's build (which empties viz/dist).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    lib: { entry: `${here}report-page/main.ts`, formats: ['iife'], name: 'iamgraphReport', fileName: () => 'report-page.js' },
  },
});
