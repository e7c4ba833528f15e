/**
 * Deterministic synthetic organization: N principals over several accounts, written as real GAAD
 * exports plus an organization file, so benchmarks exercise the real load path. Policies mix
 * wildcards, NotAction, Deny with conditions, boundaries, instance profiles, same-account,
 * cross-account and service trusts, and a sprinkling of escalation permissions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so the same seed gives the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['s3', 'ec2', 'lambda', 'dynamodb', 'sqs', 'sns', 'kms', 'logs', 'rds', 'ecs', 'glue', 'sagemaker', 'ssm', 'secretsmanager', 'cloudformation', 'codebuild'];
const ESCALATION = ['iam:CreatePolicyVersion', 'iam:AttachUserPolicy', 'iam:PutRolePolicy', 'iam:CreateAccessKey', 'iam:UpdateAssumeRolePolicy', 'iam:PassRole', 'iam:AddUserToGroup'];

export interface GeneratedOrg {
  files: Array<{ name: string; content: string }>;
  principals: number;
  accounts: string[];
}

/** Escalation rights on "any user" / "any role" — the grants that make real single accounts dense. */
const DENSE_ESCALATION = [
  { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' },
  { Effect: 'Allow', Action: 'iam:UpdateAssumeRolePolicy', Resource: '*' },
  { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
];

export interface GenerateOptions {
  seed?: number;
  accounts?: number;
  /** Give the escalation policies (held by ~3% of principals) the DENSE_ESCALATION grants too. */
  dense?: boolean;
  /** Cross-account roles trust one of this many other accounts (the next ones), as tooling and audit accounts are trusted; default any account. */
  trustedAccounts?: number;
}

/** One account at the given size, with escalation rights on every user and role sprinkled in. */
export const generateDenseAccount = (principals: number): GeneratedOrg => generateOrg(principals, { accounts: 1, dense: true });

/** An organization of accounts of 1,000 principals whose cross-account roles trust five other accounts each. */
export const generateOrganization = (principals: number): GeneratedOrg => generateOrg(principals, { accounts: Math.max(2, Math.round(principals / 1000)), trustedAccounts: 5 });

export function generateOrg(principals: number, { seed = 42, accounts: accountCount = Math.max(2, Math.min(100, Math.round(principals / 500))), dense = false, trustedAccounts }: GenerateOptions = {}): GeneratedOrg {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const accounts = Array.from({ length: accountCount }, (_, i) => String(100000000000 + i * 7919));
  const perAccount = Math.ceil(principals / accountCount);
  const files: GeneratedOrg['files'] = [];
  let made = 0;
  for (const [ai, account] of accounts.entries()) {
    const arn = (kind: string, name: string) => `arn:aws:iam::${account}:${kind}/${name}`;
    const policies = Array.from({ length: 20 }, (_, p) => {
      const statements: unknown[] = [{ Effect: 'Allow', Action: [`${pick(SERVICES)}:Get*`, `${pick(SERVICES)}:List*`, `${pick(SERVICES)}:*`], Resource: '*' }];
      if (p % 5 === 0) statements.push({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' });
      if (p % 4 === 1) statements.push({ Effect: 'Deny', Action: '*:Delete*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
      if (p === 3 || p === 17) statements.push({ Effect: 'Allow', Action: pick(ESCALATION), Resource: pick(['*', arn('role', '*'), arn('policy', `p${p}`)]) });
      if (dense && (p === 3 || p === 17)) statements.push(...DENSE_ESCALATION);
      if (p % 10 === 2) statements.push({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${pick(accounts)}:role/r${Math.floor(rand() * 9) + 1}*` });
      return {
        PolicyName: `p${p}`, Arn: arn('policy', `p${p}`), Path: '/', DefaultVersionId: 'v1',
        PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: { Version: '2012-10-17', Statement: statements } }],
      };
    });
    const groups = Array.from({ length: 10 }, (_, g) => ({
      GroupName: `g${g}`, Arn: arn('group', `g${g}`), Path: '/', GroupPolicyList: [],
      // Groups get ordinary policies; escalation rights (p3, p17) are attached to a few principals directly.
      AttachedManagedPolicies: [0, 1].map(() => { const p = pick(policies.filter((_, i) => i !== 3 && i !== 17)); return { PolicyName: p.PolicyName, PolicyArn: p.Arn }; }),
    }));
    const users: unknown[] = [];
    const roles: unknown[] = [];
    const count = Math.min(perAccount, principals - made);
    for (let i = 0; i < count; i++, made++) {
      const attached = [rand() < 0.03 ? policies[pick([3, 17])] : pick(policies.filter((_, k) => k !== 3 && k !== 17))].map((p) => ({ PolicyName: p.PolicyName, PolicyArn: p.Arn }));
      if (i % 5 < 3) {
        users.push({
          UserName: `u${i}`, Arn: arn('user', `u${i}`), Path: '/', GroupList: [pick(groups).GroupName, pick(groups).GroupName],
          AttachedManagedPolicies: attached, Tags: [{ Key: 'team', Value: `t${i % 9}` }],
          UserPolicyList: i % 97 === 0 ? [{ PolicyName: 'inline', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: pick(ESCALATION), Resource: '*' }] } }] : [],
          ...(i % 13 === 0 ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policies[0].Arn } } : {}),
        });
      } else {
        const trustKind = i % 4;
        const principal = trustKind === 0 ? { Service: pick(['ec2.amazonaws.com', 'lambda.amazonaws.com', 'glue.amazonaws.com']) }
          : trustKind === 1 ? { AWS: `arn:aws:iam::${trustedAccounts ? accounts[(ai + 1 + Math.floor(rand() * trustedAccounts)) % accounts.length] : pick(accounts)}:root` }
          : trustKind === 2 ? { AWS: arn('user', `u${Math.floor(rand() * count)}`) }
          : { AWS: arn('role', `r${Math.max(0, i - 1 - Math.floor(rand() * 5))}`) };
        roles.push({
          RoleName: `r${i}`, Arn: arn('role', `r${i}`), Path: '/',
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] },
          InstanceProfileList: trustKind === 0 && i % 3 === 0 ? [{ InstanceProfileName: `ip${i}`, Arn: arn('instance-profile', `ip${i}`), Path: '/', Roles: [] }] : [],
          RolePolicyList: [], AttachedManagedPolicies: attached, Tags: [],
        });
      }
    }
    files.push({ name: `gaad-${ai}-${account}.json`, content: JSON.stringify({ UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: policies }) });
  }
  const org = {
    Organization: { Id: 'o-bench00001', MasterAccountId: '999999999999' },
    Roots: [{ Id: 'r-bnch', Name: 'Root' }],
    OrganizationalUnits: [{ Id: 'ou-bnch-prod', Name: 'Prod', ParentId: 'r-bnch' }, { Id: 'ou-bnch-dev', Name: 'Dev', ParentId: 'r-bnch' }],
    Accounts: accounts.map((id, i) => ({ Id: id, Name: `acct-${i}`, ParentId: i % 2 ? 'ou-bnch-prod' : 'ou-bnch-dev' })),
    Policies: [
      { PolicySummary: { Id: 'p-full', Name: 'FullAWSAccess', Type: 'SERVICE_CONTROL_POLICY' }, Content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
        Targets: [{ TargetId: 'r-bnch' }, { TargetId: 'ou-bnch-prod' }, { TargetId: 'ou-bnch-dev' }, ...accounts.map((id) => ({ TargetId: id }))] },
      { PolicySummary: { Id: 'p-region', Name: 'Regions', Type: 'SERVICE_CONTROL_POLICY' }, Content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }] }),
        Targets: [{ TargetId: 'ou-bnch-prod' }] },
    ],
  };
  files.push({ name: 'organization.json', content: JSON.stringify(org) });
  return { files, principals: made, accounts };
}

export function writeOrg(dir: string, org: GeneratedOrg): void {
  mkdirSync(dir, { recursive: true });
  for (const f of org.files) writeFileSync(join(dir, f.name), f.content);
}
