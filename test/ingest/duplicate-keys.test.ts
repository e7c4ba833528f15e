/** Duplicate keys in JSON (JSON.parse keeps the last silently): a warning with the JSON pointer. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { duplicateKeys } from '../../ingest/json-duplicates.ts';

describe('duplicateKeys', () => {
  it('finds repeats per object, with the pointer of the repeat', () => {
    expect(duplicateKeys('{"a":1,"b":{"c":[{"d":1,"d":2}],"c":3},"a":2}')).toEqual(['/b/c/0/d', '/b/c', '/a']);
  });

  it('is not fooled by strings holding quotes, braces, commas or escaped keys', () => {
    expect(duplicateKeys('{"a":"x\\",\\"a\\":{","b":"\\\\","a/b":1,"a\\/b":2,"k~":[1,{"z":"}"}]}')).toEqual(['/a~1b']);
    expect(duplicateKeys('[{"a":1},{"a":1}]')).toEqual([]);
    expect(duplicateKeys('{"u":"\\u0041","\\u0041":1,"A":2}')).toEqual(['/A']);
  });
});

describe('loading JSON with duplicate keys', () => {
  it('warns with file and pointer; the last value is used, as JSON.parse does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-dup-'));
    const file = join(dir, 'gaad.json');
    writeFileSync(file, '{"UserDetailList":[{"Arn":"arn:aws:iam::111122223333:user/a","UserName":"a","Path":"/","Path":"/x/","Arn":"arn:aws:iam::111122223333:user/x/a"}]}');
    const { model, errors } = await loadInputs([file]);
    expect(errors).toEqual([]);
    const warnings = model.warnings.filter((w) => w.code === 'duplicate-key');
    expect(warnings.map((w) => w.source?.pointer)).toEqual(['/UserDetailList/0/Arn', '/UserDetailList/0/Path']);
    expect(warnings[1].message).toBe(`${file}: /UserDetailList/0/Path: duplicate key: JSON keeps the last value (YAML refuses duplicates)`);
    expect(Object.keys(model.users)).toEqual(['arn:aws:iam::111122223333:user/x/a']);
  });
});

describe('duplicate keys inside a policy given as text', () => {
  // An SCP's Content is JSON text (`aws organizations describe-policy`); IAM's API returns URL-encoded documents.
  const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Effect":"Allow"}]}';
  const org = (content: string) => JSON.stringify({
    Organization: { Id: 'o-dup0000001', MasterAccountId: '111122223333' }, Roots: [{ Id: 'r-dup1', Name: 'Root' }], Accounts: [{ Id: '111122223333', Name: 'a', ParentId: 'r-dup1' }],
    Policies: [{ PolicySummary: { Id: 'p-dup00001', Name: 'Guard', Type: 'SERVICE_CONTROL_POLICY' }, Content: content, Targets: [{ TargetId: 'r-dup1' }] }],
  });
  it.each([['JSON text', policy], ['URL-encoded text', encodeURIComponent(policy)]])('%s: warned with the pointer inside the policy', async (_kind, content) => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-dup-'));
    const file = join(dir, 'organization.json');
    writeFileSync(file, org(content));
    const { model, errors } = await loadInputs([file]);
    expect(errors).toEqual([]);
    const warnings = model.warnings.filter((w) => w.code === 'duplicate-key');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('policy text /Statement/0/Effect: duplicate key');
    expect(warnings[0].source?.file).toBe(file);
  });
});
