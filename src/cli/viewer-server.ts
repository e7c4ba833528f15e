/**
 * The viewer page served on 127.0.0.1 for `viz --serve`. A page on another site can resolve its
 * own name to 127.0.0.1 (DNS rebinding) and read what this server answers: only requests that
 * name this server by a loopback Host are answered. The page may not be framed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** The Host values a browser sends for this server: 127.0.0.1, localhost or [::1], with the port. */
export const loopbackHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];

const HTML_ENTITY: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&lt;': '<', '&gt;': '>' };

/** The page's own Content-Security-Policy (its meta tag), with what only a header can say. */
export function servedCsp(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
  const own = meta?.replace(/&(amp|quot|#39|apos|lt|gt);/g, (e) => HTML_ENTITY[e]).trim().replace(/;$/, '');
  return [own, "frame-ancestors 'none'"].filter(Boolean).join('; ');
}

function answer(html: string, port: number, req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!loopbackHosts(port).includes(host)) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden: not a loopback Host\n');
    return;
  }
  const head = req.method === 'HEAD';
  if ((req.method !== 'GET' && !head) || !['/', '/index.html'].includes((req.url ?? '/').split('?')[0])) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': servedCsp(html),
    'x-content-type-options': 'nosniff',
  });
  res.end(head ? undefined : html);
}

/** A server for the page; the Host check uses the port it listens on (so port 0 works). */
export function viewerServer(html: string): Server {
  const server: Server = createServer((req, res) => {
    const address = server.address();
    answer(html, typeof address === 'object' && address ? address.port : 0, req, res);
  });
  return server;
}
