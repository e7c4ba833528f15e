/**
 * `report`, `diff` and `privesc --fail-on` through the real binary: exit codes 0 (ok), 1 (gate
 * failed), 2 (usage or input error, one line), machine output only on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iamgraph-cli-report-'));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/iamgraph.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const COMPANY = 'examples/company.yaml';
const CLEAN = 'examples/cross-account/';

describe('iamgraph report', () => {
  it('writes the report to -o and gates: --fail-on critical exits 1 on the company example', () => {
    const out = join(dir, 'company.json');
    const r = run('report', '-i', COMPANY, '--format', 'json', '-o', out, '--fail-on', 'critical');
    // The file written is confirmed on stderr; stdout stays empty.
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(new RegExp(`^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\.\\d KiB\\)\n$`));
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.findings.some((f: { severity: string }) => f.severity === 'critical')).toBe(true);
  });
  it('exits 0 when nothing reaches the threshold (cross-account example has no findings)', () => {
    const r = run('report', '-i', CLEAN, '--fail-on', 'info', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# iamgraph report\n/);
  });
  it('a suppression file accepts a finding by id; a bad one is a one-line error, exit 2', () => {
    const ok = join(dir, 'accepted.yaml');
    writeFileSync(ok, '- id: privesc-to-admin:1bdccbf64bc8d255\n  reason: tooling owner, reviewed\n');
    const r = run('report', '-i', COMPANY, '--format', 'json', '--suppress', ok);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).suppressed.map((f: { id: string }) => f.id)).toEqual(['privesc-to-admin:1bdccbf64bc8d255']);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, '- id: x\n');
    const e = run('report', '-i', COMPANY, '--suppress', bad);
    expect(e.code).toBe(2);
    expect(e.stderr.trim().split('\n')).toHaveLength(1);
    expect(e.stderr).toContain('bad.yaml: /0/reason:');
  });
  it.each([
    [['--format', 'xml'], '--format: expected one of json, md, html, csv, sarif, junit'],
    [['--fail-on', 'severe'], '--fail-on: expected one of critical, high, medium, low, info'],
    [['--max-chain-depth', '0'], '--max-chain-depth: expected an integer ≥ 1'],
  ])('usage error %j → one line, exit 2, nothing on stdout', (args, message) => {
    const r = run('report', '-i', COMPANY, ...args);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});

describe('iamgraph diff', () => {
  it('--old/--new: a new snapshot that adds the company account shows its findings as new; --fail-on high exits 1', () => {
    const r = run('diff', '--old', '-i', CLEAN, '--new', '-i', CLEAN, '-i', COMPANY, '--format', 'json', '--fail-on', 'high');
    expect(r.code).toBe(1);
    const diff = JSON.parse(r.stdout);
    expect(diff.newFindings.map((f: { title: string }) => f.title)).toContain('user/dev2-be-kang can escalate to admin');
    expect(diff.removedFindings).toEqual([]);
  });
  it('--baseline: the same input against its own saved report is no change, exit 0 even with --fail-on info', () => {
    const baseline = join(dir, 'baseline.json');
    expect(run('report', '-i', COMPANY, '--format', 'json', '-o', baseline).code).toBe(0);
    const r = run('diff', '--baseline', baseline, '-i', COMPANY, '--fail-on', 'info');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 new · 0 removed');
  });
  it('a baseline that is not a report is a one-line error, exit 2', () => {
    const r = run('diff', '--baseline', 'package.json', '-i', COMPANY);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('package.json: /schemaVersion: expected 2.x');
  });
  it('a baseline path is read back through the hops table: a path only the baseline has is listed as removed, hop by hop; a dangling hop id is a one-line error', () => {
    const baseline = join(dir, 'baseline-hops.json');
    expect(run('report', '-i', COMPANY, '--format', 'json', '-o', baseline).code).toBe(0);
    const data = JSON.parse(readFileSync(baseline, 'utf8'));
    const kang = data.findings.find((f: { title: string }) => f.title === 'user/dev2-be-kang can escalate to admin');
    // A path that no longer exists: kang's first hop, then the hop of another path's last step.
    const other = data.findings.find((f: { rule: string; subject: string }) => f.rule === 'privesc-to-admin' && f.subject !== kang.subject);
    kang.paths.push({ id: '00000000000000aa', verdict: 'reachable', hops: [kang.paths[0].hops[0], other.paths[0].hops.at(-1)] });
    writeFileSync(baseline, JSON.stringify(data));
    const r = run('diff', '--baseline', baseline, '-i', COMPANY, '--format', 'json');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    const changed = diff.changedFindings.find((c: { id: string }) => c.id === kang.id);
    expect(changed.removedPaths.map((p: { id: string }) => p.id)).toEqual(['00000000000000aa']);
    expect(changed.removedPaths[0].hops.map((id: string) => diff.hops[id].from)).toEqual([kang.subject, data.hops[other.paths[0].hops.at(-1)].from]);
    kang.paths.at(-1).hops[1] = 'ffffffffffffffff';
    writeFileSync(baseline, JSON.stringify(data));
    const e = run('diff', '--baseline', baseline, '-i', COMPANY);
    expect(e.code).toBe(2);
    expect(e.stderr.trim().split('\n')).toHaveLength(1);
    expect(e.stderr).toMatch(/baseline-hops\.json: \/findings\/\d+\/paths\/\d+\/hops\/1: expected an id of \/hops, got "ffffffffffffffff"/);
    data.findings[0] = null;
    writeFileSync(baseline, JSON.stringify(data));
    const n = run('diff', '--baseline', baseline, '-i', COMPANY);
    expect([n.code, n.stderr.trim()]).toEqual([2, `iamgraph: ${baseline}: /findings/0: expected a finding object, got null`]);
  });
});

describe('iamgraph privesc --fail-on', () => {
  it('exits 1 when an escalation at or above the severity exists, 0 otherwise', () => {
    expect(run('privesc', '-i', COMPANY, '--fail-on', 'critical', '--json').code).toBe(1);
    expect(run('privesc', '-i', CLEAN, '--fail-on', 'medium').code).toBe(0);
  });
});
