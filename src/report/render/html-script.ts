/**
 * The HTML report's script: TypeScript in viz/report-page/, bundled by vite with the viewer
 * (`npm run build:viz`, run in `prepare`, shipped in the package) into viz/dist/report-page.js, read here once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../../errors.ts';
import { packageFile } from '../../package-root.ts';

export const reportScriptFile = (): string => packageFile('viz', 'dist', 'report-page.js');

let script: string | undefined;

/** The script's text, safe to put between `<script>` tags (`</script` cannot occur in it). */
export function reportScript(): string {
  if (script === undefined) {
    const file = reportScriptFile();
    if (!existsSync(file)) throw new UserError(`the HTML report's script is not built (${file} is missing): run "npm run build:viz"`);
    script = readFileSync(file, 'utf8').trim().replace(/<\/(script)/gi, '<\\/$1');
  }
  return script;
}
