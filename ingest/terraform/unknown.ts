/**
 * A value Terraform knows only after apply, as data the engine already reasons about: a document
 * that allows what it may allow under a condition no input fixes (`iamgraph:KnownAfterApply`), so
 * every path through it is `conditional`, its residual naming the plan attribute. The engine stays
 * pure: it sees one more open condition key, nothing Terraform-specific.
 */
import type { PolicyType } from '../../src/policy/types.ts';

export const UNKNOWN_KEY = 'iamgraph:KnownAfterApply';

/** `true` where Terraform's `after_unknown` marks `attr` (or an element under it) unknown. */
export function isUnknown(afterUnknown: unknown, attr: string): boolean {
  if (typeof afterUnknown !== 'object' || afterUnknown === null) return false;
  const v = (afterUnknown as Record<string, unknown>)[attr];
  const any = (x: unknown): boolean => x === true || (Array.isArray(x) ? x.some(any) : typeof x === 'object' && x !== null && Object.values(x).some(any));
  return any(v);
}

/** The document standing for one unknown until apply: anything it could allow, conditionally. */
export function unknownDocument(type: PolicyType, what: string, resource = '*'): unknown {
  const Condition = { StringEquals: { [UNKNOWN_KEY]: what } };
  if (type === 'trust') return { Version: '2012-10-17', Statement: [{ Sid: 'KnownAfterApply', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition }] };
  if (type === 'resource') return { Version: '2012-10-17', Statement: [{ Sid: 'KnownAfterApply', Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: resource, Condition }] };
  return { Version: '2012-10-17', Statement: [{ Sid: 'KnownAfterApply', Effect: 'Allow', Action: '*', Resource: '*', Condition }] };
}
