/**
 * Every XML output (GraphML, GEXF, JUnit) stays well-formed XML 1.0 when names hold characters
 * XML cannot carry: C0 controls, a lone surrogate, U+FFFF. Parsed by Chromium's strict parser.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toGexf } from '../../src/export/gexf.ts';
import { toGraphml } from '../../src/export/graphml.ts';
import { serializeGraph } from '../../src/graph/index.ts';
import { renderReport } from '../../src/report/render/index.ts';
import { describeBrowser, launchChromium } from '../browser/chromium.ts';
import { fixture, reportFor, ruleInput } from '../report/helpers.ts';

describeBrowser('XML outputs with names XML 1.0 cannot carry', () => {
  let browser: Browser;
  const outputs: Record<string, string> = {};
  beforeAll(async () => {
    browser = await launchChromium();
    const files = [fixture('control-chars.yaml')];
    const graph = serializeGraph((await ruleInput(files)).graph);
    outputs.graphml = toGraphml(graph);
    outputs.gexf = toGexf(graph);
    outputs.junit = renderReport(await reportFor(files), 'junit');
  });
  afterAll(async () => browser?.close());

  it.each(['graphml', 'gexf', 'junit'])('%s parses as XML and keeps the names (bad characters as U+FFFD)', async (format) => {
    const xml = outputs[format];
    expect(xml).toMatch(/soh.user/);
    // Checked here too: a lone surrogate would not survive the trip into the page as itself.
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
    const page = await browser.newPage();
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      return error ? { error: error.textContent } : { text: doc.documentElement.outerHTML };
    }, xml);
    await page.close();
    expect(result.error).toBeUndefined();
    expect(result.text).toContain('soh\ufffduser');
    expect(result.text).toContain('lone\ufffdsurrogate');
    expect(result.text).toContain('nonchar\ufffdend');
  });
});
