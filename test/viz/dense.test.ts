/**
 * A dense synthetic organization (bench/generate.ts, 2,000 principals, ~25,000 edges) in the
 * viewer: it opens and draws, assume and escalation edges are drawn on demand, and a target's
 * paths are drawn with the edges that make them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateOrg, writeOrg } from '../../bench/generate.ts';
import { distancesTo } from '../../src/analysis/search.ts';
import { CONDITIONAL_COLOUR, HIGHLIGHT_EDGE } from '../../viz/app/palette.ts';
import { countInkPixels, describeBrowser, launchChromium } from '../browser/chromium.ts';
import { openViewer, viewerPage, type Built } from './helpers.ts';

describeBrowser('viewer on a dense organization', () => {
  let browser: Browser;
  let built: Built;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-dense-'));
    writeOrg(dir, generateOrg(2000));
    built = await viewerPage('dense', [dir]);
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('opens, draws, and draws assume/escalation edges only for what is highlighted', async () => {
    const { page, errors } = await openViewer(browser, built.file);
    expect(built.graph.size).toBeGreaterThan(20_000);
    expect(await page.locator('#summary').textContent()).toContain('dense: assume and escalation edges are drawn when highlighted');
    const drawnKinds = () => page.evaluate(() => {
      const g = window.iamgraphViewer!.renderer.getGraph();
      return [...new Set(g.mapEdges((_e, a) => a.kind as string))].sort();
    });
    expect(await drawnKinds()).not.toContain('can-assume');
    const pixels = await countInkPixels(await browser.newPage(), await page.locator('#graph').screenshot());
    expect(pixels.ink).toBeGreaterThan(2_000);

    // A user at least two hops from admin, so its paths run through assume/escalation edges.
    const dist = distancesTo(built.graph, ['admin'], 8, true);
    const user = built.graph.filterNodes((n, a) => a.kind === 'user' && (dist.get(n) ?? 0) >= 2).sort()[0];
    expect(user).toBeDefined();
    await page.evaluate((u) => window.iamgraphViewer!.select(u), user);
    await page.locator('#target').selectOption('admin');
    expect(await page.locator('#path-list > li.path').count()).toBeGreaterThan(0);
    // Every hop of every listed path is drawn, and drawn as a path edge (through its hub, when it has one).
    const hops = await page.locator('#path-list li.hop[data-from]').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.from!, (e as HTMLElement).dataset.to!]));
    expect(hops.length).toBeGreaterThanOrEqual(2);
    const missing = await page.evaluate(({ list, colours }) => {
      const { renderer } = window.iamgraphViewer!;
      const g = renderer.getGraph();
      const drawn = (e: string) => colours.includes(renderer.getEdgeDisplayData(e)!.color);
      // A hop is one edge, or two through a technique's hub ("any role …"): each drawn as a path edge.
      const throughHub = (from: string, to: string) => g.outNeighbors(from).some((h) => g.getNodeAttribute(h, 'kind') === 'hub' && g.outEdges(from, h).some(drawn) && g.outEdges(h, to).some(drawn));
      return list.filter(([from, to]) => !g.outEdges(from, to).some(drawn) && !throughHub(from, to));
    }, { list: hops, colours: [HIGHLIGHT_EDGE, CONDITIONAL_COLOUR] });
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  });
});
