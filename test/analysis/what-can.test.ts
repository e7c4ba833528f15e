/**
 * what-can: per service, the actions a principal is allowed and on which resources — itself and as
 * every principal it reaches — each (action, resource pattern) decided by the engine as the IAM
 * User Guide's "Policy evaluation logic" says
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit Deny wins, SCPs must allow, a permissions boundary intersects the identity policies,
 * a same-account resource policy naming the principal grants on its own, and a condition the input
 * does not fix leaves the grant conditional. Admin-reaching principals are summarized first.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { buildGraph, type AccessGraph } from '../../src/graph/index.ts';
import { renderWhatCan, whatCan, type WhatCanAnswer } from '../../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import type { AccountModel } from '../../src/model/index.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const bin = here('../../bin/iamgraph.js');
const company = here('../../examples/company.yaml');
const cross = here('../../examples/cross-account');
const fixture = here('../fixtures/analysis/what-can.yaml');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const opts = DEFAULT_ANALYSIS_OPTIONS;
const WC = 'arn:aws:iam::123456789012';

async function load(path: string): Promise<{ model: AccountModel; graph: AccessGraph }> {
  const { model } = await loadInputs([path]);
  return { model, graph: buildGraph(model) };
}

/** The resources an action is allowed on through `via` (the answer's principal when omitted). */
function resourcesOf(answer: WhatCanAnswer, action: string, via = answer.principal) {
  const service = answer.services.find((s) => s.service === action.split(':')[0]);
  return service?.grants.find((g) => g.actions.includes(action) && g.via === via)?.resources ?? [];
}
const patternsOf = (answer: WhatCanAnswer, action: string, via?: string) => resourcesOf(answer, action, via).map((r) => r.pattern);

describe('what-can on the examples', () => {
  it('a Lambda role chaining into prod: dynamodb:PutItem on the orders table as the role it reaches, sts:AssumeRole on that role itself; DeleteTable stays denied by the SCP', async () => {
    const c = await load(cross);
    const source = 'arn:aws:iam::111111111111:role/service-role/lambda-chain-source';
    const writer = 'arn:aws:iam::222222222222:role/lambda-target-writer';
    const answer = await whatCan(c.graph, c.model, source, opts);
    expect(answer.reachable.map((r) => r.principal)).toEqual([source, writer]);
    expect(patternsOf(answer, 'dynamodb:PutItem', writer)).toEqual(['arn:aws:dynamodb:eu-west-1:222222222222:table/orders']);
    expect(resourcesOf(answer, 'dynamodb:PutItem', writer)[0].conditional).toBe(false);
    expect(patternsOf(answer, 'dynamodb:DeleteTable', writer)).toEqual([]);
    const assume = resourcesOf(answer, 'sts:AssumeRole');
    expect(assume.map((r) => r.pattern)).toEqual([writer]);
    expect(assume[0].known).toEqual([writer]);
    expect(patternsOf(answer, 'logs:PutLogEvents')).toEqual(['*']);
    // Actions of a service on the same resources are one grant.
    expect(answer.services.find((s) => s.service === 'logs')!.grants.map((g) => g.actions)).toEqual([['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']]);
    expect(answer.admin).toBe(false);
    const text = renderWhatCan(answer).join('\n');
    expect(text).toContain('as role/lambda-target-writer:\n  dynamodb         PutItem, UpdateItem  on arn:aws:dynamodb:eu-west-1:222222222222:table/orders');
  });

  it('a user allowed iam:ChangePassword on arn:aws:iam::*:user/${aws:username}: its own ARN, listed as a known resource', async () => {
    const c = await load(company);
    const kim = 'arn:aws:iam::111122223333:user/dev1-fe-kim';
    const answer = await whatCan(c.graph, c.model, kim, opts);
    const change = resourcesOf(answer, 'iam:ChangePassword');
    expect(change.map((r) => r.pattern)).toEqual(['arn:aws:iam::*:user/dev1-fe-kim']);
    expect(change[0].known).toEqual([kim]);
    expect(change[0].knownCount).toBe(1);
  });

  it('an admin-reaching principal gets the admin summary first, as whom, and its own permissions — not every service of the admin', async () => {
    const c = await load(company);
    const kang = 'arn:aws:iam::111122223333:user/dev2-be-kang';
    const admin = 'arn:aws:iam::111122223333:role/service-role/lambda-admin-ops';
    const answer = await whatCan(c.graph, c.model, kang, opts);
    expect(answer.admin).toMatchObject({ conditional: false, shortestHops: 2, as: [{ principal: admin, hop: 'is-admin' }] });
    expect(answer.reachable.find((r) => r.principal === admin)?.admin).toBe(true);
    expect(answer.services.every((s) => s.grants.every((g) => g.via !== admin))).toBe(true);
    const lines = renderWhatCan(answer);
    expect(lines[1]).toMatch(/^can reach admin: \d+ paths, shortest 2 hops$/);
    expect(lines[2]).toBe('  all actions on all resources as role/service-role/lambda-admin-ops');
    expect(lines.length).toBeLessThan(40);
    // iam:PassRole on role/* under a condition on iam:PassedToService: conditional, with that condition.
    const pass = resourcesOf(answer, 'iam:PassRole');
    expect(pass.map((r) => r.pattern)).toEqual(['arn:aws:iam::111122223333:role/*']);
    expect(pass[0].conditional).toBe(true);
    expect(pass[0].conditions.map((x) => x.key)).toEqual(['iam:PassedToService']);
    expect(pass[0].known).toContain(admin);
  });

  it('only conditional paths to admin say so; the other principals reached are enumerated unless the text view asks not to', async () => {
    const c = await load(company);
    const lee = 'arn:aws:iam::111122223333:user/dev1-be-lee';
    const temp = 'arn:aws:iam::111122223333:role/S3ConfigTempRole';
    const answer = await whatCan(c.graph, c.model, lee, opts);
    expect(answer.admin && answer.admin.conditional).toBe(true);
    expect(renderWhatCan(answer)[1]).toMatch(/^can reach admin conditionally: /);
    expect(patternsOf(answer, 's3:PutBucketPolicy', temp)).toEqual(['*']);
    const own = await whatCan(c.graph, c.model, lee, opts, { reachedWhenAdmin: false });
    expect(own.services.flatMap((s) => s.grants.map((g) => g.via)).every((v) => v === lee)).toBe(true);
    expect(renderWhatCan(own)).toEqual(renderWhatCan(answer));
  });
});

describe('what-can decided by the engine (fixture)', () => {
  let c: { model: AccountModel; graph: AccessGraph };
  beforeAll(async () => { c = await load(fixture); });

  it('a Deny on a whole pattern removes it; a Deny inside a pattern is its exception and removes the known resources it covers', async () => {
    const answer = await whatCan(c.graph, c.model, `${WC}:user/denied`, opts);
    const get = resourcesOf(answer, 's3:GetObject');
    expect(get.map((r) => r.pattern)).toEqual(['arn:aws:s3:::data/*']);
    expect(get[0].except).toEqual(['arn:aws:s3:::data/private/*']);
    expect(get[0].known).toEqual(['arn:aws:s3:::data/report.csv']);
  });

  it('a permissions boundary limits a grant on * to the boundary\'s pattern and drops what it does not allow', async () => {
    const answer = await whatCan(c.graph, c.model, `${WC}:user/bounded`, opts);
    expect(patternsOf(answer, 's3:GetObject')).toEqual(['arn:aws:s3:::data/*']);
    expect(resourcesOf(answer, 's3:GetObject')[0].knownCount).toBe(2);
    expect(answer.services.map((s) => s.service)).toEqual(['s3']);
  });

  it('a statement with a condition the input does not fix is conditional, with the residual condition', async () => {
    const answer = await whatCan(c.graph, c.model, `${WC}:user/conditional`, opts);
    const put = resourcesOf(answer, 's3:PutObject');
    expect(put).toHaveLength(1);
    expect(put[0]).toMatchObject({ pattern: 'arn:aws:s3:::data/*', conditional: true });
    expect(put[0].conditions).toMatchObject([{ operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24'] }]);
    const hidden = await whatCan(c.graph, c.model, `${WC}:user/conditional`, { ...opts, includeConditional: false });
    expect(hidden.services).toEqual([]);
  });

  it('sts:AssumeRole on a role shows sts, and the role\'s own permissions come through it with the path', async () => {
    const answer = await whatCan(c.graph, c.model, `${WC}:user/chainer`, opts);
    expect(patternsOf(answer, 'sts:AssumeRole')).toEqual([`${WC}:role/target`]);
    expect(patternsOf(answer, 'sqs:SendMessage', `${WC}:role/target`)).toEqual(['arn:aws:sqs:eu-west-1:123456789012:jobs']);
    expect(answer.reachable[1]).toMatchObject({ principal: `${WC}:role/target`, conditional: false, admin: false });
  });

  it('a resource policy of the input granting the principal counts, marked as such', async () => {
    const answer = await whatCan(c.graph, c.model, `${WC}:user/reader`, opts);
    expect(resourcesOf(answer, 's3:ListBucket')).toMatchObject([{ pattern: 'arn:aws:s3:::shared', source: 'resource-policy', known: ['arn:aws:s3:::shared'] }]);
  });

  it('a principal that can write itself a policy reaches admin as itself after the technique', async () => {
    const answer = await whatCan(c.graph, c.model, `${WC}:user/climber`, opts);
    expect(answer.admin).toMatchObject({ paths: 1, shortestHops: 1, as: [{ principal: `${WC}:user/climber`, hop: 'iam-put-user-policy' }] });
    expect(renderWhatCan(answer)[2]).toBe('  all actions on all resources as itself after iam-put-user-policy');
  });

  it('--json prints the structured answer through the binary', () => {
    const r = run('what-can', '-i', fixture, 'user/chainer', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as WhatCanAnswer;
    const sts = out.services.find((s) => s.service === 'sts')!;
    expect(sts.catalogActions).toBeGreaterThan(1);
    expect(sts.grants).toMatchObject([{ actions: ['sts:AssumeRole'], via: `${WC}:user/chainer`, viaConditional: false, resources: [{ pattern: `${WC}:role/target`, source: 'identity', conditional: false, conditions: [] }] }]);
  });

  it('the README\'s what-can examples are what the binary prints', () => {
    const readme = readFileSync(here('../../README.md'), 'utf8');
    for (const [args, path] of [[['111111111111:role/service-role/lambda-chain-source'], cross], [['user/dev2-be-kang'], company]] as const) {
      const command = `$ npx iamgraph what-can -i examples/${path === cross ? 'cross-account' : 'company.yaml'} ${args.join(' ')}\n`;
      const start = readme.indexOf(command);
      expect(start).toBeGreaterThan(0);
      const shown = readme.slice(start + command.length, readme.indexOf('```', start));
      expect(run('what-can', '-i', path, ...args).stdout).toBe(shown);
    }
  });
});
