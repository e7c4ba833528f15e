/** Filters: edge groups, one account, conditional paths and edges. */
import type { AccessGraph } from '../../../src/graph/types.ts';
import { el } from '../dom.ts';
import { EDGE_GROUPS, type EdgeGroup } from '../palette.ts';

export interface FilterValues {
  groups: Set<EdgeGroup>;
  account: string;
  hideConditional: boolean;
}

export function setUpFilters(groupsBox: HTMLElement, accountSelect: HTMLSelectElement, conditionalBox: HTMLInputElement, graph: AccessGraph, shownGroups: ReadonlySet<EdgeGroup>, onChange: (values: FilterValues) => void): FilterValues {
  const values: FilterValues = { groups: new Set(shownGroups), account: '', hideConditional: false };
  groupsBox.replaceChildren(
    ...EDGE_GROUPS.map((g) => {
      const box = el('input');
      box.type = 'checkbox';
      box.name = 'edge-group';
      box.value = g.id;
      box.checked = values.groups.has(g.id);
      box.addEventListener('change', () => {
        if (box.checked) values.groups.add(g.id);
        else values.groups.delete(g.id);
        onChange(values);
      });
      return el('label', { className: 'check' }, box, g.label);
    }),
  );
  const accounts = new Set<string>();
  graph.forEachNode((_n, a) => {
    if (a.accountId) accounts.add(a.accountId);
  });
  const all = el('option', {}, 'all accounts');
  all.value = '';
  accountSelect.replaceChildren(all, ...[...accounts].sort().map((id) => {
    const option = el('option', {}, id);
    option.value = id;
    return option;
  }));
  accountSelect.addEventListener('change', () => {
    values.account = accountSelect.value;
    onChange(values);
  });
  conditionalBox.addEventListener('change', () => {
    values.hideConditional = conditionalBox.checked;
    onChange(values);
  });
  return values;
}
