/** The side list of paths: each hop with how it is made (technique), its evidence and conditions. */
import type { Hop } from '../../../src/analysis/types.ts';
import { hopVia, shortName } from '../../../src/analysis/text.ts';
import { hopIsConditional } from '../../../src/analysis/hop.ts';
import { el } from '../dom.ts';
import type { SourcedPath } from '../paths.ts';
import { proofItems, type Locate } from './proof.ts';

const nodeName = (key: string) => el('span', { className: 'node-name', title: key }, shortName(key));

/** Called with a hop the user clicked in the list. */
export type OnHop = (hop: Hop) => void;

function hopItem(hop: Hop, onHop: OnHop, locate: Locate): HTMLLIElement {
  const conditional = hopIsConditional(hop);
  const proof = proofItems(hop, locate);
  const item = el('li', { className: conditional ? 'hop conditional' : 'hop', title: 'show this hop in the graph', data: { from: hop.from, to: hop.to, kind: hop.kind } },
    '→ ', nodeName(hop.to), ' via ', el('span', { className: 'via' }, hopVia(hop)), conditional ? el('span', { className: 'conditional' }, ' (conditional)') : null,
    proof.length ? el('ul', {}, ...proof) : null);
  item.addEventListener('click', (event) => {
    event.stopPropagation();
    onHop(hop);
  });
  return item;
}

export function renderPathList(list: HTMLElement, count: HTMLElement, paths: readonly SourcedPath[], truncated: boolean, hasTarget: boolean, onHop: OnHop, locate: Locate): void {
  count.textContent = hasTarget ? `(${paths.length}${truncated ? '+, list cut' : ''})` : '';
  if (!hasTarget) {
    list.replaceChildren(el('li', { className: 'muted' }, 'Choose a target to list paths.'));
    return;
  }
  if (paths.length === 0) {
    list.replaceChildren(el('li', { className: 'muted' }, 'No path to this target.'));
    return;
  }
  list.replaceChildren(
    ...paths.map(({ from, path }) => {
      const final = path.final
        ? el('li', { className: 'hop' }, `⇒ ${path.final.action} on `, nodeName(path.final.resource), `: ${path.final.decision}`,
          el('ul', {}, ...proofItems({ evidence: path.final.evidence, conditions: path.final.conditions ?? [] }, locate)))
        : null;
      return el('li', { className: 'path', data: { from, verdict: path.verdict } },
        el('div', {}, el('span', { className: `verdict ${path.verdict}` }, path.verdict), ` · ${path.hops.length} hop${path.hops.length === 1 ? '' : 's'} from `, nodeName(from)),
        el('ol', { className: 'hops' }, ...path.hops.map((hop) => hopItem(hop, onHop, locate)), final));
    }),
  );
}
