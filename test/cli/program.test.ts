import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/iamgraph.js', import.meta.url));

describe('iamgraph binary', () => {
  it('prints its version without a build step', () => {
    const out = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('help', () => {
  it('the program and every command end their --help with examples; the program names its exit codes', async () => {
    const { buildProgram } = await import('../../src/cli/index.ts');
    const program = await buildProgram();
    const leaves: Command[] = [];
    const walk = (cmd: Command) => (cmd.commands.length ? cmd.commands.forEach(walk) : leaves.push(cmd));
    walk(program);
    expect(leaves.length).toBeGreaterThanOrEqual(12);
    const helpText = (cmd: Command): string => {
      let out = '';
      cmd.configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { out += s; } });
      cmd.outputHelp();
      return out;
    };
    const missing = leaves.filter((c) => !/\nExamples?:\n {2}(\w+=\S+ )?iamgraph /.test(helpText(c))).map((c) => c.name());
    expect(missing).toEqual([]);
    expect(helpText(program)).toMatch(/Exit codes: 0 ok, 1 a --fail-on gate\s+failed, 2 usage or input error/);
  });
});
