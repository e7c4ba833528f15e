/** Output to a file (-o) or stdout, written piece by piece. */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Chunks } from '../report/index.ts';
import { UserError } from './errors.ts';
import { terminalDocument, terminalSafe } from './terminal.ts';

/**
 * Writes the pieces in order to the file (and says so on stderr), or to stdout; a large report never becomes one string.
 * On a terminal, control characters from the input are shown escaped (a file gets the bytes).
 */
export function writeOutput(chunks: Chunks | string, output: string | undefined, opts: { quiet?: boolean; terminalSafe?: boolean } = {}): void {
  const toStdout = !output || output === '-';
  // Pieces made terminal-safe by the caller (and perhaps coloured) are written as they are.
  const toTerminal = toStdout && process.stdout.isTTY === true && !opts.terminalSafe;
  let fd: number;
  try {
    fd = toStdout ? 1 : openSync(output, 'w');
  } catch (err) {
    throw new UserError(`${output}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let bytes = 0;
  try {
    for (const chunk of typeof chunks === 'string' ? [chunks] : batched(chunks)) bytes += writeAll(fd, toTerminal ? terminalDocument(chunk) : chunk);
  } catch (err) {
    // The reader went away (`| head`): nothing more to write, and nothing wrong with the input.
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  } finally {
    if (!toStdout) closeSync(fd);
  }
  // A file written says so, unless --quiet (stdout stays the document's alone).
  if (!toStdout && !opts.quiet) process.stderr.write(`wrote ${terminalSafe(output)} (${sizeText(bytes)})\n`);
}

const sizeText = (bytes: number): string =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Pieces joined up to ~1 MiB, so a million small rows are not a million write calls. */
function* batched(chunks: Chunks): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const c of chunks) {
    parts.push(c);
    size += c.length;
    if (size >= 1 << 20) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts.join('');
}

/** writeSync on a pipe may write part of the buffer, or find it full (EAGAIN): retry until all is out. */
function writeAll(fd: number, text: string): number {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
  return buffer.length;
}

/**
 * `JSON.stringify(value, null, 2)` with `value[key]` replaced by the array of `items`, written as
 * the items come (the same bytes): an answer too large to hold never becomes one string.
 */
export function* jsonChunks(value: Record<string, unknown>, key: string, items: Iterable<unknown>): Generator<string> {
  const marker = '\u0000streamed\u0000';
  const text = JSON.stringify({ ...value, [key]: marker }, null, 2);
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  const indent = ' '.repeat(text.slice(text.lastIndexOf('\n', at) + 1).search(/\S/) + 2);
  yield text.slice(0, at);
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}${indent}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${indent}`)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent.slice(2)}]`;
  yield `${text.slice(at + quoted.length)}\n`;
}

/** Each piece through `f` (made terminal-safe, ended by a newline …), still one at a time. */
export function* mapChunks(chunks: Iterable<string>, f: (chunk: string) => string): Generator<string> {
  for (const c of chunks) yield f(c);
}
