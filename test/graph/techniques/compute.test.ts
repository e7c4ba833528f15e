/**
 * Every compute path of the pathfinding.cloud catalog (categories new-passrole and existing-passrole,
 * https://pathfinding.cloud, data/paths/aws/<service>/<id>.yaml): an attacker user holding exactly the
 * path's required actions gets an escalation edge to a role trusting the service AWS uses for it
 * (with AdministratorAccess, so a path to admin), and each trap — one precondition missing — gives none.
 * Inputs are real-shaped GAAD JSON (./gaad.ts), loaded through the real ingest.
 */
import { describe, expect, it } from 'vitest';
import { findPaths } from '../../../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { TECHNIQUES } from '../../../src/graph/index.ts';
import { stepsOf } from '../../../src/graph/traversal/index.ts';
import { ADMINISTRATOR_ACCESS, allow, deny, doc, loadGaad, roleArn, trustService, userArn, type GaadSpec, type RoleSpec, type Statement } from './gaad.ts';

const ATTACKER = userArn('attacker');
const TARGET = roleArn('target');

/**
 * One row per catalog id: [id, technique, role trusts, required actions (space-separated, as the
 * catalog lists them), options]. `passedTo` defaults to the trusted service; `profile`: the role
 * needs an instance profile; `federated`: the trust names the service as a Federated principal;
 * `conditional`: the edge needs a resource the input cannot show; `breaks`: the action the
 * deny/boundary/missing traps take away (default: the last one); `subsumed`: a smaller alternative
 * of the same technique also matches and is the one reported.
 */
interface Options { passedTo?: string; profile?: boolean; federated?: boolean; conditional?: boolean; breaks?: string; subsumed?: boolean }
type Row = [id: string, technique: string, trusts: string, actions: string, options?: Options];

const EC2 = 'ec2.amazonaws.com';
const ECS = 'ecs-tasks.amazonaws.com';
const AGENTCORE = 'bedrock-agentcore.amazonaws.com';
const C = { conditional: true } as const;

const ROWS: Row[] = [
  ['apprunner-001', 'pass-role-apprunner', 'tasks.apprunner.amazonaws.com', 'iam:PassRole apprunner:CreateService'],
  ['apprunner-002', 'apprunner-update-service', 'tasks.apprunner.amazonaws.com', 'apprunner:UpdateService', C],
  ['batch-001', 'pass-role-batch', ECS, 'iam:PassRole batch:RegisterJobDefinition batch:SubmitJob', { passedTo: 'batch.amazonaws.com', conditional: true }],
  ['batch-002', 'batch-submit-job', ECS, 'batch:SubmitJob', C],
  ['batch-003', 'pass-role-batch', ECS, 'iam:PassRole batch:CreateComputeEnvironment batch:CreateJobQueue batch:RegisterJobDefinition batch:SubmitJob', { passedTo: 'batch.amazonaws.com' }],
  ['bedrock-001', 'pass-role-bedrock-agentcore', AGENTCORE, 'iam:PassRole bedrock-agentcore:CreateCodeInterpreter bedrock-agentcore:StartCodeInterpreterSession bedrock-agentcore:InvokeCodeInterpreter'],
  ['bedrock-002', 'bedrock-agentcore-existing', AGENTCORE, 'bedrock-agentcore:StartCodeInterpreterSession bedrock-agentcore:InvokeCodeInterpreter', C],
  ['bedrock-003', 'pass-role-bedrock-agentcore', AGENTCORE, 'iam:PassRole bedrock-agentcore:CreateAgentRuntime bedrock-agentcore:CreateAgentRuntimeEndpoint bedrock-agentcore:CreateWorkloadIdentity bedrock-agentcore:InvokeAgentRuntimeCommand'],
  ['bedrock-004', 'bedrock-agentcore-existing', AGENTCORE, 'bedrock-agentcore:InvokeAgentRuntimeCommand', C],
  ['bedrock-005', 'pass-role-bedrock-agentcore', AGENTCORE, 'iam:PassRole bedrock-agentcore:CreateHarness bedrock-agentcore:CreateAgentRuntime bedrock-agentcore:CreateAgentRuntimeEndpoint bedrock-agentcore:CreateWorkloadIdentity bedrock-agentcore:GetAgentRuntime bedrock-agentcore:GetHarness bedrock-agentcore:InvokeAgentRuntimeCommand', { subsumed: true }],
  ['bedrock-006', 'pass-role-bedrock-agentcore', AGENTCORE, 'iam:PassRole bedrock-agentcore:CreateBrowser bedrock-agentcore:StartBrowserSession bedrock-agentcore:ConnectBrowserAutomationStream'],
  ['bedrock-007', 'bedrock-agentcore-existing', AGENTCORE, 'bedrock-agentcore:StartBrowserSession bedrock-agentcore:ConnectBrowserAutomationStream', C],
  ['braket-001', 'pass-role-braket', 'braket.amazonaws.com', 'iam:PassRole braket:CreateJob'],
  ['cloudformation-001', 'pass-role-cloudformation', 'cloudformation.amazonaws.com', 'iam:PassRole cloudformation:CreateStack'],
  ['cloudformation-002', 'cloudformation-update-stack', 'cloudformation.amazonaws.com', 'cloudformation:UpdateStack', C],
  ['cloudformation-003', 'pass-role-cloudformation-stackset', 'cloudformation.amazonaws.com', 'iam:PassRole cloudformation:CreateStackSet cloudformation:CreateStackInstances'],
  ['cloudformation-004', 'pass-role-cloudformation-stackset', 'cloudformation.amazonaws.com', 'iam:PassRole cloudformation:UpdateStackSet', C],
  ['cloudformation-005', 'cloudformation-update-stack', 'cloudformation.amazonaws.com', 'cloudformation:CreateChangeSet cloudformation:ExecuteChangeSet', C],
  ['codebuild-001', 'pass-role-codebuild', 'codebuild.amazonaws.com', 'iam:PassRole codebuild:CreateProject codebuild:StartBuild'],
  ['codebuild-002', 'codebuild-start-build', 'codebuild.amazonaws.com', 'codebuild:StartBuild', C],
  ['codebuild-003', 'codebuild-start-build', 'codebuild.amazonaws.com', 'codebuild:StartBuildBatch', C],
  ['codebuild-004', 'pass-role-codebuild', 'codebuild.amazonaws.com', 'iam:PassRole codebuild:CreateProject codebuild:StartBuildBatch'],
  ['codedeploy-001', 'codedeploy-create-deployment', EC2, 'codedeploy:CreateDeployment codedeploy:RegisterApplicationRevision codedeploy:GetDeploymentConfig', { profile: true, conditional: true }],
  ['cognitoidentity-001', 'pass-role-cognito-identity-pool', 'cognito-identity.amazonaws.com', 'iam:PassRole cognito-identity:SetIdentityPoolRoles', { federated: true, conditional: true }],
  ['datapipeline-001', 'pass-role-datapipeline', 'datapipeline.amazonaws.com', 'iam:PassRole datapipeline:CreatePipeline datapipeline:PutPipelineDefinition datapipeline:ActivatePipeline'],
  ['ec2-001', 'pass-role-ec2', EC2, 'iam:PassRole ec2:RunInstances', { profile: true }],
  ['ec2-002', 'ec2-modify-instance-user-data', EC2, 'ec2:ModifyInstanceAttribute ec2:StopInstances ec2:StartInstances', { profile: true, conditional: true }],
  ['ec2-003', 'pass-role-ec2', EC2, 'iam:PassRole ec2:RequestSpotInstances', { profile: true }],
  ['ec2-004', 'ec2-launch-template-version', EC2, 'ec2:CreateLaunchTemplateVersion ec2:ModifyLaunchTemplate', { profile: true, conditional: true }],
  ['ec2-005', 'ec2-launch-template-version', EC2, 'ec2:CreateLaunchTemplateVersion ec2:ModifyLaunchTemplate', { profile: true, conditional: true, breaks: 'ec2:CreateLaunchTemplateVersion' }],
  ['ecs-001', 'pass-role-ecs', ECS, 'iam:PassRole ecs:CreateCluster ecs:RegisterTaskDefinition ecs:CreateService'],
  ['ecs-002', 'pass-role-ecs', ECS, 'iam:PassRole ecs:CreateCluster ecs:RegisterTaskDefinition ecs:RunTask'],
  ['ecs-003', 'pass-role-ecs', ECS, 'iam:PassRole ecs:RegisterTaskDefinition ecs:CreateService', C],
  ['ecs-004', 'pass-role-ecs', ECS, 'iam:PassRole ecs:RegisterTaskDefinition ecs:RunTask', C],
  ['ecs-005', 'pass-role-ecs', ECS, 'iam:PassRole ecs:RegisterTaskDefinition ecs:StartTask', C],
  ['ecs-006', 'ecs-execute-command', ECS, 'ecs:ExecuteCommand ecs:DescribeTasks', C],
  ['ecs-007', 'pass-role-ecs', ECS, 'iam:PassRole ecs:RegisterContainerInstance ecs:StartTask', { conditional: true, subsumed: true }],
  ['ecs-008', 'pass-role-ecs', ECS, 'iam:PassRole ecs:RunTask', C],
  ['ecs-009', 'pass-role-ecs', ECS, 'iam:PassRole ecs:StartTask', C],
  ['emr-001', 'pass-role-emr', EC2, 'iam:PassRole elasticmapreduce:RunJobFlow', { profile: true, conditional: true }],
  ['emrserverless-001', 'pass-role-emr-serverless', 'emr-serverless.amazonaws.com', 'iam:PassRole emr-serverless:CreateApplication emr-serverless:StartJobRun'],
  ['gamelift-001', 'pass-role-gamelift', 'gamelift.amazonaws.com', 'iam:PassRole gamelift:CreateBuild gamelift:CreateFleet gamelift:RequestUploadCredentials'],
  ['glue-001', 'pass-role-glue', 'glue.amazonaws.com', 'iam:PassRole glue:CreateDevEndpoint'],
  ['glue-003', 'pass-role-glue', 'glue.amazonaws.com', 'iam:PassRole glue:CreateJob glue:StartJobRun'],
  ['glue-004', 'pass-role-glue', 'glue.amazonaws.com', 'iam:PassRole glue:CreateJob glue:CreateTrigger'],
  ['glue-005', 'pass-role-glue', 'glue.amazonaws.com', 'iam:PassRole glue:UpdateJob glue:StartJobRun', C],
  ['glue-006', 'pass-role-glue', 'glue.amazonaws.com', 'iam:PassRole glue:UpdateJob glue:CreateTrigger', C],
  ['glue-007', 'pass-role-glue', 'glue.amazonaws.com', 'iam:PassRole glue:CreateSession glue:RunStatement'],
  ['imagebuilder-001', 'pass-role-imagebuilder', EC2, 'iam:PassRole imagebuilder:CreateComponent imagebuilder:CreateImageRecipe imagebuilder:CreateInfrastructureConfiguration imagebuilder:CreateImage', { profile: true }],
  ['kinesisanalytics-001', 'pass-role-kinesisanalytics', 'kinesisanalytics.amazonaws.com', 'iam:PassRole kinesisanalytics:CreateApplication kinesisanalytics:StartApplication'],
  ['lambda-001', 'pass-role-lambda', 'lambda.amazonaws.com', 'iam:PassRole lambda:CreateFunction lambda:InvokeFunction'],
  ['lambda-002', 'pass-role-lambda', 'lambda.amazonaws.com', 'iam:PassRole lambda:CreateFunction lambda:CreateEventSourceMapping', C],
  ['lambda-003', 'lambda-update-function-code', 'lambda.amazonaws.com', 'lambda:UpdateFunctionCode', C],
  ['lambda-004', 'lambda-update-function-code', 'lambda.amazonaws.com', 'lambda:UpdateFunctionCode lambda:InvokeFunction', { conditional: true, breaks: 'lambda:UpdateFunctionCode' }],
  ['lambda-005', 'lambda-update-function-code', 'lambda.amazonaws.com', 'lambda:UpdateFunctionCode lambda:AddPermission', { conditional: true, breaks: 'lambda:UpdateFunctionCode' }],
  ['lambda-006', 'pass-role-lambda', 'lambda.amazonaws.com', 'iam:PassRole lambda:CreateFunction lambda:AddPermission'],
  ['omics-001', 'pass-role-omics', 'omics.amazonaws.com', 'iam:PassRole omics:CreateWorkflow omics:StartRun s3:GetObject', C],
  // The catalog lists only CreateNotebookInstance; opening the notebook (API or console) is CreatePresignedNotebookInstanceUrl.
  ['sagemaker-001', 'pass-role-sagemaker', 'sagemaker.amazonaws.com', 'iam:PassRole sagemaker:CreateNotebookInstance sagemaker:CreatePresignedNotebookInstanceUrl'],
  ['sagemaker-002', 'pass-role-sagemaker', 'sagemaker.amazonaws.com', 'iam:PassRole sagemaker:CreateTrainingJob'],
  ['sagemaker-004', 'sagemaker-presigned-notebook-url', 'sagemaker.amazonaws.com', 'sagemaker:CreatePresignedNotebookInstanceUrl', C],
  ['sagemaker-005', 'sagemaker-notebook-lifecycle-config', 'sagemaker.amazonaws.com', 'sagemaker:CreateNotebookInstanceLifecycleConfig sagemaker:StopNotebookInstance sagemaker:UpdateNotebookInstance sagemaker:StartNotebookInstance', C],
  ['ssm-001', 'ssm-send-command', EC2, 'ssm:StartSession', { profile: true, conditional: true }],
  ['ssm-002', 'ssm-send-command', EC2, 'ssm:SendCommand', { profile: true, conditional: true }],
  ['ssm-003', 'pass-role-ssm-automation', 'ssm.amazonaws.com', 'iam:PassRole ssm:CreateDocument ssm:StartAutomationExecution'],
];

/** One precondition missing. */
type Trap = 'trusts another service' | 'PassRole on another role' | 'passed to another service' | 'explicit Deny' | 'permissions boundary' | 'no instance profile' | 'action missing';
const ALWAYS: Trap[] = ['trusts another service', 'explicit Deny', 'permissions boundary', 'action missing'];

interface Setup { trusts: string; passRoleOn: string; passedTo: string; deny?: string; boundary?: string; missing?: string; profile: boolean }

function cognitoTrust(provider: string) {
  return doc({
    Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:11111111-2222-3333-4444-555555555555' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } },
  });
}

function spec(row: Row, s: Setup): GaadSpec {
  const [, , , list, o = {}] = row;
  const actions = list.split(' ').filter((a) => a !== s.missing);
  const statements: Statement[] = actions.map((a) => (a === 'iam:PassRole' ? allow(a, s.passRoleOn, { StringEquals: { 'iam:PassedToService': s.passedTo } }) : allow(a)));
  if (s.deny) statements.push(deny(s.deny));
  const role = (name: string): RoleSpec => ({ name, trust: o.federated ? cognitoTrust(s.trusts) : trustService(s.trusts), managed: [ADMINISTRATOR_ACCESS], instanceProfile: s.profile });
  return {
    users: [{ name: 'attacker', inline: { technique: statements }, ...(s.boundary ? { boundary: 'Boundary' } : {}) }],
    // The decoy trusts the right service but is no admin: edges to it are fine, paths to admin through it are not.
    roles: [role('target'), { ...role('decoy'), trust: o.federated ? cognitoTrust(row[2]) : trustService(row[2]), managed: [] }],
    policies: s.boundary ? { Boundary: [{ Effect: 'Allow', NotAction: s.boundary, Resource: '*' }] } : {},
  };
}

function setupOf(row: Row, trap?: Trap): Setup {
  const [, , trusts, list, o = {}] = row;
  const breaks = o.breaks ?? list.split(' ').at(-1)!;
  const base: Setup = { trusts, passRoleOn: TARGET, passedTo: o.passedTo ?? trusts, profile: Boolean(o.profile) };
  switch (trap) {
    case undefined: return base;
    case 'trusts another service': return { ...base, trusts: o.federated ? 'accounts.google.com' : trusts === 'lambda.amazonaws.com' ? 'states.amazonaws.com' : 'lambda.amazonaws.com' };
    case 'PassRole on another role': return { ...base, passRoleOn: roleArn('decoy') };
    case 'passed to another service': return { ...base, passedTo: 'states.amazonaws.com' };
    case 'explicit Deny': return { ...base, deny: breaks };
    case 'permissions boundary': return { ...base, boundary: breaks };
    case 'no instance profile': return { ...base, profile: false };
    case 'action missing': return { ...base, missing: breaks };
  }
}

/**
 * The traps that apply to a row, two per row, rotated so that every kind recurs across the table
 * (EC2-based rows always get the instance-profile trap, as few rows have one).
 */
function trapsOf(row: Row, index: number): Trap[] {
  const kinds: Trap[] = [...(row[3].includes('iam:PassRole') ? (['PassRole on another role', 'passed to another service'] as Trap[]) : []), ...ALWAYS];
  const first = kinds[index % kinds.length];
  return row[4]?.profile ? [first, 'no instance profile'] : [first, kinds[(index + 1) % kinds.length]];
}

/** The attacker's escalation steps to `to`: direct edges, or through a technique's hub (walks fold hubs away). */
const escalations = (graph: Awaited<ReturnType<typeof loadGaad>>['graph'], to: string) =>
  stepsOf(graph, ATTACKER, { edges: new Set(['escalation']) }).filter((s) => s.next === to).map((s) => s.attributes);

describe('the table covers the catalog', () => {
  it('every compute technique\'s pathfinding id has a row, and every row names its technique', () => {
    const compute = TECHNIQUES.filter((t) => t.targets === 'roles-trusting-service' || t.targets === 'roles-trusting-federated');
    const ids = compute.flatMap((t) => t.publicIds.filter((p) => p.startsWith('pathfinding:')).map((p) => [p.slice('pathfinding:'.length), t.id]));
    expect(ROWS.map(([id, technique]) => [id, technique]).sort()).toEqual(ids.sort());
    expect(ROWS).toHaveLength(64);
  });
});

describe.each(ROWS.map((row, i) => [row[0], row, i] as const))('%s', (id, row, index) => {
  const [, technique, , list, o = {}] = row;
  it(`${technique}: exactly the required actions → escalation edge to the role, and a path to admin`, async () => {
    const { model, graph } = await loadGaad(spec(row, setupOf(row)));
    const edge = escalations(graph, TARGET).find((e) => e.technique?.id === technique);
    expect(edge, `no ${technique} edge`).toBeDefined();
    expect(edge!.technique!.publicIds).toContain(`pathfinding:${id}`);
    const granted = list.split(' ');
    const actions = edge!.actions ?? [];
    if (o.subsumed) expect(granted).toEqual(expect.arrayContaining(actions));
    else expect([...actions].sort()).toEqual([...granted].sort());
    expect(edge!.conditional).toBe(Boolean(o.conditional));
    if (o.conditional) expect(edge!.requires?.length).toBeGreaterThan(0);
    const pass = graph.outEdges(ATTACKER, TARGET).map((k) => graph.getEdgeAttributes(k)).find((e) => e.kind === 'can-pass-to-service');
    expect(pass?.requires).toEqual(granted.includes('iam:PassRole') && actions.includes('iam:PassRole') ? [`passed to ${setupOf(row).passedTo}`] : undefined);
    const paths = findPaths(graph, model, ATTACKER, 'admin', DEFAULT_ANALYSIS_OPTIONS).paths;
    expect(paths.some((p) => p.hops[0].to === TARGET && p.hops[0].technique?.id === technique)).toBe(true);
  });
  // Another technique may still apply to what is left (PassRole gone, codebuild:StartBuild on an existing project): only conditionally.
  it.each(trapsOf(row, index))('trap, %s → no edge', async (trap) => {
    const { model, graph } = await loadGaad(spec(row, setupOf(row, trap)));
    const left = escalations(graph, TARGET);
    expect(left.filter((e) => e.technique?.id === technique)).toEqual([]);
    expect(left.filter((e) => !e.conditional)).toEqual([]);
    expect(findPaths(graph, model, ATTACKER, 'admin', DEFAULT_ANALYSIS_OPTIONS).paths.filter((p) => p.hops[0].technique?.id === technique)).toEqual([]);
  });
});

describe('trap kinds', () => {
  it('every kind is used, most of them many times', () => {
    const counts = new Map<Trap, number>();
    ROWS.forEach((row, i) => trapsOf(row, i).forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1)));
    expect(counts.size).toBe(7);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(8);
  });
});
