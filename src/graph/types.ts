/**
 * Node and edge kinds of the access graph. The graph is a graphology `MultiDirectedGraph`
 * keyed by ARN (or by the special keys below); its `export()` form is what the viewer, the
 * Neo4j export and the reports consume, so these attribute shapes are a stable contract.
 */
import type { MultiDirectedGraph } from 'graphology';
import type { Gain } from '../access/gains.ts';
import type { ResidualCondition, StatementRef } from '../policy/types.ts';

export type NodeKind =
  | 'account'
  | 'user'
  | 'group'
  | 'role'
  | 'service'
  | 'federated'
  | 'idc-user'
  | 'idc-group'
  | 'external-account'
  | 'public'
  | 'policy'
  | 'resource'
  /** A principal with what escalation steps gained it (a group's policies, a guardrail removed, …). */
  | 'escalated'
  /**
   * "Any of these targets by this technique": one edge in from each principal whose decisions do
   * not depend on the target, one edge out to each target. Walks fold it away (traversal/steps.ts):
   * a hop never ends on a hub.
   */
  | 'hub'
  | 'admin';

/** Special node keys. Principals, policies and resources are keyed by their ARN. */
export const ADMIN_NODE = 'admin';
export const PUBLIC_NODE = '*';
export const serviceNodeKey = (service: string): string => `service:${service}`;
export const accountNodeKey = (accountId: string): string => `account:${accountId}`;
export const hubNodeKey = (technique: string, alternative: number, accountId: string, targets: string): string => `hub:${technique}#${alternative}@${accountId}/${targets}`;

export interface NodeAttributes {
  kind: NodeKind;
  /** Short display name: user/role/group name, service principal, bucket name, … */
  label: string;
  /** ARN when the node has one. */
  arn?: string;
  accountId?: string;
  /** Whether this principal is effectively an administrator. */
  admin?: boolean;
  /** Viewer layout, filled by the layout step. */
  x?: number;
  y?: number;
  /** For `escalated` nodes: the principal, and what it gained, in order. */
  principal?: string;
  gains?: Gain[];
  /** Free-form details for display (policy names, tags, trust document …), JSON-serializable. */
  details?: Record<string, unknown>;
}

export type BaseEdgeKind =
  | 'member-of'
  | 'has-policy'
  | 'trusts'
  | 'can-assume'
  | 'can-pass-to-service'
  | 'can-access'
  | 'is-admin'
  | 'escalation'
  /** Compute from an inventory (a Lambda function, an EC2 instance, …) → the role it runs as. */
  | 'runs-as';

/** One piece of proof behind an edge. */
export interface Evidence extends StatementRef {
  /** What this statement was checked for, e.g. `iam:PassRole on arn:…` or `trust policy`. */
  note?: string;
}

export interface TechniqueRef {
  id: string;
  name: string;
  publicIds: string[];
}

export interface EdgeAttributes {
  kind: BaseEdgeKind;
  /** For `escalation` edges: which technique. */
  technique?: TechniqueRef;
  /** Actions the edge relies on, e.g. ['sts:AssumeRole'] or ['iam:PassRole', 'lambda:CreateFunction']. */
  actions?: string[];
  evidence: Evidence[];
  /** Residual conditions (open-mode) this edge depends on; empty = unconditional. */
  conditions: ResidualCondition[];
  /** Things the input cannot show but the edge needs (e.g. "an existing Lambda function running as the role"). */
  requires?: string[];
  /**
   * The attacker must also be able to act as one of these nodes (they make the change this step
   * relies on, e.g. rewrite the role being entered): the path search checks it against its source.
   */
  alsoActingAs?: string[];
  conditional: boolean;
}

export type AccessGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
