/** Reads a file argument (`-` = standard input) for commands that take one JSON document. */
import { readFileSync } from 'node:fs';
import { decodeText } from '../../ingest/files.ts';
import { UserError } from './errors.ts';

/** The text of a file or stdin, decoded as every reader decodes it: UTF-8 with or without a BOM, UTF-16 with one. */
export function readTextInput(path: string): string {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return decodeText(bytes).replace(/^\uFEFF/, '');
}

export function parseJsonText(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserError(`${name}: expected JSON, got invalid JSON (${(err as Error).message})`);
  }
}
