/**
 * An action named on the command line that AWS does not know is a usage error with a
 * did-you-mean (exit 2, one line, nothing answered); a wildcard matching no action is a warning.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODEL = 'examples/company.yaml';

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/iamgraph.js', ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('unknown actions on the command line', () => {
  it.each([
    ['can', ['can', '-i', MODEL, 'user/dev3-infra-a', 'ec2:RunInstance', '*'], 'unknown action ec2:RunInstance (did you mean ec2:RunInstances?)'],
    ['who-can', ['who-can', '-i', MODEL, 's3:GetObjects', '*'], 'unknown action s3:GetObjects (did you mean s3:GetObject?)'],
    ['who-can without a colon', ['who-can', '-i', MODEL, 's3GetObject', '*'], 'unknown action s3GetObject: expected service:Action (did you mean s3:GetObject?)'],
    ['paths --action', ['paths', '-i', MODEL, '--from', 'user/dev2-be-kang', '--action', 'iam:PassRol', '--resource', '*'], 'unknown action iam:PassRol (did you mean iam:PassRole?)'],
    ['viz --action', ['viz', '-i', MODEL, '--action', 's4:GetObject', '--resource', '*', '-o', '-'], 'unknown service prefix s4 in s4:GetObject (did you mean'],
  ])('%s is a usage error with a did-you-mean', (_name, args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(`iamgraph: ${message}`);
  });
  it('a known action in another case is answered', () => {
    const r = run(['can', '-i', MODEL, 'user/dev3-infra-a', 'EC2:runinstances', '*']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^yes/);
  });
  it('a wildcard that matches no known action is answered with a warning', () => {
    const r = run(['who-can', '-i', MODEL, 's3:Frobnicate*', '*']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('iamgraph: warning: s3:Frobnicate* matches no known action\n');
    expect(r.stdout).toMatch(/principals? can s3:Frobnicate\* on \*/);
  });
});

describe('simulate ActionNames', () => {
  const request = (actions: string[]) => JSON.stringify({ PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } })], ActionNames: actions });
  // AWS's simulator answers the names it is given; so does simulate, with a did-you-mean on stderr.
  it('an unknown action is answered, with a warning at its pointer', () => {
    const r = run(['simulate', '--cli-input-json', '-'], request(['s3:GetObject', 's3:GetObjects']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).EvaluationResults.map((e: { EvalActionName: string }) => e.EvalActionName)).toEqual(['s3:GetObject', 's3:GetObjects']);
    expect(r.stderr).toBe('iamgraph: warning: <stdin>: /ActionNames/1: unknown action s3:GetObjects (did you mean s3:GetObject?) (answered as given)\n');
  });
  it('in a batch, every line is answered and the unknown action is warned about by line', () => {
    const r = run(['simulate', '--batch', '-'], [request(['s3:GetObject']), request(['s3GetObject'])].join('\n'));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].EvaluationResults[0].EvalDecision).toBe('allowed');
    expect(lines[1].EvaluationResults).toHaveLength(1);
    expect(r.stderr).toContain('line 2: /ActionNames/0: unknown action s3GetObject: expected service:Action (did you mean s3:GetObject?)');
  });
  it('a wildcard matching nothing is a warning', () => {
    const r = run(['simulate', '--cli-input-json', '-'], request(['s3:Frob*']));
    expect(r.stderr).toBe('iamgraph: warning: <stdin>: /ActionNames/0: s3:Frob* matches no known action\n');
  });
});
