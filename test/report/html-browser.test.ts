/**
 * The HTML report and the JUnit file read back by a real browser (Debian's Chromium): the report
 * opens with no network, draws, filters, shows each path hop by hop, and renders hostile names as
 * text; the JUnit XML parses with the browser's XML parser and counts what the report holds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderHtml, renderJunit } from '../../src/report/render/index.ts';
import type { Report } from '../../src/report/types.ts';
import { countInkPixels, describeBrowser, launchChromium, openFile, type Opened } from '../browser/chromium.ts';
import { example, fixture, openFinding, pathsDrawn, reportFor } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'iamgraph-html-'));

async function open(browser: Browser, report: Report, name: string): Promise<Opened> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderHtml(report));
  return openFile(browser, file, { width: 1200, height: 900 });
}

describeBrowser('html report in headless Chromium', () => {
  let browser: Browser;
  let company: Report;
  let xss: Report;
  beforeAll(async () => {
    browser = await launchChromium();
    company = await reportFor([example('company.yaml')]);
    xss = await reportFor([fixture('xss.yaml')]);
  });
  afterAll(async () => browser?.close());

  it('opens with no network request and no script error, and draws the summary (screenshot check)', async () => {
    const { page, network, errors } = await open(browser, company, 'company');
    const png = await page.screenshot();
    const blank = await browser.newPage();
    const pixels = await countInkPixels(blank, png);
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
    expect(pixels.width).toBe(1200);
    // Header band, severity cards and table text: far more than a blank page, in several colours.
    expect(pixels.ink).toBeGreaterThan(50_000);
    expect(pixels.colours).toBeGreaterThan(5);
    expect(await page.locator('#findings tbody tr').count()).toBe(company.findings.length);
  });

  it('filters by severity, rule and text (the script runs under the page\'s Content-Security-Policy)', async () => {
    const { page, errors } = await open(browser, company, 'filters');
    const shown = () => page.locator('#shown').textContent();
    const critical = company.findings.filter((f) => f.severity === 'critical').length;
    expect(await shown()).toBe(String(company.findings.length));
    await page.locator('input[name=severity][value=critical]').uncheck();
    expect(await shown()).toBe(String(company.findings.length - critical));
    await page.locator('input[name=severity][value=critical]').check();
    await page.locator('select[name=rule]').selectOption('admin-principal');
    expect(await shown()).toBe(String(company.findings.filter((f) => f.rule === 'admin-principal').length));
    await page.locator('select[name=rule]').selectOption('');
    await page.locator('input[name=q]').fill('dev2-be-kang');
    expect(await shown()).toBe('1');
    expect(await page.locator('#findings tbody tr:visible').textContent()).toContain('user/dev2-be-kang can escalate to admin');
    expect(errors).toEqual([]);
  });

  it('draws each path hop by hop with its evidence and the statement location', async () => {
    const { page } = await open(browser, company, 'paths');
    const kang = company.findings.find((f) => f.rule === 'privesc-to-admin' && f.subject.endsWith(':user/dev2-be-kang'))!;
    const details = page.locator(`details[id="${kang.id}"]`);
    await openFinding(page, kang.id);
    const paths = details.locator('.path');
    expect(await paths.count()).toBe(kang.paths.length);
    const first = paths.first();
    // One row per hop: from, technique, to (hop-rows.test.ts checks the rows at several widths).
    expect(await first.locator('.hop-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('.node')].map((n) => n.textContent)))).toEqual([
      ['user/dev2-be-kang', 'role/service-role/lambda-admin-ops'],
      ['role/service-role/lambda-admin-ops', 'admin'],
    ]);
    const evidence = (await first.locator('.evidence li').allTextContents()).join('\n');
    expect(evidence).toContain('BackendDeployLambda statement 0 (PassFunctionRoles)');
    expect(evidence).toContain('examples/company.yaml:53 /accounts/0/policies/6/document/Statement/0');
    expect(await details.locator('.path').nth(1).textContent()).toContain('conditional');
  });
  it('a choke point links to the findings whose paths it cuts: following a link opens that finding, paths drawn', async () => {
    const { page, errors } = await open(browser, company, 'links');
    const choke = company.findings.find((f) => f.rule === 'choke-point' && f.facts.rank === 1)!;
    const ref = choke.pathRefs![0];
    await page.locator(`details[id="${choke.id}"] summary`).click();
    await page.locator(`details[id="${choke.id}"] a[href="#${ref.finding}"]`).click();
    await pathsDrawn(page, ref.finding);
    const target = page.locator(`details[id="${ref.finding}"]`);
    expect(await target.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const ids = await target.locator('.path code').allTextContents();
    expect(ref.paths.every((id) => ids.includes(id))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('renders a principal named <img src=x onerror=alert(1)> and a policy named <script>… as text: nothing runs', async () => {
    const { page, dialogs, errors, network } = await open(browser, xss, 'xss');
    await page.locator('details.finding summary').first().click();
    await page.locator('details.finding .path').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    // One script runs; the paths' data block is JSON with every `<` escaped, so no name can close it.
    expect(await page.locator('script:not([type="application/json"])').count()).toBe(1);
    const block = await page.locator('script[type="application/json"]').textContent();
    expect(block).not.toContain('<');
    expect(JSON.stringify(JSON.parse(block!))).toContain('<img src=x onerror=alert(1)>');
    const text = await page.locator('body').innerText();
    expect(text).toContain('user/<img src=x onerror=alert(1)> can escalate to admin');
    expect(text).toContain('<script>alert(2)</script>');
    // The opened finding's paths were drawn by the page's script, the hostile name as text.
    expect(await page.locator('details.finding .path .node').allTextContents()).toContain('user/<img src=x onerror=alert(1)>');
  });
});

describeBrowser('junit read back by the browser\'s XML parser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([['company', [example('company.yaml')]], ['xss names', [fixture('xss.yaml')]]])('%s: well-formed, one suite per rule, one case per rule × subject, failures = open findings', async (_name, files) => {
    const report = await reportFor(files as string[]);
    const page = await browser.newPage();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) return { error: doc.documentElement.textContent };
      const root = doc.documentElement;
      const cases = Array.from(doc.getElementsByTagName('testcase')).map((c) => ({
        suite: (c.parentNode as Element).getAttribute('name'),
        name: c.getAttribute('name'),
        failure: c.getElementsByTagName('failure')[0]?.getAttribute('message') ?? null,
      }));
      return { root: root.tagName, tests: Number(root.getAttribute('tests')), failures: Number(root.getAttribute('failures')), suites: doc.getElementsByTagName('testsuite').length, cases };
    }, renderJunit(report));
    expect(parsed).not.toHaveProperty('error');
    const ok = parsed as Exclude<typeof parsed, { error: unknown }>;
    expect(ok.root).toBe('testsuites');
    expect(ok.suites).toBe(report.rules.length);
    expect(ok.tests).toBe(ok.cases.length);
    const failing = new Set(report.findings.map((f) => `${f.rule}\n${f.subject}`));
    expect(ok.failures).toBe(failing.size);
    expect(new Set(ok.cases.filter((c) => c.failure !== null).map((c) => `${c.suite}\n${c.name}`))).toEqual(failing);
    for (const f of report.findings) expect(ok.cases.find((c) => c.suite === f.rule && c.name === f.subject)?.failure).toContain(f.title);
  });
});
