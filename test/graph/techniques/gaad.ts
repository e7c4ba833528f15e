/**
 * A small builder of real-shaped `aws iam get-account-authorization-details` output (as the AWS
 * CLI prints it: UserDetailList, GroupDetailList, RoleDetailList, Policies with PolicyVersionList),
 * written to a temp dir and loaded through the real ingest, so technique tests go through the same
 * reader, model and engine as users' files. For any technique test: describe users, groups, roles
 * and customer-managed policies compactly, then `loadGaad(spec)` → `{ model, graph }`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInputs } from '../../../ingest/index.ts';
import { buildGraph, type AccessGraph } from '../../../src/graph/index.ts';
import type { AccountModel } from '../../../src/model/index.ts';

export const ACCOUNT = '111122223333';

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Principal?: '*' | Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Statement[];
}

/** A managed policy by name (customer-managed, defined in `policies`) or a full ARN (e.g. an AWS managed one). */
type PolicyRef = string;

export interface UserSpec {
  name: string;
  path?: string;
  groups?: string[];
  /** Attached managed policies. */
  managed?: PolicyRef[];
  /** Inline policies: name → document (a bare statement list is wrapped). */
  inline?: Record<string, PolicyDocument | Statement[]>;
  boundary?: PolicyRef;
}
export interface RoleSpec extends Omit<UserSpec, 'groups'> {
  /** The trust policy, or the service principal(s) it names. */
  trust: PolicyDocument | string | string[];
  /** Put the role in an instance profile of the same name. */
  instanceProfile?: boolean;
}
export interface GroupSpec {
  name: string;
  path?: string;
  managed?: PolicyRef[];
  inline?: Record<string, PolicyDocument | Statement[]>;
}
export interface GaadSpec {
  account?: string;
  users?: UserSpec[];
  roles?: RoleSpec[];
  groups?: GroupSpec[];
  /** Customer-managed policies: name → document (a bare statement list is wrapped). */
  policies?: Record<string, PolicyDocument | Statement[]>;
  /** Older, non-default versions of customer-managed policies (v2, v3 …; the default stays v1). */
  otherVersions?: Record<string, Array<PolicyDocument | Statement[]>>;
}

export const doc = (...statements: Statement[]): PolicyDocument => ({ Version: '2012-10-17', Statement: statements });
export const allow = (action: string | string[], resource: string | string[] = '*', condition?: Statement['Condition']): Statement => ({ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) });
export const deny = (action: string | string[], resource: string | string[] = '*', condition?: Statement['Condition']): Statement => ({ Effect: 'Deny', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) });
export const trustService = (...services: string[]): PolicyDocument => doc({ Effect: 'Allow', Principal: { Service: services.length === 1 ? services[0] : services }, Action: 'sts:AssumeRole' });

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const AWS_MANAGED: Record<string, PolicyDocument> = { [ADMINISTRATOR_ACCESS]: doc(allow('*')) };

const asDoc = (d: PolicyDocument | Statement[]): PolicyDocument => (Array.isArray(d) ? doc(...d) : d);
/** Stable fake ids of the shape AWS prints (prefix + 16 characters). */
const idOf = (prefix: string, name: string) => `${prefix}${Buffer.from(name).toString('hex').toUpperCase().padEnd(16, '0').slice(0, 16)}`;
const CREATED = '2025-01-01T00:00:00+00:00';

/** The GAAD JSON document for a spec (what `aws iam get-account-authorization-details` prints). */
export function gaadDocument(spec: GaadSpec): Record<string, unknown> {
  const account = spec.account ?? ACCOUNT;
  const policyArn = (ref: PolicyRef) => (ref.startsWith('arn:') ? ref : `arn:aws:iam::${account}:policy/${ref}`);
  const attached = (refs: PolicyRef[] = []) => refs.map((ref) => ({ PolicyName: policyArn(ref).split('/').pop()!, PolicyArn: policyArn(ref) }));
  const inline = (key: string, list: Record<string, PolicyDocument | Statement[]> = {}) => Object.entries(list).map(([name, d]) => ({ PolicyName: name, [key]: asDoc(d) }));
  const boundary = (ref?: PolicyRef) => (ref ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policyArn(ref) } } : {});
  const used = new Set<string>();
  for (const e of [...(spec.users ?? []), ...(spec.roles ?? [])]) for (const ref of [...(e.managed ?? []), ...(e.boundary ? [e.boundary] : [])]) used.add(policyArn(ref));
  for (const g of spec.groups ?? []) for (const ref of g.managed ?? []) used.add(policyArn(ref));
  const policies = [
    ...Object.entries(spec.policies ?? {}).map(([name, d]) => [`arn:aws:iam::${account}:policy/${name}`, name, asDoc(d)] as const),
    ...[...used].filter((arn) => AWS_MANAGED[arn]).map((arn) => [arn, arn.split('/').pop()!, AWS_MANAGED[arn]] as const),
  ];
  return {
    UserDetailList: (spec.users ?? []).map((u) => ({
      Path: u.path ?? '/',
      UserName: u.name,
      UserId: idOf('AIDA', u.name),
      Arn: `arn:aws:iam::${account}:user${u.path ?? '/'}${u.name}`,
      CreateDate: CREATED,
      UserPolicyList: inline('PolicyDocument', u.inline),
      GroupList: u.groups ?? [],
      AttachedManagedPolicies: attached(u.managed),
      ...boundary(u.boundary),
      Tags: [],
    })),
    GroupDetailList: (spec.groups ?? []).map((g) => ({
      Path: g.path ?? '/',
      GroupName: g.name,
      GroupId: idOf('AGPA', g.name),
      Arn: `arn:aws:iam::${account}:group${g.path ?? '/'}${g.name}`,
      CreateDate: CREATED,
      GroupPolicyList: inline('PolicyDocument', g.inline),
      AttachedManagedPolicies: attached(g.managed),
    })),
    RoleDetailList: (spec.roles ?? []).map((r) => {
      const path = r.path ?? '/';
      const arn = `arn:aws:iam::${account}:role${path}${r.name}`;
      const trust = typeof r.trust === 'string' ? trustService(r.trust) : Array.isArray(r.trust) ? trustService(...r.trust) : r.trust;
      return {
        Path: path,
        RoleName: r.name,
        RoleId: idOf('AROA', r.name),
        Arn: arn,
        CreateDate: CREATED,
        AssumeRolePolicyDocument: trust,
        InstanceProfileList: r.instanceProfile
          ? [{ Path: '/', InstanceProfileName: r.name, InstanceProfileId: idOf('AIPA', r.name), Arn: `arn:aws:iam::${account}:instance-profile/${r.name}`, CreateDate: CREATED, Roles: [{ Path: path, RoleName: r.name, RoleId: idOf('AROA', r.name), Arn: arn, CreateDate: CREATED, AssumeRolePolicyDocument: trust }] }]
          : [],
        RolePolicyList: inline('PolicyDocument', r.inline),
        AttachedManagedPolicies: attached(r.managed),
        ...boundary(r.boundary),
        Tags: [],
        RoleLastUsed: {},
      };
    }),
    Policies: policies.map(([arn, name, d]) => ({
      PolicyName: name,
      PolicyId: idOf('ANPA', name),
      Arn: arn,
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 1,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: CREATED,
      UpdateDate: CREATED,
      PolicyVersionList: [
        { Document: d, VersionId: 'v1', IsDefaultVersion: true, CreateDate: CREATED },
        ...(spec.otherVersions?.[name] ?? []).map((v, i) => ({ Document: asDoc(v), VersionId: `v${i + 2}`, IsDefaultVersion: false, CreateDate: CREATED })),
      ],
    })),
  };
}

/** Writes the spec's GAAD JSON to a new temp dir; returns the file's path. */
export function writeGaad(spec: GaadSpec): string {
  const file = join(mkdtempSync(join(tmpdir(), 'iamgraph-gaad-')), `gaad-${spec.account ?? ACCOUNT}.json`);
  writeFileSync(file, `${JSON.stringify(gaadDocument(spec), null, 4)}\n`);
  return file;
}

/** Writes, loads through the real ingest (failing on input errors) and builds the graph. */
export async function loadGaad(spec: GaadSpec): Promise<{ model: AccountModel; graph: AccessGraph }> {
  const { model, errors } = await loadInputs([writeGaad(spec)]);
  if (errors.length) throw new Error(`gaad fixture rejected: ${errors.map((e) => `${e.pointer}: ${e.message}`).join('; ')}`);
  return { model, graph: buildGraph(model) };
}

export const userArn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:user/${name}`;
export const groupArn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:group/${name}`;
export const policyArn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:policy/${name}`;
export const roleArn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
