/** The legend: node kinds present in the graph, edge groups, the conditional marker. */
import type { AccessGraph } from '../../../src/graph/types.ts';
import type { NodeKind } from '../../../src/graph/types.ts';
import { el } from '../dom.ts';
import { CONDITIONAL_COLOUR, EDGE_GROUPS, NODE_COLOURS, NODE_KIND_LABELS, TRUST_COLOUR } from '../palette.ts';

const swatch = (colour: string, line = false): HTMLSpanElement => {
  const s = el('span', { className: line ? 'swatch line' : 'swatch' });
  s.style.background = colour;
  return s;
};

export function renderLegend(container: HTMLElement, graph: AccessGraph): void {
  const kinds = new Set<NodeKind>();
  graph.forEachNode((_n, a) => kinds.add(a.kind));
  const items = (Object.keys(NODE_COLOURS) as NodeKind[]).filter((k) => kinds.has(k)).map((k) => el('div', { data: { kind: k } }, swatch(NODE_COLOURS[k]), NODE_KIND_LABELS[k]));
  items.push(...EDGE_GROUPS.map((g) => el('div', { data: { group: g.id } }, swatch(g.colour, true), g.label)));
  items.push(el('div', { data: { kind: 'trusts' } }, swatch(TRUST_COLOUR, true), 'trusts (role → trusted party)'));
  items.push(el('div', {}, swatch(CONDITIONAL_COLOUR, true), 'conditional: dashed, amber on a path'));
  container.replaceChildren(...items);
}
