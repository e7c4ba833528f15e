/**
 * Debian's Chromium driven by playwright-core (STACK.md): software WebGL (SwiftShader), no
 * downloads. Without the browser the browser tests skip locally but fail under CI, so a CI
 * machine that lacks it cannot pass silently.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM_PATH);

/** `describe` when the browser exists or CI is set (then a missing browser fails), else `describe.skip`. */
export function describeBrowser(name: string, body: () => void): void {
  (available || process.env.CI ? describe : describe.skip)(name, body);
}

export async function launchChromium(): Promise<Browser> {
  if (!available) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
  });
}

/** Requests a page makes beyond its own document (file:, data:, blob:, about:): a self-contained page makes none. */
export function recordNetwork(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url());
  });
  return requests;
}

/** Errors thrown by page scripts or logged to the console. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * Decodes a PNG screenshot in `page` (Image + 2D canvas) and runs `analyse` on its pixels there.
 * `analyse` is sent as source text: it may use only its arguments.
 */
export async function withPixels<A, R>(page: Page, png: Buffer, analyse: (image: ImageData, arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(
    async ({ b64, source, arg }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const fn = new Function(`return (${source});`)() as (image: ImageData, arg: unknown) => unknown;
      return fn(ctx.getImageData(0, 0, img.width, img.height), arg);
    },
    { b64: png.toString('base64'), source: analyse.toString(), arg },
  ) as Promise<R>;
}

/** Counts pixels whose colour is far from the background: a blank or failed render counts (almost) none. */
export async function countInkPixels(page: Page, png: Buffer, background: [number, number, number] = [255, 255, 255]): Promise<{ width: number; height: number; ink: number; colours: number }> {
  return withPixels(page, png, (image, bg) => {
    const data = image.data;
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const d = Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]);
      if (d > 60) {
        ink++;
        colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      }
    }
    return { width: image.width, height: image.height, ink, colours: colours.size };
  }, background);
}

export interface Opened {
  page: Page;
  /** Script errors and console errors. */
  errors: string[];
  /** Requests beyond the page itself. */
  network: string[];
  /** alert/confirm/prompt messages (dismissed): a page that runs injected script shows one. */
  dialogs: string[];
}

/** Opens a local HTML file, recording what the page does. */
export async function openFile(browser: Browser, file: string, viewport = { width: 1280, height: 860 }): Promise<Opened> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors = recordErrors(page);
  const network = recordNetwork(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  return { page, errors, network, dialogs };
}
