/**
 * Two files defining one principal: identical definitions merge; different ones are one input
 * error naming both files and the ARN, and the model does not depend on the order of the inputs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInputError, loadInputs } from '../../ingest/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'iamgraph-conflicts-'));
const ROLE = 'arn:aws:iam::111122223333:role/Deploy';
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const role = (extra: Record<string, unknown>) => ({ RoleDetailList: [{ Arn: ROLE, RoleName: 'Deploy', Path: '/', AssumeRolePolicyDocument: trust, ...extra }] });
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const inline = (action: string) => ({ RolePolicyList: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] } }] });

async function bothOrders(a: string, b: string) {
  const one = await loadInputs([a, b]);
  const two = await loadInputs([b, a]);
  const strip = (m: typeof one.model) => JSON.stringify({ ...m, inputs: [] });
  expect(strip(two.model)).toBe(strip(one.model));
  expect(two.errors.map(formatInputError).sort()).toEqual(one.errors.map(formatInputError).sort());
  return one;
}

describe('one principal in two files', () => {
  it('identical definitions merge without an error', async () => {
    const { model, errors } = await bothOrders(write('same-a.json', role(inline('s3:*'))), write('same-b.json', role(inline('s3:*'))));
    expect(errors).toEqual([]);
    expect(model.roles[ROLE].source?.file).toMatch(/same-a\.json$/);
  });

  it('different attached policies: one error naming both files and the ARN, whatever the order', async () => {
    const a = write('attached-a.json', role({ AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }));
    const b = write('attached-b.json', role({ AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] }));
    const { model, errors } = await bothOrders(a, b);
    expect(errors.map(formatInputError)).toEqual([`${a}: /RoleDetailList/0: expected one definition of role ${ROLE}, got a different one in ${b} at /RoleDetailList/0 (identical definitions merge; make the inputs agree or give only one)`]);
    expect(model.roles[ROLE].managedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it('different inline policy documents: one error on the policy, whatever the order', async () => {
    const a = write('inline-a.json', role(inline('s3:GetObject')));
    const b = write('inline-b.json', role(inline('iam:*')));
    const { model, errors } = await bothOrders(a, b);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain(`policy ${ROLE}`);
    expect(errors[0].message).toContain(b);
    expect(JSON.stringify(Object.values(model.policies).map((p) => p.policy?.parsed.raw))).toContain('s3:GetObject');
  });
});
