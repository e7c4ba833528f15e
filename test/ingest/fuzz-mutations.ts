/**
 * Mutations of the bundled examples for the fuzz tests: delete, duplicate or replace a value,
 * nest it deep, make it huge or full of control characters, or truncate the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify as stringifyYaml } from 'yaml';
import { parseFileText } from '../../ingest/files.ts';

const example = (p: string): string => fileURLToPath(new URL(`../../examples/${p}`, import.meta.url));

/** A group of files loaded together; one of them is mutated. */
export interface SeedGroup {
  name: string;
  files: Array<{ name: string; text: string }>;
}

const group = (name: string, paths: string[]): SeedGroup => ({ name, files: paths.map((p) => ({ name: p.split('/').pop()!, text: readFileSync(example(p), 'utf8') })) });

export const INGEST_SEEDS: readonly SeedGroup[] = [
  group('company', ['company.yaml']),
  group('gaad', ['gaad/account-333344445555.json', 'gaad/credential-report.csv']),
  group('cross-account', ['cross-account/dev.yaml', 'cross-account/organization.yaml', 'cross-account/prod.yaml']),
  group('invalid', ['invalid/group-principal.yaml']),
];
export const SIMULATE_SEEDS: readonly string[] = ['simulate/s3-read.json', 'simulate/org-scp.json'].map((p) => readFileSync(example(p), 'utf8'));

const CONTROL = ['\u0000', '\n', '\r', '\t', '\u001b', '\u202e', '\u2028', '"', '\\', 'a', '/', '~', ':'];

export type Op =
  | { kind: 'delete' }
  | { kind: 'duplicate' }
  | { kind: 'replace'; value: unknown }
  | { kind: 'deep'; depth: number; object: boolean }
  | { kind: 'huge'; size: number }
  | { kind: 'control'; text: string }
  | { kind: 'truncate'; fraction: number };

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'delete' }),
  fc.constant<Op>({ kind: 'duplicate' }),
  fc.jsonValue({ maxDepth: 3 }).map((value): Op => ({ kind: 'replace', value })),
  fc.record({ depth: fc.constantFrom(255, 257, 10_000), object: fc.boolean() }).map((r): Op => ({ kind: 'deep', ...r })),
  fc.constantFrom(100_000, 2_000_000).map((size): Op => ({ kind: 'huge', size })),
  fc.string({ unit: fc.constantFrom(...CONTROL), minLength: 1, maxLength: 20 }).map((text): Op => ({ kind: 'control', text })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((fraction): Op => ({ kind: 'truncate', fraction })),
);

export interface Mutation {
  file: number;
  path: number[];
  op: Op;
  yaml: boolean;
}

export const mutationArbitrary = (files: number): fc.Arbitrary<Mutation> =>
  fc.record({ file: fc.nat({ max: files - 1 }), path: fc.array(fc.nat(), { maxLength: 12 }), op: opArbitrary, yaml: fc.boolean() });

const PLACEHOLDER = '__iamgraph_fuzz_placeholder__';

/** Walks `choices` into the value; returns the container and key of the chosen node. */
function locate(root: { v: unknown }, choices: readonly number[]): { parent: Record<string, unknown> | unknown[]; key: string | number } {
  let parent: Record<string, unknown> | unknown[] = root as unknown as Record<string, unknown>;
  let key: string | number = 'v';
  for (const c of choices) {
    const node = (parent as Record<string | number, unknown>)[key];
    if (typeof node !== 'object' || node === null) break;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown> | unknown[];
    key = keys[c % keys.length];
  }
  return { parent, key };
}

function deepText(depth: number, object: boolean): string {
  return object ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** The mutated text of one file. CSV and truncation work on the text; the rest on the parsed value. */
export function mutateText(text: string, name: string, m: Mutation): string {
  if (m.op.kind === 'truncate') return text.slice(0, Math.floor(text.length * m.op.fraction));
  if (name.endsWith('.csv')) {
    const at = (m.path[0] ?? 0) % (text.length + 1);
    const insert = m.op.kind === 'control' ? m.op.text : m.op.kind === 'huge' ? 'x'.repeat(m.op.size) : m.op.kind === 'replace' ? JSON.stringify(m.op.value) : ',';
    return text.slice(0, at) + insert + text.slice(at);
  }
  const parsed = parseFileText(text, name);
  const docs = parsed.kind === 'documents' ? parsed.documents.map((d) => d.value) : [];
  // one document is mutated as itself; several (concatenated GAAD pages, `---` streams) as a list
  const root: { v: unknown } = { v: docs.length === 1 ? docs[0] : docs };
  const { parent, key } = locate(root, m.path);
  const container = parent as Record<string | number, unknown>;
  let deep: string | undefined;
  switch (m.op.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete container[key];
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
      else container[`${String(key)}_copy`] = structuredClone(container[key]);
      break;
    case 'replace':
      container[key] = m.op.value;
      break;
    case 'deep':
      deep = deepText(m.op.depth, m.op.object);
      container[key] = PLACEHOLDER;
      break;
    case 'huge':
      container[key] = 'x'.repeat(m.op.size);
      break;
    case 'control':
      container[key] = typeof container[key] === 'string' ? `${container[key] as string}${m.op.text}` : m.op.text;
      break;
  }
  if (root.v === undefined) return '';
  const list = docs.length === 1 ? [root.v] : Array.isArray(root.v) ? root.v : [root.v];
  const yaml = m.yaml && deep === undefined && !name.endsWith('.json');
  const out = list.map((d) => (yaml ? stringifyYaml(d) : JSON.stringify(d) ?? 'null')).join(yaml ? '---\n' : '\n');
  return deep === undefined ? out : out.replace(`"${PLACEHOLDER}"`, deep);
}
