/**
 * The viewer: the access graph drawn by sigma.js from the layout the CLI computed, with search,
 * selection (reach highlighted, the rest faded), targets whose paths are highlighted and listed
 * hop by hop, filters, node details and PNG export.
 */
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { AccessGraph } from '../../src/graph/types.ts';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';
import { unpackGraph } from '../pack.ts';
import { readPayload } from './data.ts';
import { defaultGroups, shownGraph } from './shown-graph.ts';
import { byId, el } from './dom.ts';
import { downloadPng, viewAsPng } from './export-png.ts';
import { renderDetails } from './panels/details.ts';
import { setUpFilters } from './panels/filters.ts';
import { renderLegend } from './panels/legend.ts';
import { renderPathList } from './panels/path-list.ts';
import { setUpSearch } from './panels/search.ts';
import { setUpTargets } from './panels/targets.ts';
import { nodeTargetPaths, precomputedPaths } from './paths.ts';
import { EdgeDashedArrowProgram } from './dashed-edge.ts';
import { DASHED_EDGE, edgeReducer, highlightOf, nodeReducer, sizesFor, type ViewState } from './view.ts';
import './style.css';

declare global {
  interface Window {
    /** For tests and the console: the renderer and the actions the controls call. */
    iamgraphViewer?: { renderer: Sigma<NodeAttributes, EdgeAttributes>; select(node: string | null): void; setTarget(target: string): void; png(): string; state: ViewState };
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
  const graph: AccessGraph = unpackGraph(payload.graph);
  performance.mark('iamgraph:graph');
  let principals = 0;
  graph.forEachNode((_n, a) => {
    if (a.kind === 'user' || a.kind === 'role') principals++;
  });
  const shown = shownGraph(graph);
  byId('summary').textContent = `${graph.order} nodes · ${graph.size} edges · ${principals} users and roles${shown.dense ? ' · dense: assume and escalation edges are drawn when highlighted' : ''}`;

  const state: ViewState = { selected: null, target: '', paths: [], truncated: false, groups: new Set(), account: '', hideConditional: false };
  const sizes = sizesFor(graph.order);
  const large = shown.show([]).size > 20_000;
  const pointsAndLines = graph.order > 5_000;
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(shown.show([]), container, {
    // Large graphs: points and plain lines, far cheaper to draw than circles and arrows (and dashes).
    ...(pointsAndLines ? { defaultNodeType: 'point', defaultEdgeType: 'line', nodeProgramClasses: { point: NodePointProgram }, edgeProgramClasses: { line: EdgeLineProgram } } : { defaultEdgeType: 'arrow', edgeProgramClasses: { [DASHED_EDGE]: EdgeDashedArrowProgram } }),
    renderEdgeLabels: false,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelRenderedSizeThreshold: graph.order > 500 ? 7 : 4,
    labelDensity: graph.order > 500 ? 0.5 : 1,
    zIndex: true,
    minCameraRatio: 0.01,
    maxCameraRatio: 4,
  });

  performance.mark('iamgraph:sigma');
  const refresh = () => {
    const h = highlightOf(graph, state);
    const drawn = shown.show([...h.pathEdges.keys(), ...h.reachEdges]);
    if (drawn !== renderer.getGraph()) renderer.setGraph(drawn);
    renderer.setSetting('nodeReducer', nodeReducer(state, h, sizes));
    renderer.setSetting('edgeReducer', edgeReducer(state, h, !pointsAndLines));
    // Now, not on the next frame: display data (camera targets, tests) must match the state.
    renderer.refresh();
    renderPathList(byId('path-list'), byId('path-count'), state.paths, state.truncated, state.target !== '');
    renderDetails(byId('details'), graph, state.selected, payload.findings);
  };
  const search = () => ({ ...payload.search, includeConditional: payload.search.includeConditional && !state.hideConditional });
  const recomputePaths = () => {
    const precomputed = payload.targets.find((t) => t.id === state.target);
    const result =
      state.target === '' ? { paths: [], truncated: false }
      : precomputed ? precomputedPaths(precomputed, state.selected, search().includeConditional)
      : nodeTargetPaths(graph, state.target, state.selected, search());
    state.paths = result.paths;
    state.truncated = result.truncated;
  };
  const focusCamera = (node: string) => {
    const display = renderer.getNodeDisplayData(node);
    if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(renderer.getCamera().ratio, 0.5) }, { duration: 300 });
  };
  const select = (node: string | null) => {
    state.selected = node !== null && graph.hasNode(node) ? node : null;
    recomputePaths();
    refresh();
    if (state.selected !== null) focusCamera(state.selected);
  };
  const setTarget = (target: string) => {
    state.target = target;
    const select = byId<HTMLSelectElement>('target');
    if (select.value !== target) select.value = target;
    recomputePaths();
    refresh();
  };

  const filters = setUpFilters(byId('edge-filters'), byId<HTMLSelectElement>('account'), byId<HTMLInputElement>('hide-conditional'), graph, defaultGroups(shown.dense), (values) => {
    state.groups = values.groups;
    state.account = values.account;
    state.hideConditional = values.hideConditional;
    recomputePaths();
    refresh();
  });
  state.groups = filters.groups;
  setUpSearch(byId<HTMLInputElement>('search'), byId('search-results'), graph, select);
  setUpTargets(byId<HTMLSelectElement>('target'), graph, payload.targets, setTarget);
  renderLegend(byId('legend'), graph);
  renderer.on('clickNode', ({ node }) => select(node));
  renderer.on('clickStage', () => select(null));
  byId('clear').addEventListener('click', () => select(null));
  byId('export-png').addEventListener('click', () => downloadPng(renderer));

  performance.mark('iamgraph:ready');
  window.iamgraphViewer = { renderer, select, setTarget, png: () => viewAsPng(renderer), state };
  if (payload.focus && graph.hasNode(payload.focus)) state.selected = payload.focus;
  if (payload.target) setTarget(payload.target);
  else refresh();
  if (state.selected) focusCamera(state.selected);
}

/** Sigma needs a sized container; inside a frame that is laid out late (the HTML report), wait for it. */
function whenSized(container: HTMLElement, then: (container: HTMLElement) => void): void {
  if (container.offsetWidth > 0 && container.offsetHeight > 0) return then(container);
  const observer = new ResizeObserver(() => {
    if (container.offsetWidth === 0 || container.offsetHeight === 0) return;
    observer.disconnect();
    then(container);
  });
  observer.observe(container);
}

whenSized(byId('graph'), start);
