/**
 * JUnit XML for CI test reports: one test suite per rule, one test case per rule × subject.
 * An open finding fails its case; a suppressed one is skipped; a rule with no findings has one
 * passing case.
 */
import type { Finding, Report } from '../types.ts';
import { escapeXml } from '../../xml.ts';
import { pathChain, refText } from './text.ts';

const attr = (name: string, value: string | number): string => ` ${name}="${escapeXml(String(value))}"`;

function details(findings: readonly Finding[]): string {
  return findings.map((f) => [`[${f.severity}] ${f.id}: ${f.message}`, ...f.paths.map((p, i) => `  path ${i + 1} [${p.verdict}]: ${pathChain(p)}`), ...(f.pathRefs ?? []).map((r) => `  cuts ${refText(r)} (${r.finding})`), ...f.locations.map((l) => `  at ${l.file}${l.line !== undefined ? `:${l.line}` : ''} ${l.pointer}`)].join('\n')).join('\n');
}

export function renderJunit(report: Report): string {
  const all = [...report.findings, ...report.suppressed];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const rule of report.rules) {
    const bySubject = new Map<string, Finding[]>();
    for (const f of all.filter((x) => x.rule === rule.id)) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const subject of [...bySubject.keys()].sort()) {
      const findings = bySubject.get(subject)!;
      const open = findings.filter((f) => !f.suppression);
      const head = `    <testcase${attr('classname', `iamgraph.${rule.id}`)}${attr('name', subject)}`;
      if (open.length) {
        suiteFailures++;
        cases.push(`${head}>\n      <failure${attr('type', open[0].severity)}${attr('message', open.map((f) => f.title).join('; '))}>${escapeXml(details(open))}</failure>\n    </testcase>`);
      } else {
        suiteSkipped++;
        cases.push(`${head}>\n      <skipped${attr('message', `suppressed: ${findings.map((f) => f.suppression!.reason).join('; ')}`)}/>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase${attr('classname', `iamgraph.${rule.id}`)}${attr('name', 'no findings')}/>`);
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(`  <testsuite${attr('name', rule.id)}${attr('tests', cases.length)}${attr('failures', suiteFailures)}${attr('errors', 0)}${attr('skipped', suiteSkipped)}${report.generatedAt ? attr('timestamp', report.generatedAt) : ''}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attr('name', 'iamgraph')}${attr('tests', tests)}${attr('failures', failures)}${attr('errors', 0)}${attr('skipped', skipped)}>\n${suites.join('\n')}\n</testsuites>\n`;
}
