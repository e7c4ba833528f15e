/**
 * The whole CLI process on one dense account, as a user runs it: `iamgraph privesc -i <dir>`
 * (start-up, reading the exports, the graph, every path, the text written out), wall time, beside
 * PMapper's measured cost on such accounts (0.15 ms × principals², issue 15's measurements).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateDenseAccount, writeOrg } from './generate.ts';

const BIN = fileURLToPath(new URL('../bin/iamgraph.js', import.meta.url));
const PMAPPER_SECONDS_PER_PAIR = 0.15e-3;

export const CLI_BENCH_HEADER = '| principals, one dense account | `iamgraph privesc` (whole process) | PMapper (0.15 ms × N²) | faster by |\n| --- | --- | --- | --- |';

export function cliBenchRow(principals: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-cli-bench-'));
  writeOrg(dir, generateDenseAccount(principals));
  const start = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'privesc', '-i', dir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) return `| ${principals.toLocaleString('en-US')} | failed (exit ${run.status ?? run.signal}): ${run.stderr.trim().split('\n').pop() ?? ''} | | |`;
  const pmapper = PMAPPER_SECONDS_PER_PAIR * principals * principals;
  return `| ${principals.toLocaleString('en-US')} | ${seconds.toFixed(2)} s | ${pmapper.toFixed(0)} s | ${Math.floor(pmapper / seconds)}× |`;
}
