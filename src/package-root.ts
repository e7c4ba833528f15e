/**
 * Files shipped with the package (package.json, the built viewer in viz/dist), found from the
 * package's root. The root is the nearest folder above this module whose package.json names
 * iamgraph, so the same code works from the TypeScript source (src/) and from the compiled
 * bundle (dist/, where every module shares one location).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

function isPackageRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'iamgraph';
  } catch {
    return false;
  }
}

/** The package's root folder. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (isPackageRoot(dir)) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`iamgraph: no package.json of iamgraph above ${start}`);
  }
}

/** A file of the package, by its path from the root (`viz/dist/viewer.html`). */
export const packageFile = (...parts: string[]): string => join(packageRoot(), ...parts);
