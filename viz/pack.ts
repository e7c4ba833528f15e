/** The access graph packed for the viewer page (see payload.ts), and unpacked again in the page. */
import { MultiDirectedGraph } from 'graphology';
import type { AccessGraph } from '../src/graph/types.ts';
import type { BaseEdgeKind, EdgeAttributes, Evidence } from '../src/graph/types.ts';
import { EDGE_STRIDE, EdgeField, type EdgeTables, type PackedGraph } from './payload.ts';

/**
 * Interns values by a text key (JSON unless a cheaper exact key is given): the first occurrence
 * gets the next index. A million edges make this the hot loop of writing a page.
 */
function interner<T>(list: T[], keyOf: (value: T) => string = (v) => JSON.stringify(v)): (value: T | undefined) => number {
  const seen = new Map<string, number>();
  return (value) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return -1;
    const text = keyOf(value);
    let index = seen.get(text);
    if (index === undefined) {
      index = list.length;
      list.push(value);
      seen.set(text, index);
    }
    return index;
  };
}

/** A statement is its policy and index; the rest of an Evidence follows from them, except the type it was attached as and the note. */
const evidenceKey = (list: Evidence[]): string => list.map((e) => `${e.policy}\u0000${e.statement}\u0000${e.policyType}\u0000${e.note ?? ''}`).join('\u0001');
const stringsKey = (list: string[]): string => list.join('\u0001');

export function packGraph(graph: AccessGraph): PackedGraph {
  const keys = [...graph.nodes()].sort();
  const indexOf = new Map(keys.map((k, i) => [k, i]));
  const tables: EdgeTables = { kinds: [], techniques: [], evidence: [], statements: [], conditions: [], strings: [] };
  const kind = interner(tables.kinds, String);
  const technique = interner(tables.techniques, (t) => t.id);
  const evidenceLists: Evidence[][] = [];
  const evidence = interner(evidenceLists, evidenceKey);
  const conditions = interner(tables.conditions);
  const strings = interner(tables.strings, stringsKey);
  const edgeKeys = [...graph.edges()].sort();
  const edges = new Array<number>(edgeKeys.length * EDGE_STRIDE);
  edgeKeys.forEach((edge, i) => {
    const a = graph.getEdgeAttributes(edge);
    const row = i * EDGE_STRIDE;
    const k = kind(a.kind);
    edges[row + EdgeField.Source] = indexOf.get(graph.source(edge))!;
    edges[row + EdgeField.Target] = indexOf.get(graph.target(edge))!;
    edges[row + EdgeField.Kind] = a.conditional ? -(k + 1) : k;
    edges[row + EdgeField.Technique] = technique(a.technique);
    edges[row + EdgeField.Evidence] = evidence(a.evidence);
    edges[row + EdgeField.Conditions] = conditions(a.conditions);
    edges[row + EdgeField.Actions] = strings(a.actions);
    edges[row + EdgeField.Requires] = strings(a.requires);
  });
  // Whole, by JSON: an SCP's statement is also told apart by the level it was attached at.
  const statement = interner(tables.statements);
  tables.evidence = evidenceLists.map((list) => list.map((e) => statement(e)));
  return { nodes: keys.map((key) => ({ key, attributes: graph.getNodeAttributes(key) })), edges, tables };
}

const NONE: never[] = [];

const decodedEvidence = new WeakMap<EdgeTables, Evidence[][]>();
/** The evidence lists of a packed graph's tables, decoded once. */
function evidenceLists(tables: EdgeTables): Evidence[][] {
  let lists = decodedEvidence.get(tables);
  if (!lists) decodedEvidence.set(tables, (lists = tables.evidence.map((list) => list.map((i) => tables.statements[i]))));
  return lists;
}

/** The packed graph's nodes alone (their attribute objects are the payload's own, shared by every graph unpacked from it). */
export function unpackNodes(packed: PackedGraph): AccessGraph {
  const graph: AccessGraph = new MultiDirectedGraph();
  for (const { key, attributes } of packed.nodes) graph.addNode(key, attributes);
  return graph;
}

/**
 * Adds edges from edge number `from` on, those whose kind `keep` accepts, until they run out or
 * `more()` (asked first and every thousand edges) says stop; returns the number of the next edge. The
 * attributes share the tables' lists (no copies per edge), and an edge's key is its number, so
 * graphs unpacked with different `keep` filters agree on keys.
 */
export function addEdges(graph: AccessGraph, packed: PackedGraph, from: number, more: () => boolean = () => true, keep: (kind: BaseEdgeKind) => boolean = () => true): number {
  const { kinds, techniques, conditions, strings } = packed.tables;
  const evidence = evidenceLists(packed.tables);
  const { edges, nodes } = packed;
  const end = edgeCount(packed);
  let edge = from;
  for (; edge < end && ((edge - from) % 1024 !== 0 || more()); edge++) {
    const row = edge * EDGE_STRIDE;
    const k = edges[row + EdgeField.Kind];
    const kind = kinds[k < 0 ? -k - 1 : k];
    if (!keep(kind)) continue;
    const attributes: EdgeAttributes = {
      kind,
      evidence: evidence[edges[row + EdgeField.Evidence]] ?? NONE,
      conditions: conditions[edges[row + EdgeField.Conditions]] ?? NONE,
      conditional: k < 0,
    };
    const technique = techniques[edges[row + EdgeField.Technique]];
    if (technique) attributes.technique = technique;
    const actions = strings[edges[row + EdgeField.Actions]];
    if (actions) attributes.actions = actions;
    const requires = strings[edges[row + EdgeField.Requires]];
    if (requires) attributes.requires = requires;
    graph.addDirectedEdgeWithKey(String(edge), nodes[edges[row + EdgeField.Source]].key, nodes[edges[row + EdgeField.Target]].key, attributes);
  }
  return edge;
}

/** The graph again, with the edges whose kind `keep` accepts. */
export function unpackGraph(packed: PackedGraph, keep?: (kind: BaseEdgeKind) => boolean): AccessGraph {
  const graph = unpackNodes(packed);
  addEdges(graph, packed, 0, undefined, keep);
  return graph;
}

/** How many edges a packed graph has. */
export const edgeCount = (packed: PackedGraph): number => packed.edges.length / EDGE_STRIDE;
