/** Parsing option values, the same way for every command. */
import { UserError } from './errors.ts';

/** Commander's accumulator for a repeatable option. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** An integer option within [min, max]; a usage error naming the option otherwise. */
export function integerOption(value: string, name: string, range: { min?: number; max?: number } = {}): number {
  const { min = 1, max } = range;
  const n = Number(value);
  if (Number.isInteger(n) && n >= min && (max === undefined || n <= max)) return n;
  const expected = max !== undefined ? `an integer from ${min} to ${max}` : `an integer ≥ ${min}`;
  throw new UserError(`${name}: expected ${expected}, got "${value}"`);
}
