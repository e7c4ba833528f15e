/**
 * What the CLI writes to a terminal: names and error snippets with control characters (ESC, BEL,
 * CR, NUL, C1's CSI, a BOM) come out as `\x1b`-style text, never raw; an error stays one short line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_ERROR_LINE } from '../../src/cli/terminal.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iamgraph-cli-terminal-'));
const HOSTILE = 'test/fixtures/report/control-chars.yaml';
/** Raw controls but the LF between lines, and the invisible characters terminalSafe escapes. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/iamgraph.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('text output on a terminal shows control characters from names as escapes', () => {
  it.each([
    ['privesc', ['privesc', '-i', HOSTILE]],
    ['who-can', ['who-can', '-i', HOSTILE, 'iam:CreatePolicyVersion', '*']],
    ['paths', ['paths', '-i', HOSTILE, '--from', 'user/soh\u0001user', '--to', 'admin']],
    ['inputs', ['inputs', '-i', HOSTILE]],
  ])('%s', (_name, args) => {
    const r = run(...args);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout.length).toBeGreaterThan(0);
    if (_name !== 'inputs') expect(r.stdout).toContain('soh\\x01user');
  });
  it('privesc names the ESC, BEL and C1 users in escaped form', () => {
    const { stdout } = run('privesc', '-i', HOSTILE);
    expect(stdout).toContain('user/esc\\x1b[31mred\\x1b[0m\\x1b]0;title\\x07');
    expect(stdout).toContain('\\x9bcsi');
    expect(stdout).toContain('role/role\\x1b[2Jclear');
  });
  it('--json escapes C1 controls too (JSON.stringify leaves them raw); the value is the same', () => {
    const { stdout } = run('privesc', '-i', HOSTILE, '--json');
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.stringify(JSON.parse(stdout))).toContain('nonchar\uffffend\u009bcsi');
  });
});

describe('error lines are one safe, short line', () => {
  const bad = join(dir, 'nul.json');
  writeFileSync(bad, `{"Version": "2012-10-17", "Statement": [\u0000{"Effect": "Allow"}, \ufeff\u001b[2J${'x'.repeat(2000)}]}`);
  const expectSafe = (stderr: string) => {
    const lines = stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^iamgraph: /);
      expect(line).not.toMatch(RAW_CONTROL);
      expect(line.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    }
  };
  it('an input file with a NUL byte: the JSON.parse snippet is escaped', () => {
    const r = run('inputs', '-i', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x00');
    expectSafe(r.stderr);
  });
  it('simulate --cli-input-json with a NUL byte: the same', () => {
    const r = run('simulate', '--cli-input-json', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x00');
    expectSafe(r.stderr);
  });
  it('an unknown principal with ESC in its name (quoted back by the error)', () => {
    const r = run('paths', '-i', HOSTILE, '--from', 'user/\u001b[2Jnobody', '--to', 'admin');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x1b[2Jnobody');
    expectSafe(r.stderr);
  });
  it('commander\'s own errors quote the argument safely', () => {
    const r = run('privesc', '-i', HOSTILE, '--bogus\u001b[2J');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x1b[2J');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });
});
