/**
 * `npm run bench`: every benchmark, printed as Markdown tables for the README.
 * BENCH_SIZES=1000,5000 to choose the synthetic sizes (default 1k, 5k, 20k principals, 500 per
 * account); BENCH_DENSE=2000,5000 for single accounts with escalation rights on any user / any role
 * (default 1k, 2k, 5k, 10k, 20k); BENCH_ORG=100000 for an organization of 1,000-principal accounts
 * whose cross-account roles trust five other accounts each; BENCH_CLI=1000,2000 for the whole CLI
 * process on one dense account, beside PMapper's cost. Empty to skip any of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInputs } from '../ingest/index.ts';
import { findPaths, privesc, privescStream, whoCan } from '../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/access/options.ts';
import { buildGraph } from '../src/graph/index.ts';
import { buildReport, DEFAULT_REPORT_OPTIONS, reportChunks } from '../src/report/index.ts';
import { cliBenchRow, CLI_BENCH_HEADER } from './cli.ts';
import { runEngineBench } from './engine.ts';
import { generateDenseAccount, generateOrg, generateOrganization, writeOrg, type GeneratedOrg } from './generate.ts';
import { runViewerBench, viewerBenchRow, VIEWER_BENCH_HEADER } from './viewer.ts';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const list = (value: string): number[] => value.split(',').filter(Boolean).map(Number);
const workloads: Array<{ label: string; org: () => GeneratedOrg }> = [
  ...list(process.env.BENCH_SIZES ?? '1000,5000,20000').map((n) => ({ label: n.toLocaleString('en-US'), org: () => generateOrg(n) })),
  ...list(process.env.BENCH_DENSE ?? '1000,2000,5000,10000,20000').map((n) => ({ label: `${n.toLocaleString('en-US')}, one dense account`, org: () => generateDenseAccount(n) })),
  ...list(process.env.BENCH_ORG ?? '100000').map((n) => ({ label: `${n.toLocaleString('en-US')}, ${Math.round(n / 1000)} accounts trusting 5 others`, org: () => generateOrganization(n) })),
];

/** The columns of a workload's row, printed as each is measured: a run the heap stops still shows what it did. */
const COLUMNS = 8;
const emitRow = (label: string, cells: string[]) => console.log(`ROW | ${[label, ...cells].join(' | ')} |`);

/** One workload, in a process of its own so that its peak RSS is its own. */
async function runWorkload({ label, org: generate }: (typeof workloads)[number]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-bench-'));
  const org = generate();
  writeOrg(dir, org);
  const cells: string[] = [String(org.accounts.length)];
  const start = performance.now();
  const { model, errors } = await loadInputs([dir]);
  cells.push(`${((performance.now() - start) / 1000).toFixed(2)} s`);
  if (errors.length) throw new Error(`generated input has errors: ${errors[0].message}`);
  const timed = <T>(fn: () => T): [T, string] => {
    const t = performance.now();
    const value = fn();
    return [value, `${((performance.now() - t) / 1000).toFixed(2)} s`];
  };
  const count = (n: number) => n.toLocaleString('en-US');
  const opts = DEFAULT_ANALYSIS_OPTIONS;
  const [graph, build] = timed(() => buildGraph(model, opts));
  cells.push(`${build} (${count(graph.order)} / ${count(graph.size)})`);
  emitRow(label, cells);
  // Every path of every principal, produced one principal at a time as the CLI writes them.
  const [escalating, full] = timed(() => { let n = 0; for (const _finding of privescStream(graph, model, opts).findings) n++; return n; });
  cells.push(`${full} (${count(escalating)})`);
  emitRow(label, cells);
  const [who, whoTime] = timed(() => whoCan(graph, model, 's3:GetObject', 'arn:aws:s3:::bench-bucket/key', opts));
  const from = Object.keys(model.users)[0];
  const [, pathsTime] = timed(() => findPaths(graph, model, from, 'admin', opts));
  cells.push(`${whoTime} (${count(who.principals.length)})`, pathsTime);
  emitRow(label, cells);
  // The report holds every finding with its paths (as the report command does).
  const [report, reportTime] = timed(() => buildReport({ model, graph, privesc: privesc(graph, model, opts), options: { ...DEFAULT_REPORT_OPTIONS, analysis: opts } }, { toolVersion: 'bench', today: '2026-01-01' }));
  // Rendered the way the CLI writes it: piece by piece, counting the bytes.
  const [htmlBytes, htmlTime] = timed(() => { let n = 0; for (const c of reportChunks(report, 'html')) n += Buffer.byteLength(c); return n; });
  cells.push(`${reportTime} (${count(report.findings.length)}), ${htmlTime} (${(htmlBytes / 2 ** 20).toFixed(0)} MiB)`);
  cells.push(`${((process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MiB`);
  rmSync(dir, { recursive: true, force: true });
  emitRow(label, cells);
}

if (process.env.BENCH_WORKLOAD !== undefined) {
  await runWorkload(workloads[Number(process.env.BENCH_WORKLOAD)]);
  process.exit(0);
}

const engine = runEngineBench(3);
console.log('| benchmark | result |\n| --- | --- |');
console.log(`| policy engine, one core | ${engine.decisionsPerSecond.toLocaleString('en-US')} decisions/s (${engine.requests} distinct requests over a mixed policy set) |`);

console.log('\n| principals | accounts | load | graph build (nodes / edges) | full privesc (findings) | one who-can | one paths | report: findings, HTML | peak RSS |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (let i = 0; i < workloads.length; i++) {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_WORKLOAD: String(i) }, encoding: 'utf8', maxBuffer: 1 << 20 });
  const rows = run.stdout.split('\n').filter((l) => l.startsWith('ROW '));
  const row = rows.pop()?.slice(4) ?? `| ${workloads[i].label} |`;
  if (run.status === 0) {
    console.log(row);
    continue;
  }
  // Stopped part way: what it measured, then why, in the first column it did not reach.
  const why = run.stderr.split('\n').find((l) => /error|heap/i.test(l)) ?? run.stderr.trim().split('\n').pop() ?? '';
  const done = row.split(' | ').length - 1;
  console.log(`${row} stopped: ${why.slice(0, 160)} (exit ${run.status ?? run.signal}) |${' — |'.repeat(Math.max(0, COLUMNS - done - 1))}`);
}
const cliSizes = list(process.env.BENCH_CLI ?? '1000,2000');
if (cliSizes.length > 0) {
  console.log(`\nThe whole CLI process (\`npm run build:cli\` first, as \`npm ci\` does):\n\n${CLI_BENCH_HEADER}`);
  for (const size of cliSizes) console.log(cliBenchRow(size));
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const viewerSizes = list(process.env.VIEWER_BENCH_SIZES ?? '1000,20000');
if (existsSync(chromium) && viewerSizes.length > 0) {
  console.log(`\nThe viewer (Chromium, software WebGL):\n\n${VIEWER_BENCH_HEADER}`);
  for (const size of viewerSizes) console.log(viewerBenchRow(await runViewerBench(size, chromium)));
}
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}`);
