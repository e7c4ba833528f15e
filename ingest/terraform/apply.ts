/**
 * Maps a plan's IAM resource changes onto a copy of the model (see plan-json.ts for the reader):
 * deletes first, then creates and updates, each through the ModelBuilder that built the model.
 * Every change records the model entities it touched (its origin), so a path can be attributed to
 * the plan resources that made it. Values known only after apply become unknown documents
 * (unknown.ts); compute that runs as a role becomes inventory resources (compute.ts).
 */
import type { AccountModel } from '../../src/model/types.ts';
import { inlinePolicyId, resourcePolicyId, trustPolicyId } from '../../src/model/ids.ts';
import { accountOfArn, iamArn, isAccountId, isArn, parseIamArn, type IamArnKind } from '../../src/policy/arn.ts';
import { fillAwsManagedPolicies } from '../aws-managed-policies.ts';
import { InputProblem, isRecord, type InputError } from '../errors.ts';
import type { PlanResourceChange, TerraformPlan } from './plan-json.ts';
import { ec2Instance, lambdaFunction } from './compute.ts';
import { Ctx, type PlanOrigin, type Planned } from './context.ts';
import { builderFromModel } from './seed.ts';
import { isUnknown, unknownDocument } from './unknown.ts';

export type { PlanOrigin };

export interface PlanApplication {
  /** The model the plan starts from: the one given, or the plan's account alone. */
  before: AccountModel;
  model: AccountModel;
  origins: PlanOrigin[];
  errors: InputError[];
  /** Addresses of resources the plan changes that the model does not hold (compute running as a role, …). */
  notModelled: string[];
}

export const NOT_MODELLED_TYPES: readonly string[] = ['aws_launch_template', 'aws_ecs_task_definition', 'aws_iam_service_linked_role', 'aws_iam_access_key', 'aws_iam_user_login_profile'];

type Values = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string' && e !== '') : []);
const pathOf = (values: Values): string => str(values.path) ?? '/';
const tagsOf = (values: Values) => (isRecord(values.tags) ? Object.entries(values.tags).filter(([, v]) => typeof v === 'string').map(([key, value]) => ({ key, value: value as string })).sort((a, b) => (a.key < b.key ? -1 : 1)) : []);
const without = (list: string[], item: string): string[] => list.filter((e) => e !== item);
const withItem = (list: string[], item: string): string[] => [...new Set([...list, item])].sort();

/** The ARN a created or updated IAM entity has (known, or computed the way IAM names it). */
function identityOf(ctx: Ctx, c: PlanResourceChange, values: Values, kind: IamArnKind | 'oidc-provider' | 'saml-provider'): string | undefined {
  const arn = str(values.arn);
  if (arn && !isUnknown(c.afterUnknown, 'arn')) return arn;
  if (kind === 'oidc-provider') {
    const url = str(values.url);
    return url ? iamArn(ctx.account, kind, url.replace(/^https:\/\//, '')) : undefined;
  }
  const name = str(values.name);
  return name ? iamArn(ctx.account, kind, name, kind === 'saml-provider' ? '/' : pathOf(values)) : undefined;
}

// --- identities ---------------------------------------------------------------------------------

function putUser(ctx: Ctx, c: PlanResourceChange, after: Values): void {
  const arn = identityOf(ctx, c, after, 'user');
  if (!arn) return;
  const existing = ctx.b.users.get(arn);
  const boundary = str(after.permissions_boundary);
  if (boundary) ctx.b.referencePolicy(boundary, boundary.split('/').pop()!);
  const parsed = parseIamArn(arn);
  ctx.b.users.set(arn, {
    arn, name: parsed?.name ?? str(after.name)!, path: parsed?.path ?? '/', accountId: accountOfArn(arn) ?? ctx.account,
    groups: existing?.groups ?? [], managedPolicies: existing?.managedPolicies ?? [], inlinePolicies: existing?.inlinePolicies ?? [],
    tags: tagsOf(after), ...(boundary ? { boundary } : {}), ...(existing?.credentials ? { credentials: existing.credentials } : {}), source: ctx.source(c, 'name'),
  });
  ctx.touch(c, arn);
}

function putGroup(ctx: Ctx, c: PlanResourceChange, after: Values): void {
  const arn = identityOf(ctx, c, after, 'group');
  if (!arn) return;
  const existing = ctx.b.groups.get(arn);
  const parsed = parseIamArn(arn);
  ctx.b.groups.set(arn, { arn, name: parsed?.name ?? str(after.name)!, path: parsed?.path ?? '/', accountId: accountOfArn(arn) ?? ctx.account, managedPolicies: existing?.managedPolicies ?? [], inlinePolicies: existing?.inlinePolicies ?? [], source: ctx.source(c, 'name') });
  ctx.touch(c, arn);
}

function putRole(ctx: Ctx, c: PlanResourceChange, after: Values, before: Values | null): void {
  const arn = identityOf(ctx, c, after, 'role');
  if (!arn) return;
  const existing = ctx.b.roles.get(arn);
  const parsed = parseIamArn(arn);
  const trustId = trustPolicyId(arn);
  ctx.putPolicy(trustId, `${parsed?.name} trust policy`, 'trust', 'trust', ctx.policyDocument(c, after, 'assume_role_policy', 'trust'), ctx.source(c, 'assume_role_policy'));
  // Only what the plan changes in the list: an entry in both may be another resource's attachment.
  let managed = existing?.managedPolicies ?? [];
  const wasManaged = strings(before?.managed_policy_arns);
  const nowManaged = strings(after.managed_policy_arns);
  for (const p of wasManaged) if (!nowManaged.includes(p)) managed = without(managed, p);
  for (const p of nowManaged) {
    if (wasManaged.includes(p) && existing) continue;
    managed = withItem(managed, p);
    ctx.b.referencePolicy(p, p.split('/').pop()!);
  }
  let inline = existing?.inlinePolicies ?? [];
  const blocks = (v: unknown) => (Array.isArray(v) ? v.filter(isRecord) : []);
  const wasInline = new Map(blocks(before?.inline_policy).map((b) => [str(b.name), b.policy]));
  const nowInline = new Set(blocks(after.inline_policy).map((b) => str(b.name)));
  for (const name of wasInline.keys()) if (name && !nowInline.has(name)) inline = without(inline, inlinePolicyId(arn, name));
  blocks(after.inline_policy).forEach((block, i) => {
    const name = str(block.name);
    if (!name || (existing && wasInline.has(name) && wasInline.get(name) === block.policy)) return;
    const id = inlinePolicyId(arn, name);
    const unknown = isRecord(c.afterUnknown) && Array.isArray(c.afterUnknown.inline_policy) && isUnknown(c.afterUnknown.inline_policy[i], 'policy');
    if (unknown) ctx.b.warn('known-after-apply', `${c.address}: inline_policy ${name} is known only after apply: what it allows is conditional on it`, c.address, ctx.source(c, `inline_policy/${i}/policy`));
    ctx.putPolicy(id, name, 'inline', 'identity', unknown ? unknownDocument('identity', `${c.address}.inline_policy.${name}`) : block.policy, ctx.source(c, `inline_policy/${i}/policy`));
    inline = withItem(inline, id);
  });
  const boundary = str(after.permissions_boundary);
  if (boundary) ctx.b.referencePolicy(boundary, boundary.split('/').pop()!);
  const path = parsed?.path ?? '/';
  ctx.b.roles.set(arn, {
    arn, name: parsed?.name ?? str(after.name)!, path, accountId: accountOfArn(arn) ?? ctx.account, trustPolicy: trustId,
    managedPolicies: managed, inlinePolicies: inline, instanceProfiles: existing?.instanceProfiles ?? [], tags: tagsOf(after),
    serviceLinked: path.startsWith('/aws-service-role/'), ...(boundary ? { boundary } : {}),
    ...(typeof after.max_session_duration === 'number' ? { maxSessionDuration: after.max_session_duration } : {}), source: ctx.source(c, 'name'),
  });
  ctx.touch(c, arn);
}

function removeIdentity(ctx: Ctx, c: PlanResourceChange, before: Values, kind: 'user' | 'group' | 'role'): void {
  const arn = identityOf(ctx, c, before, kind);
  if (!arn) return;
  if (kind === 'user') ctx.b.users.delete(arn);
  if (kind === 'group') {
    ctx.b.groups.delete(arn);
    for (const u of ctx.b.users.values()) u.groups = without(u.groups, arn);
  }
  if (kind === 'role') {
    ctx.b.roles.delete(arn);
    ctx.b.policies.delete(trustPolicyId(arn));
  }
  ctx.touch(c, arn);
}

function putManagedPolicy(ctx: Ctx, c: PlanResourceChange, after: Values): void {
  const arn = identityOf(ctx, c, after, 'policy');
  if (!arn) return;
  ctx.putPolicy(arn, parseIamArn(arn)?.name ?? arn, 'customer-managed', 'identity', ctx.policyDocument(c, after, 'policy', 'identity'), ctx.source(c, 'policy'));
  ctx.touch(c, arn);
}

// --- links: inline policies, attachments, memberships ---------------------------------------------

const OWNER: Record<string, 'user' | 'group' | 'role'> = { aws_iam_user_policy: 'user', aws_iam_group_policy: 'group', aws_iam_role_policy: 'role', aws_iam_user_policy_attachment: 'user', aws_iam_group_policy_attachment: 'group', aws_iam_role_policy_attachment: 'role' };

function owner(ctx: Ctx, c: PlanResourceChange, values: Values, kind: 'user' | 'group' | 'role') {
  const name = ctx.value(c, values, kind, 'name');
  if (!name) return undefined;
  const arn = ctx.principal(kind, name);
  return kind === 'user' ? ctx.b.users.get(arn) : kind === 'group' ? ctx.b.groups.get(arn) : ctx.b.roles.get(arn);
}

function inlinePolicy(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const kind = OWNER[c.type];
  const target = owner(ctx, c, values, kind);
  const name = str(values.name) ?? str(values.name_prefix);
  if (!target || !name) return void ctx.b.warn('plan-unresolved', `${c.address}: its ${kind} is not in the model or the plan: the inline policy is not applied`, c.address, ctx.source(c, kind));
  const id = inlinePolicyId(target.arn, name);
  if (add) {
    ctx.putPolicy(id, name, 'inline', 'identity', ctx.policyDocument(c, values, 'policy', 'identity'), ctx.source(c, 'policy'));
    target.inlinePolicies = withItem(target.inlinePolicies, id);
  } else {
    ctx.b.policies.delete(id);
    target.inlinePolicies = without(target.inlinePolicies, id);
  }
  ctx.touch(c, id);
}

/** The attached policy's ARN; one known only after apply and not planned here is an unknown document. */
function policyArnOf(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): string | undefined {
  const arn = ctx.value(c, values, 'policy_arn', 'arn');
  if (arn || !add) return arn;
  const id = `${c.address}#policy_arn`;
  ctx.b.warn('known-after-apply', `${c.address}: policy_arn is known only after apply: what it allows is conditional on it`, c.address, ctx.source(c, 'policy_arn'));
  ctx.putPolicy(id, id, 'customer-managed', 'identity', unknownDocument('identity', `${c.address}.policy_arn`), ctx.source(c, 'policy_arn'));
  return id;
}

function attach(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const policy = policyArnOf(ctx, c, values, add);
  if (!policy) return;
  if (add && policy.startsWith('arn:')) ctx.b.referencePolicy(policy, policy.split('/').pop()!);
  const targets = c.type === 'aws_iam_policy_attachment'
    ? [...strings(values.users).map((n) => ctx.b.users.get(ctx.principal('user', n))), ...strings(values.groups).map((n) => ctx.b.groups.get(ctx.principal('group', n))), ...strings(values.roles).map((n) => ctx.b.roles.get(ctx.principal('role', n)))]
    : [owner(ctx, c, values, OWNER[c.type])];
  for (const t of targets) {
    if (!t) {
      ctx.b.warn('plan-unresolved', `${c.address}: a principal it attaches to is not in the model or the plan`, c.address, ctx.source(c, 'policy_arn'));
      continue;
    }
    t.managedPolicies = add ? withItem(t.managedPolicies, policy) : without(t.managedPolicies, policy);
    ctx.touch(c, t.arn, policy);
  }
}

function membership(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const pairs: Array<[string, string]> = c.type === 'aws_iam_user_group_membership'
    ? strings(values.groups).map((g) => [ctx.principal('user', ctx.value(c, values, 'user', 'name') ?? ''), ctx.principal('group', g)])
    : strings(values.users).map((u) => [ctx.principal('user', u), ctx.principal('group', ctx.value(c, values, 'group', 'name') ?? '')]);
  for (const [userArn, groupArn] of pairs) {
    const user = ctx.b.users.get(userArn);
    if (!user || !ctx.b.groups.has(groupArn)) {
      ctx.b.warn('plan-unresolved', `${c.address}: ${userArn} or ${groupArn} is not in the model or the plan`, c.address, ctx.source(c, 'groups'));
      continue;
    }
    user.groups = add ? withItem(user.groups, groupArn) : without(user.groups, groupArn);
    ctx.touch(c, userArn, groupArn);
  }
}

function instanceProfile(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const arn = identityOf(ctx, c, values, 'instance-profile');
  if (!arn) return;
  const roleName = ctx.value(c, values, 'role', 'name');
  const role = roleName ? ctx.b.roles.get(ctx.principal('role', roleName)) : undefined;
  if (add) ctx.b.instanceProfiles.set(arn, { arn, name: parseIamArn(arn)?.name ?? arn, path: parseIamArn(arn)?.path ?? '/', accountId: ctx.account, roles: role ? [role.arn] : [] });
  else ctx.b.instanceProfiles.delete(arn);
  if (role) role.instanceProfiles = add ? withItem(role.instanceProfiles, arn) : without(role.instanceProfiles, arn);
  ctx.touch(c, arn, role?.arn);
}

function provider(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const kind = c.type === 'aws_iam_saml_provider' ? 'saml' : 'oidc';
  const arn = identityOf(ctx, c, values, `${kind}-provider`);
  if (!arn) return;
  if (add) ctx.b.providers.set(arn, { arn, accountId: ctx.account, kind, ...(kind === 'oidc' && str(values.url) ? { url: str(values.url)!.replace(/^https:\/\//, '') } : {}) });
  else ctx.b.providers.delete(arn);
  ctx.touch(c, arn);
}

// --- organizations ------------------------------------------------------------------------------

const ORG_TYPES: Record<string, 'scp' | 'rcp'> = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' };

function orgPolicyId(ctx: Ctx, c: PlanResourceChange, values: Values): string | undefined {
  const type = ORG_TYPES[str(values.type) ?? 'SERVICE_CONTROL_POLICY'];
  if (!type) return undefined;
  const id = str(values.id) ?? `known-after-apply:${c.address}`;
  return `${type}:${id}`;
}

function orgPolicy(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const id = orgPolicyId(ctx, c, values);
  if (!id) return;
  const type = id.startsWith('rcp:') ? 'rcp' : 'scp';
  if (add) ctx.putPolicy(id, str(values.name) ?? id, type, type, ctx.policyDocument(c, values, 'content', type), ctx.source(c, 'content'));
  else ctx.b.policies.delete(id);
  ctx.touch(c, id);
}

function orgAttachment(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const policy = ctx.value(c, values, 'policy_id', 'id');
  const target = ctx.value(c, values, 'target_id', 'id');
  if (!policy || !target) return void ctx.b.warn('plan-unresolved', `${c.address}: its policy or target is known only after apply and not in the plan: not applied`, c.address, ctx.source(c, 'policy_id'));
  const id = /^(scp|rcp):/.test(policy) ? policy : ctx.b.policies.has(`rcp:${policy}`) ? `rcp:${policy}` : `scp:${policy}`;
  let node = ctx.b.orgNodes.get(target);
  if (!node && add) {
    node = { id: target, kind: target.startsWith('r-') ? 'root' : target.startsWith('ou-') ? 'ou' : 'account', scps: [], rcps: [] };
    ctx.b.orgNodes.set(target, node);
    ctx.b.warn('plan-unresolved', `${c.address}: target ${target} is not in the organization tree given: added without a parent`, target, ctx.source(c, 'target_id'));
  }
  if (!node) return;
  const list = id.startsWith('rcp:') ? 'rcps' : 'scps';
  node[list] = add ? withItem(node[list], id) : without(node[list], id);
  ctx.touch(c, id);
}

// --- resource policies --------------------------------------------------------------------------

function findResource(ctx: Ctx, pattern: RegExp): string | undefined {
  for (const arn of ctx.b.resources.keys()) if (pattern.test(arn)) return arn;
  return undefined;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ARN of the resource a resource-policy resource governs, from the attribute Terraform gives. */
function resourceArnOf(ctx: Ctx, c: PlanResourceChange, values: Values): string | undefined {
  switch (c.type) {
    case 'aws_s3_bucket_policy': {
      const b = ctx.value(c, values, 'bucket', 'name');
      return b ? (b.startsWith('arn:') ? b : `arn:aws:s3:::${b}`) : undefined;
    }
    case 'aws_kms_key': return ctx.value(c, values, 'arn', 'arn');
    case 'aws_sns_topic_policy': return ctx.value(c, values, 'arn', 'arn');
    case 'aws_secretsmanager_secret_policy': return ctx.value(c, values, 'secret_arn', 'arn');
    case 'aws_sqs_queue_policy': {
      const url = ctx.value(c, values, 'queue_url', 'id');
      const m = url ? /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/(.+)$/.exec(url) : null;
      return m ? `arn:aws:sqs:${m[1]}:${m[2]}:${m[3]}` : url?.startsWith('arn:') ? url : undefined;
    }
    case 'aws_ecr_repository_policy': {
      const repo = ctx.value(c, values, 'repository', 'name');
      return repo && (repo.startsWith('arn:') ? repo : findResource(ctx, new RegExp(`:repository/${escapeRe(repo)}$`)) ?? ctx.value(c, {}, 'repository', 'arn'));
    }
    case 'aws_lambda_permission': {
      const fn = ctx.value(c, values, 'function_name', 'arn');
      return fn && (fn.startsWith('arn:') ? fn.replace(/:(\$LATEST|\d+)$/, '') : findResource(ctx, new RegExp(`:function:${escapeRe(fn)}$`)) ?? ctx.value(c, {}, 'function_name', 'arn'));
    }
  }
  return undefined;
}

/** One `aws_lambda_permission`: a statement of the function's resource policy. */
function lambdaStatement(values: Values, arn: string): Record<string, unknown> {
  const principal = str(values.principal) ?? '*';
  const condition: Record<string, Record<string, string>> = {};
  if (str(values.source_arn)) condition.ArnLike = { 'aws:SourceArn': str(values.source_arn)! };
  if (str(values.source_account)) condition.StringEquals = { 'aws:SourceAccount': str(values.source_account)! };
  if (str(values.principal_org_id)) (condition.StringEquals ??= {})['aws:PrincipalOrgID'] = str(values.principal_org_id)!;
  return {
    Sid: str(values.statement_id) ?? 'terraform', Effect: 'Allow',
    Principal: principal === '*' ? '*' : principal.endsWith('.amazonaws.com') ? { Service: principal } : { AWS: principal },
    Action: str(values.action) ?? 'lambda:InvokeFunction', Resource: arn, ...(Object.keys(condition).length ? { Condition: condition } : {}),
  };
}

function rawStatements(ctx: Ctx, id: string): unknown[] {
  const raw = ctx.b.policies.get(id)?.policy?.parsed.raw;
  if (!isRecord(raw)) return [];
  return Array.isArray(raw.Statement) ? raw.Statement : raw.Statement !== undefined ? [raw.Statement] : [];
}

function resourcePolicy(ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean): void {
  const arn = resourceArnOf(ctx, c, values);
  if (!arn || !isArn(arn)) return void (add && ctx.b.warn('plan-unresolved', `${c.address}: the resource it governs is known only after apply or not in the model: its policy is not applied`, c.address, ctx.source(c, 'policy')));
  const id = resourcePolicyId(arn);
  const existing = ctx.b.resources.get(arn);
  let document: unknown;
  if (c.type === 'aws_lambda_permission') {
    const sid = str(values.statement_id) ?? 'terraform';
    const kept = rawStatements(ctx, id).filter((s) => !(isRecord(s) && s.Sid === sid));
    const statements = add ? [...kept, lambdaStatement(values, arn)] : kept;
    document = statements.length ? { Version: '2012-10-17', Statement: statements } : undefined;
  } else {
    document = add ? ctx.policyDocument(c, values, 'policy', 'resource', arn) : undefined;
  }
  ctx.putPolicy(id, `${arn} resource policy`, 'resource', 'resource', document, ctx.source(c, 'policy'));
  const has = ctx.b.policies.has(id);
  ctx.b.resources.set(arn, { arn, accountId: accountOfArn(arn) || existing?.accountId || ctx.account, service: arn.split(':')[2], tags: existing?.tags ?? [], ...(has ? { resourcePolicy: id } : {}), ...(existing?.source ? { source: existing.source } : {}) });
  ctx.touch(c, id);
}

// --- dispatch -----------------------------------------------------------------------------------

type Link = (ctx: Ctx, c: PlanResourceChange, values: Values, add: boolean) => void;
const LINKS: Record<string, Link> = {
  aws_iam_user_policy: inlinePolicy, aws_iam_group_policy: inlinePolicy, aws_iam_role_policy: inlinePolicy,
  aws_iam_user_policy_attachment: attach, aws_iam_group_policy_attachment: attach, aws_iam_role_policy_attachment: attach, aws_iam_policy_attachment: attach,
  aws_iam_user_group_membership: membership, aws_iam_group_membership: membership,
  aws_iam_instance_profile: instanceProfile, aws_iam_openid_connect_provider: provider, aws_iam_saml_provider: provider,
  aws_organizations_policy: orgPolicy, aws_organizations_policy_attachment: orgAttachment,
  aws_s3_bucket_policy: resourcePolicy, aws_kms_key: resourcePolicy, aws_sqs_queue_policy: resourcePolicy, aws_sns_topic_policy: resourcePolicy,
  aws_lambda_permission: resourcePolicy, aws_secretsmanager_secret_policy: resourcePolicy, aws_ecr_repository_policy: resourcePolicy,
  aws_lambda_function: lambdaFunction, aws_instance: ec2Instance,
};
const IDENTITIES: Record<string, 'user' | 'group' | 'role'> = { aws_iam_user: 'user', aws_iam_group: 'group', aws_iam_role: 'role' };

export const MODELLED_TYPES: readonly string[] = [...Object.keys(IDENTITIES), 'aws_iam_policy', ...Object.keys(LINKS)].sort();

function applyChange(ctx: Ctx, c: PlanResourceChange): void {
  const deletes = c.actions.includes('delete');
  const puts = c.actions.includes('create') || c.actions.includes('update');
  const identity = IDENTITIES[c.type];
  if (identity) {
    if (deletes && c.before) removeIdentity(ctx, c, c.before, identity);
    if (puts && c.after) {
      const before = c.actions.includes('update') ? c.before : null;
      if (identity === 'role') putRole(ctx, c, c.after, before);
      else if (identity === 'user') putUser(ctx, c, c.after);
      else putGroup(ctx, c, c.after);
    }
    return;
  }
  if (c.type === 'aws_iam_policy') {
    if (deletes && c.before) {
      const arn = identityOf(ctx, c, c.before, 'policy');
      if (arn) ctx.b.policies.delete(arn);
      ctx.touch(c, arn);
    }
    if (puts && c.after) putManagedPolicy(ctx, c, c.after);
    return;
  }
  const link = LINKS[c.type];
  if (!link) return;
  // An update re-links: the old values out, the new ones in (a replace is a delete and a create).
  if ((deletes || c.actions.includes('update')) && c.before) link(ctx, c, c.before, false);
  if (puts && c.after) link(ctx, c, c.after, true);
}

/** What each planned resource will be called, so references to values known after apply resolve. */
function plannedIdentity(ctx: Ctx, c: PlanResourceChange): Planned {
  const v = c.after ?? c.before ?? {};
  const kind: Record<string, IamArnKind> = { aws_iam_user: 'user', aws_iam_group: 'group', aws_iam_role: 'role', aws_iam_policy: 'policy', aws_iam_instance_profile: 'instance-profile' };
  const k = kind[c.type];
  const arn = k ? identityOf(ctx, c, v, k) : str(v.arn);
  const name = str(v.name) ?? (arn ? parseIamArn(arn)?.name : undefined);
  const id = str(v.id) ?? (c.type === 'aws_organizations_policy' ? `known-after-apply:${c.address}` : undefined);
  return { ...(arn ? { arn } : {}), ...(name ? { name } : {}), ...(id ? { id } : {}) };
}

/** The account the plan changes: the model's only own account, or the one its ARNs name. */
function planAccount(base: AccountModel | undefined, plan: TerraformPlan): string {
  const own = Object.values(base?.accounts ?? {}).filter((a) => !a.external).map((a) => a.id);
  if (own.length === 1) return own[0];
  const seen = new Set<string>();
  for (const c of plan.changes) {
    for (const v of [...Object.values(c.after ?? {}), ...Object.values(c.before ?? {})]) {
      const account = typeof v === 'string' && v.startsWith('arn:') ? accountOfArn(v) : undefined;
      if (account && isAccountId(account)) seen.add(account);
    }
  }
  const candidates = own.length ? own.filter((a) => seen.has(a)) : [...seen];
  if (candidates.length === 0) throw new InputProblem('/resource_changes', 'expected an ARN naming the account the plan changes (give -i exports of that account, or a plan whose resources carry ARNs)');
  return [...candidates].sort()[0];
}

export function applyPlan(base: AccountModel | undefined, plan: TerraformPlan): PlanApplication {
  const empty: AccountModel = { accounts: {}, users: {}, groups: {}, roles: {}, instanceProfiles: {}, policies: {}, resources: {}, compute: {}, inventory: { listed: [], regions: {} }, identityProviders: {}, warnings: [], inputs: [] };
  const b = builderFromModel(base ?? empty);
  const account = planAccount(base, plan);
  b.account(account, { external: false });
  b.inputs.push(plan.file);
  const ctx = new Ctx(b, plan, account);
  for (const c of plan.changes) ctx.planned.set(c.address, plannedIdentity(ctx, c));
  const changing = plan.changes.filter((c) => !c.actions.every((a) => a === 'no-op' || a === 'read'));
  // Deletes first (a replace's old half included), so a create of the same name lands on a clean slate.
  const order = [...changing].sort((x, y) => Number(!x.actions.includes('delete')) - Number(!y.actions.includes('delete')));
  for (const c of order) applyChange(ctx, c);
  const notModelled = changing.filter((c) => NOT_MODELLED_TYPES.includes(c.type) || (c.type.startsWith('aws_iam_') && !MODELLED_TYPES.includes(c.type))).map((c) => c.address).sort();
  for (const address of notModelled) b.warn('plan-not-modelled', `${address}: this resource type is not modelled yet: its effect on access is not analysed`, address);
  fillAwsManagedPolicies(b);
  let before = base;
  if (!before) {
    const start = builderFromModel(empty);
    start.account(account, { external: false });
    before = start.finalize();
  }
  return { before, model: b.finalize(), origins: ctx.origins, errors: [...b.errors], notModelled };
}
