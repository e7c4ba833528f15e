/**
 * Puts the path view's nodes where the path layout says, on the drawn graph itself: sigma 3 reads
 * node positions from the graph's attributes when it frames the view (a reducer's x/y is
 * ignored), so this is the one state-to-display step outside the reducers. Moved nodes get their
 * computed layout position back before anything else is drawn.
 */
import type { AccessGraph } from '../../src/graph/types.ts';
import type { Positions } from './path-layout.ts';

export interface Placement {
  /** Puts every moved node back where the CLI's layout had it. */
  restore(): void;
  /** Moves these nodes of `graph` (after restore). */
  place(graph: AccessGraph, positions: Positions): void;
}

export function placement(): Placement {
  let moved: { graph: AccessGraph; home: Map<string, { x: number; y: number }> } | null = null;
  return {
    restore() {
      if (moved) for (const [node, at] of moved.home) if (moved.graph.hasNode(node)) moved.graph.mergeNodeAttributes(node, at);
      moved = null;
    },
    place(graph, positions) {
      const home = new Map<string, { x: number; y: number }>();
      for (const [node, at] of positions) {
        if (!graph.hasNode(node)) continue;
        const a = graph.getNodeAttributes(node);
        home.set(node, { x: a.x ?? 0, y: a.y ?? 0 });
        graph.mergeNodeAttributes(node, at);
      }
      moved = { graph, home };
    },
  };
}
