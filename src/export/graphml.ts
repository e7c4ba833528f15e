/**
 * GraphML writer (graphology-graphml only parses). Attribute keys are declared with their
 * types; values are escaped.
 */
import { edgesOf, nodesOf, type SerializedAccessGraph } from '../graph/serialize.ts';
import { flatAttributes, type Scalar } from './flat-attributes.ts';
import { escapeXml } from '../xml.ts';

type Domain = 'node' | 'edge';

const graphmlType = (value: Scalar): string =>
  typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'double' : 'string';

export function toGraphml(graph: SerializedAccessGraph): string {
  const nodes = nodesOf(graph).map((n) => ({ key: n.key, attrs: flatAttributes({ ...n.attributes }) }));
  const edges = edgesOf(graph).map((e) => ({ ...e, attrs: flatAttributes({ ...e.attributes }) }));
  const keyTypes = new Map<string, string>();
  const declare = (domain: Domain, attrs: Record<string, Scalar>): void => {
    for (const [name, value] of Object.entries(attrs)) {
      const id = `${domain}:${name}`;
      const type = graphmlType(value);
      const known = keyTypes.get(id);
      keyTypes.set(id, known && known !== type ? 'string' : type);
    }
  };
  nodes.forEach((n) => declare('node', n.attrs));
  edges.forEach((e) => declare('edge', e.attrs));

  const keyId = (domain: Domain, name: string): string => `${domain === 'node' ? 'n' : 'e'}_${name}`;
  const data = (domain: Domain, attrs: Record<string, Scalar>): string =>
    Object.entries(attrs)
      .map(([name, value]) => `<data key="${escapeXml(keyId(domain, name))}">${escapeXml(String(value))}</data>`)
      .join('');

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [id, type] of [...keyTypes.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [domain, name] = id.split(/:(.*)/s) as [Domain, string];
    lines.push(`  <key id="${escapeXml(keyId(domain, name))}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  }
  lines.push('  <graph edgedefault="directed">');
  for (const n of nodes) lines.push(`    <node id="${escapeXml(n.key)}">${data('node', n.attrs)}</node>`);
  for (const e of edges) {
    lines.push(`    <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${data('edge', e.attrs)}</edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
