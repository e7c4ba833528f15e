import { describeValue, oneLine } from '../src/policy/describe.ts';

/** Problems with input files: one line each — file, JSON pointer, what was expected. */
export interface InputError {
  file: string;
  pointer: string;
  message: string;
}

export const formatInputError = (e: InputError): string => oneLine(`${e.file}: ${e.pointer || '/'}: ${e.message}`);

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

export function expectArray(v: unknown, pointer: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new InputProblem(pointer, `expected an array, got ${describeValue(v)}`);
  return v;
}

export function expectRecord(v: unknown, pointer: string): Record<string, unknown> {
  if (!isRecord(v)) throw new InputProblem(pointer, `expected an object, got ${describeValue(v)}`);
  return v;
}
