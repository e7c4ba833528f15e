/**
 * The HTML report as an auditor reads it (Chromium): each hop one row, from → technique → to with
 * its evidence under it, at a narrow and a wide window; a report with nothing open says so; each
 * finding opens the embedded graph on its principal and target, and that graph is drawn on open.
 * `npm run screenshots` (IAMGRAPH_SCREENSHOTS) saves docs/report.png.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import { buildReport } from '../../src/report/build.ts';
import { renderHtml } from '../../src/report/render/index.ts';
import type { Report } from '../../src/report/types.ts';
import { renderViewerHtml } from '../../viz/render.ts';
import { describeBrowser, launchChromium, openFile } from '../browser/chromium.ts';
import { example, openFinding, readSource, ruleInput } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'iamgraph-hop-rows-'));
const KANG = 'arn:aws:iam::111122223333:user/dev2-be-kang';
const SCREENSHOTS = process.env.IAMGRAPH_SCREENSHOTS;

function write(name: string, html: string): string {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  return file;
}

/** Each drawn hop row of the open finding: the texts of its from node, technique and to node, and whether they sit left to right on one line. */
const rowsOf = (page: Page, finding: string) => page.locator(`details[id="${finding}"] .hop-row`).evaluateAll((rows) => rows.map((r) => {
  const [from, via, to] = [r.querySelector('.node:nth-child(1)')!, r.querySelector('.via')!, r.querySelector('.node:nth-child(3)')!];
  const [a, b, c] = [from, via, to].map((e) => e.getBoundingClientRect());
  const oneLine = Math.abs(a.top + a.height / 2 - (c.top + c.height / 2)) < Math.max(a.height, c.height) && a.right <= b.left + 1 && b.right <= c.left + 1;
  const evidence = r.querySelector('.evidence')?.getBoundingClientRect();
  return { from: from.textContent, via: via.textContent, to: to.textContent, oneLine, evidenceBelow: evidence ? evidence.top >= Math.max(a.bottom, c.bottom) - 1 : true };
}));

describeBrowser('html report: hop rows, empty state, links into the graph', () => {
  let browser: Browser;
  let report: Report;
  let withGraph: string;
  beforeAll(async () => {
    browser = await launchChromium();
    const input = await ruleInput([example('company.yaml')]);
    report = buildReport(input, { toolVersion: '0.0.0-test', today: '2026-11-23', readSource });
    const { maxDepth, maxPaths, includeConditional } = DEFAULT_ANALYSIS_OPTIONS;
    const viewerHtml = renderViewerHtml(input.graph, { title: 'graph', findings: [...report.findings, ...report.suppressed], search: { maxDepth, maxPaths, includeConditional } });
    withGraph = write('company', renderHtml(report, { viewerHtml }));
  });
  afterAll(async () => browser?.close());

  const kang = () => report.findings.find((f) => f.rule === 'privesc-to-admin' && f.subject === KANG)!;

  it.each([800, 1400])('at %i px each hop is one row, from → technique → to, evidence under it', async (width) => {
    const { page, errors } = await openFile(browser, withGraph, { width, height: 900 });
    await openFinding(page, kang().id);
    const rows = await rowsOf(page, kang().id);
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      ['user/dev2-be-kang', 'role/service-role/lambda-admin-ops'],
      ['role/service-role/lambda-admin-ops', 'admin'],
      ['user/dev2-be-kang', 'role/service-role/lambda-admin-ops'],
      ['role/service-role/lambda-admin-ops', 'admin'],
    ]);
    expect(rows[0].via).toContain('pass-role-lambda');
    expect(rows.filter((r) => !(r.oneLine && r.evidenceBelow))).toEqual([]);
    expect(errors).toEqual([]);
    if (SCREENSHOTS && width === 1400) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.locator(`details[id="${kang().id}"]`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/report.png` });
    }
  });

  it('a report with no findings says "No open findings": no empty table, no Details heading', async () => {
    const empty: Report = { ...report, findings: [], suppressed: [], summary: { ...report.summary, findings: 0, suppressed: 0 } };
    const { page } = await openFile(browser, write('empty', renderHtml(empty)), { width: 1200, height: 900 });
    expect(await page.locator('.empty').textContent()).toBe('No open findings.');
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.locator('h2').allTextContents()).not.toContain('Details');
  });

  it('the embedded graph is drawn on open (not on scroll), and "Show in the graph" opens it on the finding\'s principal and target', async () => {
    const { page, errors } = await openFile(browser, withGraph, { width: 1400, height: 900 });
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    // Not scrolled: the frame is far below the fold.
    expect(await page.locator('iframe.viewer').evaluate((f) => f.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await frame.waitForFunction(() => window.iamgraphViewer !== undefined && performance.getEntriesByName('iamgraph:ready').length > 0);
    await page.locator(`details[id="${kang().id}"] summary`).click();
    await page.locator(`details[id="${kang().id}"] a.graph-link`).click();
    await frame.waitForFunction(() => window.iamgraphViewer!.state.target === 'admin');
    expect(await frame.evaluate(() => window.iamgraphViewer!.state.selected)).toBe(KANG);
    expect(await frame.locator('#path-list > li.path').count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
