/**
 * The viewer's layout, computed once in the CLI and stored in the page (x/y on every node), so a
 * large graph opens without the browser running a force simulation. Deterministic: each account's
 * nodes (and, apart, those of no account: services, the public, admin) on a sunflower spiral in key
 * order, then ForceAtlas2 (itself deterministic) on that group alone, for fewer iterations the
 * larger the graph; the groups are then packed on a ring around the first, apart from each other,
 * so an account reads as one cluster. Coordinates are rounded.
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

/** Nodes by account (`''`: none), each list in key order, the groups in key order. */
function groupsOf(graph: AccessGraph): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const node of [...graph.nodes()].sort()) {
    const group = graph.getNodeAttribute(node, 'accountId') ?? '';
    const list = groups.get(group);
    if (list) list.push(node);
    else groups.set(group, [node]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

const round = (v: number): number => Math.round(v * 100) / 100;

type Point = { x: number; y: number };

/** One group laid out around the origin: a sunflower seed, then ForceAtlas2 over the edges inside it. */
function layOutGroup(graph: AccessGraph, nodes: readonly string[], iterations: number): Map<string, Point> {
  const skeleton = new UndirectedGraph();
  nodes.forEach((node, i) => {
    const r = 2 * Math.sqrt(i + 1);
    skeleton.addNode(node, { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) });
  });
  for (const node of nodes) {
    graph.forEachOutEdge(node, (_e, a, source, target) => {
      if (source !== target && skeleton.hasNode(target) && (PLACING.has(a.kind) || graph.size <= 20_000)) skeleton.mergeEdge(source, target);
    });
  }
  if (skeleton.size === 0 || nodes.length < 2) return new Map(nodes.map((n) => [n, skeleton.getNodeAttributes(n) as Point]));
  const settings = { ...forceAtlas2.inferSettings(skeleton), barnesHutOptimize: nodes.length > 2_000, strongGravityMode: true, gravity: 0.5 };
  return new Map(Object.entries(forceAtlas2(skeleton, { iterations, settings, getEdgeWeight: null })));
}

/** Centred on the origin, with its radius. */
function centred(points: Map<string, Point>): { points: Map<string, Point>; radius: number } {
  let cx = 0;
  let cy = 0;
  for (const p of points.values()) (cx += p.x), (cy += p.y);
  cx /= points.size || 1;
  cy /= points.size || 1;
  let radius = 1;
  const out = new Map<string, Point>();
  for (const [node, p] of points) {
    const q = { x: p.x - cx, y: p.y - cy };
    radius = Math.max(radius, Math.hypot(q.x, q.y));
    out.set(node, q);
  }
  return { points: out, radius };
}

/** Sets `x` and `y` on every node of the graph. */
export function layOut(graph: AccessGraph, iterations = iterationsFor(graph.order)): void {
  if (graph.order === 0) return;
  const groups = groupsOf(graph).map(([, nodes]) => centred(layOutGroup(graph, nodes, iterations)));
  // The largest group in the middle, the others on a ring around it, each given an arc as wide as it is.
  const [middle, ...ring] = [...groups].sort((a, b) => b.radius - a.radius || (a.points.keys().next().value! < b.points.keys().next().value! ? -1 : 1));
  const gap = 1.15;
  const circumference = ring.reduce((sum, g) => sum + 2 * g.radius * gap, 0);
  const ringRadius = ring.length ? Math.max(middle.radius + Math.max(...ring.map((g) => g.radius)) * gap * 1.2, circumference / (2 * Math.PI)) : 0;
  const place = (g: { points: Map<string, Point> }, at: Point) => {
    for (const [node, p] of g.points) graph.mergeNodeAttributes(node, { x: round(p.x + at.x), y: round(p.y + at.y) });
  };
  place(middle, { x: 0, y: 0 });
  let arc = 0;
  for (const g of ring) {
    const angle = ((arc + g.radius * gap) / (circumference || 1)) * 2 * Math.PI;
    arc += 2 * g.radius * gap;
    place(g, { x: ringRadius * Math.cos(angle), y: ringRadius * Math.sin(angle) });
  }
}
