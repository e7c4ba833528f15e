/** The target picker: admin, any role, or an action on a resource the CLI precomputed. */
import type { AccessGraph } from '../../../src/graph/types.ts';
import { ADMIN_NODE } from '../../../src/graph/types.ts';
import { el } from '../dom.ts';
import type { PrecomputedTarget } from '../../payload.ts';

const option = (value: string, text: string): HTMLOptionElement => {
  const o = el('option', {}, text);
  o.value = value;
  return o;
};

export function setUpTargets(select: HTMLSelectElement, graph: AccessGraph, precomputed: readonly PrecomputedTarget[], onChange: (target: string) => void): void {
  const roles: HTMLOptionElement[] = [];
  graph.forEachNode((node, a) => {
    if (a.kind === 'role') roles.push(option(node, `role ${a.label}${a.accountId ? ` (${a.accountId})` : ''}`));
  });
  roles.sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
  const groups: HTMLElement[] = [option('', '— no target —')];
  if (graph.hasNode(ADMIN_NODE)) groups.push(option(ADMIN_NODE, 'admin (full control)'));
  if (precomputed.length) {
    const g = el('optgroup');
    g.label = 'action on resource';
    g.append(...precomputed.map((t) => option(t.id, t.label)));
    groups.push(g);
  }
  if (roles.length) {
    const g = el('optgroup');
    g.label = 'roles';
    g.append(...roles);
    groups.push(g);
  }
  select.replaceChildren(...groups);
  select.addEventListener('change', () => onChange(select.value));
}
