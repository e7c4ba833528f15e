/** The model's queries: a principal's policies and boundary, and resolving the short principal forms users type. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { boundaryOf, identityPoliciesOf, resolvePrincipal } from '../../src/model/index.ts';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

describe('model queries', () => {
  it('identity policies include the groups\' ; the boundary is compiled as a boundary', async () => {
    const { model } = await loadInputs([join(examples, 'company.yaml')]);
    const song = 'arn:aws:iam::111122223333:user/dev3-be-song';
    expect(identityPoliciesOf(model, song).map((p) => p.meta.id).sort()).toEqual([
      'arn:aws:iam::111122223333:policy/BackendDeployLambda', 'arn:aws:iam::111122223333:policy/BackendServices', 'arn:aws:iam::aws:policy/IAMUserChangePassword',
    ]);
    expect(boundaryOf(model, song)?.meta).toMatchObject({ id: 'arn:aws:iam::111122223333:policy/DeveloperBoundary', type: 'boundary' });
  });
  it('resolves short principal forms and names close matches for unknown ones', async () => {
    const { model } = await loadInputs([join(examples, 'company.yaml')]);
    expect(resolvePrincipal(model, 'user/dev3-infra-a')).toBe('arn:aws:iam::111122223333:user/dev3-infra-a');
    expect(resolvePrincipal(model, 'role/lambda-admin-ops')).toBe('arn:aws:iam::111122223333:role/service-role/lambda-admin-ops');
    expect(resolvePrincipal(model, '111122223333:role/EC2FullAccessRole')).toBe('arn:aws:iam::111122223333:role/EC2FullAccessRole');
    expect(resolvePrincipal(model, 'cloud-admin')).toBe('arn:aws:iam::111122223333:user/cloud-admin');
    expect(() => resolvePrincipal(model, 'user/dev3-infra')).toThrow(/unknown principal "user\/dev3-infra" \(did you mean .*dev3-infra-a/);
  });
});
