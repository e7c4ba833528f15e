/**
 * The viewer: the access graph drawn by sigma.js from the layout the CLI computed, with search,
 * selection (reach highlighted, the rest faded), targets whose paths are highlighted and listed
 * hop by hop, filters, node details and PNG export.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { AccessGraph } from '../../src/graph/types.ts';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';
import { readPayload } from './data.ts';
import { defaultGroups, graphSource, shownGraph } from './shown-graph.ts';
import { byId, el } from './dom.ts';
import { downloadPng, viewAsPng } from './export-png.ts';
import { renderDetails } from './panels/details.ts';
import { renderEdgeDetails } from './panels/edge-details.ts';
import { setUpFilters } from './panels/filters.ts';
import { renderLegend } from './panels/legend.ts';
import { renderPathList } from './panels/path-list.ts';
import { setUpSearch } from './panels/search.ts';
import { setUpTargets } from './panels/targets.ts';
import { edgesOfHop, nodeTargetPaths, precomputedPaths } from './paths.ts';
import { orderPaths } from './path-order.ts';
import { extentOf } from './path-layout.ts';
import { parallelCurvatures } from './curves.ts';
import { centreCamera, fitCamera } from './camera-fit.ts';
import { placement } from './placement.ts';
import { listenForOpen, whenSized } from './embed.ts';
import { drawAccountNames } from './account-names.ts';
import { statementKey } from '../../src/report/render/html-data.ts';
import { EdgeDashedArrowProgram } from './dashed-edge.ts';
import { CURVED_EDGE, DASHED_EDGE, edgeReducer, highlightOf, nodeReducer, sizesFor, type Highlight, type ViewState } from './view.ts';
import './style.css';

declare global {
  interface Window {
    /** For tests and the console: the renderer and the actions the controls call. */
    iamgraphViewer?: { renderer: Sigma<NodeAttributes, EdgeAttributes>; select(node: string | null): void; setTarget(target: string): void; selectEdge(edge: string | null): void; png(): string; state: ViewState };
  }
}

function start(container: HTMLElement): void {
  performance.mark('iamgraph:start');
  const payload = readPayload();
  performance.mark('iamgraph:parsed');
  if (!payload) {
    container.append(el('div', { className: 'muted', data: {} }, 'No graph data in this page: create it with `iamgraph viz -i … -o viewer.html`.'));
    return;
  }
  document.title = payload.title;
  const source = graphSource(payload.graph);
  // Every node, and the edges drawn at rest: all the page needs until something is chosen.
  const base = source.base;
  performance.mark('iamgraph:graph');
  let principals = 0;
  base.forEachNode((_n, a) => {
    if (a.kind === 'user' || a.kind === 'role') principals++;
  });
  const shown = shownGraph(source);
  byId('summary').textContent = `${base.order} nodes · ${source.size} edges · ${principals} users and roles${shown.dense ? ' · dense: assume and escalation edges are drawn when highlighted' : ''}`;

  const state: ViewState = { selected: null, target: '', paths: [], truncated: false, groups: new Set(), account: '', hideConditional: false, edge: null };
  const sizes = sizesFor(base.order);
  const large = shown.show([]).size > 20_000;
  const pointsAndLines = base.order > 5_000;
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(shown.show([]), container, {
    // Large graphs: points and plain lines, far cheaper to draw than circles and arrows (and dashes).
    ...(pointsAndLines ? { defaultNodeType: 'point', defaultEdgeType: 'line', nodeProgramClasses: { point: NodePointProgram }, edgeProgramClasses: { line: EdgeLineProgram } } : { defaultEdgeType: 'arrow', edgeProgramClasses: { [DASHED_EDGE]: EdgeDashedArrowProgram, [CURVED_EDGE]: EdgeCurvedArrowProgram } }),
    // Only path edges have labels (the reducer gives them); edge events for hover and click evidence.
    renderEdgeLabels: !pointsAndLines,
    enableEdgeEvents: !pointsAndLines,
    edgeLabelSize: 11,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelRenderedSizeThreshold: base.order > 500 ? 7 : 4,
    labelDensity: base.order > 500 ? 0.5 : 1,
    zIndex: true,
    minCameraRatio: 0.01,
    maxCameraRatio: 4,
  });

  performance.mark('iamgraph:sigma');
  const extent = extentOf(base);
  // Before any path view moves a node: the names go above each account's laid-out group.
  drawAccountNames(renderer, base, () => state.target !== '');
  const locations = payload.locations ?? {};
  const locate = (policy: string, statement: number): string | undefined => locations[statementKey(policy, statement)];
  // Curvatures of parallel edges: among a target's path edges (the only ones drawn then), else per drawn graph (cached).
  let curved: { graph: AccessGraph | null; curvatures: ReadonlyMap<string, number> } = { graph: null, curvatures: new Map() };
  const curvaturesOf = (drawn: AccessGraph, h: Highlight): ReadonlyMap<string, number> => {
    if (pointsAndLines) return new Map();
    if (state.target !== '') return parallelCurvatures(drawn, h.pathEdges.keys());
    if (curved.graph !== drawn) curved = { graph: drawn, curvatures: parallelCurvatures(drawn) };
    return curved.curvatures;
  };
  // Nothing chosen: nothing drawn or listed depends on the edges the base graph lacks.
  const graphFor = (): AccessGraph => (state.selected === null && state.target === '' && state.edge === null ? base : source.full());
  const showDetails = () => {
    const graph = graphFor();
    if (state.edge !== null && graph.hasEdge(state.edge)) renderEdgeDetails(byId('details'), graph, state.edge, locate);
    else renderDetails(byId('details'), graph, state.selected, payload.findings);
  };
  const placed = placement();
  const refresh = (): Highlight => {
    const graph = graphFor();
    const h = highlightOf(graph, state, extent);
    placed.restore();
    const drawn = shown.show([...h.pathEdges.keys(), ...h.reachEdges, ...(state.edge !== null ? [state.edge] : [])]);
    placed.place(drawn, h.positions);
    if (drawn !== renderer.getGraph()) renderer.setGraph(drawn);
    renderer.setSetting('nodeReducer', nodeReducer(state, h, sizes));
    renderer.setSetting('edgeReducer', edgeReducer(state, h, { dashes: !pointsAndLines, curvatures: curvaturesOf(drawn, h) }));
    // Now, not on the next frame: display data (camera targets, tests) must match the state.
    renderer.refresh();
    renderPathList(byId('path-list'), byId('path-count'), state.paths, state.truncated, state.target !== '', (hop) => selectEdge(edgesOfHop(source.full(), hop)[0] ?? null), locate);
    showDetails();
    return h;
  };
  /** The camera on what the state shows: a target's paths, else a selection's reach, else the whole graph. */
  const frame = (h: Highlight) => {
    if (state.target !== '' && h.pathNodes.size > 0) fitCamera(renderer, h.pathNodes);
    else if (state.target === '' && state.selected !== null && h.nodes !== null) fitCamera(renderer, h.nodes);
    else void renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
  };
  const search = () => ({ ...payload.search, includeConditional: payload.search.includeConditional && !state.hideConditional });
  const recomputePaths = () => {
    const precomputed = payload.targets.find((t) => t.id === state.target);
    const result =
      state.target === '' ? { paths: [], truncated: false }
      : precomputed ? precomputedPaths(precomputed, state.selected, search().includeConditional)
      : nodeTargetPaths(source.full(), state.target, state.selected, search());
    state.paths = orderPaths(result.paths, payload.findings);
    state.truncated = result.truncated;
  };
  const select = (node: string | null) => {
    state.selected = node !== null && base.hasNode(node) ? node : null;
    state.edge = null;
    recomputePaths();
    frame(refresh());
  };
  const setTarget = (target: string) => {
    state.target = target;
    state.edge = null;
    const select = byId<HTMLSelectElement>('target');
    if (select.value !== target) select.value = target;
    recomputePaths();
    frame(refresh());
  };
  /** Chooses an edge (a hop of the list, or a click on the canvas): drawn wide, its evidence shown, the camera on its middle. */
  const selectEdge = (edge: string | null) => {
    const graph = source.full();
    state.edge = edge !== null && graph.hasEdge(edge) ? edge : null;
    refresh();
    if (state.edge === null) return;
    const from = renderer.getNodeDisplayData(graph.source(state.edge));
    const to = renderer.getNodeDisplayData(graph.target(state.edge));
    if (from && to) centreCamera(renderer, { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 });
  };

  const filters = setUpFilters(byId('edge-filters'), byId<HTMLSelectElement>('account'), byId<HTMLInputElement>('hide-conditional'), base, defaultGroups(shown.dense), (values) => {
    state.groups = values.groups;
    state.account = values.account;
    state.hideConditional = values.hideConditional;
    recomputePaths();
    refresh();
  });
  state.groups = filters.groups;
  setUpSearch(byId<HTMLInputElement>('search'), byId('search-results'), base, select);
  setUpTargets(byId<HTMLSelectElement>('target'), base, payload.targets, setTarget);
  renderLegend(byId('legend'), base);
  renderer.on('clickNode', ({ node }) => select(node));
  renderer.on('clickEdge', ({ edge }) => selectEdge(edge));
  // Hovering shows an edge's evidence until the pointer leaves it.
  renderer.on('enterEdge', ({ edge }) => renderEdgeDetails(byId('details'), source.full(), edge, locate));
  renderer.on('leaveEdge', showDetails);
  renderer.on('clickStage', () => select(null));
  byId('clear').addEventListener('click', () => select(null));
  byId('export-png').addEventListener('click', () => downloadPng(renderer));

  performance.mark('iamgraph:ready');
  window.iamgraphViewer = { renderer, select, setTarget, selectEdge, png: () => viewAsPng(renderer), state };
  if (payload.focus && base.hasNode(payload.focus)) state.selected = payload.focus;
  if (payload.target) setTarget(payload.target);
  else if (state.selected !== null) select(state.selected);
  else refresh();
  source.buildWhenIdle();
  // The report's "Show in the graph": its principal and target, when they are this graph's.
  const targets = new Set(payload.targets.map((t) => t.id));
  listenForOpen((focus, target) => {
    state.selected = base.hasNode(focus) ? focus : null;
    setTarget(base.hasNode(target) || targets.has(target) ? target : '');
  });
}

whenSized(byId('graph'), start);
