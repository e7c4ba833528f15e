/**
 * Resource policies: a bundle `{"ResourcePolicies": [{"ResourceArn", "Policy"}]}`, or the native
 * output of one resource's CLI call, paired with its ARN by a field of the output or by the file
 * name (the ARN itself, or URL-encoded):
 * `aws s3api get-bucket-policy` / `aws kms get-key-policy` / `aws lambda get-policy` → `{"Policy"}`,
 * `aws sqs get-queue-attributes` / `aws sns get-topic-attributes` → `{"Attributes": {"Policy"}}`,
 * `aws secretsmanager get-resource-policy` → `{"ARN", "ResourcePolicy"}`,
 * `aws ecr get-repository-policy` → `{"registryId", "repositoryName", "policyText"}`.
 */
import { basename } from 'node:path';
import { resourcePolicyId } from '../../src/model/ids.ts';
import { accountOfArn, isAccountId, isArn } from '../../src/policy/arn.ts';
import type { ModelBuilder } from '../builder.ts';
import { describeValue, expectArn, expectArray, expectRecord, InputProblem, isRecord } from '../errors.ts';

export const isResourcePolicyBundle = (doc: unknown): boolean => isRecord(doc) && Array.isArray(doc.ResourcePolicies);

export const isNativeResourcePolicy = (doc: unknown): boolean =>
  isRecord(doc) && (typeof doc.Policy === 'string' || isRecord(doc.Policy) || (isRecord(doc.Attributes) && typeof doc.Attributes.Policy === 'string') || typeof doc.ResourcePolicy === 'string' || typeof doc.policyText === 'string');

export function addResourcePolicy(b: ModelBuilder, arn: string, document: unknown, file: string, pointer: string, owner?: string): void {
  const id = resourcePolicyId(arn);
  const accountId = owner ?? accountOfArn(arn) ?? '';
  const existing = b.resources.get(arn);
  b.addPolicy({ id, name: `${arn} resource policy`, kind: 'resource', type: 'resource', document, source: { file, pointer } });
  if (!b.policies.get(id)?.policy) return; // invalid document: reported as an input error
  b.resources.set(arn, { arn, accountId: existing?.accountId || accountId, service: arn.split(':')[2] ?? '', tags: existing?.tags ?? [], resourcePolicy: id, source: { file, pointer } });
  if (!existing?.accountId && !accountId) {
    b.warn('resource-owner-unknown', `${arn}: the ARN does not name the owning account (S3 buckets never do); give "ResourceOwner" in a bundle entry, or list the resource in the account model — until then its callers are treated as same-account`, arn, { file, pointer });
  }
}

export function readResourcePolicyBundle(doc: Record<string, unknown>, file: string, b: ModelBuilder, base = ''): void {
  expectArray(doc.ResourcePolicies, `${base}/ResourcePolicies`).forEach((entry, i) => {
    const at = `${base}/ResourcePolicies/${i}`;
    try {
      const e = expectRecord(entry, at);
      const arn = expectArn(e.ResourceArn, `${at}/ResourceArn`);
      const owner = e.ResourceOwner ?? e.AccountId;
      addResourcePolicy(b, arn, e.Policy, file, `${at}/Policy`, typeof owner === 'string' && isAccountId(owner) ? owner : undefined);
    } catch (err) {
      if (!(err instanceof InputProblem)) throw err;
      b.errors.push({ file, pointer: err.pointer, message: err.detail });
    }
  });
}

function arnFromFileName(file: string): string | undefined {
  const name = decodeURIComponent(basename(file).replace(/\.(json|ya?ml)$/i, ''));
  return name.startsWith('arn:') ? name : undefined;
}

export function readNativeResourcePolicy(doc: Record<string, unknown>, file: string, b: ModelBuilder, base = ''): void {
  let policy: unknown;
  let pointer: string;
  let arn: string | undefined;
  if (isRecord(doc.Attributes) && typeof doc.Attributes.Policy === 'string') {
    policy = doc.Attributes.Policy;
    pointer = `${base}/Attributes/Policy`;
    arn = typeof doc.Attributes.TopicArn === 'string' ? doc.Attributes.TopicArn : typeof doc.Attributes.QueueArn === 'string' ? doc.Attributes.QueueArn : undefined;
  } else if (typeof doc.ResourcePolicy === 'string') {
    policy = doc.ResourcePolicy;
    pointer = `${base}/ResourcePolicy`;
    arn = typeof doc.ARN === 'string' ? doc.ARN : undefined;
  } else if (typeof doc.policyText === 'string') {
    policy = doc.policyText;
    pointer = `${base}/policyText`;
  } else {
    policy = doc.Policy;
    pointer = `${base}/Policy`;
  }
  arn ??= arnFromFileName(file);
  if (arn !== undefined && !isArn(arn)) {
    b.errors.push({ file, pointer: base || '/', message: `expected the resource's ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE), got ${describeValue(arn)}` });
    return;
  }
  if (!arn) {
    b.errors.push({ file, pointer: base || '/', message: 'expected the resource ARN: name the file after it (e.g. "arn:aws:s3:::my-bucket.json") or use a {"ResourcePolicies": [{"ResourceArn", "Policy"}]} bundle' });
    return;
  }
  addResourcePolicy(b, arn, policy, file, pointer);
}
