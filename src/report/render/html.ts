/**
 * One self-contained HTML file (no network): summary, a findings table with client-side filters,
 * each path drawn hop by hop with its evidence, and the graph viewer when one is given. Markup
 * with input-derived text is escaped here; paths are drawn by the page's script when a finding is
 * opened, from a JSON data block (html-data.ts: each hop's text once), with textContent. A
 * Content-Security-Policy allows only the report's own script (by hash), so even an unescaped
 * handler could not run.
 */
import type { Finding, Report, RuleInfo } from '../types.ts';
import { SEVERITIES } from '../types.ts';
import { jsonChunks, type Chunks } from './chunks.ts';
import { inlineScriptHashes, scriptHash } from './csp.ts';
import { escapeHtml as h } from './escape.ts';
import { reportScript } from './html-script.ts';
import { HTML_STYLE } from './html-style.ts';
import { htmlData } from './html-data.ts';
import { locationOfEvidence, locationText, refText } from './text.ts';
import { evidenceText } from '../../analysis/text.ts';

export interface HtmlOptions {
  /** A complete HTML document of the graph viewer (viz/render.ts), embedded in a sandboxed iframe. */
  viewerHtml?: string;
  /** Page title (default `iamgraph report`). */
  title?: string;
  /** Heading of the warnings list (a diff lists its other changes there). */
  warningsHeading?: string;
}

const badge = (severity: string): string => `<span class="badge sev-${h(severity)}">${h(severity)}</span>`;

const filterAttrs = (f: Finding): string =>
  ` data-finding data-severity="${h(f.severity)}" data-rule="${h(f.rule)}" data-suppressed="${f.suppression ? 'true' : 'false'}" data-text="${h(`${f.title} ${f.subject} ${f.id}`.toLowerCase())}"`;

function row(f: Finding): string {
  return `<tr${filterAttrs(f)}><td>${badge(f.severity)}</td><td><code>${h(f.rule)}</code></td><td><a href="#${h(f.id)}">${h(f.title)}</a>${f.suppression ? ` <span class="muted">(suppressed: ${h(f.suppression.reason)})</span>` : ''}</td><td class="mono">${h(f.accountId ?? '')}</td><td>${f.paths.length || (f.pathRefs?.reduce((n, r) => n + r.paths.length, 0) ?? 0)}</td></tr>`;
}

/** The embedded graph opened on the finding: its principal and, for a path, the path's end (the page's script tells the viewer). */
function graphLink(f: Finding): string {
  const end = f.paths[0]?.hops.at(-1)?.to ?? '';
  const from = f.paths[0]?.hops[0]?.from ?? f.subject;
  return `<p><a class="graph-link" href="#graph" data-focus="${h(from)}" data-target="${h(end)}">Show in the graph</a></p>`;
}

function details(f: Finding, rule: RuleInfo | undefined, withGraph: boolean): string {
  const evidence = f.paths.length === 0 && f.evidence.length
    ? `<ul class="evidence">${f.evidence.map((e) => { const at = locationOfEvidence(f, e); return `<li>${h(evidenceText(e))}${at ? ` <span class="mono">${h(locationText(at))}</span>` : ''}</li>`; }).join('')}</ul>`
    : '';
  const refs = f.pathRefs?.length
    ? `<p>Paths it cuts, listed in their own findings:</p><ul class="refs">${f.pathRefs.map((r) => `<li><a href="#${h(r.finding)}">${h(refText(r))}</a></li>`).join('')}</ul>`
    : '';
  const locations = f.locations.length ? `<p class="muted">Locations: ${f.locations.map((l) => `<span class="mono">${h(locationText(l))}</span>`).join(', ')}</p>` : '';
  return `<details class="finding" id="${h(f.id)}"${filterAttrs(f)}><summary>${badge(f.severity)} ${h(f.title)}</summary>
<p>${h(f.message)}</p>
<p class="muted"><code>${h(f.id)}</code> · rule <code>${h(f.rule)}</code> · subject <code>${h(f.subject)}</code></p>
${f.paths.length ? `<div class="paths" data-paths="${h(f.id)}"></div>` : ''}${evidence}${refs}${locations}${withGraph ? graphLink(f) : ''}
${rule ? `<p><b>Fix:</b> ${h(rule.remediation)}</p><p class="muted">${rule.docs.map((d) => h(d)).join('<br>')}</p>` : ''}
</details>`;
}

export function* htmlChunks(report: Report, opts: HtmlOptions = {}): Chunks {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const all = [...report.findings, ...report.suppressed];
  const s = report.summary;
  const script = reportScript();
  // The viewer's inline scripts run in its sandboxed srcdoc iframe, which inherits this policy: their hashes too.
  const scriptSrc = [...new Set([scriptHash(script), ...(opts.viewerHtml ? inlineScriptHashes(opts.viewerHtml) : [])])].join(' ');
  const csp = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src ${scriptSrc}; frame-src 'self'`;
  const usedRules = report.rules.filter((r) => all.some((f) => f.rule === r.id));
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(opts.title ?? 'iamgraph report')}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${h(opts.title ?? 'iamgraph report')}</h1><p>${s.accounts} account${s.accounts === 1 ? '' : 's'} · ${s.principals} principals · ${s.admins} admins · ${s.findings} open findings${s.suppressed ? ` · ${s.suppressed} suppressed` : ''}${report.generatedAt ? ` · ${h(report.generatedAt)}` : ''} · iamgraph ${h(report.tool.version)}</p></header>
<main>
<section class="cards">${SEVERITIES.map((sev) => `<div class="card sev-${sev}"><b>${s.bySeverity[sev]}</b>${sev}</div>`).join('')}</section>
<p class="muted">Inputs: ${report.inputs.map((i) => `<span class="mono">${h(i)}</span>`).join(', ') || 'none'}</p>
<h2>Findings</h2>
${report.findings.length === 0 ? '<p class="empty">No open findings.</p>\n' : ''}`;
  // No table and no details heading when there is nothing to list (suppressed findings are listed, hidden until asked for).
  if (all.length > 0) {
    yield `<form id="filters" class="filters">
${SEVERITIES.map((sev) => `<label><input type="checkbox" name="severity" value="${sev}" checked> ${sev}</label>`).join('\n')}
<label>rule <select name="rule"><option value="">all</option>${usedRules.map((r) => `<option value="${h(r.id)}">${h(r.id)}</option>`).join('')}</select></label>
<label>search <input type="search" name="q" placeholder="principal, title, id"></label>
<label><input type="checkbox" name="suppressed"> show suppressed</label>
<span class="muted"><span id="shown">${report.findings.length}</span> shown</span>
</form>
<table id="findings"><thead><tr><th>severity</th><th>rule</th><th>finding</th><th>account</th><th>paths</th></tr></thead>
<tbody>
`;
    for (const f of all) yield `${row(f)}\n`;
    yield `</tbody></table>
<h2>Details</h2>
`;
    for (const f of all) yield `${details(f, rules.get(f.rule), opts.viewerHtml !== undefined)}\n`;
  }
  yield `${report.expiredSuppressions.length ? `<h2>Expired suppressions</h2><ul>${report.expiredSuppressions.map((x) => `<li><code>${h(x.id)}</code> expired ${h(x.expires ?? '')}: ${h(x.reason)}</li>`).join('')}</ul>` : ''}
`;
  if (opts.viewerHtml) yield `<h2 id="graph">Graph</h2><iframe class="viewer" title="access graph" sandbox="allow-scripts" srcdoc="${h(opts.viewerHtml)}"></iframe>`;
  yield `
${report.warnings.length ? `<h2>${h(opts.warningsHeading ?? 'Input warnings')}</h2><ul>${report.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>` : ''}
</main>
<script type="application/json" id="report-data">`;
  // A data block, never run; `<` as \u003c so no text in it can close the element.
  for (const chunk of jsonChunks(htmlData(report), 2, 0)) yield chunk.replace(/</g, '\\u003c');
  yield `</script>
<script>${script}</script>
</body>
</html>
`;
}
