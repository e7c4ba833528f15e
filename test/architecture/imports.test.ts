/**
 * The import rules (.dependency-cruiser.cjs, from ../shared/DESIGN.md) bite: a small tree with
 * one import against the flow of each kind is cruised with the project's own rules, and every
 * wrong import is reported while the right ones are not. (`npm test` cruises the real tree.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const { forbidden } = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: unknown[] };

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'iamgraph-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import boundaries', () => {
  it('reports imports that run against the flow, cycles and command-to-command imports; accepts the rest', async () => {
    const root = tree({
      'src/errors.ts': 'export const E = 1;\n',
      'src/policy/leaf.ts': "import { E } from '../errors.ts';\nexport const P = E;\n",
      'src/policy/wrong.ts': "import { G } from '../graph/build.ts';\nexport const W = G;\n",
      'src/model/types.ts': "import { P } from '../policy/leaf.ts';\nexport const M = P;\n",
      'src/access/decide.ts': "import { M } from '../model/types.ts';\nexport const A = M;\n",
      'src/graph/build.ts': "import { A } from '../access/decide.ts';\nexport const G = A;\n",
      'src/graph/up.ts': "import { Q } from '../analysis/q.ts';\nexport const U = Q;\n",
      'src/analysis/q.ts': "import { G } from '../graph/build.ts';\nimport { U } from '../graph/up.ts';\nexport const Q = G;\nexport const V = () => U;\n",
      'src/report/r.ts': "import { Q } from '../analysis/q.ts';\nimport { X } from '../export/x.ts';\nexport const R = Q + X;\n",
      'src/export/x.ts': "import { G } from '../graph/build.ts';\nexport const X = G;\n",
      'src/cli/commands/a.ts': "import { B } from './b.ts';\nimport { R } from '../../report/r.ts';\nexport const C = B + R;\n",
      'src/cli/commands/b.ts': 'export const B = 1;\n',
      'src/cli/commands/index.ts': "export const all = [() => import('./a.ts'), () => import('./b.ts')];\n",
    });
    const result = await cruise(['src'], { baseDir: root, validate: true, ruleSet: { forbidden } as never, tsPreCompilationDeps: true });
    const output = result.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    const found = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(expect.arrayContaining([
      'graph-imports-only-below: src/graph/up.ts → src/analysis/q.ts',
      'no-command-imports-another: src/cli/commands/a.ts → src/cli/commands/b.ts',
      'policy-imports-only-below: src/policy/wrong.ts → src/graph/build.ts',
      'report-imports-only-below: src/report/r.ts → src/export/x.ts',
    ]));
    expect(found.some((f) => f.startsWith('no-cycles:'))).toBe(true);
    // The imports that follow the flow are not reported.
    expect(found.filter((f) => /model\/types|access\/decide|analysis\/q\.ts →|export\/x\.ts →|commands\/index/.test(f.split(': ')[1].split(' → ')[0]) && !f.startsWith('no-cycles'))).toEqual([]);
  });
});
