/**
 * `iamgraph plan` through the real binary: exit 1 when the plan adds a finding at or above
 * --fail-on, 0 when it adds nothing, 2 with one line for a plan of the wrong shape.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iamgraph-cli-plan-'));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/iamgraph.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const COMPANY = 'examples/company.yaml';
const ADDRESS = 'module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda';

describe('iamgraph plan', () => {
  it('the README example: passing an admin role to Lambda fails --fail-on high, SARIF at the plan resource', () => {
    const out = join(dir, 'plan.sarif');
    const r = run('plan', '-i', COMPANY, '--plan', 'examples/terraform/plan.json', '--fail-on', 'high', '--format', 'sarif', '-o', out, '-q');
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', '']);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const located = sarif.runs[0].results.filter((x: { locations: Array<{ properties: { policy?: string } }> }) => x.locations.some((l) => l.properties.policy === ADDRESS));
    expect(located.length).toBeGreaterThan(0);
  });
  it('Markdown names the new path and the resource address', () => {
    const r = run('plan', '-i', COMPANY, '--plan', 'examples/terraform/plan.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# iamgraph plan\n/);
    expect(r.stdout).toContain(`user/dev1-be-lee → role/service-role/lambda-admin-ops → admin\n  - by \`${ADDRESS}\``);
  });
  it('a tag-only change passes: exit 0, no new findings', () => {
    const r = run('plan', '-i', COMPANY, '--plan', 'test/fixtures/terraform/tag-only.json', '--fail-on', 'info', '--format', 'json');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect([diff.newFindings, diff.changedFindings]).toEqual([[], []]);
  });
  it('an unknown-after-apply trust is a conditional new path that still gates', () => {
    const r = run('plan', '-i', COMPANY, '--plan', 'test/fixtures/terraform/unknown-trust.json', '--fail-on', 'high', '--format', 'md');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/conditional: user\/dev1-fe-kim → role\/ci-deployer → admin/);
  });
  it('junit renders the plan as a report of what is new', () => {
    const r = run('plan', '-i', COMPANY, '--plan', 'examples/terraform/plan.json', '--format', 'junit');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<testsuites');
    expect(r.stdout).toContain(ADDRESS);
  });
  it.each([
    ['{"format_version": "1.2", "resource_changes": [{"address": "aws_iam_user.a", "type": "aws_iam_user", "name": "a", "change": {"actions": "create"}}]}', /^bad-plan\.json: \/resource_changes\/0\/change\/actions: expected an array, got .*\n$/],
    ['{"resource_changes": []}', /^bad-plan\.json: \/format_version: expected a string, got nothing\n$/],
    ['not json', /^.*bad-plan\.json.*\n$/],
  ])('a malformed plan is one line on stderr, exit 2: %s', (text, expected) => {
    writeFileSync(join(dir, 'bad-plan.json'), text);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/iamgraph.js'), 'plan', '-i', join(ROOT, COMPANY), '--plan', 'bad-plan.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(r.status).toBe(2);
    expect(r.stderr.replace(/^iamgraph: /, '')).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('--target-action without --target-resource is a usage error', () => {
    const r = run('plan', '-i', COMPANY, '--plan', 'examples/terraform/plan.json', '--target-action', 's3:GetObject');
    expect([r.code, r.stderr.trim().split('\n').length]).toEqual([2, 1]);
  });
});
