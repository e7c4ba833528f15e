/** The fuzz cases themselves, shared by the suite and a long local run (IAMGRAPH_FUZZ_RUNS). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInputs } from '../../ingest/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/index.ts';
import { privesc, whoCan } from '../../src/analysis/index.ts';
import { UserError } from '../../src/errors.ts';
import { buildGraph } from '../../src/graph/index.ts';
import { simulateCustomPolicy } from '../../src/policy/simulate/index.ts';
import { PolicyError } from '../../src/policy/types.ts';
import { INGEST_SEEDS, mutateText, SIMULATE_SEEDS, type Mutation } from './fuzz-mutations.ts';

const root = mkdtempSync(join(tmpdir(), 'iamgraph-fuzz-'));
let n = 0;

const userMistake = (err: unknown): boolean => err instanceof UserError || err instanceof PolicyError;

/** One mutated example through ingest and the questions; a user mistake is an allowed outcome. */
export async function ingestCase(groupIndex: number, mutation: Mutation): Promise<'ok' | 'user-error' | 'input-errors'> {
  const group = INGEST_SEEDS[groupIndex % INGEST_SEEDS.length];
  const dir = join(root, `c${n++}`);
  mkdirSync(dir);
  try {
    const target = mutation.file % group.files.length;
    group.files.forEach((f, i) => writeFileSync(join(dir, f.name), i === target ? mutateText(f.text, f.name, mutation) : f.text));
    try {
      const { model, errors } = await loadInputs([dir]);
      const graph = buildGraph(model, DEFAULT_ANALYSIS_OPTIONS);
      privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS);
      whoCan(graph, model, 's3:GetObject', '*', DEFAULT_ANALYSIS_OPTIONS);
      return errors.length > 0 ? 'input-errors' : 'ok';
    } catch (err) {
      if (userMistake(err)) return 'user-error';
      throw err;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function simulateCase(seedIndex: number, mutation: Mutation): 'ok' | 'user-error' {
  const text = mutateText(SIMULATE_SEEDS[seedIndex % SIMULATE_SEEDS.length], 'input.json', mutation);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return 'user-error';
  }
  try {
    simulateCustomPolicy(input);
    return 'ok';
  } catch (err) {
    if (userMistake(err)) return 'user-error';
    throw err;
  }
}

