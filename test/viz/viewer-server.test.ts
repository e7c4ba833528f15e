/**
 * `viz --serve`'s server: answers only a loopback Host naming its port (DNS rebinding), may not be
 * framed, and answers HEAD like GET without a body.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedCsp, viewerServer } from '../../src/cli/viewer-server.ts';

const PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-abc='; style-src 'unsafe-inline'"></head><body>viewer</body></html>`;

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function get(port: number, host: string, method = 'GET', path = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('viz --serve', () => {
  const server = viewerServer(PAGE);
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(['127.0.0.1:PORT', 'localhost:PORT', '[::1]:PORT', 'LOCALHOST:PORT'])('answers Host %s', async (host) => {
    const r = await get(port, host.replace('PORT', String(port)));
    expect(r.status).toBe(200);
    expect(r.body).toBe(PAGE);
  });

  it.each(['evil.example:PORT', 'evil.example', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example:PORT', '127.0.0.1:PORT.evil.example'])('refuses a forged Host %j with 403 (DNS rebinding)', async (host) => {
    const r = await get(port, host.replace('PORT', String(port)));
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('viewer');
  });

  it('sends the page\'s own CSP plus frame-ancestors \'none\', and nosniff', async () => {
    const r = await get(port, `127.0.0.1:${port}`);
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; script-src 'sha256-abc='; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(servedCsp('<html></html>')).toBe("frame-ancestors 'none'");
  });

  it('answers HEAD like GET, without a body', async () => {
    const [head, got] = [await get(port, `localhost:${port}`, 'HEAD'), await get(port, `localhost:${port}`)];
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(PAGE)));
    expect({ ...head.headers, date: '' }).toEqual({ ...got.headers, date: '' });
  });

  it('other paths and methods: 404', async () => {
    expect((await get(port, `127.0.0.1:${port}`, 'GET', '/../etc/passwd')).status).toBe(404);
    expect((await get(port, `127.0.0.1:${port}`, 'POST')).status).toBe(404);
  });
});
