/** Viewer pages for the browser tests: the real pipeline (ingest → graph → analysis) into viz/render.ts. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadInputs } from '../../ingest/index.ts';
import { privesc, whoCan } from '../../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import { buildGraph, type AccessGraph } from '../../src/graph/index.ts';
import type { AccountModel } from '../../src/model/types.ts';
import { buildReport } from '../../src/report/build.ts';
import { DEFAULT_REPORT_OPTIONS } from '../../src/report/types.ts';
import { precomputedTarget, renderViewerHtml, type ViewerOptions } from '../../viz/render.ts';
import { openFile, type Opened } from '../browser/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'iamgraph-viz-'));
const { maxDepth, maxPaths, includeConditional } = DEFAULT_ANALYSIS_OPTIONS;

export interface Built {
  model: AccountModel;
  graph: AccessGraph;
  file: string;
}

export async function viewerPage(name: string, inputs: string[], opts: Partial<ViewerOptions> & { action?: { action: string; resource: string } } = {}): Promise<Built> {
  const { model, errors } = await loadInputs(inputs);
  if (errors.length) throw new Error(`fixture errors: ${JSON.stringify(errors)}`);
  const graph = buildGraph(model, DEFAULT_ANALYSIS_OPTIONS);
  const answer = privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS);
  const findings = buildReport({ model, graph, privesc: answer, options: { ...DEFAULT_REPORT_OPTIONS, analysis: DEFAULT_ANALYSIS_OPTIONS } }, { toolVersion: 'test' }).findings;
  const viewer: ViewerOptions = { search: { maxDepth, maxPaths, includeConditional }, findings, ...opts };
  if (opts.action) {
    const target = precomputedTarget(whoCan(graph, model, opts.action.action, opts.action.resource, DEFAULT_ANALYSIS_OPTIONS));
    viewer.targets = [target];
    viewer.target = target.id;
  }
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderViewerHtml(graph, viewer));
  return { model, graph, file };
}

export async function openViewer(browser: Browser, file: string): Promise<Opened> {
  const opened = await openFile(browser, file);
  await opened.page.waitForFunction(() => window.iamgraphViewer !== undefined);
  return opened;
}

/** Where a node is drawn, in page coordinates (sigma's display data → viewport → page). */
export async function nodePosition(page: Page, node: string): Promise<{ x: number; y: number }> {
  return page.evaluate((key) => {
    const { renderer } = window.iamgraphViewer!;
    const display = renderer.getNodeDisplayData(key);
    if (!display) throw new Error(`no display data for ${key}`);
    const p = renderer.framedGraphToViewport(display);
    const box = renderer.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, node);
}
