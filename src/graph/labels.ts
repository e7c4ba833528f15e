/**
 * The Neo4j data model: every node is `:IamNode` plus one label per kind, every edge one
 * relationship type per kind. Labels and types come only from these fixed tables (Cypher cannot
 * take them as parameters); everything that comes from input data travels as parameters.
 */
import type { BaseEdgeKind, NodeKind } from './types.ts';

export const BASE_LABEL = 'IamNode';
export const SNAPSHOT_LABEL = 'IamSnapshot';

export const NODE_LABELS: Record<NodeKind, string> = {
  account: 'Account',
  user: 'User',
  group: 'Group',
  role: 'Role',
  service: 'ServicePrincipal',
  federated: 'FederatedProvider',
  'idc-user': 'IdentityCenterUser',
  'idc-group': 'IdentityCenterGroup',
  'external-account': 'ExternalAccount',
  public: 'Public',
  policy: 'Policy',
  resource: 'Resource',
  escalated: 'EscalatedPrincipal',
  hub: 'AnyTarget',
  admin: 'Admin',
};

export const RELATIONSHIP_TYPES: Record<BaseEdgeKind, string> = {
  'member-of': 'MEMBER_OF',
  'has-policy': 'HAS_POLICY',
  trusts: 'TRUSTS',
  'can-assume': 'CAN_ASSUME',
  'can-pass-to-service': 'CAN_PASS_TO_SERVICE',
  'can-access': 'CAN_ACCESS',
  'is-admin': 'IS_ADMIN',
  escalation: 'CAN_ESCALATE',
  'runs-as': 'RUNS_AS',
};

export const nodeLabel = (kind: string): string => {
  const label = (NODE_LABELS as Record<string, string>)[kind];
  if (!label) throw new Error(`unknown node kind ${kind}`);
  return label;
};

export const relationshipType = (kind: string): string => {
  const type = (RELATIONSHIP_TYPES as Record<string, string>)[kind];
  if (!type) throw new Error(`unknown edge kind ${kind}`);
  return type;
};
