/**
 * The package installs like every other CLI: `npm pack` (with its `prepare` build, in a copy of
 * the working tree so the repository's own viz/dist and dist are not rebuilt under other tests),
 * `npm install -g` of the tarball into a temporary prefix from the npm cache, then every command
 * from another folder — the compiled CLI, the viewer and the HTML report with its graph, and the
 * GitHub Action's main step (action/run.sh) on the installed binary.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMPANY = join(ROOT, 'examples', 'company.yaml');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tmp: string;
let prefix: string;
let work: string;
let tarball: string;
let packed: string[];
let env: NodeJS.ProcessEnv;

const installed = (...parts: string[]): string => join(prefix, 'lib', 'node_modules', 'iamgraph', ...parts);
const iamgraph = (...args: string[]): SpawnSyncReturns<string> =>
  spawnSync(join(prefix, 'bin', 'iamgraph'), args, { cwd: work, env, encoding: 'utf8', timeout: 120_000 });

/** The longest inline script of the built viewer page: the viewer's code. */
function viewerScript(): string {
  const page = readFileSync(installed('viz', 'dist', 'viewer.html'), 'utf8');
  const scripts = [...page.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return scripts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'iamgraph-package-'));
  // The working tree as git sees it (tracked and new files, not ignored ones), node_modules linked.
  const tree = join(tmp, 'tree');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    cpSync(join(ROOT, file), join(tree, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
  const pack = execFileSync(npm, ['pack', '--json', '--pack-destination', tmp], { cwd: tree, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const result = (JSON.parse(pack.slice(pack.indexOf('[\n'))) as Array<{ filename: string; files: Array<{ path: string }> }>)[0]!;
  tarball = join(tmp, result.filename);
  packed = result.files.map((f) => f.path);

  prefix = join(tmp, 'prefix');
  work = join(tmp, 'work');
  mkdirSync(work);
  // Dependencies come from the npm cache `npm ci` filled. That holds the tarballs but not always
  // the registry's metadata (ENOTCACHED): then --prefer-offline fetches only what is missing.
  const install = (mode: string) => spawnSync(npm, ['install', '-g', '--prefix', prefix, tarball, mode, '--no-audit', '--no-fund'], { cwd: work, encoding: 'utf8', timeout: 500_000 });
  let r = install('--offline');
  if (r.status !== 0 && /ENOTCACHED/.test(r.stderr)) r = install('--prefer-offline');
  if (r.status !== 0) throw new Error(`npm install -g failed (${r.status}): ${r.stderr}`);
  env = { ...process.env, PATH: [join(prefix, 'bin'), dirname(process.execPath), process.env.PATH].join(delimiter), FORCE_COLOR: '0', NO_COLOR: '1' };
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds the compiled CLI, the built viewer, the licence, and no tests, fixtures, bench, CI or source', () => {
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/iamgraph.js', 'dist/cli.js', 'dist/action-catalog.json', 'viz/dist/viewer.html', 'viz/dist/report-page.js', 'examples/company.yaml']));
    expect(packed.filter((p) => /^(test|bench|src|ingest|build|action|\.ci|\.github|node_modules)\/|fixtures|\.test\.|\.ts$/.test(p))).toEqual([]);
  });

  it('holds no file name Windows cannot hold', () => {
    const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
    expect(packed.filter((p) => p.split('/').some((part) => /[<>:"\\|?*\x00-\x1f]/.test(part) || reserved.test(part) || /[. ]$/.test(part)))).toEqual([]);
  });
});

describe('the installed package, from another folder', { timeout: 300_000 }, () => {
  it('runs compiled JavaScript: no TypeScript source and no tsx installed', () => {
    expect(existsSync(installed('dist', 'cli.js'))).toBe(true);
    expect(existsSync(installed('src'))).toBe(false);
    expect(existsSync(installed('node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'tsx'))).toBe(false);
  });

  it('--version', () => {
    const r = iamgraph('--version');
    expect([r.status, r.stdout.trim(), r.stderr]).toEqual([0, VERSION, '']);
  });

  it('privesc on the bundled example', () => {
    const r = iamgraph('privesc', '-i', COMPANY, '--as-of', '2026-12-01T00:00:00Z');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('dev2-be-kang');
    expect(r.stdout).toContain('lambda-admin-ops');
  });

  it('viz -o writes the page with the viewer script and the graph', () => {
    const r = iamgraph('viz', '-i', COMPANY, '-o', 'out.html');
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(/^wrote out\.html \([\d.]+ KiB\)\n$/)]);
    const html = readFileSync(join(work, 'out.html'), 'utf8');
    const script = viewerScript();
    expect(script.length).toBeGreaterThan(50_000);
    expect(html).toContain(script);
    expect(html).not.toContain('__IAMGRAPH_DATA__');
    expect(html).toContain('arn:aws:iam::111122223333:user/dev2-be-kang');
  });

  it('report --format html embeds the graph viewer', () => {
    const r = iamgraph('report', '-i', COMPANY, '--format', 'html', '-o', 'report.html', '--quiet');
    expect([r.status, r.stderr]).toEqual([0, '']);
    const html = readFileSync(join(work, 'report.html'), 'utf8');
    const srcdoc = /<iframe class="viewer"[^>]* srcdoc="([^"]*)"/.exec(html)?.[1];
    expect(srcdoc).toBeDefined();
    const viewer = srcdoc!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(viewer).toContain(viewerScript());
    expect(viewer).toContain('arn:aws:iam::111122223333:user/dev2-be-kang');
  });

  it('the action step: SARIF of every finding, the report gate, then the diff gate against a baseline', () => {
    const step = (dir: string, extra: NodeJS.ProcessEnv) => {
      mkdirSync(join(work, dir));
      const output = join(work, dir, 'github-output');
      const summary = join(work, dir, 'summary.md');
      const r = spawnSync('bash', [join(ROOT, 'action', 'run.sh')], {
        cwd: join(work, dir), encoding: 'utf8', timeout: 300_000,
        env: { ...env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, IAMGRAPH_INPUTS: `${COMPANY}\n`, IAMGRAPH_FAIL_ON: 'high', IAMGRAPH_SARIF_FILE: 'iamgraph.sarif', IAMGRAPH_REPORT_FILE: 'iamgraph.md', ...extra },
      });
      const read = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');
      const outputs = Object.fromEntries(read(output).trim().split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]));
      return { r, outputs, summary: read(summary), dir: join(work, dir) };
    };

    const report = step('gate-report', {});
    expect([report.r.status, report.r.stderr]).toEqual([0, '']);
    expect(report.outputs).toEqual({ 'sarif-file': 'iamgraph.sarif', 'report-file': 'iamgraph.md', 'exit-code': '1' }); // company.yaml has critical findings
    const sarif = JSON.parse(readFileSync(join(report.dir, 'iamgraph.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(report.summary).toContain('# iamgraph report');
    expect(report.summary).toBe(readFileSync(join(report.dir, 'iamgraph.md'), 'utf8'));

    expect(iamgraph('report', '-i', COMPANY, '--format', 'json', '-o', join(work, 'baseline.json')).status).toBe(0);
    const diff = step('gate-diff', { IAMGRAPH_BASELINE: join(work, 'baseline.json') });
    expect([diff.r.status, diff.r.stderr]).toEqual([0, '']);
    expect(diff.outputs['exit-code']).toBe('0'); // nothing new against the baseline
    expect(diff.summary).toMatch(/^# /);

    const bad = step('gate-bad', { IAMGRAPH_FAIL_ON: 'severe' });
    expect(bad.r.status).toBe(2); // a usage error fails the step itself
    expect(bad.r.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.outputs['exit-code']).toBeUndefined();
    expect(bad.summary).toBe('');
  });

  // Last: it removes the installed viewer.
  it('a missing viewer bundle is an error, not a report without its graph', () => {
    rmSync(installed('viz', 'dist', 'viewer.html'));
    const r = iamgraph('report', '-i', COMPANY, '--format', 'html', '-o', 'no-viewer.html');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('the viewer is not built');
    expect(existsSync(join(work, 'no-viewer.html'))).toBe(false);
    const v = iamgraph('viz', '-i', COMPANY, '-o', 'no-viewer-viz.html');
    expect(v.status).toBe(2);
    expect(v.stderr).toContain('the viewer is not built');
  });
});
