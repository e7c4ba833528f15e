/**
 * Engine benchmark: decisions per second on one core for a realistic mixed policy set —
 * AWS-managed-like policies with wildcards, NotAction, a conditional Deny, policy variables,
 * a permissions boundary, two SCP levels and a bucket policy — over many (action, resource)
 * requests. Run standalone: `node --import tsx bench/engine.ts`.
 */
import { pathToFileURL } from 'node:url';
import { compilePolicy, evaluate, makeContext } from '../src/policy/index.ts';
import type { CallerInfo, CompiledPolicy, EvaluationRequest, PolicyType } from '../src/policy/index.ts';

const ACCOUNT = '111122223333';
const SERVICES = ['s3', 'ec2', 'iam', 'lambda', 'dynamodb', 'sqs', 'sns', 'kms', 'logs', 'cloudwatch', 'rds', 'ecs', 'sts', 'glue', 'sagemaker', 'ssm', 'secretsmanager', 'cloudformation', 'codebuild', 'athena'];
const VERBS = ['Get', 'List', 'Describe', 'Put', 'Create', 'Delete', 'Update', 'Tag', 'Start', 'Invoke'];
const NOUNS = ['Object', 'Bucket', 'Instances', 'User', 'Role', 'Policy', 'Function', 'Table', 'Queue', 'Topic', 'Key', 'Secret', 'Stack', 'Job'];

let n = 0;
const compile = (statements: unknown[], type: PolicyType = 'identity'): CompiledPolicy =>
  compilePolicy({ Version: '2012-10-17', Statement: statements }, { id: `bench-${type}-${n++}`, type });

function readOnlyLike(): CompiledPolicy {
  const actions = SERVICES.flatMap((s) => [`${s}:Get*`, `${s}:List*`, `${s}:Describe*`]);
  return compile([{ Effect: 'Allow', Action: actions, Resource: '*' }]);
}

export function benchPolicySet() {
  const identity = [
    readOnlyLike(),
    compile([{ Sid: 'PowerUser', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:ListRoles'], Resource: '*' }]),
    compile([
      { Sid: 'Home', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::home-bucket/${aws:username}/*' },
      { Sid: 'DeployRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/deploy-*`, Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
      { Sid: 'NoMfaNoDelete', Effect: 'Deny', Action: ['*:Delete*'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      { Sid: 'Network', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.0/24'] }, Bool: { 'aws:ViaAWSService': 'false' } } },
    ]),
    compile(SERVICES.slice(0, 10).map((s, i) => ({ Effect: 'Allow', Action: `${s}:*`, Resource: `arn:aws:${s}:*:${ACCOUNT}:*team-${i}*` }))),
  ];
  const boundary = [compile([{ Effect: 'Allow', NotAction: ['iam:*User*', 'iam:*Policy*'], Resource: '*' }], 'boundary')];
  const scpLevels = [
    { target: 'r-root', policies: [compile([{ Effect: 'Allow', Action: '*', Resource: '*' }], 'scp')] },
    { target: 'ou-prod', policies: [compile([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'Regions', Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } },
    ], 'scp')] },
  ];
  const bucketPolicy = compile([
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 's3:*', Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'] },
    { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::data/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ], 'resource');
  return { identity, boundary, scpLevels, bucketPolicy };
}

function requests(): EvaluationRequest[] {
  const set = benchPolicySet();
  const caller: CallerInfo = { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT };
  const context = makeContext({
    'aws:username': 'alice', 'aws:SourceIp': '10.1.2.3', 'aws:RequestedRegion': 'eu-west-1',
    'aws:MultiFactorAuthPresent': 'true', 'aws:SecureTransport': 'true', 'aws:ViaAWSService': 'false',
    'iam:PassedToService': 'lambda.amazonaws.com',
  });
  const out: EvaluationRequest[] = [];
  let i = 0;
  for (const service of SERVICES) {
    for (const verb of VERBS) {
      for (const noun of NOUNS.slice(0, 5)) {
        i++;
        const s3 = service === 's3';
        out.push({
          action: `${service}:${verb}${noun}`,
          resource: s3 ? (i % 2 ? `arn:aws:s3:::data/obj-${i}` : `arn:aws:s3:::home-bucket/alice/f${i}`) : `arn:aws:${service}:eu-west-1:${ACCOUNT}:thing/team-${i % 12}-x`,
          resourceAccount: ACCOUNT,
          caller, context,
          identityPolicies: set.identity, boundaryPolicies: set.boundary, scpLevels: set.scpLevels,
          resourcePolicy: s3 && i % 2 ? set.bucketPolicy : undefined,
        });
      }
    }
  }
  return out;
}

export interface EngineBenchResult {
  decisionsPerSecond: number;
  requests: number;
  allowed: number;
}

export function runEngineBench(seconds = 2): EngineBenchResult {
  const reqs = requests();
  for (let w = 0; w < 3; w++) for (const r of reqs) evaluate(r); // warm up
  let decisions = 0;
  let allowed = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - start < budget) {
    for (const r of reqs) if (evaluate(r).decision === 'allowed') allowed++;
    decisions += reqs.length;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { decisionsPerSecond: Math.round(decisions / elapsed), requests: reqs.length, allowed: Math.round((allowed / decisions) * reqs.length) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runEngineBench();
  console.log(`engine: ${r.decisionsPerSecond.toLocaleString('en-US')} decisions/s (${r.requests} distinct requests, ${r.allowed} allowed)`);
}
