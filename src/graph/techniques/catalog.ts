/**
 * The privilege-escalation techniques, as data. Each is checked by the real engine: every
 * required action is evaluated for the source principal on the concrete target ARN, with the
 * source's boundary, SCPs and the target's policies — never by matching action strings.
 *
 * Public ids: the method number and name in Rhino Security Labs' "AWS IAM Privilege Escalation
 * Methods" (`rhino:N …`), and the PMapper edge checker that models it (`pmapper:…`).
 */

/** What the source ends up with. */
export type TechniqueResult =
  /** It can grant itself any identity permission: admin, if its boundary and SCPs let it be. */
  | 'self-admin'
  /** It can grant the target any permission, and can reach the target: admin as the target. */
  | 'target-admin'
  /** It can act with the target principal's permissions. */
  | 'target';

/**
 * What a self-admin technique adds to the source: any identity policy it writes, the target
 * group's policies (it joins the group), or no permissions boundary (it removes its own).
 */
export type Gain = 'any-policy' | 'target-group-policies' | 'no-boundary';

/** Which targets to try for a source. */
export type TargetSelector =
  | 'self'
  | 'policies-of-self'
  /** Groups the source user is a member of / is not a member of. */
  | 'own-groups'
  | 'other-groups'
  | 'other-users'
  | 'roles'
  | 'roles-trusting-service';

export interface RequiredAction {
  action: string;
  /** `target` = the target's ARN; `*`; or a template with {partition} and {account} (the source's). */
  resource: 'target' | '*' | string;
  /** Extra request keys for this action (e.g. iam:PassedToService). */
  context?: Record<string, string>;
}

export interface Technique {
  id: string;
  name: string;
  publicIds: string[];
  /** Principal kinds that can use it (only users can attach user policies, …). */
  sources: Array<'user' | 'role'>;
  targets: TargetSelector;
  /** For PassRole / existing-compute techniques: the service the target role must trust. */
  service?: string;
  /** EC2: the target role must be in an instance profile. */
  needsInstanceProfile?: boolean;
  /** Any one of these alternatives suffices; all actions within an alternative are required. */
  anyOf: RequiredAction[][];
  result: TechniqueResult;
  /** For `self-admin`: what the source gains, checked as a hypothesis (admin with it?). */
  gain?: Gain;
  /** Non-IAM resources the input cannot show; the edge is conditional on them. */
  requires?: string;
}

const passRole = (service: string): RequiredAction => ({ action: 'iam:PassRole', resource: 'target', context: { 'iam:PassedToService': service } });

export const TECHNIQUES: readonly Technique[] = [
  // ---- rewriting one's own permissions -------------------------------------------------------
  { id: 'iam-create-policy-version', name: 'Create a new default version of a managed policy attached to oneself', publicIds: ['rhino:1 CreatePolicyVersion', 'pmapper:IAMEdgeChecker'], sources: ['user', 'role'], targets: 'policies-of-self', anyOf: [[{ action: 'iam:CreatePolicyVersion', resource: 'target' }]], result: 'self-admin', gain: 'any-policy' },
  { id: 'iam-set-default-policy-version', name: 'Switch a policy attached to oneself to a more permissive existing version', publicIds: ['rhino:2 SetDefaultPolicyVersion'], sources: ['user', 'role'], targets: 'policies-of-self', anyOf: [[{ action: 'iam:SetDefaultPolicyVersion', resource: 'target' }]], result: 'self-admin', gain: 'any-policy', requires: 'a more permissive non-default version of the policy' },
  { id: 'iam-attach-user-policy', name: 'Attach a managed policy (e.g. AdministratorAccess) to oneself', publicIds: ['rhino:7 AttachUserPolicy', 'pmapper:IAMEdgeChecker'], sources: ['user'], targets: 'self', anyOf: [[{ action: 'iam:AttachUserPolicy', resource: 'target' }]], result: 'self-admin', gain: 'any-policy' },
  { id: 'iam-attach-group-policy', name: 'Attach a managed policy to a group one is in', publicIds: ['rhino:8 AttachGroupPolicy', 'pmapper:IAMEdgeChecker'], sources: ['user'], targets: 'own-groups', anyOf: [[{ action: 'iam:AttachGroupPolicy', resource: 'target' }]], result: 'self-admin', gain: 'any-policy' },
  { id: 'iam-attach-role-policy', name: 'Attach a managed policy to one\'s own role', publicIds: ['rhino:9 AttachRolePolicy', 'pmapper:IAMEdgeChecker'], sources: ['role'], targets: 'self', anyOf: [[{ action: 'iam:AttachRolePolicy', resource: 'target' }]], result: 'self-admin', gain: 'any-policy' },
  { id: 'iam-put-user-policy', name: 'Write an inline policy on oneself', publicIds: ['rhino:10 PutUserPolicy', 'pmapper:IAMEdgeChecker'], sources: ['user'], targets: 'self', anyOf: [[{ action: 'iam:PutUserPolicy', resource: 'target' }]], result: 'self-admin', gain: 'any-policy' },
  { id: 'iam-put-group-policy', name: 'Write an inline policy on a group one is in', publicIds: ['rhino:11 PutGroupPolicy', 'pmapper:IAMEdgeChecker'], sources: ['user'], targets: 'own-groups', anyOf: [[{ action: 'iam:PutGroupPolicy', resource: 'target' }]], result: 'self-admin', gain: 'any-policy' },
  { id: 'iam-put-role-policy', name: 'Write an inline policy on one\'s own role', publicIds: ['rhino:12 PutRolePolicy', 'pmapper:IAMEdgeChecker'], sources: ['role'], targets: 'self', anyOf: [[{ action: 'iam:PutRolePolicy', resource: 'target' }]], result: 'self-admin', gain: 'any-policy' },
  { id: 'iam-delete-user-permissions-boundary', name: 'Remove one\'s own permissions boundary', publicIds: [], sources: ['user'], targets: 'self', anyOf: [[{ action: 'iam:DeleteUserPermissionsBoundary', resource: 'target' }]], result: 'self-admin', gain: 'no-boundary' },
  { id: 'iam-delete-role-permissions-boundary', name: 'Remove one\'s own role\'s permissions boundary', publicIds: [], sources: ['role'], targets: 'self', anyOf: [[{ action: 'iam:DeleteRolePermissionsBoundary', resource: 'target' }]], result: 'self-admin', gain: 'no-boundary' },
  { id: 'iam-attach-role-policy-reachable', name: 'Attach a managed policy to a role one can assume (or otherwise reach), then act as it', publicIds: ['rhino:9 AttachRolePolicy', 'pmapper:IAMEdgeChecker'], sources: ['user', 'role'], targets: 'roles', anyOf: [[{ action: 'iam:AttachRolePolicy', resource: 'target' }]], result: 'target-admin' },
  { id: 'iam-put-role-policy-reachable', name: 'Write an inline policy on a role one can assume (or otherwise reach), then act as it', publicIds: ['rhino:12 PutRolePolicy', 'pmapper:IAMEdgeChecker'], sources: ['user', 'role'], targets: 'roles', anyOf: [[{ action: 'iam:PutRolePolicy', resource: 'target' }]], result: 'target-admin' },
  { id: 'iam-attach-user-policy-reachable', name: 'Attach a managed policy to another user one can act as, then act as them', publicIds: ['rhino:7 AttachUserPolicy'], sources: ['user', 'role'], targets: 'other-users', anyOf: [[{ action: 'iam:AttachUserPolicy', resource: 'target' }]], result: 'target-admin' },
  { id: 'iam-put-user-policy-reachable', name: 'Write an inline policy on another user one can act as, then act as them', publicIds: ['rhino:10 PutUserPolicy'], sources: ['user', 'role'], targets: 'other-users', anyOf: [[{ action: 'iam:PutUserPolicy', resource: 'target' }]], result: 'target-admin' },
  // ---- becoming another principal -------------------------------------------------------------
  { id: 'iam-create-access-key', name: 'Create an access key for another user', publicIds: ['rhino:4 CreateAccessKey', 'pmapper:IAMEdgeChecker'], sources: ['user', 'role'], targets: 'other-users', anyOf: [[{ action: 'iam:CreateAccessKey', resource: 'target' }]], result: 'target' },
  { id: 'iam-create-login-profile', name: 'Create a console password for another user', publicIds: ['rhino:5 CreateLoginProfile', 'pmapper:IAMEdgeChecker'], sources: ['user', 'role'], targets: 'other-users', anyOf: [[{ action: 'iam:CreateLoginProfile', resource: 'target' }]], result: 'target' },
  { id: 'iam-update-login-profile', name: 'Change another user\'s console password', publicIds: ['rhino:6 UpdateLoginProfile', 'pmapper:IAMEdgeChecker'], sources: ['user', 'role'], targets: 'other-users', anyOf: [[{ action: 'iam:UpdateLoginProfile', resource: 'target' }]], result: 'target' },
  { id: 'iam-update-assume-role-policy', name: 'Rewrite a role\'s trust policy to name oneself, then assume it (a trust naming the caller needs no identity Allow in the same account)', publicIds: ['rhino:14 UpdateAssumeRolePolicy', 'pmapper:STSEdgeChecker'], sources: ['user', 'role'], targets: 'roles', anyOf: [[{ action: 'iam:UpdateAssumeRolePolicy', resource: 'target' }]], result: 'target' },
  { id: 'iam-add-user-to-group', name: 'Add oneself to a more privileged group', publicIds: ['rhino:13 AddUserToGroup', 'pmapper:IAMEdgeChecker'], sources: ['user'], targets: 'other-groups', anyOf: [[{ action: 'iam:AddUserToGroup', resource: 'target' }]], result: 'self-admin', gain: 'target-group-policies' },
  // ---- passing a role to new compute ------------------------------------------------------------
  { id: 'pass-role-ec2', name: 'Launch an EC2 instance with the role\'s instance profile', publicIds: ['rhino:3 PassRole+RunInstances', 'pmapper:EC2EdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true, anyOf: [[passRole('ec2.amazonaws.com'), { action: 'ec2:RunInstances', resource: '*' }]], result: 'target' },
  { id: 'pass-role-lambda', name: 'Create a Lambda function with the role and invoke or trigger it', publicIds: ['rhino:15 PassRole+Lambda+Invoke', 'rhino:16 PassRole+Lambda+EventSourceMapping', 'pmapper:LambdaEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'lambda.amazonaws.com', anyOf: [[passRole('lambda.amazonaws.com'), { action: 'lambda:CreateFunction', resource: '*' }, { action: 'lambda:InvokeFunction', resource: '*' }], [passRole('lambda.amazonaws.com'), { action: 'lambda:CreateFunction', resource: '*' }, { action: 'lambda:CreateEventSourceMapping', resource: '*' }]], result: 'target' },
  { id: 'pass-role-glue', name: 'Create a Glue development endpoint or job with the role', publicIds: ['rhino:17 PassRole+Glue'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'glue.amazonaws.com', anyOf: [[passRole('glue.amazonaws.com'), { action: 'glue:CreateDevEndpoint', resource: '*' }], [passRole('glue.amazonaws.com'), { action: 'glue:CreateJob', resource: '*' }, { action: 'glue:StartJobRun', resource: '*' }]], result: 'target' },
  { id: 'pass-role-cloudformation', name: 'Create a CloudFormation stack that runs as the role', publicIds: ['rhino:19 PassRole+CloudFormation', 'pmapper:CloudFormationEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'cloudformation.amazonaws.com', anyOf: [[passRole('cloudformation.amazonaws.com'), { action: 'cloudformation:CreateStack', resource: '*' }]], result: 'target' },
  { id: 'pass-role-datapipeline', name: 'Create and activate a Data Pipeline that runs as the role', publicIds: ['rhino:20 PassRole+DataPipeline'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'datapipeline.amazonaws.com', anyOf: [[passRole('datapipeline.amazonaws.com'), { action: 'datapipeline:CreatePipeline', resource: '*' }, { action: 'datapipeline:PutPipelineDefinition', resource: '*' }, { action: 'datapipeline:ActivatePipeline', resource: '*' }]], result: 'target' },
  { id: 'pass-role-codebuild', name: 'Create and start a CodeBuild project that runs as the role', publicIds: ['pmapper:CodeBuildEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'codebuild.amazonaws.com', anyOf: [[passRole('codebuild.amazonaws.com'), { action: 'codebuild:CreateProject', resource: '*' }, { action: 'codebuild:StartBuild', resource: '*' }]], result: 'target' },
  { id: 'pass-role-sagemaker', name: 'Create a SageMaker notebook, training or processing job with the role', publicIds: ['pmapper:SageMakerEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'sagemaker.amazonaws.com', anyOf: [[passRole('sagemaker.amazonaws.com'), { action: 'sagemaker:CreateNotebookInstance', resource: '*' }, { action: 'sagemaker:CreatePresignedNotebookInstanceUrl', resource: '*' }], [passRole('sagemaker.amazonaws.com'), { action: 'sagemaker:CreateTrainingJob', resource: '*' }], [passRole('sagemaker.amazonaws.com'), { action: 'sagemaker:CreateProcessingJob', resource: '*' }]], result: 'target' },
  { id: 'pass-role-ecs', name: 'Register an ECS task definition with the role and run it', publicIds: [], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ecs-tasks.amazonaws.com', anyOf: [[passRole('ecs-tasks.amazonaws.com'), { action: 'ecs:RegisterTaskDefinition', resource: '*' }, { action: 'ecs:RunTask', resource: '*' }]], result: 'target' },
  { id: 'pass-role-apprunner', name: 'Create an App Runner service with the role as its instance role', publicIds: [], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'tasks.apprunner.amazonaws.com', anyOf: [[passRole('tasks.apprunner.amazonaws.com'), { action: 'apprunner:CreateService', resource: '*' }]], result: 'target' },
  // ---- abusing existing compute that runs as a role ---------------------------------------------
  { id: 'lambda-update-function-code', name: 'Replace the code of an existing Lambda function that runs as the role', publicIds: ['rhino:21 UpdateFunctionCode', 'pmapper:LambdaEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'lambda.amazonaws.com', anyOf: [[{ action: 'lambda:UpdateFunctionCode', resource: 'arn:{partition}:lambda:*:{account}:function:*' }]], result: 'target', requires: 'an existing Lambda function that runs as the role' },
  { id: 'ssm-send-command', name: 'Run commands on an EC2 instance that runs as the role (SSM SendCommand or StartSession)', publicIds: ['pmapper:SSMEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true, anyOf: [[{ action: 'ssm:SendCommand', resource: '*' }], [{ action: 'ssm:StartSession', resource: '*' }]], result: 'target', requires: 'a running, SSM-managed EC2 instance with the role\'s instance profile' },
  { id: 'ec2-instance-connect', name: 'Push an SSH key with EC2 Instance Connect to an instance that runs as the role', publicIds: [], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'ec2.amazonaws.com', needsInstanceProfile: true, anyOf: [[{ action: 'ec2-instance-connect:SendSSHPublicKey', resource: '*' }]], result: 'target', requires: 'a running EC2 instance with the role\'s instance profile, reachable over SSH' },
  { id: 'cloudformation-update-stack', name: 'Update an existing CloudFormation stack that runs as the role', publicIds: ['pmapper:CloudFormationEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'cloudformation.amazonaws.com', anyOf: [[{ action: 'cloudformation:UpdateStack', resource: '*' }]], result: 'target', requires: 'an existing stack whose service role is the role' },
  { id: 'sagemaker-presigned-notebook-url', name: 'Open an existing SageMaker notebook that runs as the role', publicIds: ['pmapper:SageMakerEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'sagemaker.amazonaws.com', anyOf: [[{ action: 'sagemaker:CreatePresignedNotebookInstanceUrl', resource: '*' }]], result: 'target', requires: 'an existing notebook instance that runs as the role' },
  { id: 'glue-update-dev-endpoint', name: 'Add an SSH key to an existing Glue development endpoint that runs as the role', publicIds: ['rhino:18 UpdateDevEndpoint'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'glue.amazonaws.com', anyOf: [[{ action: 'glue:UpdateDevEndpoint', resource: '*' }]], result: 'target', requires: 'an existing Glue development endpoint that runs as the role' },
  { id: 'codebuild-start-build', name: 'Start a build (with a buildspec override) of an existing project that runs as the role', publicIds: ['pmapper:CodeBuildEdgeChecker'], sources: ['user', 'role'], targets: 'roles-trusting-service', service: 'codebuild.amazonaws.com', anyOf: [[{ action: 'codebuild:StartBuild', resource: '*' }]], result: 'target', requires: 'an existing CodeBuild project whose service role is the role' },
];
