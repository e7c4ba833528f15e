/**
 * What the CLI puts into the viewer page (viz/render.ts) and the page reads back (app/data.ts):
 * the access graph with its layout, the paths precomputed for action targets, and the findings
 * per node. A stable contract between the two sides.
 *
 * Edges are packed: a dense account has a million edges whose evidence repeats (one wildcard
 * statement proves thousands of hops), so each distinct evidence list, condition list, technique
 * and string list is stored once (an evidence list as indexes of statements, each stored once) and
 * edges are rows of indexes. This keeps a 20,000-principal
 * page in tens of megabytes instead of hundreds.
 */
import type { Path } from '../src/analysis/types.ts';
import type { BaseEdgeKind, Evidence, NodeAttributes, TechniqueRef } from '../src/graph/types.ts';
import type { ResidualCondition } from '../src/policy/types.ts';

export const PAYLOAD_VERSION = 3;

/** A target the browser cannot compute (it needs the policy engine): an action on a resource. */
export interface PrecomputedTarget {
  id: string;
  label: string;
  /** Every principal that can do it, with its paths (one hop-less path for direct access). */
  principals: Array<{ principal: string; direct: boolean; paths: Path[] }>;
}

export interface NodeFinding {
  id: string;
  severity: string;
  title: string;
}

/** Values every edge refers to by index (-1 = absent). */
export interface EdgeTables {
  kinds: BaseEdgeKind[];
  techniques: TechniqueRef[];
  /** Evidence lists, as indexes into `statements`. */
  evidence: number[][];
  statements: Evidence[];
  conditions: ResidualCondition[][];
  /** Lists of strings: `actions` and `requires`. */
  strings: string[][];
}

/** One edge = EDGE_STRIDE numbers: source, target (node indexes), then EdgeField indexes. */
export const EDGE_STRIDE = 8;
export const EdgeField = { Source: 0, Target: 1, Kind: 2, Technique: 3, Evidence: 4, Conditions: 5, Actions: 6, Requires: 7 } as const;

export interface PackedGraph {
  /** Node keys and attributes (with `x`/`y` from the layout computed once in the CLI), sorted by key. */
  nodes: Array<{ key: string; attributes: NodeAttributes }>;
  /** Conditional edges have a negative kind index: -(kind + 1). */
  edges: number[];
  tables: EdgeTables;
}

export interface ViewerPayload {
  version: typeof PAYLOAD_VERSION;
  title: string;
  graph: PackedGraph;
  /** Node to select on open. */
  focus?: string;
  /** Target to show on open: `admin`, a node key, or a precomputed target id. */
  target?: string;
  targets: PrecomputedTarget[];
  /** Findings by subject node key. */
  findings: Record<string, NodeFinding[]>;
  /** Where the statements the findings cite are, `file:line pointer`, by `policy#statement` (statementKey). */
  locations?: Record<string, string>;
  search: { maxDepth: number; maxPaths: number; includeConditional: boolean };
}
