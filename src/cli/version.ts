/** The tool's version, from package.json. */
import { readFileSync } from 'node:fs';
import { packageFile } from '../package-root.ts';

let cached: string | undefined;

export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
