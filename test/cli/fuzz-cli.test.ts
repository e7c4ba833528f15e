/**
 * The fuzz property at the CLI: `iamgraph privesc --strict -i <mutated example>` exits 0 or 2,
 * and on 2 prints exactly one line on stderr (no stack trace). A handful of cases: each spawns.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INGEST_SEEDS, mutateText, mutationArbitrary } from '../ingest/fuzz-mutations.ts';

const bin = fileURLToPath(new URL('../../bin/iamgraph.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'iamgraph-fuzz-cli-'));
const CASES = Number(process.env.IAMGRAPH_FUZZ_CLI_RUNS ?? 5);
const arbitrary = fc.nat({ max: INGEST_SEEDS.length - 1 }).chain((g) => fc.tuple(fc.constant(g), mutationArbitrary(INGEST_SEEDS[g].files.length)));

describe('fuzz at the CLI', () => {
  const cases = fc.sample(arbitrary, { seed: 20261201, numRuns: CASES });
  it.each(cases.map((c, i) => [i, c] as const))('case %i: exit 0 or 2, and 2 means one line', (i, [g, m]) => {
    const group = INGEST_SEEDS[g];
    const dir = join(root, `c${i}`);
    mkdirSync(dir);
    const target = m.file % group.files.length;
    group.files.forEach((f, j) => writeFileSync(join(dir, f.name), j === target ? mutateText(f.text, f.name, m) : f.text));
    const r = spawnSync(process.execPath, [bin, 'privesc', '--strict', '-i', dir], { encoding: 'utf8', timeout: 30_000 });
    expect([0, 2]).toContain(r.status);
    if (r.status === 2) expect(r.stderr).toMatch(/^iamgraph: [^\n]+\n$/);
  }, 40_000);
});
