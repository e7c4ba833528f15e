/**
 * A plan review: the reports before and after a Terraform plan, compared by the snapshot diff,
 * each new or removed path naming the plan resources it runs through.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { planModel } from '../../ingest/terraform/index.ts';
import type { Target } from '../../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import { DEFAULT_REPORT_OPTIONS, diffPlan, gatedFindings, planChunks, type PlanDiff, type ReportOptions } from '../../src/report/index.ts';
import { joinChunks } from '../../src/report/render/chunks.ts';
import { reportFromModel } from '../../src/report/run.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const options: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, analysis: DEFAULT_ANALYSIS_OPTIONS };
const build = { toolVersion: 'test', suppressions: [] };
const ADMIN_OPS = 'arn:aws:iam::111122223333:role/service-role/lambda-admin-ops';
const LEE = 'arn:aws:iam::111122223333:user/dev1-be-lee';

const planJson = (planFile: string): unknown => JSON.parse(readFileSync(here(`../../${planFile}`), 'utf8'));

async function review(planFile: string, targets: Target[] = [], document = planJson(planFile), exports = ['examples/company.yaml']): Promise<{ diff: PlanDiff; render: (f: 'md' | 'sarif' | 'json' | 'junit' | 'html') => string }> {
  const base = exports.length ? (await loadInputs(exports.map((e) => here(`../../${e}`)))).model : undefined;
  const applied = planModel(document, planFile, base);
  if ('error' in applied) throw new Error(applied.error.message);
  const before = reportFromModel(applied.before, options, build);
  const after = reportFromModel(applied.model, options, build);
  const diff = diffPlan({ model: applied.before, ...before }, { model: applied.model, ...after }, applied.origins, { file: planFile, targets, options, notModelled: applied.notModelled });
  return { diff, render: (f) => joinChunks(planChunks(diff, after.report, f)) };
}

describe('a plan that lets a developer pass an admin role to Lambda', () => {
  it('is caught: a new path to admin through the role, attributed to the attachment in its module', async () => {
    const { diff } = await review('examples/terraform/plan.json');
    const lee = diff.changedFindings.find((c) => c.rule === 'privesc-to-admin' && c.subject === LEE)!;
    expect(lee.newPaths.map((p) => p.hops.map((h) => h.to))).toEqual([[ADMIN_OPS, 'admin']]);
    expect(diff.plan.causes[lee.newPaths[0].id]).toEqual(['module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda']);
    expect(lee.finding.facts.planResources).toEqual(['module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda']);
    expect(gatedFindings(diff).some((f) => f.severity === 'critical')).toBe(true);
  });
  it('SARIF points at the plan resource (its address and the change in the plan file)', async () => {
    const { render } = await review('examples/terraform/plan.json');
    const sarif = JSON.parse(render('sarif'));
    const result = sarif.runs[0].results.find((r: { properties: { subject: string } }) => r.properties.subject === LEE);
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('examples/terraform/plan.json');
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('/resource_changes/0');
    expect(result.locations[0].properties.policy).toBe('module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda');
    expect(result.message.text).toContain('Plan resources: module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda');
  });
  it('Markdown lists the new paths with the resources behind them; JSON carries the causes', async () => {
    const { render } = await review('examples/terraform/plan.json');
    expect(render('md')).toContain('user/dev1-be-lee → role/service-role/lambda-admin-ops → admin\n  - by `module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda`');
    expect(Object.values(JSON.parse(render('json')).plan.causes)).toContainEqual(['module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda']);
  });
  it('a named target (--target-action/--target-resource) gets its new paths too', async () => {
    const { diff } = await review('examples/terraform/plan.json', [{ action: 'iam:PassRole', resource: ADMIN_OPS }]);
    // dev1-be-lee could already reach it conditionally through another principal: the plan adds a direct path.
    const target = diff.changedFindings.find((c) => c.rule === 'path-to-target' && c.subject === LEE)!;
    expect(target.newPaths.some((p) => p.hops.length === 0)).toBe(true);
    expect(target.finding.facts.planResources).toEqual(['module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda']);
  });
});

describe('where a cause is', () => {
  it('SARIF points at the .tf file and line when the plan\'s configuration carries them', async () => {
    const doc = planJson('examples/terraform/plan.json') as { configuration: { root_module: { module_calls: { team_dev1: { module: { resources: Array<Record<string, unknown>> } } } } } };
    doc.configuration.root_module.module_calls.team_dev1.module.resources[0].range = { filename: 'modules/team/main.tf', start: { line: 12, column: 1, byte: 200 }, end: { line: 15, column: 2, byte: 300 } };
    const { render } = await review('examples/terraform/plan.json', [], doc);
    const result = JSON.parse(render('sarif')).runs[0].results.find((r: { properties: { subject: string } }) => r.properties.subject === LEE);
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'modules/team/main.tf' }, region: { startLine: 12 } });
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda');
  });
  it('a finding without paths (a resource policy grant) is attributed by its evidence', async () => {
    const { diff } = await review('test/fixtures/terraform/all-types.json', [], undefined, []);
    expect(diff.newFindings.filter((f) => f.rule === 'resource-outside-org').map((f) => f.facts.planResources)).toEqual([['aws_ecr_repository_policy.app'], ['aws_s3_bucket_policy.data']]);
  });
});

describe('untrusted plan text stays data', () => {
  it('a hostile instance key in an address is escaped in Markdown and HTML', async () => {
    const doc = planJson('examples/terraform/plan.json') as { resource_changes: Array<{ address: string }> };
    const evil = 'module.team_dev1.aws_iam_group_policy_attachment.deploy_lambda["<img src=x onerror=alert(1)>`|*"]';
    doc.resource_changes[0].address = evil;
    const { diff, render } = await review('examples/terraform/plan.json', [], doc);
    expect(Object.values(diff.plan.causes)).toContainEqual([evil]);
    const md = render('md');
    expect(md).toContain('onerror');
    for (const line of md.split('\n').filter((l) => l.includes('onerror'))) expect(line).toMatch(/`[^`]*<img src=x onerror=alert\(1\)>'\|\*"\]`/);
    expect(render('html')).not.toContain('<img src=x');
  });
});

describe('plans that open nothing', () => {
  it('a tag-only change: no new finding, nothing gated', async () => {
    const { diff } = await review('test/fixtures/terraform/tag-only.json');
    expect([diff.newFindings, diff.changedFindings, diff.removedFindings, gatedFindings(diff)]).toEqual([[], [], [], []]);
  });
  it('a plan that detaches the policy behind the last path reports the path and its finding removed', async () => {
    const { diff } = await review('test/fixtures/terraform/remove-path.json');
    const removed = diff.removedFindings.find((f) => f.rule === 'passable-admin-service-role')!;
    expect(removed.facts.planResources).toEqual(['aws_iam_group_policy_attachment.be2_deploy']);
    expect(gatedFindings(diff)).toEqual([]);
  });
});

describe('a trust policy known only after apply', () => {
  it('yields conditional new paths whose residual condition names the plan attribute, not a silent pass', async () => {
    const { diff } = await review('test/fixtures/terraform/unknown-trust.json');
    const paths = [...diff.newFindings.flatMap((f) => f.paths), ...diff.changedFindings.flatMap((c) => c.newPaths)].filter((p) => p.hops.some((h) => h.to.endsWith(':role/ci-deployer')));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.verdict === 'conditional')).toBe(true);
    const conditions = JSON.stringify(paths[0].hops.flatMap((h) => h.conditions));
    expect(conditions).toContain('iamgraph:KnownAfterApply');
    expect(conditions).toContain('module.ci.aws_iam_role.deployer.assume_role_policy');
    expect(gatedFindings(diff).length).toBeGreaterThan(0);
  });
});

describe('a plan that creates a Lambda function running as an admin role', () => {
  it('turns the conditional "an existing function" path of whoever may update its code into a concrete one, attributed to the function', async () => {
    const { diff } = await review('test/fixtures/terraform/lambda-function.json');
    const lee = diff.changedFindings.find((c) => c.rule === 'privesc-to-admin' && c.subject === LEE)!;
    const fn = 'arn:aws:lambda:us-east-1:111122223333:function:ops-rotate-keys';
    expect(lee.newPaths.map((p) => [p.verdict, p.hops.map((h) => h.to)])).toEqual([['reachable', [fn, ADMIN_OPS, 'admin']]]);
    expect(diff.plan.causes[lee.newPaths[0].id]).toEqual(['module.ops.aws_lambda_function.rotate']);
  });
});
