/**
 * `loadInputs`: any mix of files and directories → one normalized, validated AccountModel.
 * Formats are detected by content, not by name. A bad file (or a bad element in a file) is an
 * input error naming the file and JSON pointer; everything valid still loads unless `strict`.
 * Inputs with no IAM data at all are a UserError (one line), never an empty model.
 */
import { UserError } from '../src/errors.ts';
import type { AccountModel } from '../src/model/types.ts';
import { loadActionCatalog, unknownActionWarnings } from '../src/policy/catalog.ts';
import { fillAwsManagedPolicies } from './aws-managed-policies.ts';
import { ModelBuilder } from './builder.ts';
import { formatInputError, InputProblem, isRecord, type InputError } from './errors.ts';
import { expandPaths, readParsedFile } from './files.ts';
import { isAccountModel, readAccountModel } from './readers/account-model.ts';
import { isCredentialReportJson, readCredentialReportCsv, readCredentialReportJson } from './readers/credential-report.ts';
import { isGaad, readGaad } from './readers/gaad.ts';
import { isIdentityCenter, readIdentityCenter } from './readers/identity-center.ts';
import { isInventory, readInventoryDocument } from './readers/inventory/index.ts';
import { isOrganization, readOrganization } from './readers/organization.ts';
import { isNativeResourcePolicy, isResourcePolicyBundle, readNativeResourcePolicy, readResourcePolicyBundle } from './readers/resource-policies.ts';

export type { InputError } from './errors.ts';
export { formatInputError } from './errors.ts';

type Reader = (doc: Record<string, unknown>, file: string, b: ModelBuilder, base: string) => void;

/** Detection order matters: the most specific shapes first. Identity Center runs last (it maps onto roles). */
const READERS: Array<{ name: string; detect: (doc: unknown) => boolean; read: Reader; late?: boolean }> = [
  { name: 'organization', detect: isOrganization, read: readOrganization },
  { name: 'GAAD', detect: isGaad, read: readGaad },
  { name: 'account model', detect: isAccountModel, read: readAccountModel },
  { name: 'resource policy bundle', detect: isResourcePolicyBundle, read: readResourcePolicyBundle },
  { name: 'credential report', detect: isCredentialReportJson, read: (doc, file, b) => readCredentialReportJson(doc, file, b) },
  { name: 'compute inventory', detect: isInventory, read: (doc, file, b) => readInventoryDocument(doc, file, b) },
  { name: 'resource policy', detect: isNativeResourcePolicy, read: readNativeResourcePolicy },
  { name: 'Identity Center', detect: isIdentityCenter, read: readIdentityCenter, late: true },
];

export interface LoadResult {
  model: AccountModel;
  errors: InputError[];
}

/** Actions the AWS catalog does not know (typos such as s3:GetObjects) are warnings, never errors. */
async function warnUnknownActions(b: ModelBuilder): Promise<void> {
  await loadActionCatalog();
  for (const record of b.policies.values()) {
    if (!record.policy) continue;
    for (const w of unknownActionWarnings(record.policy.parsed)) {
      b.warn('unknown-action', `${record.id}: ${w.message}`, record.id, record.source ? { file: record.source.file, pointer: `${record.source.pointer}${w.pointer}` } : undefined);
    }
  }
}

/** Nothing to analyse is an input error, never an empty report: said in one line. */
function noDataMessage(paths: readonly string[], files: number, skipped: number): string {
  const read = files === 0 ? 'no .json, .yaml, .yml or .csv file found' : `${files} file${files === 1 ? '' : 's'} read, all empty`;
  return `no IAM data in the inputs: ${paths.join(', ')} (${read}${skipped > 0 ? `, ${skipped} skipped` : ''})`;
}

export async function loadInputs(paths: readonly string[], opts: { strict?: boolean } = {}): Promise<LoadResult> {
  const b = new ModelBuilder();
  const { files, missing, skipped, unreadable } = expandPaths(paths);
  for (const path of missing) b.errors.push({ file: path, pointer: '', message: 'expected a file or directory, got nothing at that path' });
  for (const { path, reason } of unreadable) b.errors.push({ file: path, pointer: '', message: reason });
  for (const { path, reason } of skipped) b.warn('skipped-input', `${path}: skipped: ${reason}`, undefined, { file: path, pointer: '' });
  const late: Array<() => void> = [];
  let documents = 0;
  for (const file of files) {
    b.inputs.push(file);
    try {
      const parsed = readParsedFile(file);
      if (parsed.kind === 'csv') {
        if (parsed.text === '') continue;
        documents++;
        readCredentialReportCsv(parsed.text, file, b);
        continue;
      }
      for (const { value, pointer, duplicateKeys } of parsed.documents) {
        documents++;
        for (const at of duplicateKeys ?? []) {
          b.warn('duplicate-key', `${file}: ${pointer}${at}: duplicate key: JSON keeps the last value (YAML refuses duplicates)`, undefined, { file, pointer: `${pointer}${at}` });
        }
        const reader = READERS.find((r) => r.detect(value));
        if (!reader || !isRecord(value)) {
          b.errors.push({ file, pointer: pointer || '/', message: 'expected a GAAD export, an account model, an organization, Identity Center data, a credential report, resource policies or a compute inventory, got a document of none of these shapes' });
          continue;
        }
        const run = () => {
          try {
            reader.read(value, file, b, '');
          } catch (err) {
            if (!(err instanceof InputProblem)) throw err;
            b.errors.push({ file, pointer: `${pointer}${err.pointer}`, message: err.detail });
          }
        };
        if (reader.late) late.push(run);
        else run();
      }
    } catch (err) {
      if (!(err instanceof InputProblem)) throw err;
      b.errors.push({ file, pointer: err.pointer, message: err.detail });
    }
  }
  for (const run of late) run();
  if (documents === 0 && b.errors.length === 0) throw new UserError(noDataMessage(paths, files.length, skipped.length));
  if (opts.strict && b.errors.length > 0) throw new UserError(formatInputError(b.errors[0]));
  await warnUnknownActions(b);
  fillAwsManagedPolicies(b);
  return { model: b.finalize(), errors: b.errors };
}
