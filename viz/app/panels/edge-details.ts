/** Details of a clicked or hovered edge (or a hop chosen in the path list): from → how → to, and its evidence. */
import type { AccessGraph } from '../../../src/graph/types.ts';
import { hopOf, hopIsConditional } from '../../../src/analysis/hop.ts';
import { hopVia, shortName } from '../../../src/analysis/text.ts';
import { el } from '../dom.ts';
import { proofItems, type Locate } from './proof.ts';

export function renderEdgeDetails(container: HTMLElement, graph: AccessGraph, edge: string, locate: Locate): void {
  const hop = hopOf(graph.source(edge), graph.target(edge), graph.getEdgeAttributes(edge));
  const proof = proofItems(hop, locate);
  container.className = 'edge-details';
  container.dataset.edge = edge;
  container.replaceChildren(
    el('dl', {},
      el('dt', {}, 'from'), el('dd', { title: hop.from }, shortName(hop.from)),
      el('dt', {}, 'via'), el('dd', { className: 'via' }, hopVia(hop), hopIsConditional(hop) ? el('span', { className: 'conditional' }, ' (conditional)') : null),
      el('dt', {}, 'to'), el('dd', { title: hop.to }, shortName(hop.to))),
    el('h2', {}, 'Evidence'),
    proof.length ? el('ul', { className: 'proof' }, ...proof) : el('p', { className: 'muted' }, 'No statement: this edge follows from the graph itself.'),
  );
}
