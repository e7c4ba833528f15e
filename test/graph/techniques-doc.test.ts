/** docs/techniques.md is generated from the catalog; this fails when they drift apart. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown } from '../../src/graph/techniques/coverage.ts';
import { TECHNIQUES } from '../../src/graph/techniques/catalog/index.ts';

describe('technique coverage table', () => {
  it('docs/techniques.md equals the table generated from the catalog', () => {
    expect(readFileSync(new URL('../../docs/techniques.md', import.meta.url), 'utf8')).toBe(coverageMarkdown());
  });
  it('technique ids are unique', () => {
    expect(new Set(TECHNIQUES.map((t) => t.id)).size).toBe(TECHNIQUES.length);
  });
});
