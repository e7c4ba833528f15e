/** The viewer's data path in Node: packing round-trips every edge, layout is deterministic, dense graphs draw on demand. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import { buildGraph, type AccessGraph } from '../../src/graph/index.ts';
import type { EdgeAttributes } from '../../src/graph/types.ts';
import { MAX_DYNAMIC_EDGES, DENSE_EDGES, defaultGroups, graphSource, shownGraph } from '../../viz/app/shown-graph.ts';
import { layOut } from '../../viz/layout.ts';
import { packGraph, unpackGraph } from '../../viz/pack.ts';

async function companyGraph(): Promise<AccessGraph> {
  const { model } = await loadInputs(['examples/company.yaml', 'examples/cross-account/']);
  return buildGraph(model, DEFAULT_ANALYSIS_OPTIONS);
}

/** JSON with object keys sorted: the same attributes in any key order give the same text. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
  : JSON.stringify(v);
const edgeList = (g: AccessGraph) => g.mapEdges((_e, a, s, t) => canonical([s, t, a])).sort();

describe('packGraph / unpackGraph', () => {
  it('round-trips every node and every edge with all its attributes', async () => {
    const graph = await companyGraph();
    const back = unpackGraph(JSON.parse(JSON.stringify(packGraph(graph))));
    expect(back.order).toBe(graph.order);
    expect(back.nodes().sort()).toEqual(graph.nodes().sort());
    for (const node of graph.nodes()) expect(back.getNodeAttributes(node)).toEqual(graph.getNodeAttributes(node));
    expect(edgeList(back)).toEqual(edgeList(graph));
  });
  it('stores each distinct evidence list once', async () => {
    const graph = await companyGraph();
    const packed = packGraph(graph);
    const distinct = new Set(graph.mapEdges((_e, a) => JSON.stringify(a.evidence)).filter((e) => e !== '[]'));
    expect(packed.tables.evidence.length).toBe(distinct.size);
  });
});

describe('layOut', () => {
  it('places every node, the same way every time', async () => {
    const [a, b] = [await companyGraph(), await companyGraph()];
    layOut(a);
    layOut(b);
    const positions = (g: AccessGraph) => g.mapNodes((n, x) => [n, x.x, x.y]);
    expect(positions(a)).toEqual(positions(b));
    expect(positions(a).every(([, x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
  });
});

describe('shownGraph (what sigma draws)', () => {
  const edge = (kind: EdgeAttributes['kind']): EdgeAttributes => ({ kind, evidence: [], conditions: [], conditional: false });
  function dense(): AccessGraph {
    const g: AccessGraph = new MultiDirectedGraph();
    for (let i = 0; i < 200; i++) g.addNode(`n${i}`, { kind: 'role', label: `n${i}` });
    let k = 0;
    for (let i = 0; i < 200 && k <= DENSE_EDGES + MAX_DYNAMIC_EDGES; i++) for (let j = 0; j < 200; j++) if (i !== j) g.addDirectedEdgeWithKey(`e${k++}`, `n${i}`, `n${j}`, edge('can-assume'));
    g.addDirectedEdgeWithKey('m', 'n0', 'n1', edge('member-of'));
    return g;
  }
  const sourceOf = (graph: AccessGraph) => graphSource(JSON.parse(JSON.stringify(packGraph(graph))));
  it('a small graph is drawn whole', async () => {
    const source = sourceOf(await companyGraph());
    const shown = shownGraph(source);
    expect(shown.dense).toBe(false);
    expect(source.full()).toBe(source.base);
    expect(shown.show(['anything'])).toBe(source.base);
    expect(defaultGroups(false).has('membership')).toBe(true);
  });
  it('a dense one draws assume and escalation edges only when asked, at most MAX_DYNAMIC_EDGES, and starts without membership', () => {
    const source = sourceOf(dense());
    const shown = shownGraph(source);
    expect(shown.dense).toBe(true);
    expect(source.size).toBe(dense().size);
    const base = shown.show([]);
    expect(base.order).toBe(dense().order);
    const full = source.full();
    expect(full.size).toBe(source.size);
    const m = full.findEdge((_e, a) => a.kind === 'member-of')!;
    const [e1, e2, e3] = full.filterEdges((_e, a) => a.kind === 'can-assume');
    expect(base.edges()).toEqual([m]);
    const some = shown.show([e1, e2, m]);
    expect(some.edges().sort()).toEqual([e1, e2, m].sort());
    expect(shown.show([e2, e1])).toBe(some);
    expect(shown.show([e2, e3]).edges().sort()).toEqual([e2, e3, m].sort());
    expect(shown.show(full.edges()).size).toBe(MAX_DYNAMIC_EDGES + 1);
    expect(shown.show([])).toBe(base);
    expect(defaultGroups(true).has('membership')).toBe(false);
  });
});
