/**
 * Property-based fuzzing of everything a user can feed iamgraph: mutated copies of the bundled
 * examples go through ingest, the questions (graph, privesc, who-can) and simulate. Nothing may
 * throw except a UserError (or the PolicyError simulate turns into one). Fixed seed and
 * IAMGRAPH_FUZZ_RUNS runs (default 200 across the properties); set it higher locally.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ingestCase, simulateCase } from './fuzz-cases.ts';
import { INGEST_SEEDS, mutationArbitrary } from './fuzz-mutations.ts';

const RUNS = Number(process.env.IAMGRAPH_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.IAMGRAPH_FUZZ_SEED ?? 20261201);
const groupArbitrary = fc.nat({ max: INGEST_SEEDS.length - 1 }).chain((g) => fc.tuple(fc.constant(g), mutationArbitrary(INGEST_SEEDS[g].files.length)));

describe('fuzz: mutated examples never throw anything but a user error', () => {
  it('ingest + graph + privesc + who-can', async () => {
    await fc.assert(fc.asyncProperty(groupArbitrary, async ([g, m]) => {
      await ingestCase(g, m);
    }), { seed: SEED, numRuns: Math.ceil(RUNS * 0.75), endOnFailure: true });
  }, 120_000);

  it('simulate', () => {
    fc.assert(fc.property(fc.nat(), mutationArbitrary(1), (s, m) => {
      simulateCase(s, m);
    }), { seed: SEED, numRuns: Math.ceil(RUNS * 0.25), endOnFailure: true });
  }, 60_000);
});
