/** docs/techniques.md is generated from the catalog; this fails when they drift apart. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown, pathfindingCoverage } from '../../src/graph/techniques/coverage.ts';
import { MODELLED_ELSEWHERE, PATHFINDING_IDS } from '../../src/graph/techniques/pathfinding.ts';
import { TECHNIQUES } from '../../src/graph/techniques/catalog/index.ts';

describe('technique coverage table', () => {
  it('docs/techniques.md equals the table generated from the catalog', () => {
    expect(readFileSync(new URL('../../docs/techniques.md', import.meta.url), 'utf8')).toBe(coverageMarkdown());
  });
  it('technique ids are unique', () => {
    expect(new Set(TECHNIQUES.map((t) => t.id)).size).toBe(TECHNIQUES.length);
  });
  it('every pathfinding.cloud id a technique names is a catalog id, and at least 95% of the catalog is implemented', () => {
    const ids = new Set(PATHFINDING_IDS.map((c) => c.id));
    const named = TECHNIQUES.flatMap((t) => t.publicIds.filter((p) => p.startsWith('pathfinding:')).map((p) => p.slice('pathfinding:'.length)));
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    const coverage = pathfindingCoverage();
    const missing = PATHFINDING_IDS.filter((c) => coverage.get(c.id)!.length === 0 && !MODELLED_ELSEWHERE[c.id]).map((c) => c.id);
    expect(missing.length / PATHFINDING_IDS.length).toBeLessThanOrEqual(0.05);
  });
});
