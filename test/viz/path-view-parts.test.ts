/** The path view's pure parts: the order of listed paths, the layered layout, parallel-edge curvatures. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { Path } from '../../src/analysis/types.ts';
import type { AccessGraph } from '../../src/graph/types.ts';
import { parallelCurvatures } from '../../viz/app/curves.ts';
import { orderPaths } from '../../viz/app/path-order.ts';
import { extentOf, pathLayout } from '../../viz/app/path-layout.ts';
import type { SourcedPath } from '../../viz/app/paths.ts';

const hop = (from: string, to: string, kind = 'can-assume') => ({ from, to, kind, evidence: [], conditions: [] });
const path = (verdict: Path['verdict'], ...nodes: string[]): Path => ({ verdict, hops: nodes.slice(1).map((n, i) => hop(nodes[i], n)) });

function graphOf(nodes: Array<[string, number, number]>, edges: Array<[string, string]>): AccessGraph {
  const g: AccessGraph = new MultiDirectedGraph();
  for (const [key, x, y] of nodes) g.addNode(key, { key, kind: 'role', label: key, x, y } as never);
  edges.forEach(([s, t], i) => g.addDirectedEdgeWithKey(`e${i}`, s, t, { kind: 'can-assume', conditional: false, evidence: [], conditions: [] } as never));
  return g;
}

describe('orderPaths', () => {
  it('by the source\'s most severe finding, then fewer hops, then unconditional first; ties keep their order', () => {
    const paths: SourcedPath[] = [
      { from: 'low', path: path('reachable', 'low', 'a', 'admin') },
      { from: 'crit', path: path('conditional', 'crit', 'admin') },
      { from: 'crit', path: path('reachable', 'crit', 'a', 'b', 'admin') },
      { from: 'crit', path: path('reachable', 'crit', 'b', 'admin') },
      { from: 'none', path: path('reachable', 'none', 'admin') },
    ];
    const findings = { low: [{ id: '1', severity: 'low', title: '' }], crit: [{ id: '2', severity: 'medium', title: '' }, { id: '3', severity: 'critical', title: '' }] };
    expect(orderPaths(paths, findings).map((p) => `${p.from}:${p.path.hops.length}:${p.path.verdict}`)).toEqual([
      'crit:1:conditional', 'crit:2:reachable', 'crit:3:reachable', 'low:2:reachable', 'none:1:reachable',
    ]);
  });
});

describe('pathLayout', () => {
  it('one column per hop, left to right, inside the graph\'s extent; parallel paths in rows', () => {
    const g = graphOf([['s', 0, 0], ['a', 50, 50], ['b', -50, -50], ['t', 100, 100]], []);
    const at = pathLayout(g, [{ from: 's', path: path('reachable', 's', 'a', 't') }, { from: 's', path: path('reachable', 's', 'b', 't') }], extentOf(g));
    const p = (n: string) => at.get(n)!;
    expect(p('s').x).toBeLessThan(p('a').x);
    expect(p('a').x).toBe(p('b').x);
    expect(p('a').x).toBeLessThan(p('t').x);
    expect(p('a').y).not.toBe(p('b').y);
    for (const n of ['s', 'a', 'b', 't']) {
      expect(p(n).x).toBeGreaterThanOrEqual(-50);
      expect(p(n).x).toBeLessThanOrEqual(100);
    }
    // Deterministic.
    expect(pathLayout(g, [{ from: 's', path: path('reachable', 's', 'a', 't') }, { from: 's', path: path('reachable', 's', 'b', 't') }], extentOf(g))).toEqual(at);
  });
});

describe('parallelCurvatures', () => {
  it('an edge alone stays straight; parallel ones (either way) get distinct curves, opposite ones bending to their own side', () => {
    const g = graphOf([['a', 0, 0], ['b', 1, 0], ['c', 2, 0]], [['a', 'b'], ['a', 'b'], ['b', 'a'], ['b', 'c']]);
    const c = parallelCurvatures(g);
    expect(c.has('e3')).toBe(false);
    const [x, y, z] = ['e0', 'e1', 'e2'].map((e) => c.get(e)!);
    // In one frame (a → b): e2 runs b → a, so its sign is flipped back.
    expect(new Set([x, y, -z]).size).toBe(3);
    expect(parallelCurvatures(g, ['e0', 'e3']).size).toBe(0);
  });
});
