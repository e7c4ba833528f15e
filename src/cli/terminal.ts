/**
 * What the CLI writes to a terminal: names and error snippets come from inputs, and a control
 * character in them (ESC, CR, BEL, C1's CSI) would drive the terminal instead of being read.
 * Every line is escaped here, at the output boundary; the line breaks are the program's own.
 */

import { escapeControl, escapeControls } from '../policy/describe.ts';

/** Control characters (as describe.ts's CONTROL), but the line structure of a document: LF, CRLF and tab. */
const CONTROL_IN_DOCUMENT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\r(?!\n)/g;

/** An error line is one line, this long at most. */
export const MAX_ERROR_LINE = 300;

/** One line of text with every control character shown as `\x1b`-style text. */
export const terminalSafe = escapeControls;

/** A whole document (a report on stdout) with its own line breaks kept and other controls escaped. */
export const terminalDocument = (text: string): string => text.replace(CONTROL_IN_DOCUMENT, escapeControl);

/** JSON text: C0 controls are escaped by JSON.stringify already; DEL and C1 get `\u` escapes (same JSON value). */
export const terminalJson = (json: string): string => json.replace(/[\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `iamgraph: <message>` on one safe line, cut at MAX_ERROR_LINE characters. */
export function errorLine(message: string): string {
  const line = terminalSafe(`iamgraph: ${message}`);
  return `${line.length > MAX_ERROR_LINE ? `${line.slice(0, MAX_ERROR_LINE - 1)}…` : line}\n`;
}

/** Lines of text output on stdout, each made safe, ended by newlines. */
export function printLines(lines: readonly string[], paint: (line: string) => string = (line) => line): void {
  process.stdout.write(lines.length ? `${lines.map((line) => paint(terminalSafe(line))).join('\n')}\n` : '');
}

/** An error line on stderr. */
export function printError(message: string): void {
  process.stderr.write(errorLine(message));
}
