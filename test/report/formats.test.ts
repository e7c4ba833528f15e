/**
 * Each format read back: JSON against schema/report.schema.json, SARIF against the official
 * SARIF 2.1.0 JSON Schema (shipped by @microsoft/jest-sarif), CSV with an RFC 4180 reader.
 * (HTML and JUnit are read back in a real browser: html-browser.test.ts.)
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffReports } from '../../src/report/diff.ts';
import { CSV_HEADER } from '../../src/report/render/csv.ts';
import { renderCsv, renderJson, renderMarkdown, renderSarif } from '../../src/report/render/index.ts';
import { renderDiff } from '../../src/report/render/index.ts';
import { reportFromJson } from '../../src/report/json-form.ts';
import type { Report } from '../../src/report/types.ts';
import { parseCsv } from './csv-parse.ts';
import { ROOT, example, fixture, reportFor } from './helpers.ts';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const require = createRequire(import.meta.url);

let company: Report;
let trusts: Report;
let xss: Report;
let escalations: Report;
let validateReport: ValidateFunction;
let validateDiff: ValidateFunction;
let validateSarif: ValidateFunction;

beforeAll(async () => {
  company = await reportFor([example('company.yaml')]);
  trusts = await reportFor([fixture('risky-trusts.yaml'), fixture('chains.yaml'), fixture('credential-report.csv')]);
  xss = await reportFor([fixture('xss.yaml')]);
  escalations = await reportFor([fixture('escalations.yaml')]);
  const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
  ajv.addSchema(JSON.parse(readFileSync(`${ROOT}schema/report.schema.json`, 'utf8')), 'report');
  validateReport = ajv.getSchema('report')!;
  validateDiff = ajv.compile({ $ref: 'report#/definitions/diff' });
  // The SARIF 2.1.0 schema is draft-04 (`id`, `$schema` draft-04); its keywords are otherwise draft-07 compatible.
  const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  delete sarifSchema.$schema;
  delete sarifSchema.id;
  // Its `language` pattern has a lone `]` that is only legal without the regex u flag.
  validateSarif = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })).compile(sarifSchema);
});

describe('json: valid against schema/report.schema.json, versioned', () => {
  it.each([['company', () => company], ['rule fixtures', () => trusts], ['xss names', () => xss], ['composed escalations', () => escalations]])('%s report validates', (_n, get) => {
    const data = JSON.parse(renderJson(get()));
    const ok = validateReport(data);
    expect(validateReport.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(data.schemaVersion).toBe('2.0.0');
  });
  it('composed escalations carry an escalated node and a hop that needs the source to act as the rewriter', () => {
    const hops = Object.values(JSON.parse(renderJson(escalations)).hops) as Array<{ to: string; alsoActingAs?: string[] }>;
    expect(hops.some((h) => h.to.includes('#gains:target-group-policies='))).toBe(true);
    expect(hops.some((h) => h.alsoActingAs?.[0] === 'arn:aws:iam::345678901234:role/writer')).toBe(true);
  });
  it('each hop is written once and paths list hop ids; read back, the report is the one rendered', () => {
    const data = JSON.parse(renderJson(trusts));
    const refs = [...data.findings, ...data.suppressed].flatMap((f: { paths: Array<{ hops: string[] }> }) => f.paths.flatMap((p) => p.hops));
    expect(refs.length).toBeGreaterThan(Object.keys(data.hops).length);
    expect(new Set(refs)).toEqual(new Set(Object.keys(data.hops)));
    expect(reportFromJson(data)).toEqual(JSON.parse(JSON.stringify(trusts)));
  });
  it('a choke point refers to the paths it cuts: every reference resolves to a path of that finding', () => {
    const paths = new Map(company.findings.map((f) => [f.id, new Set(f.paths.map((p) => p.id))]));
    const chokes = company.findings.filter((f) => f.rule === 'choke-point');
    expect(chokes.length).toBeGreaterThan(0);
    for (const c of chokes) {
      expect(c.paths).toEqual([]);
      const refs = c.pathRefs!.flatMap((r) => r.paths.map((id) => [r.finding, id] as const));
      expect(refs).toHaveLength(Number(c.facts.pathsCut));
      for (const [finding, id] of refs) expect(paths.get(finding)?.has(id)).toBe(true);
    }
  });
  it('the schema rejects what it should (a finding without an id)', () => {
    const data = JSON.parse(renderJson(company));
    delete data.findings[0].id;
    expect(validateReport(data)).toBe(false);
  });
  it('a diff validates against definitions/diff', () => {
    const diff = diffReports(trusts, company);
    expect(validateDiff(JSON.parse(renderDiff(diff, company, 'json')))).toBe(true);
  });
});

describe('sarif: valid against the SARIF 2.1.0 JSON Schema; locations = input file + statement pointer', () => {
  it.each([['company', () => company], ['rule fixtures', () => trusts], ['xss names', () => xss]])('%s log validates', (_n, get) => {
    const log = JSON.parse(renderSarif(get()));
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('one rule per catalog entry, results point at the statement with line and JSON pointer', () => {
    const log = JSON.parse(renderSarif(company));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(company.rules.map((r) => r.id));
    const choi = run.results.find((r: { partialFingerprints: { iamgraphFindingId: string } }) => r.partialFingerprints.iamgraphFindingId === 'privesc-to-admin:1bdccbf64bc8d255');
    expect(choi.level).toBe('error');
    expect(choi.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'examples/company.yaml' }, region: { startLine: 66 } });
    expect(choi.locations[0].logicalLocations[0].fullyQualifiedName).toBe('/accounts/0/policies/8/document/Statement/1');
    expect(run.results[choi.ruleIndex] && run.tool.driver.rules[choi.ruleIndex].id).toBe('privesc-to-admin');
  });
});

describe('csv: RFC 4180, one row per finding × path', () => {
  it('parses back: header, then a row per path (or one per finding without paths)', () => {
    const rows = parseCsv(renderCsv(company));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const expected = company.findings.reduce((n, f) => n + Math.max(1, f.paths.length + (f.pathRefs?.length ?? 0)), 0);
    expect(rows.length - 1).toBe(expected);
    const kang = rows.filter((r) => r[4] === 'arn:aws:iam::111122223333:user/dev2-be-kang' && r[2] === 'privesc-to-admin');
    expect(kang.map((r) => r[10])).toEqual(['pass-role-lambda > is-admin', 'lambda-update-function-code > is-admin']);
    expect(kang[0][11]).toBe('arn:aws:iam::111122223333:policy/BackendDeployLambda arn:aws:iam::111122223333:policy/BackendServices arn:aws:iam::aws:policy/AdministratorAccess');
    expect(kang[0][3]).toBe('111122223333');
  });
  it('fields with commas, quotes and markup survive the round trip', () => {
    const rows = parseCsv(renderCsv(xss));
    const titles = rows.slice(1).map((r) => r[5]);
    expect(titles).toContain('user/<img src=x onerror=alert(1)> can escalate to admin');
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });
  it('no cell starts a spreadsheet formula (OWASP CSV injection): = + - @ tab CR get a leading quote', async () => {
    const rows = parseCsv(renderCsv(await reportFor([fixture('formulas.yaml')])));
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain("'=1+1 can escalate to admin");
    expect(cells).toContain("'=1+1 → role/=cmd → admin");
  });
});

describe('md: escapes names so they stay text in GitHub markdown', () => {
  it('no raw HTML from input reaches the markdown outside code spans', () => {
    const md = renderMarkdown(xss);
    const outsideCode = md.replace(/`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(/<img|<script/);
    expect(outsideCode).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
  it('a CR, LF or CRLF in a name never starts a line (CommonMark ends a line at a lone CR too)', async () => {
    const hostile = await reportFor([fixture('md-lines.yaml')]);
    const injected = (md: string): string[] => md.split(/\r\n|\r|\n/).filter((l) => /^\s*(#+\s*)?All clear/.test(l));
    const report = renderMarkdown(hostile);
    expect(report).toContain('All clear: 0 findings');
    expect(injected(report)).toEqual([]);
    const diff = renderDiff(diffReports(hostile, company), company, 'md');
    expect(diff).toContain('All clear: trust');
    expect(injected(diff)).toEqual([]);
  });
});
