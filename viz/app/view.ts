/**
 * What the user has chosen (selection, target, filters) and what follows from it (reach sets,
 * path nodes and edges), turned into sigma node/edge reducers. Pure functions of the state.
 */
import type { Attributes } from 'graphology-types';
import type { AccessGraph } from '../../src/graph/types.ts';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';
import { CONDITIONAL_COLOUR, EDGE_COLOURS, EDGE_GROUP_OF, FADED_EDGE, FADED_NODE, HIGHLIGHT_EDGE, NODE_COLOURS, SELECTED_EDGE, TRUST_COLOUR, type EdgeGroup } from './palette.ts';
import { edgesOfHop, type SourcedPath } from './paths.ts';
import { pathLayout, type Extent, type Positions } from './path-layout.ts';
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
  /** The edge chosen on the canvas or as a hop in the path list: drawn wide, its evidence shown. */
  edge: string | null;
}

export interface Highlight {
  /** Nodes to draw in full colour; null = all. */
  nodes: Set<string> | null;
  /** Edges drawn dark (path edges: conditional ones in amber). */
  pathEdges: Map<string, boolean>;
  reachEdges: Set<string>;
  pathNodes: Set<string>;
  /** The path view: where the paths' nodes are drawn while a target is chosen (left to right by hop). */
  positions: Positions;
}

export function highlightOf(graph: AccessGraph, state: ViewState, extent: Extent): Highlight {
  const pathEdges = new Map<string, boolean>();
  const pathNodes = new Set<string>();
  for (const { from, path } of state.paths) {
    pathNodes.add(from);
    for (const hop of path.hops) {
      pathNodes.add(hop.from).add(hop.to);
      const conditional = hopIsConditional(hop);
      for (const edge of edgesOfHop(graph, hop)) {
        pathEdges.set(edge, conditional || pathEdges.get(edge) === true);
        pathNodes.add(graph.source(edge));
      }
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
  const positions = state.target !== '' ? pathLayout(graph, state.paths, extent) : new Map<string, { x: number; y: number }>();
  return { nodes, pathEdges, reachEdges, pathNodes, positions };
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
      // Faded nodes are unlabelled: their names would crowd the highlighted ones.
      label: lit ? a.label : null,
      size: node === state.selected ? size * 1.5 : lit ? size : size * 0.7,
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

/** The edge type of parallel edges (sigma's curved arrow), when the renderer draws arrows. */
export const CURVED_EDGE = 'curved-arrow';

export interface EdgeStyle {
  /** Conditional edges drawn dashed (not in points-and-lines mode, which has no dashes). */
  dashes: boolean;
  /** Curvatures of parallel edges (curves.ts); empty in points-and-lines mode. */
  curvatures: ReadonlyMap<string, number>;
}

/** The label of an edge on a highlighted path: its technique's short name, or its kind. */
export const edgeLabel = (a: EdgeAttributes): string => a.technique?.id ?? a.kind;

export function edgeReducer(state: ViewState, h: Highlight, style: EdgeStyle) {
  return (edge: string, data: Attributes): Attributes => {
    const a = data as EdgeAttributes;
    const group = EDGE_GROUP_OF[a.kind];
    const onPath = h.pathEdges.get(edge);
    const hidden = !state.groups.has(group) || (state.hideConditional && a.conditional);
    const curvature = style.curvatures.get(edge);
    // A curve cannot be dashed: parallel conditional edges keep their colour (amber on a path).
    const type = curvature !== undefined ? { type: CURVED_EDGE, curvature } : style.dashes && (onPath ?? a.conditional) ? { type: DASHED_EDGE } : {};
    const chosen = edge === state.edge;
    if (onPath !== undefined || chosen) {
      return { size: chosen ? 5 : 3, color: chosen ? SELECTED_EDGE : onPath ? CONDITIONAL_COLOUR : HIGHLIGHT_EDGE, hidden: false, zIndex: 2, label: edgeLabel(a), forceLabel: true, ...type };
    }
    const lit = h.nodes === null ? true : h.reachEdges.has(edge);
    const colour = a.kind === 'trusts' ? TRUST_COLOUR : EDGE_COLOURS[group];
    return { size: 1, color: lit ? colour : FADED_EDGE, hidden: hidden || (h.nodes !== null && !lit && state.target !== ''), zIndex: lit ? 1 : 0, label: null, ...type };
  };
}
