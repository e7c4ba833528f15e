/**
 * The push as a cypher-shell script (`cypher-shell -f load.cypher`), for users who cannot
 * connect from where they run the analysis. Each statement is preceded by `:param` lines that
 * bind its parameters; the statements themselves are the same text the live push sends.
 */
import { cypherLiteral } from './cypher-literal.ts';
import type { CypherStatement, PushOptions } from './plan.ts';

export function writeCypherScript(plan: readonly CypherStatement[], options: PushOptions): string {
  const lines: string[] = [
    `// iamgraph load script: snapshot ${options.snapshot}, accounts ${options.accounts.join(', ') || '(none)'}`,
    '// Run with: cypher-shell -a bolt://HOST:7687 -u USER -f load.cypher',
    '',
  ];
  for (const statement of plan) {
    for (const name of Object.keys(statement.params).sort()) {
      lines.push(`:param ${name} => ${cypherLiteral(statement.params[name])};`);
    }
    lines.push(`${statement.query};`, '');
  }
  return lines.join('\n');
}
