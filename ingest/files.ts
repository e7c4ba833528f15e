/**
 * Expands `-i FILE|DIR` arguments and parses each file into documents. JSON files may hold
 * several concatenated documents (`--no-paginate` pages printed one after another); YAML files
 * may hold several `---` documents; CSV is kept as text.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, type Document } from 'yaml';
import { nestingMessage, tooDeepAt } from '../src/policy/describe.ts';
import { InputProblem } from './errors.ts';
import { duplicateKeys } from './json-duplicates.ts';

const SUPPORTED = /\.(json|ya?ml|csv)$/i;

export interface PathNote {
  path: string;
  reason: string;
}

export interface ExpandedPaths {
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Paths not read on purpose (not regular files, a second way to the same file or directory). */
  skipped: PathNote[];
  /** Paths that exist but cannot be listed or examined (EACCES and the like). */
  unreadable: PathNote[];
}

const errorCode = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Files named by the arguments; directories are walked recursively in sorted order. Each real
 * directory and file is visited once (by realpath), so symlink loops and aliases cost nothing;
 * only regular files are read (a FIFO would block the read forever).
 */
export function expandPaths(paths: readonly string[]): ExpandedPaths {
  const out: ExpandedPaths = { files: [], missing: [], skipped: [], unreadable: [] };
  const seen = new Set<string>();
  const walk = (path: string, explicit: boolean): void => {
    let stat: Stats;
    let real: string;
    try {
      stat = statSync(path);
      real = realpathSync(path);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') out.missing.push(path);
      else out.unreadable.push({ path, reason: `cannot examine (${errorCode(err)})` });
      return;
    }
    const wanted = stat.isDirectory() || explicit || SUPPORTED.test(path);
    if (!wanted) return;
    if (seen.has(real)) {
      out.skipped.push({ path, reason: `the same ${stat.isDirectory() ? 'directory' : 'file'} as ${real}, already read` });
      return;
    }
    seen.add(real);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path);
      } catch (err) {
        out.unreadable.push({ path, reason: `cannot read directory (${errorCode(err)})` });
        return;
      }
      for (const entry of entries.sort()) if (!entry.startsWith('.')) walk(join(path, entry), false);
    } else if (stat.isFile()) {
      out.files.push(path);
    } else {
      out.skipped.push({ path, reason: `${kindOf(stat)}, not a regular file: not read` });
    }
  };
  for (const path of paths) walk(path, true);
  return out;
}

export interface ParsedDocument {
  value: unknown;
  pointer: string;
  /** JSON pointers of keys that repeat a key of the same object (JSON keeps the last value). */
  duplicateKeys?: string[];
}

export type ParsedFile =
  | { kind: 'documents'; documents: ParsedDocument[] }
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

/** Refuses a document nested beyond the limit before any reader walks it (readers and reports recurse). */
function checkedDocuments(documents: ParsedDocument[]): ParsedFile {
  for (const { value, pointer } of documents) {
    const deep = tooDeepAt(value);
    if (deep !== undefined) throw new InputProblem(`${pointer}${deep}`, nestingMessage());
  }
  return { kind: 'documents', documents };
}

/** One JSON value, or several concatenated; undefined when the text is not JSON (it may be YAML). */
function parseJsonDocuments(text: string, path: string): ParsedDocument[] | undefined {
  const json = (part: string, pointer: string): ParsedDocument => {
    const value: unknown = JSON.parse(part);
    const duplicates = duplicateKeys(part);
    return duplicates.length > 0 ? { value, pointer, duplicateKeys: duplicates } : { value, pointer };
  };
  try {
    return [json(text, '')];
  } catch (err) {
    const parts = splitConcatenatedJson(text);
    if (parts.length > 1) {
      try {
        return parts.map((p, i) => json(p, `(document ${i + 1})`));
      } catch {
        // fall through to the original error
      }
    }
    if (/\.json$/i.test(path)) throw new InputProblem('', `expected JSON, got invalid JSON (${(err as Error).message})`);
    return undefined;
  }
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line breaks before the first non-blank character (what trim() removes at the start). */
const leadingLines = (text: string): number => lineAt(text, text.length - text.replace(/^\uFEFF/, '').trimStart().length) - 1;

export function parseFileText(text: string, path: string): ParsedFile {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (/\.csv$/i.test(path) || /^user,arn,/.test(trimmed)) return { kind: 'csv', text: trimmed };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const documents = parseJsonDocuments(trimmed, path);
    if (documents) return checkedDocuments(documents);
  }
  const docs = parseAllDocuments(trimmed, { prettyErrors: false });
  const list = (Array.isArray(docs) ? docs : [docs]).filter((doc) => doc.errors.length > 0 || doc.contents !== null);
  const out: ParsedDocument[] = [];
  list.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      // Lines of the file as given: the text parsed had its leading blank lines trimmed.
      const offset = e.pos?.[0];
      const line = offset === undefined ? undefined : lineAt(trimmed, offset) + leadingLines(text);
      // yaml's composer recurses: a stack overflow is its way of saying "too deep"
      const detail = /call stack/i.test(e.message) ? nestingMessage() : `expected YAML, got ${e.message.split('\n')[0]}`;
      throw new InputProblem(line ? `line ${line}` : '', detail);
    }
    out.push({ value: yamlToJs(doc), pointer: list.length > 1 ? `(document ${i + 1})` : '' });
  });
  return checkedDocuments(out);
}

/**
 * Aliases are ordinary YAML; only an expansion bomb (billion laughs) is refused. yaml's
 * `maxAliasCount` bounds each anchor's uses × the nodes one use expands to (default 100, which
 * refuses a hundred plain aliases to one anchor).
 */
export const MAX_ALIAS_EXPANSION = 100_000;

function yamlToJs(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (err) {
    if (err instanceof ReferenceError && /alias count/i.test(err.message)) {
      throw new InputProblem('', `expected YAML whose aliases expand to at most ${MAX_ALIAS_EXPANSION} nodes, got an alias expansion bomb (billion laughs): refused`);
    }
    if (err instanceof RangeError) throw new InputProblem('', nestingMessage());
    throw err;
  }
}

/** UTF-8 (BOM or not) and UTF-16 with a BOM, as Windows tools save it. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return body.swap16().toString('utf16le');
  }
  return bytes.toString('utf8');
}

export function readParsedFile(path: string): ParsedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputProblem('', `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseFileText(decodeText(bytes), path);
}
