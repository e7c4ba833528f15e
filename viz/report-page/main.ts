/**
 * The HTML report's script (src/report/render/html.ts writes the page): findings filters, paths
 * drawn from the page's JSON data block the first time their finding opens, links that open a
 * finding. Built by vite into one script (viz/vite.report.config.ts) that the report inlines
 * under its Content-Security-Policy by hash. Everything from the data goes in as textContent.
 */
import type { HtmlData, HtmlHop, HtmlPath } from '../../src/report/render/html-data.ts';

const byId = <T extends HTMLElement>(id: string): T | null => document.getElementById(id) as T | null;

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function setUpFilters(form: HTMLFormElement): void {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-finding]')];
  const count = byId('shown');
  const apply = (): void => {
    const severities = new Set([...form.querySelectorAll<HTMLInputElement>('input[name=severity]')].filter((b) => b.checked).map((b) => b.value));
    const rule = form.querySelector<HTMLSelectElement>('select[name=rule]')?.value ?? '';
    const text = (form.querySelector<HTMLInputElement>('input[name=q]')?.value ?? '').toLowerCase();
    const suppressed = form.querySelector<HTMLInputElement>('input[name=suppressed]')?.checked ?? false;
    let shown = 0;
    for (const el of rows) {
      const ok = severities.has(el.dataset.severity ?? '')
        && (rule === '' || el.dataset.rule === rule)
        && (text === '' || (el.dataset.text ?? '').includes(text))
        && (suppressed || el.dataset.suppressed !== 'true');
      el.hidden = !ok;
      if (ok && el.tagName === 'TR') shown++;
    }
    if (count) count.textContent = String(shown);
  };
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  apply();
}

let data: HtmlData | null = null;
function readData(): HtmlData {
  if (!data) {
    const block = byId('report-data');
    data = block?.textContent ? (JSON.parse(block.textContent) as HtmlData) : { hops: {}, paths: {} };
  }
  return data;
}

function nodeEl(key: string, label: string): HTMLSpanElement {
  const n = make('span', key === 'admin' ? 'node admin' : 'node', label);
  n.title = key;
  return n;
}

/** One hop, one row at any width: from → technique → to, its evidence under it (a CSS grid: html-style.ts). */
function hopRow(from: { key: string; label: string }, hop: HtmlHop): HTMLDivElement {
  const row = make('div', 'hop-row');
  row.append(nodeEl(from.key, from.label), make('span', 'via', `→ ${hop.via} →`), nodeEl(hop.to, hop.toLabel));
  if (hop.items.length) {
    const list = make('ul', 'evidence');
    for (const item of hop.items) {
      const li = make('li', '', item.text);
      if (item.at) li.append(' ', make('span', 'mono', item.at));
      list.append(li);
    }
    row.append(list);
  }
  return row;
}

function pathEl(p: HtmlPath, index: number, hops: HtmlData['hops']): HTMLDivElement {
  const head = make('div', 'muted', `path ${index + 1} · ${p.verdict} · ${p.hops.length} hop${p.hops.length === 1 ? '' : 's'} · `);
  head.append(make('code', '', p.id));
  const path = make('div', 'path');
  path.append(head);
  let from = { key: p.from, label: p.fromLabel };
  for (const id of p.hops) {
    const hop = hops[id];
    path.append(hopRow(from, hop));
    from = { key: hop.to, label: hop.toLabel };
  }
  if (p.final) path.append(make('div', 'final', `⇒ ${p.final}`));
  return path;
}

function drawPaths(box: HTMLElement): void {
  const d = readData();
  (d.paths[box.dataset.paths ?? ''] ?? []).forEach((p, i) => box.append(pathEl(p, i, d.hops)));
  box.removeAttribute('data-paths');
}

/** A link to a finding (the table, a choke point's cut paths) opens it. */
function openLinked(): void {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target instanceof HTMLDetailsElement) target.open = true;
}

const form = byId<HTMLFormElement>('filters');
if (form) setUpFilters(form);
// toggle does not bubble: listen in the capture phase.
document.addEventListener('toggle', (e) => {
  const details = e.target;
  if (!(details instanceof HTMLDetailsElement) || !details.open) return;
  const box = details.querySelector<HTMLElement>('[data-paths]');
  if (box) drawPaths(box);
}, true);
window.addEventListener('hashchange', openLinked);
openLinked();

/** "Show in the graph": the embedded viewer (a sandboxed frame) is told which principal and target to open; it checks both are its nodes. */
document.addEventListener('click', (e) => {
  const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a.graph-link') : null;
  const frame = document.querySelector<HTMLIFrameElement>('iframe.viewer');
  if (!link || !frame?.contentWindow) return;
  frame.contentWindow.postMessage({ type: 'iamgraph:open', focus: link.dataset.focus ?? '', target: link.dataset.target ?? '' }, '*');
});
