#!/usr/bin/env node
// The CLI, compiled to JavaScript in dist/cli.js (`npm run build:cli`, run by `prepare`: `npm ci`
// and `npm pack` build it; the package ships it). In a checkout (src/ beside dist/), a build older
// than any of its source files, or no build, falls back to running the TypeScript source through
// tsx (a devDependency), so an edit is never answered by a stale build.
import { existsSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const built = new URL('dist/cli.js', root);
const source = new URL('src/cli/index.ts', root);

function fresh() {
  if (!existsSync(built)) return false;
  if (!existsSync(source)) return true; // the installed package: no source to compare with
  try {
    const time = statSync(built).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/inputs.json', root), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= time);
  } catch {
    return false; // a source file was moved or removed since the build
  }
}

let cli;
if (fresh()) cli = await import(built.href);
else if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  process.stderr.write(`iamgraph: the package is incomplete (${built.pathname} is missing); reinstall it\n`);
  process.exit(2);
}
await cli.main(process.argv);
