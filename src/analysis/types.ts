/**
 * Path and answer shapes: the stable JSON contracts of `can`, `who-can`, `paths`, `privesc`.
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
