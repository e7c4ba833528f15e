/**
 * The viewer on a large synthetic organization: writing the page (layout + packing) in Node, then
 * opening it in Debian's Chromium on software WebGL (SwiftShader, no GPU): time until the viewer
 * is ready and has drawn, the worst frame while panning, and a selection and a target.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadInputs } from '../ingest/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/access/options.ts';
import { buildGraph } from '../src/graph/index.ts';
import { layOut } from '../viz/layout.ts';
import { renderViewerHtml } from '../viz/render.ts';
import { generateOrg, writeOrg } from './generate.ts';

export interface ViewerBench {
  principals: number;
  nodes: number;
  edges: number;
  layoutSeconds: number;
  writeSeconds: number;
  megabytes: number;
  readySeconds: number;
  firstFrameSeconds: number;
  panWorstFrameMs: number;
  panFrames: number;
  selectMs: number;
  targetMs: number;
  targetPaths: string;
}

const seconds = (t: number) => (performance.now() - t) / 1000;
const trace = (step: string) => { if (process.env.BENCH_TRACE) process.stderr.write(`${new Date().toISOString()} ${step}\n`); };

export async function runViewerBench(size: number, executablePath = '/usr/bin/chromium'): Promise<ViewerBench> {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-viewer-bench-'));
  try {
    writeOrg(dir, generateOrg(size));
    const { model } = await loadInputs([dir]);
    const graph = buildGraph(model, DEFAULT_ANALYSIS_OPTIONS);
    let t = performance.now();
    trace('layOut(graph);');
    layOut(graph);
    const layoutSeconds = seconds(t);
    t = performance.now();
    const { maxDepth, maxPaths, includeConditional } = DEFAULT_ANALYSIS_OPTIONS;
    trace('const html = renderViewerHtml');
    const html = renderViewerHtml(graph, { search: { maxDepth, maxPaths, includeConditional } });
    const writeSeconds = seconds(t);
    const file = join(dir, 'viewer.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      t = performance.now();
      trace('await page.goto(');
      await page.goto(pathToFileURL(file).href, { timeout: 600_000 });
      trace('await page.waitForFunction(');
      await page.waitForFunction('window.iamgraphViewer !== undefined', undefined, { timeout: 600_000, polling: 100 });
      const readySeconds = seconds(t);
      trace("await page.evaluate('new Promi");
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const firstFrameSeconds = seconds(t);
      // Strings, not functions: the page must not see the bundler's helpers.
      trace('const pan = (await');
      const pan = (await page.evaluate(`(async () => {
        const camera = window.iamgraphViewer.renderer.getCamera();
        const frames = [];
        let last = performance.now();
        let running = true;
        const tick = () => { const now = performance.now(); frames.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
        await camera.animate({ x: 0.35, y: 0.4, ratio: 0.6 }, { duration: 1000 });
        running = false;
        return { worst: Math.max(...frames), frames: frames.length };
      })()`)) as { worst: number; frames: number };
      const user = Object.keys(model.users).sort()[0];
      t = performance.now();
      trace('await page.evaluate(`window.ia');
      await page.evaluate(`window.iamgraphViewer.select(${JSON.stringify(user)})`);
      const selectMs = seconds(t) * 1000;
      t = performance.now();
      trace('await page.evaluate(`window.ia');
      await page.evaluate(`window.iamgraphViewer.setTarget('admin')`);
      const targetMs = seconds(t) * 1000;
      const targetPaths = (await page.locator('#path-count').textContent()) ?? '';
      return {
        principals: size, nodes: graph.order, edges: graph.size, layoutSeconds, writeSeconds, megabytes: html.length / 1e6,
        readySeconds, firstFrameSeconds, panWorstFrameMs: pan.worst, panFrames: pan.frames, selectMs, targetMs, targetPaths,
      };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const VIEWER_BENCH_HEADER = '| principals | nodes / edges | layout + page (size) | ready / first frame | worst frame while panning | select a user | target admin (paths) |\n| --- | --- | --- | --- | --- | --- | --- |';

export function viewerBenchRow(b: ViewerBench): string {
  const s = (v: number) => `${v.toFixed(1)} s`;
  return `| ${b.principals.toLocaleString('en-US')} | ${b.nodes.toLocaleString('en-US')} / ${b.edges.toLocaleString('en-US')} | ${s(b.layoutSeconds)} + ${s(b.writeSeconds)} (${b.megabytes.toFixed(0)} MB) | ${s(b.readySeconds)} / ${s(b.firstFrameSeconds)} | ${b.panWorstFrameMs.toFixed(0)} ms (${b.panFrames} frames in 1 s) | ${b.selectMs.toFixed(0)} ms | ${b.targetMs.toFixed(0)} ms ${b.targetPaths} |`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = (process.env.BENCH_SIZES ?? '1000,20000').split(',').map(Number);
  console.log(VIEWER_BENCH_HEADER);
  for (const size of sizes) console.log(viewerBenchRow(await runViewerBench(size)));
}
