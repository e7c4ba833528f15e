/** GEXF (Gephi) through graphology-gexf's writer, with flattened attributes. */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { edgesOf, nodesOf, type SerializedAccessGraph } from '../graph/serialize.ts';
import { flatAttributes, type Scalar } from './flat-attributes.ts';

export function toGexf(graph: SerializedAccessGraph): string {
  const flat = new MultiDirectedGraph<Record<string, Scalar>, Record<string, Scalar>>();
  for (const n of nodesOf(graph)) {
    const { x, y, ...rest } = n.attributes;
    flat.addNode(n.key, { ...flatAttributes({ ...rest }), ...(x !== undefined && y !== undefined ? { x, y } : {}) });
  }
  for (const e of edgesOf(graph)) flat.addEdgeWithKey(e.key, e.source, e.target, flatAttributes({ ...e.attributes }));
  return write(flat, { pretty: true });
}
