/**
 * `aws iam get-credential-report`: the CSV (decoded), or the CLI's JSON with base64 `Content`.
 * Password, MFA and access-key facts are attached to users for findings.
 */
import { parse } from 'csv-parse/sync';
import type { CredentialFacts } from '../../src/model/types.ts';
import type { ModelBuilder } from '../builder.ts';
import { describeValue, isRecord } from '../errors.ts';

export const isCredentialReportJson = (doc: unknown): boolean => isRecord(doc) && typeof doc.Content === 'string' && String(doc.ReportFormat ?? 'text/csv') === 'text/csv';

const REQUIRED = ['user', 'arn', 'password_enabled', 'mfa_active', 'access_key_1_active'];
const date = (v: string | undefined): string | undefined => (v && /^\d{4}-\d{2}-\d{2}T/.test(v) ? v : undefined);

/** RFC 4180 rows with their line numbers (where each ends); a user name may hold a comma, and quoted fields a quote or a line break. */
function parseRows(text: string): Array<{ row: string[]; line: number }> | { error: string; line?: number } {
  try {
    const records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map(({ record, info }) => ({ row: record, line: info.lines }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { error: `expected CSV, got ${(err as Error).message.split('\n')[0]}`, ...(line ? { line } : {}) };
  }
}

export function readCredentialReportCsv(text: string, file: string, b: ModelBuilder): void {
  const rows = parseRows(text);
  if (!Array.isArray(rows)) {
    b.errors.push({ file, pointer: rows.line ? `line ${rows.line}` : '', message: rows.error });
    return;
  }
  const header = rows[0]?.row ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    b.errors.push({ file, pointer: 'line 1', message: `expected a credential report header with ${missing.join(', ')}, got ${describeValue(header.join(','))}` });
    return;
  }
  const col = (row: string[], name: string): string | undefined => row[header.indexOf(name)];
  for (const { row, line } of rows.slice(1)) {
    if (row.length !== header.length) {
      b.errors.push({ file, pointer: `line ${line}`, message: `expected ${header.length} columns, got ${row.length}` });
      continue;
    }
    const arn = col(row, 'arn')!;
    if (col(row, 'user') === '<root_account>' || !arn.includes(':user/')) continue;
    const key = (n: 1 | 2) => ({
      active: col(row, `access_key_${n}_active`) === 'true',
      ...(date(col(row, `access_key_${n}_last_rotated`)) ? { lastRotated: date(col(row, `access_key_${n}_last_rotated`)) } : {}),
      ...(date(col(row, `access_key_${n}_last_used_date`)) ? { lastUsed: date(col(row, `access_key_${n}_last_used_date`)) } : {}),
    });
    const facts: CredentialFacts = {
      passwordEnabled: col(row, 'password_enabled') === 'true',
      mfaActive: col(row, 'mfa_active') === 'true',
      accessKeys: [key(1), ...(header.includes('access_key_2_active') ? [key(2)] : [])],
    };
    const lastUsed = date(col(row, 'password_last_used'));
    if (lastUsed) facts.passwordLastUsed = lastUsed;
    b.credentials.set(arn, facts);
  }
}

export function readCredentialReportJson(doc: Record<string, unknown>, file: string, b: ModelBuilder): void {
  readCredentialReportCsv(Buffer.from(String(doc.Content), 'base64').toString('utf8'), file, b);
}
