/** The README's report excerpt is what the binary prints for the company example with its inventory (kang's concrete path through the function). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const root = here('../../');

describe('README report excerpt', () => {
  it('every line of it is in the report of examples/company.yaml with examples/inventory, kang\'s path through ops-rotate-keys included', () => {
    const readme = readFileSync(here('../../README.md'), 'utf8');
    const start = readme.indexOf('```markdown', readme.indexOf('An excerpt of `iamgraph report -i examples/company.yaml -i examples/inventory`'));
    const excerpt = readme.slice(readme.indexOf('\n', start) + 1, readme.indexOf('```\n', start + 10)).split('\n').filter((l) => l !== '' && l !== '| … | | | |');
    const report = spawnSync(process.execPath, [here('../../bin/iamgraph.js'), 'report', '-i', 'examples/company.yaml', '-i', 'examples/inventory', '--format', 'md'], { cwd: root, encoding: 'utf8' }).stdout.split('\n');
    expect(excerpt.length).toBeGreaterThan(20);
    expect(excerpt.filter((line) => !report.includes(line))).toEqual([]);
    expect(excerpt).toContain('   - → `arn:aws:lambda:us-east-1:111122223333:function:ops-rotate-keys` via lambda-update-function-code (Replace the code of an existing Lambda function that runs as the role)');
  });
});
