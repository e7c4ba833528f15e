/** Stable ids and deterministic bytes: two runs over the same input compare finding by finding. */
import { describe, expect, it } from 'vitest';
import { findingId, pathId } from '../../src/report/ids.ts';
import { FORMATS, renderReport } from '../../src/report/render/index.ts';
import { example, reportFor } from './helpers.ts';

describe('stable ids', () => {
  it('a finding id is <rule>:<16 hex> of rule + subject + key, independent of anything else', () => {
    expect(findingId('privesc-to-admin', 'arn:aws:iam::111122223333:user/a')).toMatch(/^privesc-to-admin:[0-9a-f]{16}$/);
    expect(findingId('r', 's', 'k1')).not.toBe(findingId('r', 's', 'k2'));
    expect(findingId('r', 's')).toBe(findingId('r', 's'));
  });
  it('a path id depends on its hops (from, kind, to), not on the evidence details', () => {
    const hop = { from: 'a', to: 'b', kind: 'can-assume', evidence: [], conditions: [] };
    const same = pathId({ verdict: 'reachable', hops: [hop] });
    expect(pathId({ verdict: 'conditional', hops: [{ ...hop, requires: ['x'] }] })).toBe(same);
    expect(pathId({ verdict: 'reachable', hops: [{ ...hop, to: 'c' }] })).not.toBe(same);
  });
});

describe('deterministic output (same input → byte-identical file, no timestamp unless asked)', () => {
  it.each(FORMATS)('%s: two runs give the same bytes', async (format) => {
    const [a, b] = await Promise.all([reportFor([example('company.yaml')]), reportFor([example('company.yaml')])]);
    expect(renderReport(a, format)).toBe(renderReport(b, format));
    expect(renderReport(a, format)).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d/);
  });
  it('--timestamp adds generatedAt (json) and nothing else changes', async () => {
    const plain = await reportFor([example('company.yaml')]);
    const stamped = await reportFor([example('company.yaml')], {}, { timestamp: '2026-11-23T05:00:00.000Z' });
    expect(stamped.generatedAt).toBe('2026-11-23T05:00:00.000Z');
    const { generatedAt: _g, ...rest } = stamped;
    expect(rest).toEqual(plain);
  });
});
