/**
 * BloodHound OpenGraph, GraphML and GEXF exports: valid against their schema / readable by
 * graphology's own parsers, with every node and edge and hostile names intact.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../src/export/gexf.ts';
import { toGraphml } from '../../src/export/graphml.ts';
import { toOpenGraph } from '../../src/export/opengraph.ts';
import { HOSTILE_NAMES, hostileGraph } from '../fixtures/hostile-graph.ts';

const schema = JSON.parse(readFileSync(new URL('../fixtures/neo4j/opengraph.schema.json', import.meta.url), 'utf8'));

describe('BloodHound OpenGraph export (BloodHound OpenGraph schema: node.json, edge.json)', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('validates against the published node and edge schemas', () => {
    const doc = toOpenGraph(hostileGraph());
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.graph.nodes).toHaveLength(hostileGraph().nodes.length);
    expect(doc.graph.edges).toHaveLength(hostileGraph().edges.length);
  });

  it('the schema check can fail: nested objects and bad edge kinds are rejected', () => {
    const doc = toOpenGraph(hostileGraph());
    (doc.graph.nodes[0].properties as Record<string, unknown>).nested = { a: 1 };
    expect(validate(doc)).toBe(false);
    const doc2 = toOpenGraph(hostileGraph());
    doc2.graph.edges[0].kind = 'can-assume';
    expect(validate(doc2)).toBe(false);
  });

  it('keeps names and technique ids as data', () => {
    const doc = toOpenGraph(hostileGraph());
    const names = doc.graph.nodes.map((n) => n.properties.name);
    for (const name of HOSTILE_NAMES) expect(names).toContain(name);
    const escalation = doc.graph.edges.find((e) => e.kind === 'AWSCanEscalate');
    expect(escalation?.properties.technique).toBe('iam-create-policy-version');
    expect(escalation?.properties.publicIds).toEqual(['IAM-001', 'rhino-1']);
  });
});

describe('GraphML and GEXF exports load back with graphology\'s parsers', () => {
  it('GraphML round-trips nodes, edges, kinds and hostile labels', () => {
    const back = parseGraphml(MultiDirectedGraph, toGraphml(hostileGraph()));
    expect(back.order).toBe(hostileGraph().nodes.length);
    expect(back.size).toBe(hostileGraph().edges.length);
    const labels = back.mapNodes((_, a) => a.label as string);
    for (const name of HOSTILE_NAMES) expect(labels).toContain(name);
    expect(back.getEdgeAttribute('e3', 'kind')).toBe('escalation');
  });

  it('GEXF round-trips nodes, edges and hostile labels (up to XML whitespace normalization)', () => {
    // graphology-gexf's writer emits raw line ends and tabs, which XML parsers normalize
    // (XML 1.0 §2.11 line ends, §3.3.3 attribute-value whitespace).
    const normalize = (s: string) => s.replace(/[\s\u0085\u2028]+/g, ' ');
    const back = parseGexf(MultiDirectedGraph, toGexf(hostileGraph()));
    expect(back.order).toBe(hostileGraph().nodes.length);
    expect(back.size).toBe(hostileGraph().edges.length);
    const labels = back.mapNodes((_, a) => normalize(a.label as string));
    for (const name of HOSTILE_NAMES) expect(labels).toContain(normalize(name));
  });

  it('is deterministic', () => {
    expect(toGraphml(hostileGraph())).toBe(toGraphml(hostileGraph()));
    expect(toGexf(hostileGraph())).toBe(toGexf(hostileGraph()));
    expect(JSON.stringify(toOpenGraph(hostileGraph()))).toBe(JSON.stringify(toOpenGraph(hostileGraph())));
  });
});
