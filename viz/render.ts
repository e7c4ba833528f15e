/**
 * Fills the built viewer page (viz/dist/viewer.html, made by `npm run build:viz` in `prepare`, shipped in the package) with
 * a graph: its layout, findings per node and precomputed targets. One self-contained HTML file.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { WhoCanAnswer } from '../src/analysis/types.ts';
import type { AccessGraph } from '../src/graph/types.ts';
import { UserError } from '../src/errors.ts';
import { packageFile } from '../src/package-root.ts';
import { inlineScriptHashes } from '../src/report/render/csp.ts';
import { jsonForScript } from '../src/report/render/escape.ts';
import { statementLocations } from '../src/report/render/html-data.ts';
import type { Finding } from '../src/report/types.ts';
import { layOut } from './layout.ts';
import { packGraph } from './pack.ts';
import { PAYLOAD_VERSION, type NodeFinding, type PrecomputedTarget, type ViewerPayload } from './payload.ts';

export const viewerTemplate = (): string => packageFile('viz', 'dist', 'viewer.html');
const PLACEHOLDER = '"__IAMGRAPH_DATA__"';

export interface ViewerOptions {
  title?: string;
  focus?: string;
  /** `admin`, a node key, or the id of one of `targets`. */
  target?: string;
  targets?: PrecomputedTarget[];
  findings?: readonly Finding[];
  search: ViewerPayload['search'];
}

/** The built page's path; a user error naming it when it is missing (a package or checkout without viz/dist). */
export function builtViewer(): string {
  const file = viewerTemplate();
  if (!existsSync(file)) throw new UserError(`the viewer is not built (${file} is missing): run "npm run build:viz"`);
  return file;
}

export function precomputedTarget(answer: WhoCanAnswer): PrecomputedTarget {
  return { id: `${answer.action} on ${answer.resource}`, label: `${answer.action} on ${answer.resource}`, principals: answer.principals };
}

function findingsByNode(findings: readonly Finding[]): Record<string, NodeFinding[]> {
  const out: Record<string, NodeFinding[]> = {};
  for (const f of findings) (out[f.subject] ??= []).push({ id: f.id, severity: f.severity, title: f.title });
  return out;
}

/** The payload; lays the graph out (mutating its x/y) when it has no layout yet. */
export function viewerPayload(graph: AccessGraph, opts: ViewerOptions): ViewerPayload {
  const first = graph.nodes()[0];
  if (first !== undefined && graph.getNodeAttribute(first, 'x') === undefined) layOut(graph);
  return {
    version: PAYLOAD_VERSION,
    title: opts.title ?? 'iamgraph viewer',
    graph: packGraph(graph),
    ...(opts.focus ? { focus: opts.focus } : {}),
    ...(opts.target ? { target: opts.target } : {}),
    targets: opts.targets ?? [],
    findings: findingsByNode(opts.findings ?? []),
    locations: statementLocations(opts.findings ?? []),
    search: opts.search,
  };
}

/** The page's CSP allows its inline scripts by hash, not 'unsafe-inline' (vite's template cannot know them). */
function hashScripts(html: string): string {
  return html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )'unsafe-inline'/, (_m, head: string) => `${head}${inlineScriptHashes(html).join(' ')}`);
}

export function renderViewerHtml(graph: AccessGraph, opts: ViewerOptions): string {
  const file = builtViewer();
  const template = readFileSync(file, 'utf8');
  const at = template.indexOf(PLACEHOLDER);
  if (at < 0) throw new Error(`${file}: no data placeholder`);
  return hashScripts(template.slice(0, at) + jsonForScript(viewerPayload(graph, opts)) + template.slice(at + PLACEHOLDER.length));
}
