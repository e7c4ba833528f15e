/**
 * Reports are written in pieces (a large organization's report does not fit in one V8 string);
 * the pieces must make exactly the document a single string would.
 */
import { describe, expect, it } from 'vitest';
import { jsonChunks, joinChunks } from '../../src/report/render/chunks.ts';
import { reportToJson } from '../../src/report/json-form.ts';
import { example, reportFor } from './helpers.ts';

describe('jsonChunks', () => {
  const shapes: unknown[] = [
    null, 0, 'a\nb', [], {}, [[]], { a: {} }, { a: undefined, b: [1, { c: [] }], d: 'x' }, [1, [2, [3, [4, { e: null }]]]],
  ];
  it.each(shapes.map((s) => [JSON.stringify(s), s]))('%s: every split depth gives JSON.stringify(value, null, indent), indented or compact', (_n, value) => {
    for (const indent of [0, 2]) {
      for (let depth = 0; depth <= 5; depth++) expect(joinChunks(jsonChunks(value, depth, indent))).toBe(JSON.stringify(value, null, indent));
    }
  });
  it('the company report, split at each depth, is the same bytes; split at 2 it is one piece per finding or hop, and more', async () => {
    const form = reportToJson(await reportFor([example('company.yaml')]));
    const whole = JSON.stringify(form, null, 2);
    for (let depth = 0; depth <= 4; depth++) expect(joinChunks(jsonChunks(form, depth))).toBe(whole);
    expect(joinChunks(jsonChunks(form, 2, 0))).toBe(JSON.stringify(form));
    const pieces = [...jsonChunks(form, 2)];
    expect(pieces.length).toBeGreaterThan(form.findings.length + Object.keys(form.hops).length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 4);
  });
});

describe('large findings', () => {
  it('a finding with 50,000 paths renders in every format (no call spreads its 150,000 Markdown lines as arguments)', async () => {
    const { renderReport } = await import('../../src/report/render/index.ts');
    const { FORMATS } = await import('../../src/report/render/index.ts');
    const base = await reportFor([example('company.yaml')]);
    const f = base.findings[0];
    const paths = Array.from({ length: 50_000 }, (_v, i) => ({
      id: i.toString(16).padStart(16, '0'),
      verdict: 'reachable' as const,
      hops: [{ from: f.subject, to: `arn:aws:iam::111122223333:role/r${i}`, kind: 'can-assume', evidence: [], conditions: [] }, { from: `arn:aws:iam::111122223333:role/r${i}`, to: 'admin', kind: 'is-admin', evidence: [], conditions: [] }],
    }));
    const report = { ...base, findings: [{ ...f, paths }] };
    for (const format of FORMATS) expect(renderReport(report, format)).toContain(f.id);
    expect(renderReport(report, 'md').match(/^\d+\. \*\*reachable\*\*/gm)).toHaveLength(50_000);
  });
});
