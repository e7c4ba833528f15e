/**
 * The normalized account model: what every input format is turned into, and what the graph is
 * built from. Plain data (JSON-serializable apart from compiled policies), sorted by ARN so that
 * everything downstream is deterministic.
 */
import type { CompiledPolicy, PolicyType } from '../policy/types.ts';

export interface Tag {
  key: string;
  value: string;
}

/** Where a model element came from, for error messages and SARIF locations. */
export interface SourceRef {
  file: string;
  /** JSON pointer (or `line N` for YAML when no pointer applies). */
  pointer: string;
}

/** A warning about missing or suspicious input. Never a silent gap. */
export interface ModelWarning {
  /** Stable machine code, e.g. `missing-policy`, `undefined-group`, `group-as-principal`, `no-scp-data`, `unknown-external-account`. */
  code: string;
  message: string;
  source?: SourceRef;
  /** ARN or id of what the warning is about. */
  subject?: string;
}

/** A policy document attached somewhere, compiled once. */
export interface PolicyRecord {
  /** Policy ARN for managed policies; `<owner ARN>#inline/<name>` for inline; `scp:<id>` / `rcp:<id>`; `<resource ARN>#resource-policy`. */
  id: string;
  name: string;
  kind: 'aws-managed' | 'customer-managed' | 'inline' | 'scp' | 'rcp' | 'resource' | 'trust' | 'permission-set';
  /** Absent when referenced but not provided (an AWS-managed policy not in the export): see warnings. */
  policy?: CompiledPolicy;
  /** How this document is used when compiled (identity for managed/inline, boundary when used as one is decided at evaluation). */
  type: PolicyType;
  source?: SourceRef;
  /** A managed policy's versions that are not the default (GAAD holds every version): what SetDefaultPolicyVersion can switch to. */
  otherVersions?: PolicyVersionRecord[];
}

export interface PolicyVersionRecord {
  versionId: string;
  policy: CompiledPolicy;
}

export interface User {
  arn: string;
  name: string;
  path: string;
  accountId: string;
  userId?: string;
  /** Group ARNs. */
  groups: string[];
  /** Managed policy ARNs attached to the user. */
  managedPolicies: string[];
  /** Inline policy ids (into `AccountModel.policies`). */
  inlinePolicies: string[];
  /** Managed policy ARN used as permissions boundary. */
  boundary?: string;
  tags: Tag[];
  createDate?: string;
  credentials?: CredentialFacts;
  source?: SourceRef;
}

export interface Group {
  arn: string;
  name: string;
  path: string;
  accountId: string;
  groupId?: string;
  managedPolicies: string[];
  inlinePolicies: string[];
  source?: SourceRef;
}

export interface Role {
  arn: string;
  name: string;
  path: string;
  accountId: string;
  roleId?: string;
  /** Id of the trust policy in `AccountModel.policies` (type `trust`). */
  trustPolicy: string;
  managedPolicies: string[];
  inlinePolicies: string[];
  boundary?: string;
  /** Instance profile ARNs that contain this role. */
  instanceProfiles: string[];
  tags: Tag[];
  /** Path `/aws-service-role/`: exempt from SCPs, cannot be assumed by people. */
  serviceLinked: boolean;
  /** Identity Center roles (`AWSReservedSSO_<PermissionSet>_<suffix>`): the permission set's ARN. */
  permissionSetArn?: string;
  lastUsed?: string;
  maxSessionDuration?: number;
  source?: SourceRef;
}

export interface InstanceProfile {
  arn: string;
  name: string;
  path: string;
  accountId: string;
  roles: string[];
}

/** A non-IAM resource (bucket, key, queue, …) with its resource policy, if given. */
export interface Resource {
  arn: string;
  accountId: string;
  /** e.g. `s3`, `kms`, `sqs`. */
  service: string;
  /** Id into `AccountModel.policies` (kind `resource`). */
  resourcePolicy?: string;
  tags: Tag[];
  source?: SourceRef;
}

/** Compute that runs as a role, from an inventory (`aws lambda list-functions`, AWS Config, …). */
export type ComputeKind =
  | 'lambda-function'
  | 'ec2-instance'
  | 'ecs-service'
  | 'ecs-task-definition'
  | 'cloudformation-stack'
  | 'codebuild-project'
  | 'glue-job'
  | 'glue-dev-endpoint'
  | 'sagemaker-notebook'
  | 'apprunner-service'
  | 'batch-job-definition'
  | 'batch-compute-environment';

export interface ComputeResource {
  arn: string;
  kind: ComputeKind;
  name: string;
  accountId: string;
  region: string;
  /** Role ARNs it runs as, directly (a function's role, a task definition's task role, …). */
  roles: string[];
  /** Runs as the roles of this instance profile (EC2) or task definition (an ECS service): resolved in the model. */
  via?: string;
  /** As the service reports it, lower-cased: `running`, `stopped`, `inservice`, `create_complete`, … */
  state?: string;
  /** The ARN its actions are decided on when not its own (an ECS service's tasks: `task/<cluster>/*`). */
  actOn?: string;
  source?: SourceRef;
}

/**
 * Which inventories were given: `kind account region` for every listing that is whole (its last
 * page present), and each account's regions (`aws ec2 describe-regions`). A kind's absence is a
 * fact only where it was listed in every region of the account.
 */
export interface InventoryCoverage {
  listed: string[];
  regions: Record<string, string[]>;
}

export interface Account {
  id: string;
  name?: string;
  /** Whether we hold IAM data for it; accounts only referenced (trust policies) are `external`. */
  external: boolean;
  /** Ids (`r-…`, `ou-…`) from the organization root down to this account's parent. */
  orgPath?: string[];
}

export interface OrgNode {
  /** `r-…`, `ou-…`, or an account id (leaf). */
  id: string;
  name?: string;
  kind: 'root' | 'ou' | 'account';
  parent?: string;
  /** Policy ids in `AccountModel.policies` (kinds `scp`, `rcp`). */
  scps: string[];
  rcps: string[];
}

export interface Organization {
  id?: string;
  managementAccountId?: string;
  /** keyed by node id */
  nodes: Record<string, OrgNode>;
}

/** From the credential report (`aws iam get-credential-report`). */
export interface CredentialFacts {
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  mfaActive: boolean;
  accessKeys: Array<{ active: boolean; lastRotated?: string; lastUsed?: string }>;
}

export interface IdentityCenterPrincipal {
  /** `idc-user:<storeId>/<userId>` or `idc-group:<storeId>/<groupId>` */
  id: string;
  kind: 'idc-user' | 'idc-group';
  name: string;
  /** For users: group ids they belong to. */
  groups: string[];
}

export interface IdentityCenterAssignment {
  principalId: string;
  permissionSetArn: string;
  permissionSetName: string;
  accountId: string;
  /** The `AWSReservedSSO_…` role ARN this assignment lands on, when the account's export has it. */
  roleArn?: string;
}

export interface IdentityCenter {
  instanceArn?: string;
  /** The account that administers the instance (`sso-admin list-instances` OwnerAccountId): sso-admin calls are made there. */
  ownerAccountId?: string;
  principals: IdentityCenterPrincipal[];
  assignments: IdentityCenterAssignment[];
}

/** SAML / OIDC identity providers declared in the account. */
export interface IdentityProvider {
  arn: string;
  accountId: string;
  kind: 'saml' | 'oidc';
  /** OIDC issuer URL (without https://), e.g. `token.actions.githubusercontent.com`. */
  url?: string;
}

export interface AccountModel {
  accounts: Record<string, Account>;
  organization?: Organization;
  users: Record<string, User>;
  groups: Record<string, Group>;
  roles: Record<string, Role>;
  instanceProfiles: Record<string, InstanceProfile>;
  /** Every policy document: managed, inline, trust, resource, SCP, RCP, permission sets. */
  policies: Record<string, PolicyRecord>;
  resources: Record<string, Resource>;
  compute: Record<string, ComputeResource>;
  inventory: InventoryCoverage;
  identityProviders: Record<string, IdentityProvider>;
  identityCenter?: IdentityCenter;
  warnings: ModelWarning[];
  /** Files that were read, in order. */
  inputs: string[];
}
