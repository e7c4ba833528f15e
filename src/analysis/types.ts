/**
 * Path and answer shapes: the stable JSON contracts of `can`, `who-can`, `paths`, `privesc`, `what-can`.
 */
import type { Evidence, TechniqueRef } from '../graph/types.ts';
import type { EvalDecision, ResidualCondition } from '../policy/types.ts';


export interface Hop {
  from: string;
  /** ARN, or `admin`. */
  to: string;
  /** `can-assume`, `member-of`, `can-pass-to-service`, or a technique id. */
  kind: string;
  technique?: TechniqueRef;
  evidence: Evidence[];
  conditions: ResidualCondition[];
  requires?: string[];
  /** The path's source must also act as one of these (they make the change this hop relies on). */
  alsoActingAs?: string[];
}

export interface FinalAccess {
  action: string;
  resource: string;
  decision: EvalDecision;
  evidence: Evidence[];
  conditions?: ResidualCondition[];
}

export interface Path {
  verdict: 'reachable' | 'conditional';
  hops: Hop[];
  final?: FinalAccess;
}

export interface PathsAnswer {
  from: string;
  to: string;
  paths: Path[];
  truncated: boolean;
}

export interface WhoCanAnswer {
  action: string;
  resource: string;
  principals: Array<{ principal: string; direct: boolean; paths: Path[] }>;
}

export interface PrivescAnswer {
  admins: string[];
  findings: Array<{ principal: string; paths: Path[] }>;
  warnings: string[];
  /** The instant time conditions were decided at, when one was given. */
  asOf?: string;
}

/** One resource pattern an action is allowed on, decided by the engine. */
export interface WhatCanResource {
  /** The statement's Resource pattern with the principal's known policy variables filled in (`*` for NotResource). */
  pattern: string;
  /** NotResource: every resource except these. */
  except?: string[];
  /** Where the grant comes from: the principal's identity policies, or a resource's own policy (trust policy for roles). */
  source: 'identity' | 'resource-policy';
  /** Known resources of the input that match the pattern and are allowed too, the first few (sorted). */
  known: string[];
  /** How many known resources match and are allowed (`known` lists at most WHAT_CAN_KNOWN_SHOWN). */
  knownCount: number;
  /** The decision holds only under `conditions`. */
  conditional: boolean;
  conditions: ResidualCondition[];
}

/** Actions of one service allowed through one principal (the asked one itself, or one it reaches) on the same resources. */
export interface WhatCanGrant {
  /** Sorted, as the action catalog spells them. */
  actions: string[];
  /** The principal acting: the asked one itself or one it can reach (see `reachable`). */
  via: string;
  /** The path to `via` is conditional (always false for the principal itself). */
  viaConditional: boolean;
  resources: WhatCanResource[];
}

export interface WhatCanService {
  service: string;
  /** How many actions the catalog knows for the service. */
  catalogActions: number;
  grants: WhatCanGrant[];
}

export interface WhatCanAdmin {
  /** Every path to admin is conditional. */
  conditional: boolean;
  paths: number;
  /** More paths than counted exist (`--max-paths`). */
  truncated: boolean;
  shortestHops: number;
  /**
   * Who the paths end as, all actions on all resources: an admin principal (`hop` is `is-admin`),
   * or a principal after the escalation `hop` names (e.g. writing itself a policy version).
   */
  as: Array<{ principal: string; hop: string }>;
}

export interface WhatCanAnswer {
  principal: string;
  /** `false`, or how the principal reaches admin. */
  admin: false | WhatCanAdmin;
  /** The principal itself (no paths) and every principal it can reach, with how; admin principals are not enumerated. */
  reachable: Array<{ principal: string; paths: Path[]; conditional: boolean; admin: boolean }>;
  services: WhatCanService[];
}
