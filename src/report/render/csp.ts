/** Content-Security-Policy sources for inline scripts, by hash (no 'unsafe-inline'). */
import { createHash } from 'node:crypto';

/** The CSP source of one inline script. The HTML parser turns CRLF and CR into LF before the browser hashes. */
export const scriptHash = (source: string): string => `'sha256-${createHash('sha256').update(source.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;

/** Script types a browser runs; any other type (application/json, …) is a data block and needs no hash. */
const EXECUTABLE = /^(module|(text|application)\/(x-)?(java|ecma)script)$/i;

const typeOf = (attributes: string): string | undefined => /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes)?.slice(1).find((v) => v !== undefined);

/** The hash sources of every inline script an HTML document runs, in document order, each once. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script/gi)) {
    const attributes = m[1] ?? '';
    const type = typeOf(attributes);
    if (/\bsrc\s*=/i.test(attributes) || (type !== undefined && type.trim() !== '' && !EXECUTABLE.test(type.trim()))) continue;
    hashes.add(scriptHash(m[2]));
  }
  return [...hashes];
}
