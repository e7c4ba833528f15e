/**
 * Choke points: the fewest cuts that break the most paths to admin, ranked greedily, each with
 * the paths it cuts. The company example's two mistakes are the two top choke points.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rankChokePoints, type Cut } from '../../src/report/findings/choke-points.ts';
import type { Report } from '../../src/report/types.ts';
import { example, fixture, reportFor } from './helpers.ts';

const cut = (key: string): Cut => ({ key, kind: 'statement', subject: key });

describe('rankChokePoints (greedy set cover over paths)', () => {
  it('picks the cut on most paths first, then the one that cuts most of what is left', () => {
    // paths 0..3: a cuts 0,1,2; b cuts 2,3; c cuts 3
    const ranked = rankChokePoints([[cut('a')], [cut('a')], [cut('a'), cut('b')], [cut('b'), cut('c')]], 10);
    expect(ranked.map((r) => [r.cut.key, r.fresh, r.all])).toEqual([['a', [0, 1, 2], [0, 1, 2]], ['b', [3], [2, 3]]]);
  });
  it('ties go to the cut on more paths overall, then to the key order (deterministic)', () => {
    const ranked = rankChokePoints([[cut('z'), cut('y')], [cut('y')]], 1);
    expect(ranked[0].cut.key).toBe('y');
    expect(rankChokePoints([[cut('b'), cut('a')]], 1)[0].cut.key).toBe('a');
  });
  it('stops at the limit and when nothing is left to cut; uncuttable paths are left alone', () => {
    expect(rankChokePoints([[cut('a')], [cut('b')], []], 1)).toHaveLength(1);
    expect(rankChokePoints([[cut('a')], []], 10)).toHaveLength(1);
  });
});

describe('choke points of examples/company.yaml', () => {
  let company: Report;
  beforeAll(async () => {
    company = await reportFor([example('company.yaml')]);
  });
  const chokes = () => company.findings.filter((f) => f.rule === 'choke-point').sort((a, b) => Number(a.facts.rank) - Number(b.facts.rank));

  it('1: detaching AdministratorAccess from lambda-admin-ops (an AWS-managed policy cannot be edited) cuts the 5 Lambda paths', () => {
    const first = chokes()[0];
    expect(first.facts).toMatchObject({ rank: 1, cut: 'attachment', pathsCut: 5, totalPaths: 8 });
    expect(first.title).toBe('choke point 1: removing AdministratorAccess attached to role/service-role/lambda-admin-ops cuts 5 paths to admin');
    // The cut paths are referenced, not repeated: each resolves to a path through lambda-admin-ops.
    const cut = first.pathRefs!.flatMap((r) => company.findings.find((f) => f.id === r.finding)!.paths.filter((p) => r.paths.includes(p.id)));
    expect(cut).toHaveLength(5);
    expect(cut.every((p) => p.hops.some((h) => h.to === 'arn:aws:iam::111122223333:role/service-role/lambda-admin-ops'))).toBe(true);
  });
  it('2: the InfraTools MaintainToolsPolicy statement cuts the 3 CreatePolicyVersion paths, and points at its line', () => {
    const second = chokes()[1];
    expect(second.facts).toMatchObject({ rank: 2, cut: 'statement', pathsCut: 3, newlyCut: 3 });
    expect(second.evidence[0]).toMatchObject({ policy: 'arn:aws:iam::111122223333:policy/InfraTools', statement: 1, sid: 'MaintainToolsPolicy' });
    expect(second.locations).toEqual([{ file: example('company.yaml'), pointer: '/accounts/0/policies/8/document/Statement/1', line: 66, policy: 'arn:aws:iam::111122223333:policy/InfraTools', statement: 1 }]);
  });
  it('together the two cut every path to admin: the list stops there', () => {
    const all = chokes();
    expect(all).toHaveLength(2);
    expect(all.reduce((n, f) => n + Number(f.facts.newlyCut), 0)).toBe(8);
  });
  it('trust entries are cuts too: in the role chain, the statement every hop shares wins over any single trust', async () => {
    const chains = await reportFor([fixture('chains.yaml')]);
    const first = chains.findings.find((f) => f.rule === 'choke-point' && f.facts.rank === 1)!;
    // Hop4's admin policy and the AssumeAll statement each cut all four paths; the attachment sorts first
    expect(first.facts.pathsCut).toBe(4);
  });
});
