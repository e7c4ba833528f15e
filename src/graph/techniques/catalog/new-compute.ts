/**
 * Passing a role to new compute: the compute runs as the role, and its code is the caller's.
 * One technique per kind of compute; each alternative is one pathfinding.cloud path (noted beside it).
 * A role passed to a service must trust the principal that service assumes it with (`service`).
 */
import { passRole, type RequiredAction, type Technique } from '../types.ts';

/** An action on any resource of its kind, optionally needing an existing resource the input cannot show. */
const any = (action: string, requires?: string): RequiredAction => (requires ? { action, resource: '*', requires } : { action, resource: '*' });
const ECS_CLUSTER = 'an existing ECS cluster';
const ECS_TASK_DEFINITION = 'an existing ECS cluster and task definition to override (with iam:PassRole on its execution role, if it has one)';
const ECS_CONTAINER_INSTANCE = 'an ECS cluster with a registered EC2 container instance';
const ECS_TASKS = 'ecs-tasks.amazonaws.com';
const INSTANCE_PROFILE = 'arn:{partition}:iam::{account}:instance-profile/*';
const AGENTCORE = 'bedrock-agentcore.amazonaws.com';

export const NEW_COMPUTE_TECHNIQUES: readonly Technique[] = [
  {
    id: 'pass-role-ec2', name: 'Launch an EC2 instance (on demand or spot) with the role\'s instance profile',
    publicIds: ['pathfinding:ec2-001', 'pathfinding:ec2-003', 'rhino:3 PassRole+RunInstances', 'pmapper:EC2EdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [
      [passRole('ec2.amazonaws.com'), any('ec2:RunInstances')], // ec2-001
      [passRole('ec2.amazonaws.com'), any('ec2:RequestSpotInstances')], // ec2-003
    ],
    result: 'target',
  },
  {
    // IAM API Reference, AddRoleToInstanceProfile: "The caller … must be granted the PassRole permission on the IAM role".
    id: 'pass-role-ec2-new-instance-profile', name: 'Put the role in a new instance profile, then launch an EC2 instance with it',
    publicIds: [],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com',
    anyOf: [[{ action: 'iam:CreateInstanceProfile', resource: INSTANCE_PROFILE }, { action: 'iam:AddRoleToInstanceProfile', resource: INSTANCE_PROFILE }, passRole('ec2.amazonaws.com'), any('ec2:RunInstances')]],
    result: 'target',
  },
  {
    id: 'pass-role-lambda', name: 'Create a Lambda function with the role and invoke or trigger it',
    publicIds: ['pathfinding:lambda-001', 'pathfinding:lambda-002', 'pathfinding:lambda-006', 'rhino:15 PassRole+Lambda+Invoke', 'rhino:16 PassRole+Lambda+EventSourceMapping', 'pmapper:LambdaEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'lambda.amazonaws.com',
    anyOf: [
      [passRole('lambda.amazonaws.com'), any('lambda:CreateFunction'), any('lambda:InvokeFunction')], // lambda-001
      [passRole('lambda.amazonaws.com'), any('lambda:CreateFunction'), any('lambda:AddPermission')], // lambda-006
      [passRole('lambda.amazonaws.com'), any('lambda:CreateFunction'), any('lambda:CreateEventSourceMapping', 'an event source (DynamoDB or Kinesis stream, SQS queue) that receives records')], // lambda-002
    ],
    result: 'target',
  },
  {
    id: 'pass-role-glue', name: 'Create a Glue development endpoint, job or interactive session with the role (or point an existing job at it)',
    publicIds: ['pathfinding:glue-001', 'pathfinding:glue-003', 'pathfinding:glue-004', 'pathfinding:glue-005', 'pathfinding:glue-006', 'pathfinding:glue-007', 'rhino:17 PassRole+Glue'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'glue.amazonaws.com',
    anyOf: [
      [passRole('glue.amazonaws.com'), any('glue:CreateDevEndpoint')], // glue-001
      [passRole('glue.amazonaws.com'), any('glue:CreateJob'), any('glue:StartJobRun')], // glue-003
      [passRole('glue.amazonaws.com'), any('glue:CreateJob'), any('glue:CreateTrigger')], // glue-004
      [passRole('glue.amazonaws.com'), any('glue:CreateSession'), any('glue:RunStatement')], // glue-007
      [passRole('glue.amazonaws.com'), any('glue:UpdateJob', 'an existing Glue job'), any('glue:StartJobRun')], // glue-005
      [passRole('glue.amazonaws.com'), any('glue:UpdateJob', 'an existing Glue job'), any('glue:CreateTrigger')], // glue-006
    ],
    result: 'target',
  },
  {
    id: 'pass-role-cloudformation', name: 'Create a CloudFormation stack that runs as the role',
    publicIds: ['pathfinding:cloudformation-001', 'rhino:19 PassRole+CloudFormation', 'pmapper:CloudFormationEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'cloudformation.amazonaws.com',
    anyOf: [[passRole('cloudformation.amazonaws.com'), any('cloudformation:CreateStack')]],
    result: 'target',
  },
  {
    id: 'pass-role-cloudformation-stackset', name: 'Create (or update) a CloudFormation StackSet with the role as its administration role; its stack instances deploy through the execution roles it can assume',
    publicIds: ['pathfinding:cloudformation-003', 'pathfinding:cloudformation-004'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'cloudformation.amazonaws.com',
    anyOf: [
      [passRole('cloudformation.amazonaws.com'), any('cloudformation:CreateStackSet'), any('cloudformation:CreateStackInstances')], // cloudformation-003
      [passRole('cloudformation.amazonaws.com'), any('cloudformation:UpdateStackSet', 'an existing StackSet with stack instances')], // cloudformation-004
    ],
    result: 'target',
  },
  {
    id: 'pass-role-datapipeline', name: 'Create and activate a Data Pipeline that runs as the role',
    publicIds: ['pathfinding:datapipeline-001', 'rhino:20 PassRole+DataPipeline'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'datapipeline.amazonaws.com',
    anyOf: [[passRole('datapipeline.amazonaws.com'), any('datapipeline:CreatePipeline'), any('datapipeline:PutPipelineDefinition'), any('datapipeline:ActivatePipeline')]],
    result: 'target',
  },
  {
    id: 'pass-role-codebuild', name: 'Create a CodeBuild project that runs as the role and start a build (or a batch build)',
    publicIds: ['pathfinding:codebuild-001', 'pathfinding:codebuild-004', 'pmapper:CodeBuildEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'codebuild.amazonaws.com',
    anyOf: [
      [passRole('codebuild.amazonaws.com'), any('codebuild:CreateProject'), any('codebuild:StartBuild')], // codebuild-001
      [passRole('codebuild.amazonaws.com'), any('codebuild:CreateProject'), any('codebuild:StartBuildBatch')], // codebuild-004
    ],
    result: 'target',
  },
  {
    // sagemaker-001 lists only CreateNotebookInstance; opening the notebook (API or console) is CreatePresignedNotebookInstanceUrl.
    id: 'pass-role-sagemaker', name: 'Create a SageMaker notebook (and open it), training or processing job with the role',
    publicIds: ['pathfinding:sagemaker-001', 'pathfinding:sagemaker-002', 'pmapper:SageMakerEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'sagemaker.amazonaws.com',
    anyOf: [
      [passRole('sagemaker.amazonaws.com'), any('sagemaker:CreateNotebookInstance'), any('sagemaker:CreatePresignedNotebookInstanceUrl')], // sagemaker-001
      [passRole('sagemaker.amazonaws.com'), any('sagemaker:CreateTrainingJob')], // sagemaker-002
      [passRole('sagemaker.amazonaws.com'), any('sagemaker:CreateProcessingJob')],
    ],
    result: 'target',
  },
  {
    id: 'pass-role-ecs', name: 'Run an ECS task (or service) with the role as its task role',
    publicIds: ['pathfinding:ecs-001', 'pathfinding:ecs-002', 'pathfinding:ecs-003', 'pathfinding:ecs-004', 'pathfinding:ecs-005', 'pathfinding:ecs-007', 'pathfinding:ecs-008', 'pathfinding:ecs-009'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: ECS_TASKS,
    anyOf: [
      [passRole(ECS_TASKS), any('ecs:CreateCluster'), any('ecs:RegisterTaskDefinition'), any('ecs:RunTask')], // ecs-002
      [passRole(ECS_TASKS), any('ecs:CreateCluster'), any('ecs:RegisterTaskDefinition'), any('ecs:CreateService')], // ecs-001
      [passRole(ECS_TASKS), any('ecs:RegisterTaskDefinition'), any('ecs:RunTask', ECS_CLUSTER)], // ecs-004
      [passRole(ECS_TASKS), any('ecs:RegisterTaskDefinition'), any('ecs:CreateService', ECS_CLUSTER)], // ecs-003
      [passRole(ECS_TASKS), any('ecs:RunTask', ECS_TASK_DEFINITION)], // ecs-008
      [passRole(ECS_TASKS), any('ecs:RegisterTaskDefinition'), any('ecs:StartTask', ECS_CONTAINER_INSTANCE)], // ecs-005
      [passRole(ECS_TASKS), any('ecs:StartTask', `${ECS_CONTAINER_INSTANCE} and a task definition to override`)], // ecs-009
      [passRole(ECS_TASKS), any('ecs:RegisterContainerInstance', 'code execution on an EC2 instance to register into an existing ECS cluster'), any('ecs:StartTask', 'an existing task definition to override')], // ecs-007
    ],
    result: 'target',
  },
  {
    id: 'pass-role-apprunner', name: 'Create an App Runner service with the role as its instance role',
    publicIds: ['pathfinding:apprunner-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'tasks.apprunner.amazonaws.com',
    anyOf: [[passRole('tasks.apprunner.amazonaws.com'), any('apprunner:CreateService')]],
    result: 'target',
  },
  {
    // The job role of a Batch container job is assumed by ECS tasks; iam:PassRole for job definitions is checked for batch.amazonaws.com.
    id: 'pass-role-batch', name: 'Register a Batch job definition with the role as its job role and submit a job',
    publicIds: ['pathfinding:batch-001', 'pathfinding:batch-003'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: ECS_TASKS,
    anyOf: [
      [passRole('batch.amazonaws.com'), any('batch:CreateComputeEnvironment'), any('batch:CreateJobQueue'), any('batch:RegisterJobDefinition'), any('batch:SubmitJob')], // batch-003
      [passRole('batch.amazonaws.com'), any('batch:RegisterJobDefinition'), any('batch:SubmitJob', 'an existing Batch job queue with a compute environment')], // batch-001
    ],
    result: 'target',
  },
  {
    id: 'pass-role-bedrock-agentcore', name: 'Create a Bedrock AgentCore code interpreter, agent runtime, harness or browser with the role and run code in it',
    publicIds: ['pathfinding:bedrock-001', 'pathfinding:bedrock-003', 'pathfinding:bedrock-005', 'pathfinding:bedrock-006'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: AGENTCORE,
    anyOf: [
      [passRole(AGENTCORE), any('bedrock-agentcore:CreateCodeInterpreter'), any('bedrock-agentcore:StartCodeInterpreterSession'), any('bedrock-agentcore:InvokeCodeInterpreter')], // bedrock-001
      [passRole(AGENTCORE), any('bedrock-agentcore:CreateAgentRuntime'), any('bedrock-agentcore:CreateAgentRuntimeEndpoint'), any('bedrock-agentcore:CreateWorkloadIdentity'), any('bedrock-agentcore:InvokeAgentRuntimeCommand')], // bedrock-003
      [passRole(AGENTCORE), any('bedrock-agentcore:CreateBrowser'), any('bedrock-agentcore:StartBrowserSession'), any('bedrock-agentcore:ConnectBrowserAutomationStream')], // bedrock-006
      [passRole(AGENTCORE), any('bedrock-agentcore:CreateHarness', 'a Bedrock foundation model enabled in the account'), any('bedrock-agentcore:CreateAgentRuntime'), any('bedrock-agentcore:CreateAgentRuntimeEndpoint'), any('bedrock-agentcore:CreateWorkloadIdentity'), any('bedrock-agentcore:GetAgentRuntime'), any('bedrock-agentcore:GetHarness'), any('bedrock-agentcore:InvokeAgentRuntimeCommand')], // bedrock-005
    ],
    result: 'target',
  },
  {
    id: 'pass-role-braket', name: 'Create an Amazon Braket hybrid job that runs as the role',
    publicIds: ['pathfinding:braket-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'braket.amazonaws.com',
    anyOf: [[passRole('braket.amazonaws.com'), any('braket:CreateJob')]],
    result: 'target',
  },
  {
    // Two roles are passed to EMR: the instance-profile role (the target, trusting EC2; AWS's AmazonEMRFullAccessPolicy_v2
    // passes it with iam:PassedToService ec2.amazonaws.com*, the service role with elasticmapreduce.amazonaws.com*) and a service role.
    id: 'pass-role-emr', name: 'Launch an EMR cluster whose EC2 instances run as the role (instance profile) with a step or bootstrap action',
    publicIds: ['pathfinding:emr-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[passRole('ec2.amazonaws.com'), any('elasticmapreduce:RunJobFlow')]],
    result: 'target', requires: 'an EMR service role (trusting elasticmapreduce.amazonaws.com) the source can also pass',
  },
  {
    id: 'pass-role-emr-serverless', name: 'Create an EMR Serverless application and run a job with the role as its execution role',
    publicIds: ['pathfinding:emrserverless-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'emr-serverless.amazonaws.com',
    anyOf: [[passRole('emr-serverless.amazonaws.com'), any('emr-serverless:CreateApplication'), any('emr-serverless:StartJobRun')]],
    result: 'target',
  },
  {
    id: 'pass-role-gamelift', name: 'Upload a GameLift build and create a fleet with the role as its instance role',
    publicIds: ['pathfinding:gamelift-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'gamelift.amazonaws.com',
    anyOf: [[passRole('gamelift.amazonaws.com'), any('gamelift:CreateBuild'), any('gamelift:RequestUploadCredentials'), any('gamelift:CreateFleet')]],
    result: 'target',
  },
  {
    id: 'pass-role-imagebuilder', name: 'Build an EC2 Image Builder image whose build instance runs as the role (instance profile) with one\'s own component',
    publicIds: ['pathfinding:imagebuilder-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[passRole('ec2.amazonaws.com'), any('imagebuilder:CreateComponent'), any('imagebuilder:CreateImageRecipe'), any('imagebuilder:CreateInfrastructureConfiguration'), any('imagebuilder:CreateImage')]],
    result: 'target',
  },
  {
    id: 'pass-role-kinesisanalytics', name: 'Create and start a Managed Service for Apache Flink (Kinesis Analytics) application with the role',
    publicIds: ['pathfinding:kinesisanalytics-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'kinesisanalytics.amazonaws.com',
    anyOf: [[passRole('kinesisanalytics.amazonaws.com'), any('kinesisanalytics:CreateApplication'), any('kinesisanalytics:StartApplication')]],
    result: 'target',
  },
  {
    id: 'pass-role-omics', name: 'Create a HealthOmics workflow and start a run with the role',
    publicIds: ['pathfinding:omics-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'omics.amazonaws.com',
    anyOf: [[passRole('omics.amazonaws.com'), any('omics:CreateWorkflow'), any('omics:StartRun'), any('s3:GetObject')]],
    result: 'target', requires: 'a private ECR image HealthOmics can pull and an S3 output location the role can write',
  },
  {
    id: 'pass-role-ssm-automation', name: 'Create an SSM Automation document and run it with the role as its assume role',
    publicIds: ['pathfinding:ssm-003'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ssm.amazonaws.com',
    anyOf: [[passRole('ssm.amazonaws.com'), any('ssm:CreateDocument'), any('ssm:StartAutomationExecution')]],
    result: 'target',
  },
  {
    // The role trusts Cognito as a web-identity provider; anyone can then get its credentials through the pool.
    id: 'pass-role-cognito-identity-pool', name: 'Set the role as an identity pool\'s (unauthenticated) role and get its credentials from Cognito',
    publicIds: ['pathfinding:cognitoidentity-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-federated', service: 'cognito-identity.amazonaws.com',
    anyOf: [[passRole('cognito-identity.amazonaws.com'), any('cognito-identity:SetIdentityPoolRoles')]],
    result: 'target', requires: 'an existing identity pool (with unauthenticated identities) whose id the role\'s trust accepts as cognito-identity.amazonaws.com:aud',
  },
];
