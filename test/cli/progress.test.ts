/**
 * Progress goes to stderr only when it is a terminal and --quiet is not given, so pipes, files
 * and CI logs get machine output only.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

function stream(isTTY: boolean): { s: NodeJS.WriteStream; written: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  let out = '';
  s.on('data', (d: Buffer) => { out += d.toString(); });
  Object.assign(s, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { s, written: () => out };
}

describe('progress', () => {
  it('draws the step on a terminal', () => {
    const { s, written } = stream(true);
    const p = createProgress(2, { stream: s });
    p.step(1, 'building the graph');
    p.stop();
    expect(written()).toContain('building the graph');
  });
  it.each([['not a terminal', false, false], ['--quiet', true, true]])('draws nothing when %s', (_n, isTTY, quiet) => {
    const { s, written } = stream(isTTY);
    const p = createProgress(2, { stream: s, quiet });
    p.step(1, 'building the graph');
    p.stop();
    expect(written()).toBe('');
  });
});
