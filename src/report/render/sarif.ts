/**
 * SARIF 2.1.0 for code-scanning dashboards: one reportingDescriptor per rule, one result per
 * finding, located at the input file (line when known) and the JSON pointer of the statement.
 */
import type { Finding, Report, Severity, SourceLocation } from '../types.ts';
import { jsonChunks, type Chunks } from './chunks.ts';
import { pathChain } from './text.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub's `security-severity` scale (0–10). */
const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

const uriOf = (file: string): string => (file.startsWith('/') ? `file://${encodeURI(file)}` : encodeURI(file.replace(/\\/g, '/')));

function sarifLocation(l: SourceLocation) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(l.file) },
      ...(l.line !== undefined ? { region: { startLine: l.line } } : {}),
    },
    logicalLocations: [{ fullyQualifiedName: l.pointer || '/', kind: 'element' }],
    properties: { jsonPointer: l.pointer, ...(l.policy ? { policy: l.policy } : {}), ...(l.statement !== undefined ? { statement: l.statement } : {}) },
  };
}

function message(f: Finding): string {
  const paths = f.paths.slice(0, 5).map((p, i) => `path ${i + 1} [${p.verdict}]: ${pathChain(p)}`);
  const more = f.paths.length > 5 ? [`… and ${f.paths.length - 5} more paths`] : [];
  return [f.message, ...paths, ...more].join('\n');
}

/** Split down to single results (log → runs → run → results → result). */
export function* sarifChunks(report: Report): Chunks {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const results = [...report.findings, ...report.suppressed].map((f) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? -1,
    level: LEVEL[f.severity],
    message: { text: message(f) },
    locations: f.locations.map(sarifLocation),
    partialFingerprints: { iamgraphFindingId: f.id },
    ...(f.suppression ? { suppressions: [{ kind: 'external', justification: f.suppression.reason }] } : {}),
    properties: { severity: f.severity, subject: f.subject, ...(f.accountId ? { accountId: f.accountId } : {}), paths: f.paths.length },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'iamgraph',
          version: report.tool.version,
          informationUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
          rules: report.rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
            shortDescription: { text: r.title },
            fullDescription: { text: r.description },
            help: { text: `${r.remediation}\n${r.docs.join('\n')}`, markdown: `${r.remediation}\n\n${r.docs.map((d) => `- <${d}>`).join('\n')}` },
            ...(r.docs[0] ? { helpUri: r.docs[0] } : {}),
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { tags: ['security', 'iam'], 'security-severity': SCORE[r.severity] },
          })),
        },
      },
      ...(report.generatedAt ? { invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }] } : {}),
      results,
    }],
  };
  yield* jsonChunks(log, 4);
  yield '\n';
}
