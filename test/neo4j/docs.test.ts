/** docs/neo4j.md shows exactly the ready queries the code ships (and the tests lint). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READY_QUERIES } from '../../src/neo4j/queries.ts';

describe('docs/neo4j.md', () => {
  const doc = readFileSync(new URL('../../docs/neo4j.md', import.meta.url), 'utf8');
  it.each(READY_QUERIES.map((q) => [q.id, q.query]))('contains the ready query %s verbatim', (_id, query) => {
    expect(doc).toContain(query);
  });
});
