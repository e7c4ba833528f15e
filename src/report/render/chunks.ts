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

const reindent = (json: string, pad: string): string => (pad === '' ? json : json.replace(/\n/g, `\n${pad}`));

/**
 * Exactly `JSON.stringify(value, null, 2)`, yielded in pieces: containers down to `splitDepth`
 * are written piecewise, anything deeper is one piece. For plain data (no toJSON, no functions).
 */
export function* jsonChunks(value: unknown, splitDepth: number, depth = 0): Generator<string> {
  const pad = '  '.repeat(depth);
  if (depth >= splitDepth || value === null || typeof value !== 'object') {
    yield reindent(JSON.stringify(value, null, 2) ?? 'null', pad);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      yield* jsonChunks(value[i] === undefined ? null : value[i], splitDepth, depth + 1);
    }
    yield `\n${pad}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) return yield '{}';
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(entries[i][0])}: `;
    yield* jsonChunks(entries[i][1], splitDepth, depth + 1);
  }
  yield `\n${pad}}`;
}
