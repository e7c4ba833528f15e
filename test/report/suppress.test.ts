/** Suppression files: accepted findings by id, with a reason and an optional expiry. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.ts';
import { parseSuppressions } from '../../src/report/suppress.ts';
import { example, reportFor } from './helpers.ts';

const CHOI = 'privesc-to-admin:1bdccbf64bc8d255';

describe('parseSuppressions', () => {
  it('reads YAML lists and JSON { suppressions: [...] }', () => {
    expect(parseSuppressions(`- id: a:1\n  reason: accepted\n  expires: 2027-01-31\n`, 's.yaml')).toEqual([{ id: 'a:1', reason: 'accepted', expires: '2027-01-31' }]);
    expect(parseSuppressions(JSON.stringify({ suppressions: [{ id: 'b:2', reason: 'known' }] }), 's.json')).toEqual([{ id: 'b:2', reason: 'known' }]);
  });
  it('a missing reason is a one-line user error naming the file and pointer', () => {
    expect(() => parseSuppressions('- id: a:1\n', 'accepted.yaml')).toThrow(UserError);
    expect(() => parseSuppressions('- id: a:1\n', 'accepted.yaml')).toThrow(/^accepted\.yaml: \/0\/reason: /);
  });
  it('a bad expiry date is an error', () => {
    expect(() => parseSuppressions('- { id: a, reason: r, expires: "next week" }', 'x.yaml')).toThrow(/x\.yaml: \/0\/expires: expected a date/);
  });
});

describe('suppressions applied to a report', () => {
  it('a suppressed finding leaves the open findings and is listed with its reason', async () => {
    const report = await reportFor([example('company.yaml')], {}, { suppressions: [{ id: CHOI, reason: 'tooling owner, reviewed' }] });
    expect(report.findings.map((f) => f.id)).not.toContain(CHOI);
    expect(report.suppressed.map((f) => [f.id, f.suppression])).toEqual([[CHOI, { reason: 'tooling owner, reviewed' }]]);
    expect(report.summary.suppressed).toBe(1);
  });
  it('an expired suppression no longer hides the finding and is reported; one expiring today still holds', async () => {
    const expired = await reportFor([example('company.yaml')], {}, { today: '2026-11-23', suppressions: [{ id: CHOI, reason: 'temporary', expires: '2026-11-22' }] });
    expect(expired.findings.map((f) => f.id)).toContain(CHOI);
    expect(expired.expiredSuppressions).toEqual([{ id: CHOI, reason: 'temporary', expires: '2026-11-22' }]);
    const today = await reportFor([example('company.yaml')], {}, { today: '2026-11-23', suppressions: [{ id: CHOI, reason: 'temporary', expires: '2026-11-23' }] });
    expect(today.suppressed.map((f) => f.id)).toEqual([CHOI]);
  });
});
