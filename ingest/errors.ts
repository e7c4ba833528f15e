import { isAccountId, isArn, isIamArn, type IamArnKind } from '../src/policy/arn.ts';
import { describeValue, oneLine } from '../src/policy/describe.ts';

/** Problems with input files: one line each — file, JSON pointer, what was expected. */
export interface InputError {
  file: string;
  pointer: string;
  message: string;
}

export const formatInputError = (e: InputError): string => oneLine(`${e.file}: ${e.pointer || '/'}: ${e.message}`);

/**
 * Runs `fn` for each element of an optional array; a bad element is one input error and the
 * others still load.
 */
export function forEachElement(errors: InputError[], file: string, list: unknown, pointer: string, fn: (item: unknown, at: string, index: number) => void): void {
  let items: unknown[];
  try {
    items = expectArray(list, pointer);
  } catch (err) {
    if (err instanceof InputProblem) return void errors.push({ file, pointer: err.pointer, message: err.detail });
    throw err;
  }
  items.forEach((item, i) => {
    try {
      fn(item, `${pointer}/${i}`, i);
    } catch (err) {
      if (!(err instanceof InputProblem)) throw err;
      errors.push({ file, pointer: err.pointer, message: err.detail });
    }
  });
}

/** Thrown by readers for a problem that makes the element (or the file) unusable. */
export class InputProblem extends Error {
  constructor(readonly pointer: string, readonly detail: string) {
    super(`${pointer}: ${detail}`);
  }
}

export { describeValue };

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function expectString(v: unknown, pointer: string): string {
  if (typeof v !== 'string' || v === '') throw new InputProblem(pointer, `expected a string, got ${describeValue(v)}`);
  return v;
}

/** An IAM ARN of the given kind; its account is read from it. */
export function expectIamArn(v: unknown, kind: IamArnKind, pointer: string): string {
  const arn = expectString(v, pointer);
  if (!isIamArn(arn, kind)) throw new InputProblem(pointer, `expected an IAM ${kind} ARN (arn:aws:iam::ACCOUNT:${kind}/PATH/NAME), got ${describeValue(arn)}`);
  return arn;
}

export function expectArn(v: unknown, pointer: string): string {
  const arn = expectString(v, pointer);
  if (!isArn(arn)) throw new InputProblem(pointer, `expected an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE), got ${describeValue(arn)}`);
  return arn;
}

export function expectAccountId(v: unknown, pointer: string): string {
  if (typeof v !== 'string' || !isAccountId(v)) throw new InputProblem(pointer, `expected a 12-digit account id, got ${describeValue(v)}`);
  return v;
}

export function expectArray(v: unknown, pointer: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new InputProblem(pointer, `expected an array, got ${describeValue(v)}`);
  return v;
}

export function expectRecord(v: unknown, pointer: string): Record<string, unknown> {
  if (!isRecord(v)) throw new InputProblem(pointer, `expected an object, got ${describeValue(v)}`);
  return v;
}
