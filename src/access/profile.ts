/**
 * A principal as the graph evaluates it: who it is as a caller (roles act through sessions), its
 * identity policies, boundary and SCP levels, and the request keys the input fixes about it.
 * Everything else in the request context stays unknown (open mode).
 */
import { roleSessionArn } from '../policy/arn.ts';
import { boundaryOf, callerOf, identityPoliciesOf, scpLevelsFor } from '../model/query.ts';
import type { AccountModel } from '../model/types.ts';
import type { CallerInfo, CompiledPolicy, ContextValue, PolicyLevel } from '../policy/types.ts';
import type { AnalysisOptions } from './options.ts';

export interface PrincipalProfile {
  arn: string;
  kind: 'user' | 'role';
  accountId: string;
  caller: CallerInfo;
  identity: CompiledPolicy[];
  boundary?: CompiledPolicy;
  scpLevels?: PolicyLevel[];
  /** Request keys known from the input (principal ARN, account, tags, user name …). */
  known: Record<string, ContextValue>;
}

function knownKeys(model: AccountModel, arn: string, opts: Pick<AnalysisOptions, 'context' | 'assumeMfa' | 'asOf'>): Record<string, ContextValue> {
  const user = model.users[arn];
  const role = model.roles[arn];
  const entity = user ?? role!;
  const keys: Record<string, ContextValue> = {
    'aws:PrincipalArn': { values: [arn] },
    'aws:PrincipalAccount': { values: [entity.accountId] },
    'aws:PrincipalType': { values: [user ? 'User' : 'AssumedRole'] },
    'aws:PrincipalIsAWSService': { values: ['false'] },
  };
  if (user) keys['aws:username'] = { values: [user.name] };
  if (user?.userId) keys['aws:userid'] = { values: [user.userId] };
  if (role?.roleId) keys['aws:userid'] = { values: [`${role.roleId}:iamgraph`] };
  for (const tag of entity.tags) keys[`aws:PrincipalTag/${tag.key}`] = { values: [tag.value] };
  if (model.organization?.id) keys['aws:PrincipalOrgID'] = { values: [model.organization.id] };
  if (opts.assumeMfa) keys['aws:MultiFactorAuthPresent'] = { values: ['true'] };
  if (opts.asOf) Object.assign(keys, timeKeys(opts.asOf));
  for (const [k, v] of Object.entries(opts.context)) keys[k] = { values: v };
  return keys;
}

/**
 * The time keys at an instant (IAM User Guide, "AWS global condition context keys": aws:CurrentTime,
 * aws:EpochTime, aws:TokenIssueTime). A path is taken with a token issued at the analysis time, so a
 * condition that can never hold again (a token issued before a past date) blocks it.
 */
export function timeKeys(asOf: string): Record<string, ContextValue> {
  const ms = Date.parse(asOf);
  const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    'aws:CurrentTime': { values: [iso] },
    'aws:EpochTime': { values: [String(Math.floor(ms / 1000))] },
    'aws:TokenIssueTime': { values: [iso] },
  };
}

type ProfileOptions = Pick<AnalysisOptions, 'context' | 'assumeMfa' | 'asOf'>;

/** Profiles made so far, per model and per the options that shape them: the graph build, every question and the report ask for the same ones. */
const made = new WeakMap<AccountModel, Map<string, Map<string, PrincipalProfile>>>();
const optionKeys = new WeakMap<ProfileOptions, string>();

function optionKeyOf(opts: ProfileOptions): string {
  let key = optionKeys.get(opts);
  if (key === undefined) optionKeys.set(opts, (key = JSON.stringify([opts.context, opts.assumeMfa, opts.asOf ?? null])));
  return key;
}

/** The profile of a user or role (roles act as a session of themselves), made once per model and options (a model is not changed once loaded). */
export function profileOf(model: AccountModel, arn: string, opts: ProfileOptions): PrincipalProfile {
  let byOptions = made.get(model);
  if (!byOptions) made.set(model, (byOptions = new Map()));
  const key = optionKeyOf(opts);
  let profiles = byOptions.get(key);
  if (!profiles) byOptions.set(key, (profiles = new Map()));
  let profile = profiles.get(arn);
  if (!profile) profiles.set(arn, (profile = makeProfile(model, arn, opts)));
  return profile;
}

function makeProfile(model: AccountModel, arn: string, opts: ProfileOptions): PrincipalProfile {
  const base = callerOf(model, arn);
  const role = model.roles[arn];
  const caller: CallerInfo = role
    ? { type: 'AssumedRoleSession', arn: roleSessionArn(role.arn, role.accountId, role.name, 'iamgraph'), accountId: role.accountId, issuerArn: role.arn, ...(role.serviceLinked ? { serviceLinkedRole: true } : {}) }
    : base;
  const profile: PrincipalProfile = {
    arn,
    kind: role ? 'role' : 'user',
    accountId: base.accountId!,
    caller,
    identity: identityPoliciesOf(model, arn),
    known: knownKeys(model, arn, opts),
  };
  const boundary = boundaryOf(model, arn);
  if (boundary) profile.boundary = boundary;
  const scps = scpLevelsFor(model, base.accountId!);
  if (scps) profile.scpLevels = scps;
  return profile;
}
