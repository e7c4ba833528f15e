/**
 * `simulate` on hostile input: documents nested 10,000 deep, a UTF-8 BOM, UTF-16 files. One line
 * per bad input (one per bad batch line), every other line still answered.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/iamgraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iamgraph-sim-hostile-'));
const DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, 'simulate', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const request = (condition = '"x"') =>
  `{"PolicyInputList":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"k":${condition}}}}}],"ActionNames":["s3:GetObject"],"ContextEntries":[{"ContextKeyName":"k","ContextKeyValues":["x"]}]}`;

describe('simulate on deep documents', () => {
  it('--cli-input-json: one line, exit 2', () => {
    const r = run(['--cli-input-json', file('deep.json', request(DEEP))]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/deep\.json: \/PolicyInputList\/0\/Statement\/Condition\/StringEquals\/k(\/0)+(\/…)?: expected at most 256 levels of nesting/);
  });

  it('--batch: the deep line gets one error line, the others are answered', () => {
    const r = run(['--batch', file('deep.jsonl', [request(), request(DEEP), `{"ActionNames":["s3:GetObject"],"ContextEntries":${DEEP}}`, request()].join('\n'))]);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].EvaluationResults[0].EvalDecision).toBe('allowed');
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/levels of nesting/) });
    expect(lines[2]).toMatchObject({ line: 3, error: expect.stringMatching(/^\/ContextEntries(\/0)+(\/…)?: expected at most 256/) });
    expect(lines[3].EvaluationResults[0].EvalDecision).toBe('allowed');
  });
});

describe('simulate input encodings, as every other reader decodes them', () => {
  it('strips a UTF-8 BOM', () => {
    const r = run(['--cli-input-json', file('bom.json', `\uFEFF${request()}`)]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).EvaluationResults[0].EvalDecision).toBe('allowed');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(request(), 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(request(), 'utf16le').swap16()]));
    for (const bytes of [le, be]) {
      const r = run(['--cli-input-json', file('utf16.json', bytes)]);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).EvaluationResults[0].EvalDecision).toBe('allowed');
    }
  });

  it('strips a BOM on the first batch line', () => {
    const r = run(['--batch', file('bom.jsonl', `\uFEFF${request()}\n${request()}`)]);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).EvaluationResults[0].EvalDecision)).toEqual(['allowed', 'allowed']);
  });
});
