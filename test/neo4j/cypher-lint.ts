/** Neo4j's own Cypher parser and semantic linter (offline), loaded through its CJS build. */
import { createRequire } from 'node:module';

interface Diagnostic { severity: number; message: string }
interface LanguageSupport {
  lintCypherQuery(query: string, dbSchema: { parameters?: Record<string, unknown> }, consoleCommandsEnabled?: boolean): Diagnostic[];
  parserWrapper: { parse(query: string): { statementsParsing: Array<{ tokens: Array<{ type: number; text: string }> }> } };
  CypherParser: { STRING_LITERAL1: number; STRING_LITERAL2: number };
}

const ls = createRequire(import.meta.url)('@neo4j-cypher/language-support') as LanguageSupport;

/** Errors (severity 1) Neo4j's linter reports for a statement with these parameters. */
export function cypherErrors(query: string, parameters: Record<string, unknown> = {}, consoleCommands = false): string[] {
  return ls.lintCypherQuery(query, { parameters }, consoleCommands)
    .filter((d) => d.severity === 1)
    .map((d) => d.message);
}

/** The string-literal tokens of a script, as Neo4j's lexer splits them (still escaped). */
export function stringLiteralTokens(script: string): string[] {
  const parsed = ls.parserWrapper.parse(script);
  const kinds = new Set([ls.CypherParser.STRING_LITERAL1, ls.CypherParser.STRING_LITERAL2]);
  return parsed.statementsParsing.flatMap((s) => s.tokens.filter((t) => kinds.has(t.type)).map((t) => t.text));
}

/** Decodes a Cypher string literal token per the Cypher manual's escape sequences. */
export function decodeStringLiteral(token: string): string {
  const body = token.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_, esc: string) => {
    if (esc[0] === 'u' && esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[esc] ?? esc;
  });
}
