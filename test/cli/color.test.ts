/** Colour only on a terminal: off in pipes and files, with NO_COLOR (https://no-color.org) and with --no-color. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { colorizer, colorLine } from '../../src/cli/color.ts';

const c = pc.createColors(true);
const paint = colorLine(c);

describe('colour', () => {
  it('marks severities, verdicts and what a hop still needs; leaves the text as it is', () => {
    expect(paint('arn:aws:iam::111122223333:user/a [critical]')).toBe(`arn:aws:iam::111122223333:user/a ${c.bold(c.red('[critical]'))}`);
    expect(paint('path 1 [conditional, 2 hops]: user/a')).toBe(`path 1 [${c.yellow('conditional')}, 2 hops]: user/a`);
    expect(paint('      needs an existing Lambda function')).toBe(`      ${c.yellow('needs an existing Lambda function')}`);
    expect(paint('  → admin  via is-admin')).toBe('  → admin  via is-admin');
    // eslint-disable-next-line no-control-regex
    expect(paint('path 2 [reachable, 1 hop]: user/b').replace(/\u001b\[\d+m/g, '')).toBe('path 2 [reachable, 1 hop]: user/b');
  });
  it('is on only for a TTY, without NO_COLOR and without --no-color', () => {
    const line = 'x [high]';
    expect(colorizer({}, { isTTY: true }, {})(line)).not.toBe(line);
    expect(colorizer({}, { isTTY: false }, {})(line)).toBe(line);
    expect(colorizer({}, { isTTY: true }, { NO_COLOR: '1' })(line)).toBe(line);
    expect(colorizer({ color: false }, { isTTY: true }, {})(line)).toBe(line);
  });
  it('a pipe gets no escape codes', () => {
    const bin = fileURLToPath(new URL('../../bin/iamgraph.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'privesc', '-i', fileURLToPath(new URL('../../examples/company.yaml', import.meta.url))], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
  });
});
