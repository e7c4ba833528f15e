/** Search a node by name or ARN: a short list of matches; Enter or a click jumps to one. */
import type { AccessGraph } from '../../../src/graph/types.ts';
import { shortName } from '../../../src/analysis/text.ts';
import { el } from '../dom.ts';
import { NODE_KIND_LABELS } from '../palette.ts';

const MAX_RESULTS = 20;

export function setUpSearch(input: HTMLInputElement, list: HTMLElement, graph: AccessGraph, onPick: (node: string) => void): void {
  // Lower-cased label and key once, not per keystroke.
  const index: Array<{ node: string; text: string }> = [];
  graph.forEachNode((node, a) => {
    if (a.kind !== 'policy') index.push({ node, text: `${a.label}\n${node}`.toLowerCase() });
  });
  let matches: string[] = [];
  const pick = (node: string) => {
    list.replaceChildren();
    input.value = graph.getNodeAttribute(node, 'label');
    onPick(node);
  };
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    matches = q === '' ? [] : index.filter((e) => e.text.includes(q)).slice(0, MAX_RESULTS).map((e) => e.node);
    list.replaceChildren(
      ...matches.map((node) => {
        const a = graph.getNodeAttributes(node);
        const item = el('li', { title: node, data: { node } }, el('span', { className: 'node-name' }, shortName(node) === node ? a.label : shortName(node)), ' ', el('span', { className: 'muted' }, NODE_KIND_LABELS[a.kind]));
        item.addEventListener('click', () => pick(node));
        return item;
      }),
    );
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && matches.length > 0) {
      event.preventDefault();
      pick(matches[0]);
    }
  });
}
