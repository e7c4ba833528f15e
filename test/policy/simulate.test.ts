/**
 * `iamgraph simulate`, through the real binary: AWS's simulate-custom-policy input and output
 * shapes (https://docs.aws.amazon.com/cli/latest/reference/iam/simulate-custom-policy.html),
 * extensions, batch mode, and one-line errors with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/iamgraph.js', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/simulate/s3-read.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iamgraph-sim-'));

function run(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [bin, 'simulate', ...args], { input: stdin, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const doc = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('simulate --cli-input-json', () => {
  it('answers in AWS\'s EvaluationResults shape, one result per action × resource', () => {
    const r = run(['--cli-input-json', fixture]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.EvaluationResults.map((e: { EvalActionName: string; EvalDecision: string }) => [e.EvalActionName, e.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'], ['s3:DeleteObject', 'explicitDeny'], ['s3:PutObject', 'implicitDeny'],
    ]);
    expect(out.EvaluationResults[0].MatchedStatements[0]).toMatchObject({ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'IAM Policy', StartPosition: { Line: 4, Column: 5 }, Sid: 'ReadReports' });
  });

  it('reads standard input with -', () => {
    const r = run(['--cli-input-json', '-'], JSON.stringify({ PolicyInputList: [doc([{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }])], ActionNames: ['sqs:SendMessage'] }));
    expect(JSON.parse(r.stdout).EvaluationResults[0]).toMatchObject({ EvalDecision: 'allowed', EvalResourceName: '*' });
  });

  it('uses the context exactly as given and reports MissingContextValues', () => {
    const input = { PolicyInputList: [doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }])], ActionNames: ['s3:ListBucket'] };
    const r = JSON.parse(run(['--cli-input-json', file('ctx.json', input)]).stdout).EvaluationResults[0];
    expect(r).toMatchObject({ EvalDecision: 'implicitDeny', MissingContextValues: ['aws:RequestedRegion'] });
    const withCtx = { ...input, ContextEntries: [{ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'], ContextKeyType: 'string' }] };
    expect(JSON.parse(run(['--cli-input-json', file('ctx2.json', withCtx)]).stdout).EvaluationResults[0].EvalDecision).toBe('allowed');
  });

  it('extensions: SCP levels, open mode residual conditions, trust policies', () => {
    const input = {
      PolicyInputList: [doc([{ Effect: 'Allow', Action: '*', Resource: '*' }])],
      ActionNames: ['ec2:RunInstances', 'iam:CreateUser'],
      CallerArn: 'arn:aws:iam::111122223333:user/alice',
      ServiceControlPolicies: [{ Target: 'r-abcd', Policies: [doc([{ Effect: 'Allow', Action: '*', Resource: '*' }])] }, { Target: 'ou-abcd-11111111', Policies: [doc([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }])] }],
      ContextMode: 'open',
    };
    const [ec2, iam] = JSON.parse(run(['--cli-input-json', file('scp.json', input)]).stdout).EvaluationResults;
    expect(ec2).toMatchObject({ EvalDecision: 'allowed', ResidualConditions: [{ operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['eu-west-1'], SourcePolicyId: 'ServiceControlPolicies.2.1' }] });
    expect(iam).toMatchObject({ EvalDecision: 'implicitDeny', DeniedBy: 'scp', OrganizationsDecisionDetail: { AllowedByOrganizations: false } });

    const trust = {
      ActionNames: ['sts:AssumeRole'], ResourceArns: ['arn:aws:iam::111122223333:role/Deploy'], ResourcePolicyKind: 'trust',
      ResourcePolicy: doc([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole' }]),
      CallerArn: 'arn:aws:iam::111122223333:user/alice',
    };
    expect(JSON.parse(run(['--cli-input-json', file('trust.json', trust)]).stdout).EvaluationResults[0].EvalDecision).toBe('allowed');
  });
});

describe('simulate --batch (JSON Lines)', () => {
  it('answers every line in order; a bad line yields an error object with its line number', () => {
    const good = JSON.stringify({ PolicyInputList: [doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])], ActionNames: ['s3:GetObject'] });
    const r = run(['--batch', file('batch.jsonl', [good, '{not json', JSON.stringify({ ActionNames: [] }), good].join('\n'))]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].EvaluationResults[0].EvalDecision).toBe('allowed');
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^expected JSON/) });
    expect(lines[2]).toMatchObject({ line: 3, error: '/ActionNames: expected a non-empty array of strings, got an empty array' });
    expect(lines[3].EvaluationResults[0].EvalDecision).toBe('allowed');
  });
});

describe('bad input: one clear line on stderr, exit code 2, never a stack trace', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['invalid JSON', '{"PolicyInputList": [', /^iamgraph: .*bad1\.json: expected JSON, got invalid JSON/],
    ['invalid policy', { PolicyInputList: [doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'allow', Action: 's3:*', Resource: '*' }])], ActionNames: ['s3:GetObject'] }, /bad2\.json: \/PolicyInputList\/0\/Statement\/1\/Effect: expected "Allow" or "Deny", got "allow"$/],
    ['unknown operator', { PolicyInputList: [doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEqualz: { a: 'b' } } }])], ActionNames: ['s3:GetObject'] }, /bad3\.json: \/PolicyInputList\/0\/Statement\/0\/Condition\/StringEqualz: unknown condition operator "StringEqualz"$/],
    ['wrong types', { PolicyInputList: [doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])], ActionNames: 's3:GetObject' }, /bad4\.json: \/ActionNames: expected a non-empty array of strings, got "s3:GetObject"$/],
    ['unknown field', { PolicyInputList: [], ActionNames: ['s3:GetObject'], Foo: 1 }, /bad5\.json: \/Foo: expected a simulate-custom-policy field/],
  ];
  it.each(cases.map((c, i) => [c[0], i, c[1], c[2]] as const))('%s', (_name, i, content, pattern) => {
    const r = run(['--cli-input-json', file(`bad${i + 1}.json`, content)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
  it('a missing file', () => {
    const r = run(['--cli-input-json', join(dir, 'nope.json')]);
    expect([r.code, r.stderr.trim()]).toEqual([2, expect.stringMatching(/nope\.json: cannot read \(ENOENT\)$/)]);
  });
});
