/**
 * Expands `-i FILE|DIR` arguments and parses each file into documents. JSON files may hold
 * several concatenated documents (`--no-paginate` pages printed one after another); YAML files
 * may hold several `---` documents; CSV is kept as text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { InputProblem } from './errors.ts';

const SUPPORTED = /\.(json|ya?ml|csv)$/i;

/** Files named by the arguments; directories are walked recursively in sorted order. */
export function expandPaths(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (path: string, explicit: boolean): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!entry.startsWith('.')) walk(join(path, entry), false);
    } else if (explicit || SUPPORTED.test(path)) {
      files.push(path);
    }
  };
  for (const path of paths) walk(path, true);
  return { files: [...new Set(files)], missing };
}

export type ParsedFile =
  | { kind: 'documents'; documents: Array<{ value: unknown; pointer: string }> }
  | { kind: 'csv'; text: string };

/** Splits concatenated JSON values (`{…}{…}` or one per line) without a full second parse. */
function splitConcatenatedJson(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) parts.push(text.slice(start, i + 1));
    }
  }
  return parts;
}

export function parseFileText(text: string, path: string): ParsedFile {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (/\.csv$/i.test(path) || /^user,arn,/.test(trimmed)) return { kind: 'csv', text: trimmed };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { kind: 'documents', documents: [{ value: JSON.parse(trimmed), pointer: '' }] };
    } catch (err) {
      const parts = splitConcatenatedJson(trimmed);
      if (parts.length > 1) {
        try {
          return { kind: 'documents', documents: parts.map((p, i) => ({ value: JSON.parse(p), pointer: `(document ${i + 1})` })) };
        } catch {
          // fall through to the original error
        }
      }
      if (/\.json$/i.test(path)) throw new InputProblem('', `expected JSON, got invalid JSON (${(err as Error).message})`);
    }
  }
  const docs = parseAllDocuments(trimmed, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: Array<{ value: unknown; pointer: string }> = [];
  list.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const line = e.linePos?.[0]?.line;
      throw new InputProblem(line ? `line ${line}` : '', `expected YAML, got ${e.message.split('\n')[0]}`);
    }
    out.push({ value: doc.toJS(), pointer: list.length > 1 ? `(document ${i + 1})` : '' });
  });
  return { kind: 'documents', documents: out };
}

export function readParsedFile(path: string): ParsedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputProblem('', `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseFileText(text, path);
}
