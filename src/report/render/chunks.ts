/**
 * Documents as a sequence of pieces. A report of a large organization is bigger than the longest
 * string V8 can hold (~512 MiB), so renderers yield pieces (a finding, a row) and the CLI writes
 * them one by one; `joinChunks` makes a string for small reports and tests.
 */
export type Chunks = Iterable<string>;

export function joinChunks(chunks: Chunks): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}

/**
 * Exactly `JSON.stringify(value, null, indent)`, yielded in pieces: containers down to
 * `splitDepth` are written piecewise, anything deeper is one piece. For plain data (no toJSON).
 */
export function* jsonChunks(value: unknown, splitDepth: number, indent = 2, depth = 0): Generator<string> {
  const nl = indent > 0 ? '\n' : '';
  const pad = ' '.repeat(indent * depth);
  if (depth >= splitDepth || value === null || typeof value !== 'object') {
    const json = JSON.stringify(value, null, indent) ?? 'null';
    yield pad === '' ? json : json.replace(/\n/g, `\n${pad}`);
    return;
  }
  const inner = nl + ' '.repeat(indent * (depth + 1));
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}${inner}`;
      yield* jsonChunks(value[i] === undefined || typeof value[i] === 'function' ? null : value[i], splitDepth, indent, depth + 1);
    }
    yield `${nl}${pad}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) return yield '{}';
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    yield `${i === 0 ? '' : ','}${inner}${JSON.stringify(entries[i][0])}:${indent > 0 ? ' ' : ''}`;
    yield* jsonChunks(entries[i][1], splitDepth, indent, depth + 1);
  }
  yield `${nl}${pad}}`;
}
