/**
 * `iamgraph viz` through the real binary: a file, a server on 127.0.0.1, usage errors; and the
 * HTML report embedding the same viewer (it renders inside the report's sandboxed frame).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser, launchChromium, recordErrors } from '../browser/chromium.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iamgraph-viz-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/iamgraph.js', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('iamgraph viz', () => {
  it('writes one self-contained page: no external script, style or URL to fetch; same input, same bytes', () => {
    const a = join(dir, 'a.html');
    const b = join(dir, 'b.html');
    expect(run('viz', '-i', 'examples/company.yaml', '--focus', 'user/dev2-be-kang', '--to', 'admin', '-o', a).status).toBe(0);
    expect(run('viz', '-i', 'examples/company.yaml', '--focus', 'user/dev2-be-kang', '--to', 'admin', '-o', b).status).toBe(0);
    const html = readFileSync(a, 'utf8');
    expect(html).toBe(readFileSync(b, 'utf8'));
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)[^"'\s)]+\.(js|css)/);
    expect(html).toContain('"focus":"arn:aws:iam::111122223333:user/dev2-be-kang"');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).not.toContain("script-src 'unsafe-inline'");
  });
  it('usage errors are one line, exit 2', () => {
    const r = run('viz', '-i', 'examples/company.yaml', '--action', 's3:GetObject');
    expect([r.status, r.stderr.trim()]).toEqual([2, 'iamgraph: viz: --action and --resource go together']);
    const p = run('viz', '-i', 'examples/company.yaml', '--focus', 'user/nobody');
    expect(p.status).toBe(2);
    expect(p.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('--serve serves the page on 127.0.0.1 until stopped', async () => {
    const child = spawn(process.execPath, ['bin/iamgraph.js', 'viz', '-i', 'examples/company.yaml', '--serve', '--port', '0'], { cwd: ROOT });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(err);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="iamgraph-data"');
      expect((await fetch(`${url}../etc/passwd`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
  });
});

describeBrowser('the HTML report embeds the viewer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('the graph renders inside the report (sandboxed frame, WebGL) with the report\'s findings in its details', async () => {
    const file = join(dir, 'report.html');
    expect(run('report', '-i', 'examples/company.yaml', '--format', 'html', '-o', file).status).toBe(0);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(file, 'utf8'))![1].replace(/&#39;/g, "'");
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))!;
    // Every inline script by hash: the report's and the embedded viewer's (its srcdoc frame inherits the policy).
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc.match(/'sha256-[A-Za-z0-9+/]+=*'/g)).toHaveLength(2);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = recordErrors(page);
    await page.goto(pathToFileURL(file).href);
    // The frame is cross-origin (sandboxed): Chromium does not render it until it is on screen.
    await page.locator('iframe.viewer').scrollIntoViewIfNeeded();
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForFunction(() => window.iamgraphViewer !== undefined);
    const nodes = await frame.evaluate(() => window.iamgraphViewer!.renderer.getGraph().order);
    expect(nodes).toBeGreaterThan(30);
    await frame.evaluate(() => window.iamgraphViewer!.select('arn:aws:iam::111122223333:user/dev1-infra-choi'));
    expect(await frame.locator('#details .findings li').allTextContents()).toEqual([expect.stringContaining('user/dev1-infra-choi can escalate to admin')]);
    expect(errors).toEqual([]);
  });
});
