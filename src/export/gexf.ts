/** GEXF (Gephi) through graphology-gexf's writer, with flattened attributes. */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { edgesOf, nodesOf, type SerializedAccessGraph } from '../graph/serialize.ts';
import { flatAttributes, type Scalar } from './flat-attributes.ts';
import { xmlChars } from '../xml.ts';

/** The writer escapes markup but passes characters XML cannot carry: they go before it sees them. */
const xmlAttributes = (attributes: Record<string, Scalar>): Record<string, Scalar> =>
  Object.fromEntries(Object.entries(attributes).map(([k, v]) => [xmlChars(k), typeof v === 'string' ? xmlChars(v) : v]));

export function toGexf(graph: SerializedAccessGraph): string {
  const flat = new MultiDirectedGraph<Record<string, Scalar>, Record<string, Scalar>>();
  for (const n of nodesOf(graph)) {
    const { x, y, ...rest } = n.attributes;
    flat.addNode(xmlChars(n.key), { ...xmlAttributes(flatAttributes({ ...rest })), ...(x !== undefined && y !== undefined ? { x, y } : {}) });
  }
  for (const e of edgesOf(graph)) flat.addEdgeWithKey(xmlChars(e.key), xmlChars(e.source), xmlChars(e.target), xmlAttributes(flatAttributes({ ...e.attributes })));
  return write(flat, { pretty: true });
}
