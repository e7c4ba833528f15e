/**
 * The walks over integer adjacency (depthsFrom, reachability) must reach what the walk over step
 * objects reaches, at the same depths: hubs crossed as half a step, conditional edges dropped on
 * request, parallel edges one neighbour, and a graph that grew since the last walk walked anew;
 * the chains to the nearest goal are chains of steps, as short as the step walk's, to the first by name.
 */
import { describe, expect, it } from 'vitest';
import graphology from 'graphology';
import { prng } from '../../bench/generate.ts';
import type { AccessGraph, BaseEdgeKind, NodeKind } from '../../src/graph/types.ts';
import { ACTING_AS, bfs, depthsFrom, nearestChains, reachability, stepsOver, type StepOptions } from '../../src/graph/traversal/index.ts';

const { MultiDirectedGraph } = graphology;

/** Principals and hubs; hubs only between principals (as the builder makes them). */
function randomGraph(seed: number): AccessGraph {
  const rand = prng(seed);
  const graph: AccessGraph = new MultiDirectedGraph();
  const principals = Array.from({ length: 40 }, (_, i) => `p${i}`);
  const hubs = Array.from({ length: 4 }, (_, i) => `hub:${i}`);
  for (const p of principals) graph.addNode(p, { kind: (rand() < 0.5 ? 'user' : 'role') as NodeKind, label: p });
  for (const h of hubs) graph.addNode(h, { kind: 'hub', label: h });
  const kinds: BaseEdgeKind[] = ['can-assume', 'escalation', 'member-of', 'is-admin'];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < 120; i++) {
    const [source, target] = rand() < 0.2 ? (rand() < 0.5 ? [pick(principals), pick(hubs)] : [pick(hubs), pick(principals)]) : [pick(principals), pick(principals)];
    if (source === target) continue;
    graph.addDirectedEdge(source, target, { kind: pick(kinds), evidence: [], conditions: [], conditional: rand() < 0.3 });
  }
  return graph;
}

/** Depths of the non-hub nodes the step walk (hubs folded into one step) reaches. */
function stepDepths(graph: AccessGraph, starts: string[], opts: StepOptions, maxDepth: number): Map<string, number> {
  const reached = bfs(stepsOver(graph, opts), starts, { maxDepth });
  return new Map([...reached].map(([node, r]) => [node, r.depth]));
}

const withoutHubs = (depths: Map<string, number>) => new Map([...depths].filter(([node]) => !node.startsWith('hub:')));
const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

describe('walks over integer adjacency', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: depthsFrom equals the walk over folded steps, both directions, with and without conditional edges`, () => {
      const graph = randomGraph(seed);
      for (const direction of ['out', 'in'] as const) {
        for (const includeConditional of [true, false]) {
          for (const maxDepth of [1, 2, 8]) {
            const opts: StepOptions = { edges: ACTING_AS, direction, includeConditional };
            expect(sorted(withoutHubs(depthsFrom(graph, ['p0', 'p7'], { ...opts, maxDepth })))).toEqual(sorted(stepDepths(graph, ['p0', 'p7'], opts, maxDepth)));
          }
        }
      }
    });
  }

  it('reachability answers as the walk does, for every pair', () => {
    const graph = randomGraph(9);
    const reach = reachability(graph, { edges: ACTING_AS });
    const principals = graph.filterNodes((_n, a) => a.kind !== 'hub');
    for (const a of principals) {
      const walked = stepDepths(graph, [a], { edges: ACTING_AS }, Infinity);
      for (const b of principals) expect(reach.reaches(a, b)).toBe(walked.has(b));
    }
  });

  it('an edge added after a walk is walked by the next one', () => {
    const graph = randomGraph(3);
    graph.addNode('late', { kind: 'user', label: 'late' });
    const opts = { edges: ACTING_AS, direction: 'out' as const };
    expect(depthsFrom(graph, ['late'], opts).size).toBe(1);
    graph.addDirectedEdge('late', 'p1', { kind: 'can-assume', evidence: [], conditions: [], conditional: false });
    expect(depthsFrom(graph, ['late'], opts).get('p1')).toBe(1);
  });

  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: nearestChains reaches the nearest goal by steps, the first by name of those as near, from every start`, () => {
      const graph = randomGraph(seed);
      const principals = graph.filterNodes((_n, a) => a.kind !== 'hub');
      const goals = new Set(principals.filter((_p, i) => i % 7 === 3));
      for (const includeConditional of [true, false]) {
        const opts: StepOptions = { edges: ACTING_AS, includeConditional };
        const nearest = nearestChains(graph, opts);
        const steps = stepsOver(graph, opts);
        for (const start of principals) {
          const depths = stepDepths(graph, [start], opts, Infinity);
          const met = [...goals].filter((g) => depths.has(g));
          const least = Math.min(...met.map((g) => depths.get(g)!));
          const chain = nearest(start, goals);
          if (met.length === 0) {
            expect(chain).toBeUndefined();
            continue;
          }
          expect(chain![chain!.length - 1]).toBe(met.filter((g) => depths.get(g) === least).sort()[0]);
          expect(chain!.length - 1).toBe(least);
          expect(chain![0]).toBe(start);
          for (let i = 1; i < chain!.length; i++) expect(steps(chain![i - 1]).some((s) => s.next === chain![i])).toBe(true);
        }
      }
    });
  }
});
