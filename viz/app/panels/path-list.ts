/** The side list of paths: each hop with how it is made (technique), its evidence and conditions. */
import type { Hop } from '../../../src/analysis/types.ts';
import { conditionText, evidenceText, hopVia, requiresText, shortName } from '../../../src/analysis/text.ts';
import { hopIsConditional } from '../../../src/analysis/hop.ts';
import { el } from '../dom.ts';
import type { SourcedPath } from '../paths.ts';

const nodeName = (key: string) => el('span', { className: 'node-name', title: key }, shortName(key));

function hopItem(hop: Hop): HTMLLIElement {
  const conditional = hopIsConditional(hop);
  const proof = [
    ...hop.evidence.map((e) => el('li', {}, evidenceText(e))),
    ...hop.conditions.map((c) => el('li', { className: 'conditional' }, conditionText(c))),
    ...(hop.requires ?? []).map((r) => el('li', { className: 'conditional' }, requiresText(r))),
  ];
  return el('li', { className: conditional ? 'hop conditional' : 'hop', data: { from: hop.from, to: hop.to, kind: hop.kind } },
    '→ ', nodeName(hop.to), ' via ', el('span', { className: 'via' }, hopVia(hop)), conditional ? el('span', { className: 'conditional' }, ' (conditional)') : null,
    proof.length ? el('ul', {}, ...proof) : null);
}

export function renderPathList(list: HTMLElement, count: HTMLElement, paths: readonly SourcedPath[], truncated: boolean, hasTarget: boolean): void {
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
          el('ul', {}, ...path.final.evidence.map((e) => el('li', {}, evidenceText(e))), ...(path.final.conditions ?? []).map((c) => el('li', { className: 'conditional' }, conditionText(c)))))
        : null;
      return el('li', { className: 'path', data: { from, verdict: path.verdict } },
        el('div', {}, el('span', { className: `verdict ${path.verdict}` }, path.verdict), ` · ${path.hops.length} hop${path.hops.length === 1 ? '' : 's'} from `, nodeName(from)),
        el('ol', { className: 'hops' }, ...path.hops.map(hopItem), final));
    }),
  );
}
