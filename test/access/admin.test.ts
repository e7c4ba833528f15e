/**
 * A principal as the engine sees it: admin detection (every sentinel action allowed on every
 * resource after boundaries, SCPs and denies) and decisions for a principal, with the
 * hypotheses the techniques check (an added policy, no boundary).
 * Boundaries: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { adminCheck, ALLOW_ALL, decideAccess, DEFAULT_ANALYSIS_OPTIONS, effectiveAccess, profileOf, resourceIndependent } from '../../src/access/index.ts';
import { buildGraph } from '../../src/graph/index.ts';
import type { AccountModel } from '../../src/model/index.ts';

const A = '111122223333';
const u = (n: string) => `arn:aws:iam::${A}:user/${n}`;
const r = (n: string) => `arn:aws:iam::${A}:role/${n}`;
let model: AccountModel;

beforeAll(async () => {
  model = (await loadInputs([fileURLToPath(new URL('../fixtures/graph/traps.yaml', import.meta.url))])).model;
});

describe('admin detection', () => {
  it('AdministratorAccess makes a principal admin; a boundary without iam:* does not', () => {
    const graph = buildGraph(model);
    const kinds = (source: string) => graph.outEdges(source, 'admin').map((k) => graph.getEdgeAttribute(k, 'kind'));
    expect(kinds(u('admin-alice'))).toEqual(['is-admin']);
    expect(kinds(r('deploy'))).toEqual(['is-admin']);
    expect(graph.getNodeAttribute(u('attacher'), 'admin')).toBeUndefined();
  });
  it('checks hypotheses without changing the principal: an added Allow-all policy, a removed boundary', () => {
    const attacher = profileOf(model, u('attacher'), DEFAULT_ANALYSIS_OPTIONS);
    expect(adminCheck(model, attacher).admin).toBe(false);
    expect(adminCheck(model, attacher, { identity: [...attacher.identity, ALLOW_ALL] }).admin).toBe(true);
    // The boundary without iam:* still limits the added policy; removing it is what makes admin.
    const bounded = profileOf(model, u('bounded-attacher'), DEFAULT_ANALYSIS_OPTIONS);
    expect(adminCheck(model, bounded, { identity: [...bounded.identity, ALLOW_ALL] }).admin).toBe(false);
    expect(adminCheck(model, bounded, { identity: [...bounded.identity, ALLOW_ALL], withoutBoundary: true }).admin).toBe(true);
    expect(adminCheck(model, profileOf(model, u('admin-alice'), DEFAULT_ANALYSIS_OPTIONS)).evidence.length).toBeGreaterThan(0);
  });
});

describe('decisions for a principal', () => {
  it('the final hop of a path is the same decision as for the principal\'s profile', () => {
    const d = effectiveAccess(model, u('admin-alice'), 's3:GetObject', 'arn:aws:s3:::any-bucket/key');
    const same = decideAccess(model, profileOf(model, u('admin-alice'), DEFAULT_ANALYSIS_OPTIONS), { action: 's3:GetObject', resource: 'arn:aws:s3:::any-bucket/key' });
    expect([d.decision, same.decision]).toEqual(['allowed', 'allowed']);
  });
  it('a decision that names Resource "*" only is the same for every target (decided once)', () => {
    expect(resourceIndependent(profileOf(model, u('admin-alice'), DEFAULT_ANALYSIS_OPTIONS), 'iam:CreateAccessKey')).toBe(true);
  });
});
