/** The answer first: each question's first line says what it found, and privesc lists the most severe first. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pathsHeadline, whoCanHeadline } from '../../src/analysis/index.ts';
import type { Path } from '../../src/analysis/index.ts';

const bin = fileURLToPath(new URL('../../bin/iamgraph.js', import.meta.url));
const COMPANY = fileURLToPath(new URL('../../examples/company.yaml', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const path = (verdict: Path['verdict'], hops: number): Path => ({ verdict, hops: Array.from({ length: hops }, () => ({ from: 'a', to: 'b', kind: 'can-assume', evidence: [], conditions: [] })) });

describe('headlines', () => {
  it('paths: count, shortest, unconditional; none; cut', () => {
    const user = 'arn:aws:iam::111122223333:user/x';
    expect(pathsHeadline(user, 'admin', [path('conditional', 3), path('reachable', 2)], false)).toBe('2 paths from user/x to admin: shortest 2 hops, 1 unconditional');
    expect(pathsHeadline(user, 'admin', [path('conditional', 1)], false)).toBe('1 path from user/x to admin: shortest 1 hop, all conditional');
    expect(pathsHeadline(user, 'admin', [], false)).toBe('no path from user/x to admin');
    expect(pathsHeadline(user, 'admin', [path('reachable', 1)], true)).toMatch(/^at least 1 path .* \(cut at --max-paths\)$/);
  });
  it('who-can: directly, through others, only conditionally', () => {
    const direct = { direct: true, paths: [path('reachable', 0)] };
    const through = { direct: false, paths: [path('conditional', 2)] };
    expect(whoCanHeadline('s3:GetObject', '*', [direct, through])).toBe('2 principals can s3:GetObject on *: 1 directly, 1 through other principals; 1 only conditionally');
    expect(whoCanHeadline('s3:GetObject', '*', [])).toBe('no principal can s3:GetObject on *');
  });
  it('privesc starts with its summary and lists critical before medium', () => {
    const r = run('privesc', '-i', COMPANY);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('2 admins; 7 principals can reach admin: 4 critical, 3 medium');
    const severities = lines.map((l) => /^arn:\S+ \[(\w+)\]$/.exec(l)?.[1]).filter(Boolean);
    expect(severities).toEqual([...severities].sort((a, b) => ['critical', 'high', 'medium'].indexOf(a!) - ['critical', 'high', 'medium'].indexOf(b!)));
    expect(new Set(severities)).toEqual(new Set(['critical', 'medium']));
  });
  it('paths on the command line starts with its headline', () => {
    expect(run('paths', '-i', COMPANY, '--from', 'user/dev2-be-kang', '--to', 'admin').stdout.split('\n')[0]).toBe('2 paths from user/dev2-be-kang to admin: shortest 2 hops, 1 unconditional');
  });
});

describe('usage errors are one line, like every other error', () => {
  it('commander\'s own: iamgraph: …, one line, exit 2', () => {
    const r = run('can', '-i', COMPANY);
    expect([r.status, r.stderr]).toEqual([2, "iamgraph: missing required argument 'principal' (see --help)\n"]);
    expect(run('nosuch').stderr).toBe("iamgraph: unknown command 'nosuch' (see --help)\n");
  });
  it('viz --json is refused, not ignored', () => {
    const r = run('viz', '-i', COMPANY, '--json');
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^iamgraph: viz: writes an HTML page, not JSON/);
  });
  it('a YAML syntax error names the line of the file (blank lines before it count)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-yaml-'));
    const file = join(dir, 'model.yaml');
    writeFileSync(file, '\n\naccounts:\n  - id: "111122223333"\n    users:\n      - name: a\n     bad: [\n');
    const r = run('privesc', '-i', file);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`iamgraph: ${file}: line 7: expected YAML, got All mapping items must start at the same column`);
  });
});
