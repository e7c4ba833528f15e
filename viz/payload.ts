/**
 * What the CLI puts into the viewer page (viz/render.ts) and the page reads back (app/data.ts):
 * the serialized access graph with its layout, the paths precomputed for action targets, and the
 * findings per node. A stable contract between the two sides.
 */
import type { Path } from '../src/analysis/types.ts';
import type { SerializedAccessGraph } from '../src/graph/serialize.ts';

export const PAYLOAD_VERSION = 1;

/** A target the browser cannot compute (it needs the policy engine): an action on a resource. */
export interface PrecomputedTarget {
  id: string;
  label: string;
  /** Every principal that can do it, with its paths (empty for direct access). */
  principals: Array<{ principal: string; direct: boolean; paths: Path[] }>;
}

export interface NodeFinding {
  id: string;
  severity: string;
  title: string;
}

export interface ViewerPayload {
  version: typeof PAYLOAD_VERSION;
  title: string;
  /** Node attributes carry `x`/`y` from the layout computed once in the CLI. */
  graph: SerializedAccessGraph;
  /** Node to select on open. */
  focus?: string;
  /** Target to show on open: `admin`, a node key, or a precomputed target id. */
  target?: string;
  targets: PrecomputedTarget[];
  /** Findings by subject node key. */
  findings: Record<string, NodeFinding[]>;
  search: { maxDepth: number; maxPaths: number; includeConditional: boolean };
}
