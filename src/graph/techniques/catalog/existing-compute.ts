/**
 * Abusing compute that already runs as a role: change its code, its commands or its configuration.
 * With an inventory (`runsOn`), the hop goes to each resource running as the role and the actions
 * marked `at` are decided on its ARN; without one, the hop is conditional on such a resource. Each
 * alternative is one pathfinding.cloud path (noted beside it).
 */
import { passRole, type RequiredAction, type Technique } from '../types.ts';

/** An action on any resource of its kind (`*` or an ARN template), optionally needing something more the input cannot show. */
const on = (action: string, resource = '*', requires?: string): RequiredAction => (requires ? { action, resource, requires } : { action, resource });
/** The same, decided on the existing resource's own ARN when an inventory shows it. */
const at = (action: string, resource = '*', requires?: string): RequiredAction => ({ ...on(action, resource, requires), onExisting: true });
const FUNCTION = 'arn:{partition}:lambda:*:{account}:function:*';
const INSTANCE = 'arn:{partition}:ec2:*:{account}:instance/*';
const LAUNCH_TEMPLATE = 'arn:{partition}:ec2:*:{account}:launch-template/*';
const INSTANCE_PROFILE = 'arn:{partition}:iam::{account}:instance-profile/*';

export const EXISTING_COMPUTE_TECHNIQUES: readonly Technique[] = [
  {
    id: 'lambda-update-function-code', name: 'Replace the code of an existing Lambda function that runs as the role',
    publicIds: ['pathfinding:lambda-003', 'pathfinding:lambda-004', 'pathfinding:lambda-005', 'rhino:21 UpdateFunctionCode', 'pmapper:LambdaEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'lambda.amazonaws.com',
    anyOf: [
      [at('lambda:UpdateFunctionCode', FUNCTION), at('lambda:InvokeFunction', FUNCTION)], // lambda-004
      [at('lambda:UpdateFunctionCode', FUNCTION), at('lambda:AddPermission', FUNCTION)], // lambda-005
      [at('lambda:UpdateFunctionCode', FUNCTION, 'something that invokes the function')], // lambda-003
    ],
    result: 'target', requires: 'an existing Lambda function that runs as the role', runsOn: { kind: 'lambda-function' },
  },
  {
    id: 'ssm-send-command', name: 'Run commands on an EC2 instance that runs as the role (SSM SendCommand or StartSession)',
    publicIds: ['pathfinding:ssm-001', 'pathfinding:ssm-002', 'pmapper:SSMEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[at('ssm:SendCommand')] /* ssm-002 */, [at('ssm:StartSession')] /* ssm-001 */],
    result: 'target', requires: 'a running, SSM-managed EC2 instance with the role\'s instance profile', runsOn: { kind: 'ec2-instance', states: ['running'] },
  },
  {
    id: 'ec2-instance-connect', name: 'Push an SSH key with EC2 Instance Connect to an instance that runs as the role',
    publicIds: [],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[at('ec2-instance-connect:SendSSHPublicKey')]],
    result: 'target', requires: 'a running EC2 instance with the role\'s instance profile, reachable over SSH', runsOn: { kind: 'ec2-instance', states: ['running'] },
  },
  {
    id: 'ec2-modify-instance-user-data', name: 'Stop an EC2 instance that runs as the role, replace its user data and start it again',
    publicIds: ['pathfinding:ec2-002'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[at('ec2:ModifyInstanceAttribute', INSTANCE), at('ec2:StopInstances', INSTANCE), at('ec2:StartInstances', INSTANCE)]],
    result: 'target', requires: 'an existing EC2 instance with the role\'s instance profile that may be stopped and started', runsOn: { kind: 'ec2-instance', states: ['pending', 'running', 'stopping', 'stopped'] },
  },
  {
    id: 'ec2-launch-template-version', name: 'Add a launch template version with one\'s own user data (keeping the role\'s instance profile) and make it the default',
    publicIds: ['pathfinding:ec2-004', 'pathfinding:ec2-005'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[on('ec2:CreateLaunchTemplateVersion', LAUNCH_TEMPLATE), on('ec2:ModifyLaunchTemplate', LAUNCH_TEMPLATE)]],
    result: 'target', requires: 'an existing launch template with the role\'s instance profile, and something that launches from its default version (an Auto Scaling group, a fleet)',
  },
  {
    id: 'cloudformation-update-stack', name: 'Update an existing CloudFormation stack that runs as the role (directly or through a change set)',
    publicIds: ['pathfinding:cloudformation-002', 'pathfinding:cloudformation-005', 'pmapper:CloudFormationEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'cloudformation.amazonaws.com',
    anyOf: [[at('cloudformation:UpdateStack')] /* cloudformation-002 */, [at('cloudformation:CreateChangeSet'), at('cloudformation:ExecuteChangeSet')] /* cloudformation-005 */],
    result: 'target', requires: 'an existing stack whose service role is the role', runsOn: { kind: 'cloudformation-stack' },
  },
  {
    id: 'sagemaker-presigned-notebook-url', name: 'Open an existing SageMaker notebook that runs as the role',
    publicIds: ['pathfinding:sagemaker-004', 'pmapper:SageMakerEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'sagemaker.amazonaws.com',
    anyOf: [[at('sagemaker:CreatePresignedNotebookInstanceUrl')]],
    result: 'target', requires: 'an existing notebook instance that runs as the role', runsOn: { kind: 'sagemaker-notebook', states: ['inservice'] },
  },
  {
    id: 'sagemaker-notebook-lifecycle-config', name: 'Attach one\'s own lifecycle configuration to an existing SageMaker notebook that runs as the role and restart it',
    publicIds: ['pathfinding:sagemaker-005'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'sagemaker.amazonaws.com',
    anyOf: [[on('sagemaker:CreateNotebookInstanceLifecycleConfig'), at('sagemaker:StopNotebookInstance'), at('sagemaker:UpdateNotebookInstance'), at('sagemaker:StartNotebookInstance')]],
    result: 'target', requires: 'an existing notebook instance that runs as the role', runsOn: { kind: 'sagemaker-notebook', states: ['inservice', 'stopped'] },
  },
  {
    id: 'glue-update-dev-endpoint', name: 'Add an SSH key to an existing Glue development endpoint that runs as the role',
    publicIds: ['rhino:18 UpdateDevEndpoint'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'glue.amazonaws.com',
    anyOf: [[at('glue:UpdateDevEndpoint')]],
    result: 'target', requires: 'an existing Glue development endpoint that runs as the role', runsOn: { kind: 'glue-dev-endpoint', states: ['ready'] },
  },
  {
    id: 'codebuild-start-build', name: 'Start a build or batch build (with a buildspec override) of an existing project that runs as the role',
    publicIds: ['pathfinding:codebuild-002', 'pathfinding:codebuild-003', 'pmapper:CodeBuildEdgeChecker'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'codebuild.amazonaws.com',
    anyOf: [[at('codebuild:StartBuild')] /* codebuild-002 */, [at('codebuild:StartBuildBatch', '*', 'batch builds enabled on the project')] /* codebuild-003 */],
    result: 'target', requires: 'an existing CodeBuild project whose service role is the role', runsOn: { kind: 'codebuild-project' },
  },
  {
    id: 'apprunner-update-service', name: 'Update an existing App Runner service that runs as the role to run one\'s own image or start command',
    publicIds: ['pathfinding:apprunner-002'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'tasks.apprunner.amazonaws.com',
    anyOf: [[at('apprunner:UpdateService')]],
    result: 'target', requires: 'an existing App Runner service whose instance role is the role', runsOn: { kind: 'apprunner-service', states: ['running'] },
  },
  {
    id: 'batch-submit-job', name: 'Submit a job with a command override to an existing Batch job definition whose job role is the role',
    publicIds: ['pathfinding:batch-002'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ecs-tasks.amazonaws.com',
    anyOf: [[at('batch:SubmitJob', '*', 'a job queue it may submit to')]],
    result: 'target', requires: 'an existing Batch job definition whose job role is the role (with an image that runs the overridden command)', runsOn: { kind: 'batch-job-definition', states: ['active'] },
  },
  {
    id: 'bedrock-agentcore-existing', name: 'Run code in an existing Bedrock AgentCore code interpreter, agent runtime or browser that runs as the role',
    publicIds: ['pathfinding:bedrock-002', 'pathfinding:bedrock-004', 'pathfinding:bedrock-007'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'bedrock-agentcore.amazonaws.com',
    anyOf: [
      [on('bedrock-agentcore:StartCodeInterpreterSession', '*', 'an existing code interpreter that runs as the role'), on('bedrock-agentcore:InvokeCodeInterpreter')], // bedrock-002
      [on('bedrock-agentcore:InvokeAgentRuntimeCommand', '*', 'an existing agent runtime or harness with IAM inbound auth that runs as the role')], // bedrock-004
      [on('bedrock-agentcore:StartBrowserSession', '*', 'an existing custom browser that runs as the role'), on('bedrock-agentcore:ConnectBrowserAutomationStream')], // bedrock-007
    ],
    result: 'target',
  },
  {
    id: 'codedeploy-create-deployment', name: 'Deploy one\'s own revision to EC2 instances that run as the role through an existing CodeDeploy deployment group',
    publicIds: ['pathfinding:codedeploy-001'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[on('codedeploy:RegisterApplicationRevision'), on('codedeploy:CreateDeployment'), on('codedeploy:GetDeploymentConfig')]],
    result: 'target', requires: 'an existing CodeDeploy deployment group targeting running instances with the role\'s instance profile and the agent, and a revision location those instances can read',
  },
  {
    id: 'ec2-associate-instance-profile', name: 'Attach the role\'s instance profile to a running EC2 instance one runs code on (or replace the one it has)',
    publicIds: [],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true,
    anyOf: [[on('ec2:AssociateIamInstanceProfile', INSTANCE), passRole('ec2.amazonaws.com')], [on('ec2:ReplaceIamInstanceProfileAssociation', INSTANCE), passRole('ec2.amazonaws.com')]],
    result: 'target', requires: 'a running EC2 instance the attacker runs code on (its own, or one it reaches by SSM)',
  },
  {
    // The instance's credentials follow its profile's role: swap the role in the profile an instance already uses.
    id: 'ec2-rewire-instance-profile', name: 'Swap the role into the instance profile of a running EC2 instance one runs code on',
    publicIds: [],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com',
    anyOf: [[on('iam:RemoveRoleFromInstanceProfile', INSTANCE_PROFILE), on('iam:AddRoleToInstanceProfile', INSTANCE_PROFILE), passRole('ec2.amazonaws.com')]],
    result: 'target', requires: 'a running EC2 instance the attacker runs code on, whose instance profile it rewires',
  },
  {
    id: 'ecs-execute-command', name: 'Open a shell (ECS Exec) in a running ECS task whose task role is the role',
    publicIds: ['pathfinding:ecs-006'],
    sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ecs-tasks.amazonaws.com',
    anyOf: [[at('ecs:ExecuteCommand'), at('ecs:DescribeTasks')]],
    result: 'target', requires: 'a running ECS task with ECS Exec enabled whose task role is the role', runsOn: { kind: 'ecs-service', states: ['running-exec'] },
  },
];
