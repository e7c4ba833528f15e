/**
 * `npm run bench`: every benchmark, printed as Markdown tables for the README.
 * BENCH_SIZES=1000,5000 to choose the synthetic sizes (default 1k, 5k, 20k, 50k principals).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInputs } from '../ingest/index.ts';
import { runEngineBench } from './engine.ts';
import { generateOrg, writeOrg } from './generate.ts';

const sizes = (process.env.BENCH_SIZES ?? '1000,5000,20000,50000').split(',').map(Number);

const engine = runEngineBench(3);
console.log('| benchmark | result |\n| --- | --- |');
console.log(`| policy engine, one core | ${engine.decisionsPerSecond.toLocaleString('en-US')} decisions/s (${engine.requests} distinct requests over a mixed policy set) |`);

console.log('\n| principals | accounts | load (parse, validate, compile) | heap after load | peak RSS |\n| --- | --- | --- | --- | --- |');
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-bench-'));
  const org = generateOrg(size);
  writeOrg(dir, org);
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const start = performance.now();
  const { model, errors } = await loadInputs([dir]);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (errors.length) throw new Error(`generated input has errors: ${errors[0].message}`);
  const heap = process.memoryUsage().heapUsed;
  console.log(`| ${org.principals.toLocaleString('en-US')} | ${org.accounts.length} | ${seconds.toFixed(2)} s | ${(heap / 2 ** 20).toFixed(0)} MiB | ${(peak / 2 ** 20).toFixed(0)} MiB |`);
  void model;
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}`);
