/**
 * ARNs and account ids are validated where they enter: a malformed one is one error naming the
 * file and pointer, and the rest of the file still loads.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInputError, loadInputs } from '../../ingest/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'iamgraph-ids-'));
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const user = (arn: string) => ({ Arn: arn, UserName: arn.split('/').pop() });

describe('GAAD ARNs', () => {
  it('a malformed user ARN is one error; the valid users still load', async () => {
    const file = write('gaad.json', { UserDetailList: [user('arn:aws:iam::111122223333:user/ok'), user('=1+1:a:b:c:111122223333:user/x'), user('arn:aws:iam::111122223333:user/a\nb')] });
    const { model, errors } = await loadInputs([file]);
    expect(Object.keys(model.users)).toEqual(['arn:aws:iam::111122223333:user/ok']);
    expect(errors.map(formatInputError)).toEqual([
      `${file}: /UserDetailList/1/Arn: expected an IAM user ARN (arn:aws:iam::ACCOUNT:user/PATH/NAME), got "=1+1:a:b:c:111122223333:user/x"`,
      `${file}: /UserDetailList/2/Arn: expected an IAM user ARN (arn:aws:iam::ACCOUNT:user/PATH/NAME), got "arn:aws:iam::111122223333:user/a\\nb"`,
    ]);
  });

  it('a role ARN under a user list, and a malformed attached policy ARN, are errors', async () => {
    const file = write('gaad2.json', {
      UserDetailList: [user('arn:aws:iam::111122223333:role/r'), { ...user('arn:aws:iam::111122223333:user/u'), AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::1:policy/p' }] }],
      RoleDetailList: [{ Arn: 'arn:aws:iam::111122223333:role/ok', RoleName: 'ok', AssumeRolePolicyDocument: { Statement: [] } }],
    });
    const { model, errors } = await loadInputs([file]);
    expect(Object.keys(model.roles)).toEqual(['arn:aws:iam::111122223333:role/ok']);
    expect(errors.map((e) => e.pointer)).toEqual(['/UserDetailList/0/Arn', '/UserDetailList/1/AttachedManagedPolicies/0/PolicyArn']);
  });
});

describe('organization account ids', () => {
  it('a newline in Accounts[].Id is one error; the other accounts are still in the tree', async () => {
    const file = write('org.json', {
      Organization: { Id: 'o-1', MasterAccountId: '111122223333' },
      Roots: [{ Id: 'r-1' }],
      Accounts: [{ Id: '1111\n22223333', ParentId: 'r-1' }, { Id: '444455556666', ParentId: 'r-1' }],
    });
    const { model, errors } = await loadInputs([file]);
    expect(errors.map(formatInputError)).toEqual([`${file}: /Accounts/0/Id: expected a 12-digit account id, got "1111\\n22223333"`]);
    expect(Object.keys(model.organization?.nodes ?? {}).sort()).toEqual(['444455556666', 'r-1']);
  });

  it('Identity Center account ids and resource ARNs are checked too', async () => {
    const bundle = write('bundle.json', { ResourcePolicies: [{ ResourceArn: 'arn:aws:s3:::b\u0007', Policy: { Statement: [] } }, { ResourceArn: 'arn:aws:s3:::ok', ResourceOwner: '111122223333', Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] } }] });
    const { model, errors } = await loadInputs([bundle, write('gaad3.json', { UserDetailList: [user('arn:aws:iam::111122223333:user/ok')] })]);
    expect(errors.map((e) => `${e.pointer}: ${e.message}`)).toEqual(['/ResourcePolicies/0/ResourceArn: expected an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE), got "arn:aws:s3:::b\\x07"']);
    expect(Object.keys(model.resources)).toEqual(['arn:aws:s3:::ok']);
  });
});
