/**
 * The path view in Chromium, as a user sees it (no camera reset): choosing a target lays its paths
 * out left to right, the camera fits every path node, parallel path edges are distinct curves, every
 * path node is labelled, and clicking a hop shows that edge's evidence. Saves the README picture
 * (`npm run screenshots`).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchChromium, withPixels } from '../browser/chromium.ts';
import { openViewer, viewerPage, type Built } from './helpers.ts';

const ACCOUNT = 'arn:aws:iam::111122223333';
const KANG = `${ACCOUNT}:user/dev2-be-kang`;
const LAMBDA_ADMIN = `${ACCOUNT}:role/service-role/lambda-admin-ops`;
const SCREENSHOTS = process.env.IAMGRAPH_SCREENSHOTS;

/** Waits until the camera has stopped moving (the fit is animated). */
const settled = (page: Page) => page.waitForFunction(() => !window.iamgraphViewer!.renderer.getCamera().isAnimated()).then(() => page.waitForTimeout(100));

/** Viewport positions of the listed paths' nodes, and the viewport's size. */
async function pathNodesOnScreen(page: Page) {
  return page.evaluate(() => {
    const { renderer, state } = window.iamgraphViewer!;
    const nodes = new Set<string>();
    for (const { from, path } of state.paths) {
      nodes.add(from);
      for (const hop of path.hops) nodes.add(hop.from).add(hop.to);
    }
    const { width, height } = renderer.getDimensions();
    // sigma keeps the labels it drew last in a private set: the only record of what is labelled.
    const labelled = (renderer as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels;
    return {
      width,
      height,
      nodes: [...nodes].map((n) => ({ node: n, ...renderer.framedGraphToViewport(renderer.getNodeDisplayData(n)!), labelled: labelled.has(n) })),
    };
  });
}

/** Darkness sampled at points of a screenshot (max over a 5×5 square, for antialiased lines). */
async function inkAt(browser: Browser, png: Buffer, points: Array<{ x: number; y: number }>): Promise<number[]> {
  const page = await browser.newPage();
  try {
    return await withPixels(page, png, (image, pts) => pts.map(({ x, y }) => {
      let best = 0;
      for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) {
        const i = ((Math.round(y) + dy) * image.width + Math.round(x) + dx) * 4;
        best = Math.max(best, 765 - image.data[i] - image.data[i + 1] - image.data[i + 2]);
      }
      return best;
    }), points);
  } finally {
    await page.close();
  }
}

describeBrowser('viewer: the path view', () => {
  let browser: Browser;
  let company: Built;
  beforeAll(async () => {
    browser = await launchChromium();
    company = await viewerPage('company-paths', ['examples/company.yaml']);
  });
  afterAll(async () => browser?.close());

  it('kang → admin: every node of both paths is inside the viewport, laid out left to right, and labelled', async () => {
    const { page, errors } = await openViewer(browser, company.file);
    await page.evaluate((k) => window.iamgraphViewer!.select(k), KANG);
    await page.locator('#target').selectOption('admin');
    await settled(page);
    const shown = await pathNodesOnScreen(page);
    expect(shown.nodes.map((n) => n.node).sort()).toEqual([KANG, 'admin', LAMBDA_ADMIN].sort());
    for (const n of shown.nodes) {
      expect(n.x, n.node).toBeGreaterThan(0);
      expect(n.x, n.node).toBeLessThan(shown.width);
      expect(n.y, n.node).toBeGreaterThan(0);
      expect(n.y, n.node).toBeLessThan(shown.height);
      expect(n.labelled, n.node).toBe(true);
    }
    const x = (node: string) => shown.nodes.find((n) => n.node === node)!.x;
    expect(x(KANG)).toBeLessThan(x(LAMBDA_ADMIN));
    expect(x(LAMBDA_ADMIN)).toBeLessThan(x('admin'));
    // The paths fill the view: not a small cluster in the middle.
    expect(x('admin') - x(KANG)).toBeGreaterThan(shown.width / 3);
    expect(errors).toEqual([]);
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/viewer.png` });
    }
  });

  it('with no principal selected, every path of every principal to admin is in view and labelled', async () => {
    const { page } = await openViewer(browser, company.file);
    await page.locator('#target').selectOption('admin');
    await settled(page);
    const shown = await pathNodesOnScreen(page);
    expect(shown.nodes.length).toBeGreaterThan(3);
    for (const n of shown.nodes) {
      expect(n.x > 0 && n.x < shown.width && n.y > 0 && n.y < shown.height, n.node).toBe(true);
      expect(n.labelled, n.node).toBe(true);
    }
  });

  it('selecting a principal without a target fits its whole reach', async () => {
    const { page } = await openViewer(browser, company.file);
    await page.evaluate((k) => window.iamgraphViewer!.select(k), KANG);
    await settled(page);
    const out = await page.evaluate(() => {
      const { renderer } = window.iamgraphViewer!;
      const { width, height } = renderer.getDimensions();
      return renderer.getGraph().nodes().filter((n) => renderer.getNodeDisplayData(n)!.color !== '#e4e7ee' && !renderer.getNodeDisplayData(n)!.hidden).map((n) => ({ n, ...renderer.framedGraphToViewport(renderer.getNodeDisplayData(n)!) })).filter((p) => p.x < 0 || p.x > width || p.y < 0 || p.y > height);
    });
    expect(out).toEqual([]);
  });

  it('the two parallel edges from kang to lambda-admin-ops are drawn as two curves: ink on each one\'s side, none on the straight line', async () => {
    const { page } = await openViewer(browser, company.file);
    await page.evaluate((k) => window.iamgraphViewer!.select(k), KANG);
    await page.locator('#target').selectOption('admin');
    await settled(page);
    const geometry = await page.evaluate(([from, to]) => {
      const { renderer } = window.iamgraphViewer!;
      const graph = renderer.getGraph();
      const edges = graph.edges(from, to).map((e) => ({ e, d: renderer.getEdgeDisplayData(e)! })).filter(({ d }) => !d.hidden);
      const a = renderer.framedGraphToViewport(renderer.getNodeDisplayData(from)!);
      const b = renderer.framedGraphToViewport(renderer.getNodeDisplayData(to)!);
      return { a, b, edges: edges.map(({ e, d }) => ({ e, type: d.type, curvature: (d as unknown as { curvature: number }).curvature, hidden: d.hidden })) };
    }, [KANG, LAMBDA_ADMIN]);
    expect(geometry.edges.length).toBe(2);
    expect(geometry.edges.every((e) => e.type === 'curved-arrow' && !e.hidden)).toBe(true);
    expect(Math.sign(geometry.edges[0].curvature)).toBe(-Math.sign(geometry.edges[1].curvature));
    // Sample the two sides of the chord at its middle: a curve bulges by curvature × length / 2 (sigma's edge-curve).
    const { a, b } = geometry;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const nx = -(b.y - a.y) / len;
    const ny = (b.x - a.x) / len;
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const bulge = (Math.abs(geometry.edges[0].curvature) * len) / 2;
    const png = await page.locator('#graph').screenshot();
    const [left, middle, right] = await inkAt(browser, png, [
      { x: mid.x + nx * bulge, y: mid.y + ny * bulge },
      mid,
      { x: mid.x - nx * bulge, y: mid.y - ny * bulge },
    ]);
    expect(left).toBeGreaterThan(150);
    expect(right).toBeGreaterThan(150);
    expect(middle).toBeLessThan(left);
  });

  it('clicking a hop in the path list selects that edge and shows its evidence; clicking an edge does too', async () => {
    const { page, errors } = await openViewer(browser, company.file);
    await page.evaluate((k) => window.iamgraphViewer!.select(k), KANG);
    await page.locator('#target').selectOption('admin');
    await page.locator('#path-list > li.path').first().locator('li.hop').first().click();
    const chosen = await page.evaluate(() => {
      const { renderer, state } = window.iamgraphViewer!;
      const g = renderer.getGraph();
      return { edge: state.edge, technique: state.edge ? g.getEdgeAttribute(state.edge, 'technique')?.id : null, colour: state.edge ? renderer.getEdgeDisplayData(state.edge)!.color : null };
    });
    expect(chosen.technique).toBe('pass-role-lambda');
    expect(chosen.colour).toBe('#1971c2');
    const details = page.locator('#details');
    expect(await details.getAttribute('data-edge')).toBe(chosen.edge);
    expect(await details.textContent()).toContain('BackendDeployLambda statement 0 (PassFunctionRoles)');
    // Where the statement is: the file and the statement's pointer (and the line, when the CLI read the file).
    expect(await details.textContent()).toMatch(/examples\/company\.yaml(:\d+)? \/accounts\/0\/policies\/\d+\/document\/Statement\/0/);
    // The second path's first hop: the conditional update-function-code edge, with its condition.
    await page.locator('#path-list > li.path').nth(1).locator('li.hop').first().click();
    expect(await details.textContent()).toContain('needs an existing Lambda function that runs as the role');
    // A click on the canvas, halfway along lambda-admin-ops → admin (a straight edge), chooses that edge.
    await settled(page);
    const mid = await page.evaluate(([from, to]) => {
      const { renderer } = window.iamgraphViewer!;
      const a = renderer.framedGraphToViewport(renderer.getNodeDisplayData(from)!);
      const b = renderer.framedGraphToViewport(renderer.getNodeDisplayData(to)!);
      const box = renderer.getContainer().getBoundingClientRect();
      return { x: box.left + (a.x + b.x) / 2, y: box.top + (a.y + b.y) / 2 };
    }, [LAMBDA_ADMIN, 'admin']);
    await page.mouse.click(mid.x, mid.y);
    expect(await page.evaluate(() => { const { renderer, state } = window.iamgraphViewer!; return state.edge ? renderer.getGraph().getEdgeAttribute(state.edge, 'kind') : null; })).toBe('is-admin');
    expect(await details.locator('.via').textContent()).toBe('is-admin');
    expect(errors).toEqual([]);
  });

  it('path edges carry the technique as a label; trust edges have their own colour', async () => {
    const { page } = await openViewer(browser, company.file);
    const trust = await page.evaluate(() => {
      const { renderer } = window.iamgraphViewer!;
      const g = renderer.getGraph();
      const colours = (kind: string) => new Set(g.edges().filter((e) => g.getEdgeAttribute(e, 'kind') === kind).map((e) => renderer.getEdgeDisplayData(e)!.color));
      return { trusts: [...colours('trusts')], assume: [...colours('can-assume')] };
    });
    expect(trust.trusts.length).toBeGreaterThan(0);
    expect(trust.trusts.some((c) => trust.assume.includes(c))).toBe(false);
    await page.evaluate((k) => window.iamgraphViewer!.select(k), KANG);
    await page.locator('#target').selectOption('admin');
    const labels = await page.evaluate(() => {
      const { renderer } = window.iamgraphViewer!;
      const g = renderer.getGraph();
      return g.edges().filter((e) => !renderer.getEdgeDisplayData(e)!.hidden).map((e) => renderer.getEdgeDisplayData(e)!.label).sort();
    });
    expect(labels).toEqual(['is-admin', 'lambda-update-function-code', 'pass-role-lambda']);
  });

  it('several accounts: each account\'s name is drawn above its group, and not in the path view', async () => {
    const built = await viewerPage('accounts', ['examples/cross-account/']);
    const { page, errors } = await openViewer(browser, built.file);
    const ink = () => page.evaluate(() => {
      const canvas = window.iamgraphViewer!.renderer.getCanvases()['account-names'];
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(await ink()).toBeGreaterThan(200);
    await page.locator('#target').selectOption('admin');
    await page.waitForTimeout(100);
    expect(await ink()).toBe(0);
    expect(errors).toEqual([]);
  });
});
