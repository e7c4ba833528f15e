/**
 * The base condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 * Each compiles one policy value into a test of one request value. Negated operators are listed
 * with the positive test they negate: the caller applies NOR across policy values.
 */
import { quoteText } from '../describe.ts';
import { PolicyError } from '../types.ts';
import { compileGlob, type Piece } from '../wildcard.ts';
import { parseDate } from './date.ts';
import { compileArnPattern } from './arn.ts';
import { cidrContains, parseCidr } from './ip.ts';

export type ValueTest = (requestValue: string) => boolean;

export interface BaseOperator {
  /** The positive operator this one negates, if it is a negated one. */
  negated: boolean;
  /** Whether `${…}` policy variables are substituted in its values. */
  variables: boolean;
  /** Compiles a policy value (after variable substitution, as pieces). Throws PolicyError when invalid. */
  compile(pieces: readonly Piece[], pointer: string): ValueTest;
}

const text = (pieces: readonly Piece[]): string => pieces.map((p) => p.text).join('');

const stringEquals: BaseOperator['compile'] = (pieces) => {
  const expected = text(pieces);
  return (v) => v === expected;
};
const stringEqualsIgnoreCase: BaseOperator['compile'] = (pieces) => {
  const expected = text(pieces).toLowerCase();
  return (v) => v.toLowerCase() === expected;
};
const stringLike: BaseOperator['compile'] = (pieces) => compileGlob(pieces, false);

/** Decimal numbers only: `Number()` would also accept hex, binary, "Infinity" and blanks. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const parseNumber = (raw: string): number | undefined => {
  const trimmed = raw.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined;
};

function numeric(compare: (a: number, b: number) => boolean): BaseOperator['compile'] {
  return (pieces, pointer) => {
    const raw = text(pieces);
    const expected = parseNumber(raw);
    if (expected === undefined) throw new PolicyError(pointer, `expected a number, got ${quoteText(raw)}`);
    return (v) => {
      const actual = parseNumber(v);
      return actual !== undefined && compare(actual, expected);
    };
  };
}

function date(compare: (a: number, b: number) => boolean): BaseOperator['compile'] {
  return (pieces, pointer) => {
    const expected = parseDate(text(pieces));
    if (expected === undefined) throw new PolicyError(pointer, `expected an ISO 8601 date or epoch seconds, got ${quoteText(text(pieces))}`);
    return (v) => {
      const actual = parseDate(v);
      return actual !== undefined && compare(actual, expected);
    };
  };
}

const bool: BaseOperator['compile'] = (pieces, pointer) => {
  const expected = text(pieces).toLowerCase();
  if (expected !== 'true' && expected !== 'false') throw new PolicyError(pointer, `expected "true" or "false", got ${quoteText(text(pieces))}`);
  return (v) => v.toLowerCase() === expected;
};

/** Base-64 text → its bytes in canonical base-64, so that padding and line breaks do not matter. */
const BASE64_BODY = /^[A-Za-z0-9+/\s]*$/;
/** Base-64 characters and white space, then at most two `=` and white space; checked in linear time (one regex with a trailing `\s*` after a class holding `\s` is quadratic on a run of blanks). */
function isBase64(raw: string): boolean {
  let body = raw.trimEnd();
  for (let pad = 0; pad < 2 && body.endsWith('='); pad++) body = body.slice(0, -1);
  return BASE64_BODY.test(body);
}
const canonicalBase64 = (raw: string): string | undefined => (isBase64(raw) ? Buffer.from(raw, 'base64').toString('base64') : undefined);

const binary: BaseOperator['compile'] = (pieces, pointer) => {
  const expected = canonicalBase64(text(pieces));
  if (expected === undefined) throw new PolicyError(pointer, `expected a base-64 value, got ${quoteText(text(pieces))}`);
  return (v) => canonicalBase64(v) === expected;
};

const ipAddress: BaseOperator['compile'] = (pieces, pointer) => {
  const cidr = parseCidr(text(pieces));
  if (!cidr) throw new PolicyError(pointer, `expected an IPv4 or IPv6 address or CIDR block, got ${quoteText(text(pieces))}`);
  return (v) => cidrContains(cidr, v);
};

const arnLike: BaseOperator['compile'] = (pieces) => compileArnPattern(pieces);

const op = (compile: BaseOperator['compile'], negated = false, variables = false): BaseOperator => ({ compile, negated, variables });

/** Keyed by lower-cased operator name. */
export const BASE_OPERATORS: ReadonlyMap<string, BaseOperator> = new Map(
  Object.entries({
    StringEquals: op(stringEquals, false, true),
    StringNotEquals: op(stringEquals, true, true),
    StringEqualsIgnoreCase: op(stringEqualsIgnoreCase, false, true),
    StringNotEqualsIgnoreCase: op(stringEqualsIgnoreCase, true, true),
    StringLike: op(stringLike, false, true),
    StringNotLike: op(stringLike, true, true),
    NumericEquals: op(numeric((a, b) => a === b)),
    NumericNotEquals: op(numeric((a, b) => a === b), true),
    NumericLessThan: op(numeric((a, b) => a < b)),
    NumericLessThanEquals: op(numeric((a, b) => a <= b)),
    NumericGreaterThan: op(numeric((a, b) => a > b)),
    NumericGreaterThanEquals: op(numeric((a, b) => a >= b)),
    DateEquals: op(date((a, b) => a === b)),
    DateNotEquals: op(date((a, b) => a === b), true),
    DateLessThan: op(date((a, b) => a < b)),
    DateLessThanEquals: op(date((a, b) => a <= b)),
    DateGreaterThan: op(date((a, b) => a > b)),
    DateGreaterThanEquals: op(date((a, b) => a >= b)),
    Bool: op(bool, false, true),
    BinaryEquals: op(binary),
    IpAddress: op(ipAddress),
    NotIpAddress: op(ipAddress, true),
    ArnEquals: op(arnLike, false, true),
    ArnLike: op(arnLike, false, true),
    ArnNotEquals: op(arnLike, true, true),
    ArnNotLike: op(arnLike, true, true),
  }).map(([name, operator]) => [name.toLowerCase(), operator]),
);
