/**
 * Compute a plan creates or changes that runs as a role — `aws_lambda_function.role`,
 * `aws_instance.iam_instance_profile` — as inventory resources, so the existing-compute techniques
 * see it as they see an exported function or instance. It runs in the plan's provider region; its
 * ARN, when Terraform knows it only after apply, is built the way the service names it.
 */
import { formatArn, partitionOf } from '../../src/policy/arn.ts';
import type { PlanResourceChange } from './plan-json.ts';
import type { Ctx } from './context.ts';

type Values = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function region(ctx: Ctx, c: PlanResourceChange, values: Values): string | undefined {
  const arn = str(values.arn);
  return str(values.region) ?? (arn?.startsWith('arn:') ? arn.split(':')[3] : undefined) ?? ctx.plan.region;
}

export function lambdaFunction(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const name = str(values.function_name);
  const where = region(ctx, c, values);
  if (!name || !where) return ctx.unresolved(c, 'its region (no arn, region or provider region in the plan)');
  const arn = str(values.arn) ?? formatArn({ partition: 'aws', service: 'lambda', region: where, account: ctx.account, resource: `function:${name}` });
  if (!add) return void (ctx.b.compute.delete(arn), ctx.touch(c, arn));
  const role = ctx.value(c, values, 'role', 'arn');
  ctx.b.compute.set(arn, { arn, kind: 'lambda-function', name, accountId: ctx.account, region: where, roles: role ? [role] : [], source: ctx.source(c, 'role') });
  ctx.touch(c, arn, role);
}

export function ec2Instance(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const where = region(ctx, c, values);
  if (!where) return ctx.unresolved(c, 'its region (no arn, region or provider region in the plan)');
  // A new instance's id is known only after apply: the ARN names it by its address.
  const id = str(values.id) ?? `known-after-apply-${c.name}`;
  const arn = str(values.arn) ?? formatArn({ partition: partitionOf(undefined), service: 'ec2', region: where, account: ctx.account, resource: `instance/${id}` });
  if (!add) return void (ctx.b.compute.delete(arn), ctx.touch(c, arn));
  const profileName = ctx.value(c, values, 'iam_instance_profile', 'name');
  const profile = profileName && (profileName.startsWith('arn:') ? profileName : [...ctx.b.instanceProfiles.values()].find((p) => p.accountId === ctx.account && p.name === profileName)?.arn);
  ctx.b.compute.set(arn, { arn, kind: 'ec2-instance', name: id, accountId: ctx.account, region: where, roles: [], ...(profile ? { via: profile } : {}), state: 'running', source: ctx.source(c, 'iam_instance_profile') });
  ctx.touch(c, arn, profile || undefined);
}
