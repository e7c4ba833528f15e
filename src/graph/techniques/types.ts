/**
 * The shape of a privilege-escalation technique (the catalog itself is data, in ./catalog/).
 * Each is checked by the real engine: every required action is evaluated for the source
 * principal on the concrete target ARN, with the source's boundary, SCPs and the target's
 * policies — never by matching action strings.
 *
 * Public ids: the pathfinding.cloud id (`pathfinding:lambda-001`), the method number and name in
 * Rhino Security Labs' "AWS IAM Privilege Escalation Methods" (`rhino:N …`), and the PMapper edge
 * checker that models it (`pmapper:…`).
 */

import type { GainKind } from '../../access/gains.ts';
import type { ComputeKind } from '../../model/types.ts';

/** What the source ends up with. */
export type TechniqueResult =
  /**
   * It gains something itself (`gain`): admin when the gain makes it admin (its boundary and SCPs
   * still apply); otherwise a new state — the source with the gain — from which every technique
   * is tried again.
   */
  | 'self'
  /**
   * It changes another principal (`gain`: the target with any policy, or without its boundary):
   * admin as that principal, when the attacker — the source or anything it can act as — can act
   * as it, at any distance.
   */
  | 'rewrite-target'
  /** It can act with the target principal's permissions. */
  | 'target';

/** Which targets to try for a source. */
export type TargetSelector =
  | 'self'
  /** Customer-managed policies attached to the source (or its groups). */
  | 'policies-of-self'
  /** Non-default versions of the managed policies the source holds (`policy#version/ID`). */
  | 'policy-versions-of-self'
  /** Managed / inline policies attached to the source itself (not through a group) that hold a Deny statement. */
  | 'managed-deny-policies-of-self'
  | 'inline-deny-policies-of-self'
  /** Customer-managed policies attached to other users, groups and roles. */
  | 'policies-of-others'
  /** Groups the source user is a member of / is not a member of. */
  | 'own-groups'
  | 'other-groups'
  | 'other-users'
  | 'roles'
  | 'roles-trusting-service'
  /** Roles whose trust policy names `service` as a Federated principal (e.g. cognito-identity.amazonaws.com). */
  | 'roles-trusting-federated'
  /** Identity Center's `AWSReservedSSO_…` roles, in every account (a permission set spans accounts). */
  | 'permission-set-roles';

export interface RequiredAction {
  action: string;
  /**
   * `target` = the target's ARN (a policy version: its policy); `source` = the source principal's
   * ARN; `*`; or a template with {partition} and {account} (the source's); or, for an Identity
   * Center role, `{permissionSet}`, `{instance}` or `{targetAccount}` (its sso ARNs).
   */
  resource: 'target' | 'source' | '*' | string;
  /** Extra request keys for this action (e.g. iam:PassedToService). */
  context?: Record<string, string>;
  /**
   * A non-IAM resource this action needs in this alternative (e.g. ecs:RunTask: an existing
   * cluster); the edge is conditional on it, like `Technique.requires`. When several
   * alternatives work, one with fewer of these is chosen.
   */
  requires?: string;
  /**
   * A precondition on the target the input may settle: `free-access-key-slot` — the target user
   * holds fewer than two access keys (unknown without a credential report: assumed free).
   */
  onlyIf?: 'free-access-key-slot';
  /** Decided on the existing resource's ARN (the technique's `runsOn`) when an inventory shows it; on `resource` otherwise. */
  onExisting?: boolean;
}

/** The existing compute a technique abuses, when inventories show it. */
export interface RunsOn {
  kind: ComputeKind;
  /** States (lower-case, as the service reports them) in which it can be abused; any when absent. */
  states?: readonly string[];
}

export interface Technique {
  id: string;
  name: string;
  publicIds: string[];
  /** Principal kinds that can use it (only users can attach user policies, …). */
  sources: Array<'user' | 'role'>;
  targets: TargetSelector;
  /**
   * For PassRole / existing-compute techniques: the service the target role must trust (its
   * `iam:PassedToService` may differ, e.g. a Batch job role trusts ecs-tasks.amazonaws.com and
   * is passed to batch.amazonaws.com).
   */
  service?: string;
  /** EC2: the target role must be in an instance profile. */
  needsInstanceProfile?: boolean;
  /** Any one of these alternatives suffices; all actions within an alternative are required. */
  anyOf: RequiredAction[][];
  result: TechniqueResult;
  /** For `self` and `rewrite-target`: what the source (or the rewritten target) gains. */
  gain?: GainKind;
  /**
   * The calls are made in the account that administers this service's instance: from any other
   * account the edge is conditional on that account being a delegated administrator.
   */
  administeredFrom?: 'identity-center';
  /** Non-IAM resources the input cannot show; the edge is conditional on them. */
  requires?: string;
  /**
   * It abuses compute running as the target role: with an inventory, the hop goes to each such
   * resource (then `runs-as` to the role) and `requires` is met; a whole inventory without one
   * means no hop.
   */
  runsOn?: RunsOn;
}

/** `iam:PassRole` on the target role, passed to `service` (the key AWS sets on the request). */
export const passRole = (service: string): RequiredAction => ({ action: 'iam:PassRole', resource: 'target', context: { 'iam:PassedToService': service } });
