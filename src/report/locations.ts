/**
 * Where a finding's statements are in the input files: document pointer + statement pointer, and
 * the line, when the file can be read (YAML's parser reads JSON too and keeps node ranges).
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { Evidence } from '../graph/types.ts';
import type { AccountModel } from '../model/types.ts';
import type { SourceLocation } from './types.ts';

/** Reads an input file's text, or undefined when it cannot. */
export type SourceReader = (file: string) => string | undefined;

const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** A function from (file, pointer) to the 1-based line of the deepest node the pointer reaches. */
export function lineLocator(read: SourceReader): (file: string, pointer: string) => number | undefined {
  const docs = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | null>();
  return (file, pointer) => {
    if (!docs.has(file)) {
      const text = read(file);
      if (text === undefined) docs.set(file, null);
      else {
        const lines = new LineCounter();
        docs.set(file, { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines });
      }
    }
    const entry = docs.get(file);
    if (!entry) return undefined;
    let node: unknown = entry.doc.contents;
    let found = node as Node | null;
    for (const token of pointer.split('/').slice(1).map(unescape)) {
      const next = isSeq(node) ? node.get(Number(token), true) : isMap(node) ? node.get(token, true) : undefined;
      if (next === undefined || next === null) break;
      node = next;
      found = next as Node;
    }
    const offset = found?.range?.[0];
    return offset === undefined ? undefined : entry.lines.linePos(offset).line;
  };
}

export function locationOf(model: AccountModel, e: Evidence, line?: (file: string, pointer: string) => number | undefined): SourceLocation | undefined {
  if (e.statement < 0) return undefined;
  const record = model.policies[e.policy];
  const source = record?.source ?? record?.policy?.meta.source;
  if (!source) return undefined;
  const statementPointer = record?.policy?.parsed.statements[e.statement]?.pointer ?? '';
  const pointer = `${source.pointer === '/' ? '' : source.pointer}${statementPointer}`;
  const at = line?.(source.file, pointer);
  return { file: source.file, pointer, ...(at !== undefined ? { line: at } : {}), policy: e.policy, statement: e.statement };
}
