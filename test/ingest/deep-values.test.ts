/**
 * Values nested 10,000 deep (a tag value, an organization field, a policy): refused in one line
 * naming file and pointer, never a stack overflow; the other files still load.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInputError, loadInputs } from '../../ingest/index.ts';
import { MAX_NESTING_DEPTH } from '../../src/policy/describe.ts';

const dir = mkdtempSync(join(tmpdir(), 'iamgraph-deep-'));
const DEPTH = 10_000;
const deepText = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const good = write('good.yaml', 'accounts:\n  - id: "555566667777"\n    users:\n      - name: bob\n');

async function refused(path: string, users: string[] = []): Promise<string[]> {
  const { model, errors } = await loadInputs([path, good]);
  expect(Object.keys(model.users)).toEqual([...users, 'arn:aws:iam::555566667777:user/bob']);
  const lines = errors.map(formatInputError);
  for (const line of lines) expect(line).not.toContain('\n');
  return lines;
}

describe('values nested beyond the limit', () => {
  it('a tag value in a JSON account model', async () => {
    const model = { accounts: [{ id: '111122223333', users: [{ name: 'alice', tags: { team: [] } }] }] };
    const lines = await refused(write('model.json', JSON.stringify(model).replace('[]', deepText)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^.*model\\.json: /accounts/0/users/0/tags/team(/0)+(/…)?: expected at most ${MAX_NESTING_DEPTH} levels of nesting`));
  });

  it('a tag value in a YAML account model (flow style)', async () => {
    const lines = await refused(write('model.yaml', `accounts:\n  - id: "111122223333"\n    users:\n      - name: alice\n        tags: { team: ${deepText} }\n`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('levels of nesting');
  });

  it('a tag value in a GAAD export', async () => {
    const gaad = `{"RoleDetailList":[{"Arn":"arn:aws:iam::111122223333:role/r","RoleName":"r","AssumeRolePolicyDocument":{"Statement":[]},"Tags":[{"Key":"k","Value":${deepText}}]}]}`;
    const lines = await refused(write('gaad.json', gaad));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/gaad\.json: \/RoleDetailList\/0\/Tags\/0\/Value(\/0)+(\/…)?: expected at most/);
  });

  it('an organization field', async () => {
    const org = `{"Organization":{"Id":"o-1"},"Roots":[{"Id":"r-1"}],"Accounts":[],"Policies":[{"PolicySummary":{"Id":"p-1","Type":${deepText}},"Content":"{}","Targets":[]}]}`;
    const lines = await refused(write('org.json', org));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('org.json: /Policies/0/PolicySummary/Type/0');
  });

  it('a URL-encoded policy string that decodes to a deep document', async () => {
    const policy = encodeURIComponent(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"k":${deepText}}}}]}`);
    const gaad = JSON.stringify({ UserDetailList: [{ Arn: 'arn:aws:iam::111122223333:user/u', UserName: 'u', UserPolicyList: [{ PolicyName: 'p', PolicyDocument: policy }] }] });
    const lines = await refused(write('gaad-policy.json', gaad), ['arn:aws:iam::111122223333:user/u']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/UserPolicyList\/0\/PolicyDocument\/Statement\/0\/Condition\/StringEquals\/k(\/0)+(\/…)?: expected at most/);
  });
});
