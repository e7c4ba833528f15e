/**
 * What the user has chosen (selection, target, filters) and what follows from it (reach sets,
 * path nodes and edges), turned into sigma node/edge reducers. Pure functions of the state.
 */
import type { Attributes } from 'graphology-types';
import type { AccessGraph } from '../../src/graph/types.ts';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';
import { CONDITIONAL_COLOUR, EDGE_COLOURS, EDGE_GROUP_OF, FADED_EDGE, FADED_NODE, HIGHLIGHT_EDGE, NODE_COLOURS, type EdgeGroup } from './palette.ts';
import { edgesOfHop, type SourcedPath } from './paths.ts';
import { depthsFrom, REACH } from '../../src/graph/traversal/index.ts';
import { hopIsConditional } from '../../src/analysis/hop.ts';

export interface ViewState {
  selected: string | null;
  /** '' (none), 'admin', a node key, or a precomputed target id. */
  target: string;
  paths: SourcedPath[];
  truncated: boolean;
  groups: Set<EdgeGroup>;
  account: string;
  hideConditional: boolean;
}

export interface Highlight {
  /** Nodes to draw in full colour; null = all. */
  nodes: Set<string> | null;
  /** Edges drawn dark (path edges: conditional ones in amber). */
  pathEdges: Map<string, boolean>;
  reachEdges: Set<string>;
  pathNodes: Set<string>;
}

export function highlightOf(graph: AccessGraph, state: ViewState): Highlight {
  const pathEdges = new Map<string, boolean>();
  const pathNodes = new Set<string>();
  for (const { from, path } of state.paths) {
    pathNodes.add(from);
    for (const hop of path.hops) {
      pathNodes.add(hop.from).add(hop.to);
      const conditional = hopIsConditional(hop);
      for (const edge of edgesOfHop(graph, hop)) pathEdges.set(edge, conditional || pathEdges.get(edge) === true);
    }
  }
  const reachEdges = new Set<string>();
  let nodes: Set<string> | null = null;
  if (state.target !== '') nodes = new Set(pathNodes);
  if (state.selected !== null && graph.hasNode(state.selected)) {
    const reach = (direction: 'out' | 'in') => new Set(depthsFrom(graph, [state.selected!], { edges: REACH, direction, includeConditional: !state.hideConditional }).keys());
    const forward = reach('out');
    const backward = reach('in');
    if (state.target === '') {
      nodes = new Set([...forward, ...backward]);
      graph.forEachEdge((edge, a, source, target) => {
        if (REACH.has(a.kind) && ((forward.has(source) && forward.has(target)) || (backward.has(source) && backward.has(target)))) reachEdges.add(edge);
      });
    }
    nodes?.add(state.selected);
  }
  return { nodes, pathEdges, reachEdges, pathNodes };
}

export interface Sizes {
  node: number;
  principal: number;
}

export const sizesFor = (order: number): Sizes => (order > 5000 ? { node: 1.5, principal: 2.5 } : order > 500 ? { node: 3, principal: 4 } : { node: 5, principal: 8 });

const PRINCIPALS = new Set(['user', 'role', 'idc-user', 'external-account', 'public']);

export function nodeReducer(state: ViewState, h: Highlight, sizes: Sizes) {
  return (node: string, data: Attributes): Attributes => {
    const a = data as NodeAttributes;
    const hiddenByFilter =
      (a.kind === 'policy' && !state.groups.has('policy')) || (state.account !== '' && a.accountId !== undefined && a.accountId !== state.account && !h.pathNodes.has(node));
    const lit = h.nodes === null || h.nodes.has(node);
    const size = a.kind === 'admin' ? sizes.principal * 1.6 : PRINCIPALS.has(a.kind) ? sizes.principal : sizes.node;
    return {
      x: a.x,
      y: a.y,
      label: a.label,
      size: node === state.selected ? size * 1.5 : size,
      color: lit ? NODE_COLOURS[a.kind] : FADED_NODE,
      hidden: hiddenByFilter,
      forceLabel: node === state.selected || h.pathNodes.has(node),
      zIndex: lit ? 1 : 0,
      highlighted: node === state.selected,
    };
  };
}

/** The edge type of conditional edges (dashed-edge.ts), when the renderer draws arrows. */
export const DASHED_EDGE = 'dashed-arrow';

/** `dashes`: conditional edges are drawn dashed (not in points-and-lines mode, which has no dashes). */
export function edgeReducer(state: ViewState, h: Highlight, dashes: boolean) {
  return (edge: string, data: Attributes): Attributes => {
    const a = data as EdgeAttributes;
    const group = EDGE_GROUP_OF[a.kind];
    const onPath = h.pathEdges.get(edge);
    const hidden = !state.groups.has(group) || (state.hideConditional && a.conditional);
    const type = dashes && (onPath ?? a.conditional) ? { type: DASHED_EDGE } : {};
    if (onPath !== undefined) return { size: 3, color: onPath ? CONDITIONAL_COLOUR : HIGHLIGHT_EDGE, hidden: false, zIndex: 2, ...type };
    const lit = h.nodes === null ? true : h.reachEdges.has(edge);
    return { size: 1, color: lit ? EDGE_COLOURS[group] : FADED_EDGE, hidden: hidden || (h.nodes !== null && !lit && state.target !== ''), zIndex: lit ? 1 : 0, ...type };
  };
}
