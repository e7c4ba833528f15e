/** CSP hash sources of inline scripts: what the browser hashes (text after CRLF → LF), data blocks skipped. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, scriptHash } from '../../src/report/render/csp.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes classic and module scripts, skips data blocks and external scripts, each hash once', () => {
    const html = '<script>a()</script><script type="module">b()</script><script type="application/json" id="d">{"x":1}</script><script src="x.js"></script><SCRIPT TYPE=\'text/javascript\'>a()</SCRIPT>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });
  it('hashes line ends as the HTML parser leaves them (LF)', () => {
    expect(scriptHash('a()\r\nb()\rc()')).toBe(sha('a()\nb()\nc()'));
  });
});
