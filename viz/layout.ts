/**
 * The viewer's layout, computed once in the CLI and stored in the page (x/y on every node), so a
 * large graph opens without the browser running a force simulation. Deterministic: accounts on a
 * circle, their nodes on a sunflower spiral around it in key order, then ForceAtlas2 (itself
 * deterministic) for fewer iterations the larger the graph. Coordinates are rounded.
 *
 * The forces only use the edges that say where a node belongs (membership, attached policies,
 * trust, admin): a dense account has a million assume and escalation edges, which would only pull
 * everything into one ball, and cost most of the time.
 */
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { UndirectedGraph } from 'graphology';
import type { AccessGraph } from '../src/graph/types.ts';
import { PLACING } from '../src/graph/traversal/index.ts';

// A CommonJS module: under NodeNext its default export is the module object itself.
type ForceAtlas2 = (typeof forceAtlas2Module)['default'];
const forceAtlas2: ForceAtlas2 = (forceAtlas2Module as unknown as { default?: ForceAtlas2 }).default ?? (forceAtlas2Module as unknown as ForceAtlas2);

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function iterationsFor(order: number): number {
  if (order <= 1_000) return 300;
  if (order <= 5_000) return 100;
  return 15;
}

function seedPositions(graph: AccessGraph): void {
  const groups = new Map<string, string[]>();
  for (const node of [...graph.nodes()].sort()) {
    const group = graph.getNodeAttribute(node, 'accountId') ?? '';
    const list = groups.get(group);
    if (list) list.push(node);
    else groups.set(group, [node]);
  }
  const keys = [...groups.keys()].sort();
  const ring = keys.length > 1 ? Math.sqrt(graph.order) * 4 : 0;
  keys.forEach((group, g) => {
    const angle = (2 * Math.PI * g) / keys.length;
    const cx = group === '' ? 0 : ring * Math.cos(angle);
    const cy = group === '' ? 0 : ring * Math.sin(angle);
    groups.get(group)!.forEach((node, i) => {
      const r = 2 * Math.sqrt(i + 1);
      graph.mergeNodeAttributes(node, { x: cx + r * Math.cos(i * GOLDEN_ANGLE), y: cy + r * Math.sin(i * GOLDEN_ANGLE) });
    });
  });
}

const round = (v: number): number => Math.round(v * 100) / 100;

/** Sets `x` and `y` on every node of the graph. */
export function layOut(graph: AccessGraph, iterations = iterationsFor(graph.order)): void {
  if (graph.order === 0) return;
  seedPositions(graph);
  const skeleton = new UndirectedGraph();
  graph.forEachNode((node, a) => skeleton.addNode(node, { x: a.x, y: a.y }));
  graph.forEachEdge((_e, a, source, target) => {
    if (source !== target && (PLACING.has(a.kind) || graph.size <= 20_000)) skeleton.mergeEdge(source, target);
  });
  const settings = { ...forceAtlas2.inferSettings(skeleton), barnesHutOptimize: graph.order > 2_000, strongGravityMode: true, gravity: 0.5 };
  const positions = forceAtlas2(skeleton, { iterations, settings, getEdgeWeight: null });
  for (const [node, p] of Object.entries(positions)) graph.mergeNodeAttributes(node, { x: round(p.x), y: round(p.y) });
}
