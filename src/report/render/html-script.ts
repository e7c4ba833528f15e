/**
 * The HTML report's script: TypeScript in viz/report-page/, bundled by vite with the viewer
 * (`npm run build:viz`, run at install) into viz/dist/report-page.js, read here once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../errors.ts';

export const REPORT_SCRIPT_FILE = fileURLToPath(new URL('../../../viz/dist/report-page.js', import.meta.url));

let script: string | undefined;

/** The script's text, safe to put between `<script>` tags (`</script` cannot occur in it). */
export function reportScript(): string {
  if (script === undefined) {
    if (!existsSync(REPORT_SCRIPT_FILE)) throw new UserError(`the HTML report's script is not built (${REPORT_SCRIPT_FILE} is missing): run "npm run build:viz"`);
    script = readFileSync(REPORT_SCRIPT_FILE, 'utf8').trim().replace(/<\/(script)/gi, '<\\/$1');
  }
  return script;
}
