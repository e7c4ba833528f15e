/**
 * The viewer in Debian's Chromium (WebGL on SwiftShader): it renders a real example, search and
 * clicks select, a target highlights its paths and lists their hops, filters apply, hostile names
 * stay text, and the PNG export draws the view. The path view (and the README picture) is path-view.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { privesc } from '../../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import { countInkPixels, describeBrowser, launchChromium, withPixels } from '../browser/chromium.ts';
import { nodePosition, openViewer, viewerPage, type Built } from './helpers.ts';

const ACCOUNT = 'arn:aws:iam::111122223333';
const KANG = `${ACCOUNT}:user/dev2-be-kang`;
const LAMBDA_ADMIN = `${ACCOUNT}:role/service-role/lambda-admin-ops`;

/** Runs of drawn (non-white) pixels along row `y` (± 1, for antialiased lines) between `x0` and `x1` of a screenshot. */
async function inkRuns(browser: Browser, png: Buffer, y: number, x0: number, x1: number): Promise<number> {
  const page = await browser.newPage();
  try {
    return await withPixels(page, png, (image, { y, x0, x1 }) => {
      const darkness = (x: number, row: number) => {
        const i = (row * image.width + x) * 4;
        return 765 - image.data[i] - image.data[i + 1] - image.data[i + 2];
      };
      let runs = 0;
      let inside = false;
      for (let x = x0; x < x1; x++) {
        const ink = Math.max(darkness(x, y - 1), darkness(x, y), darkness(x, y + 1)) > 40;
        if (ink && !inside) runs++;
        inside = ink;
      }
      return runs;
    }, { y, x0, x1 });
  } finally {
    await page.close();
  }
}

describeBrowser('viewer in headless Chromium', () => {
  let browser: Browser;
  let company: Built;
  beforeAll(async () => {
    browser = await launchChromium();
    company = await viewerPage('company', ['examples/company.yaml']);
  });
  afterAll(async () => browser?.close());

  it('renders examples/company.yaml: WebGL on, a non-blank canvas, no network, no error', async () => {
    const { page, errors, network } = await openViewer(browser, company.file);
    const webgl = await page.evaluate(() => Object.values(window.iamgraphViewer!.renderer.getCanvases()).some((c) => c.getContext('webgl2') !== null || c.getContext('webgl') !== null));
    expect(webgl).toBe(true);
    const png = await page.locator('#graph').screenshot();
    const pixels = await countInkPixels(await browser.newPage(), png);
    // Nodes in several kind colours and their labels: thousands of pixels, many colours.
    expect(pixels.ink).toBeGreaterThan(3_000);
    expect(pixels.colours).toBeGreaterThan(6);
    expect(await page.locator('#summary').textContent()).toBe(`${company.graph.order} nodes · ${company.graph.size} edges · 15 users and roles`);
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('searching a principal and pressing Enter selects it: details shown, unrelated nodes faded', async () => {
    const { page } = await openViewer(browser, company.file);
    await page.locator('#search').fill('be-kang');
    expect(await page.locator('#search-results li').allTextContents()).toEqual(['user/dev2-be-kang IAM user']);
    await page.locator('#search').press('Enter');
    expect(await page.evaluate(() => window.iamgraphViewer!.state.selected)).toBe(KANG);
    expect(await page.locator('#details dd').allTextContents()).toContain(KANG);
    const colour = (node: string) => page.evaluate((n) => window.iamgraphViewer!.renderer.getNodeDisplayData(n)!.color, node);
    // Kang reaches lambda-admin-ops (and admin); the cloud-admin user is neither reached nor reaching.
    expect(await colour(LAMBDA_ADMIN)).not.toBe('#e4e7ee');
    expect(await colour(`${ACCOUNT}:user/cloud-admin`)).toBe('#e4e7ee');
  });

  it('clicking a node on the canvas selects it and shows its trust policy and findings', async () => {
    const { page } = await openViewer(browser, company.file);
    const at = await nodePosition(page, LAMBDA_ADMIN);
    await page.mouse.click(at.x, at.y);
    expect(await page.evaluate(() => window.iamgraphViewer!.state.selected)).toBe(LAMBDA_ADMIN);
    const details = page.locator('#details');
    expect(await details.locator('pre').textContent()).toContain('lambda.amazonaws.com');
    expect(await details.locator('.findings li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('admin role role/service-role/lambda-admin-ops can be passed by 1 non-admin principal')]));
  });

  it('choosing admin as the target for a selected principal highlights its paths and lists every hop with evidence', async () => {
    const { page } = await openViewer(browser, company.file);
    await page.evaluate((k) => window.iamgraphViewer!.select(k), KANG);
    await page.locator('#target').selectOption('admin');
    const paths = page.locator('#path-list > li.path');
    expect(await paths.count()).toBe(2);
    const hops = paths.first().locator('li.hop');
    expect(await hops.evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.to, (e as HTMLElement).dataset.kind]))).toEqual([
      [LAMBDA_ADMIN, 'pass-role-lambda'],
      ['admin', 'is-admin'],
    ]);
    expect(await hops.first().textContent()).toContain('BackendDeployLambda statement 0 (PassFunctionRoles)');
    expect(await paths.nth(1).locator('.verdict').textContent()).toBe('conditional');
    expect(await paths.nth(1).locator('li.hop.conditional').first().textContent()).toContain('needs an existing Lambda function that runs as the role');
    // The path's edges are drawn dark, its conditional edge amber; edges off the path are hidden.
    const edges = await page.evaluate(() => {
      const { renderer } = window.iamgraphViewer!;
      const graph = renderer.getGraph();
      return graph.edges().map((e) => ({ kind: graph.getEdgeAttribute(e, 'technique')?.id ?? graph.getEdgeAttribute(e, 'kind'), from: graph.source(e), to: graph.target(e), color: renderer.getEdgeDisplayData(e)!.color, type: renderer.getEdgeDisplayData(e)!.type, hidden: renderer.getEdgeDisplayData(e)!.hidden }));
    });
    const edge = (from: string, kind: string) => edges.find((e) => e.from === from && e.kind === kind)!;
    expect(edge(KANG, 'pass-role-lambda').color).toBe('#1d2330');
    expect(edge(KANG, 'lambda-update-function-code').color).toBe('#e0a000');
    // Two edges between the same nodes: two curves (a curve is not dashed; the conditional one is amber).
    expect(edge(KANG, 'lambda-update-function-code').type).toBe('curved-arrow');
    expect(edge(KANG, 'pass-role-lambda').type).toBe('curved-arrow');
    expect(edge(LAMBDA_ADMIN, 'is-admin').type).toBe('arrow');
    expect(edge(LAMBDA_ADMIN, 'is-admin').color).toBe('#1d2330');
    expect(edges.filter((e) => !e.hidden).length).toBe(3);
  });

  it('draws conditional edges dashed and the others solid (pixels along each edge)', async () => {
    const { page, errors } = await openViewer(browser, company.file);
    // Two horizontal edges on an otherwise empty graph: the same kind, one of them conditional.
    const ends = await page.evaluate(() => {
      const { renderer } = window.iamgraphViewer!;
      const g = renderer.getGraph();
      g.clear();
      for (const [key, x, y] of [['a', 0, 0], ['b', 100, 0], ['c', 0, 40], ['d', 100, 40]] as const) g.addNode(key, { key, kind: 'role', label: '', x, y } as never);
      g.addDirectedEdgeWithKey('solid', 'a', 'b', { kind: 'can-assume', conditional: false, evidence: [], conditions: [] } as never);
      g.addDirectedEdgeWithKey('dashed', 'c', 'd', { kind: 'can-assume', conditional: true, evidence: [], conditions: [] } as never);
      renderer.refresh();
      return Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [n, renderer.graphToViewport({ x: g.getNodeAttribute(n, "x") as number, y: g.getNodeAttribute(n, "y") as number })]));
    });
    const png = await page.locator('#graph').screenshot();
    const runs = (from: { x: number; y: number }, to: { x: number; y: number }) => inkRuns(browser, png, Math.round(from.y), Math.round(Math.min(from.x, to.x)) + 20, Math.round(Math.max(from.x, to.x)) - 30);
    expect(await runs(ends.a, ends.b)).toBe(1);
    expect(await runs(ends.c, ends.d)).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
  });

  it('with no principal selected, the admin target lists the paths of every principal: the same as `privesc`', async () => {
    const { page } = await openViewer(browser, company.file);
    await page.locator('#target').selectOption('admin');
    const expected = privesc(company.graph, company.model, DEFAULT_ANALYSIS_OPTIONS).findings.flatMap((f) => f.paths.map(() => f.principal));
    const listed = await page.locator('#path-list > li.path').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.from));
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('filters: edge kinds hide their edges; hiding conditional paths drops the conditional one', async () => {
    const { page } = await openViewer(browser, company.file);
    const hiddenOf = (kind: string) => page.evaluate((k) => {
      const { renderer } = window.iamgraphViewer!;
      const graph = renderer.getGraph();
      return graph.edges().filter((e) => graph.getEdgeAttribute(e, 'kind') === k).map((e) => renderer.getEdgeDisplayData(e)!.hidden);
    }, kind);
    expect(new Set(await hiddenOf('escalation'))).toEqual(new Set([false]));
    await page.locator('input[name=edge-group][value=escalation]').uncheck();
    expect(new Set(await hiddenOf('escalation'))).toEqual(new Set([true]));
    await page.evaluate((k) => window.iamgraphViewer!.select(k), KANG);
    await page.locator('#target').selectOption('admin');
    expect(await page.locator('#path-list > li.path').count()).toBe(2);
    await page.locator('#hide-conditional').check();
    expect(await page.locator('#path-list > li.path .verdict').allTextContents()).toEqual(['reachable']);
  });

  it('exports the current view as a PNG file that is not blank', async () => {
    const { page } = await openViewer(browser, company.file);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toBe('iamgraph.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const pixels = await countInkPixels(await browser.newPage(), png);
    expect(pixels.ink).toBeGreaterThan(2_000);
    expect(pixels.colours).toBeGreaterThan(6);
  });

  it('an action-on-resource target computed by the CLI opens selected, with its paths listed', async () => {
    const built = await viewerPage('orders', ['examples/cross-account/'], { action: { action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:eu-west-1:222222222222:table/orders' } });
    const { page, errors } = await openViewer(browser, built.file);
    expect(await page.locator('#target').inputValue()).toBe('dynamodb:PutItem on arn:aws:dynamodb:eu-west-1:222222222222:table/orders');
    const finals = await page.locator('#path-list > li.path li.hop').allTextContents();
    expect(finals.some((t) => t.includes('⇒ dynamodb:PutItem on'))).toBe(true);
    expect(errors).toEqual([]);
    // The account filter hides the other account's nodes, except those on a listed path.
    const pathNodes = new Set(await page.locator('#path-list [data-to]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.to!)));
    await page.locator('#account').selectOption('111111111111');
    const shown = await page.evaluate(() => {
      const { renderer } = window.iamgraphViewer!;
      const graph = renderer.getGraph();
      return graph.nodes().filter((n) => !renderer.getNodeDisplayData(n)!.hidden).map((n) => ({ node: n, account: graph.getNodeAttribute(n, 'accountId') as string | undefined }));
    });
    const others = shown.filter((s) => s.account === '222222222222').map((s) => s.node);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((n) => pathNodes.has(n))).toBe(true);
    expect(shown.some((s) => s.account === '111111111111')).toBe(true);
  });
});

describeBrowser('viewer: names from the input are text, never HTML', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('a principal named <img src=x onerror=alert(1)> and a policy named <script>… are shown as text and run nothing', async () => {
    const built = await viewerPage('xss', ['test/fixtures/report/xss.yaml']);
    const { page, dialogs, errors, network } = await openViewer(browser, built.file);
    await page.locator('#search').fill('<img');
    const result = page.locator('#search-results li').first();
    expect(await result.textContent()).toBe('user/<img src=x onerror=alert(1)> IAM user');
    await result.click();
    await page.locator('#target').selectOption('admin');
    await page.locator('input[name=edge-group][value=policy]').check();
    expect(await page.locator('#details dd').first().textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('#path-list').textContent()).toContain('<script>alert(2)</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
  });
});
