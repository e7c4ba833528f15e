/** Reads a file argument (`-` = standard input) for commands that take one JSON document. */
import { readFileSync } from 'node:fs';
import { UserError } from './errors.ts';

export function readTextInput(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

export function parseJsonText(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserError(`${name}: expected JSON, got invalid JSON (${(err as Error).message})`);
  }
}
