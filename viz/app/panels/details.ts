/** Details of the clicked node: ARN, account, policies, boundary, trust policy, findings. */
import type { AccessGraph } from '../../../src/graph/types.ts';
import { el } from '../dom.ts';
import { NODE_KIND_LABELS } from '../palette.ts';
import type { NodeFinding } from '../../payload.ts';

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

export function renderDetails(container: HTMLElement, graph: AccessGraph, node: string | null, findings: Record<string, NodeFinding[]>): void {
  delete container.dataset.edge;
  if (node === null || !graph.hasNode(node)) {
    container.replaceChildren('Click a node.');
    container.className = 'muted';
    return;
  }
  container.className = '';
  const a = graph.getNodeAttributes(node);
  const details = a.details ?? {};
  const rows: Array<[string, Node | string]> = [
    ['name', a.label],
    ['kind', NODE_KIND_LABELS[a.kind]],
    ['ARN', a.arn ?? node],
  ];
  if (a.accountId) rows.push(['account', a.accountId]);
  if (a.admin) rows.push(['admin', 'yes']);
  const groups = asStrings(details.groups);
  if (groups.length) rows.push(['groups', el('ul', {}, ...groups.map((g) => el('li', {}, g)))]);
  const policies = asStrings(details.policies);
  if (policies.length) rows.push(['policies', el('ul', {}, ...policies.map((p) => el('li', {}, p)))]);
  if (typeof details.boundary === 'string') rows.push(['boundary', details.boundary]);
  const dl = el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  const parts: Node[] = [dl];
  const own = findings[node] ?? [];
  if (own.length) {
    parts.push(el('h2', {}, `Findings (${own.length})`), el('ul', { className: 'findings' }, ...own.map((f) => el('li', { title: f.id }, el('span', { className: `badge sev-${f.severity}` }, f.severity), f.title))));
  }
  if (details.trustPolicy) parts.push(el('h2', {}, 'Trust policy'), el('pre', {}, JSON.stringify(details.trustPolicy, null, 2)));
  container.replaceChildren(...parts);
}
