/**
 * Parses and validates a policy document (IAM User Guide, "IAM JSON policy grammar",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 * Accepts an object, a JSON string, or the URL-encoded JSON string the IAM API returns.
 * Errors name the JSON pointer and what was expected, in one line.
 */
import {
  PolicyError,
  type ConditionClause,
  type Effect,
  type ParsedPolicy,
  type ParsedStatement,
  type PolicyVersion,
  type PrincipalBlock,
  type PrincipalKind,
} from './types.ts';
import { describeValue, MAX_NESTING_DEPTH, nestingMessage, tooDeepAt } from './describe.ts';

const POLICY_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
const PRINCIPAL_KINDS: readonly PrincipalKind[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const ACTION_PATTERN = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;

const describe = describeValue;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Escapes a key for use in a JSON pointer (RFC 6901). */
export const pointerPart = (key: string | number): string => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON text of a policy given as a string: as is, or URL-decoded (as IAM's API returns documents). */
export function documentText(input: string): string {
  const text = input.trim();
  if (!/^%7B/i.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new PolicyError('', 'expected a URL-encoded JSON document, got malformed percent-encoding');
  }
}

/** Decodes the three input forms into a plain value. */
export function decodeDocument(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const text = documentText(input);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PolicyError('', `expected a JSON policy document, got invalid JSON (${(err as Error).message})`);
  }
}

function stringList(value: unknown, pointer: string, what: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) throw new PolicyError(pointer, `expected ${what} or a non-empty array of them, got an empty array`);
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.length === 0) {
      throw new PolicyError(Array.isArray(value) ? `${pointer}/${i}` : pointer, `expected ${what}, got ${describe(item)}`);
    }
  });
  return list as string[];
}

function parseActions(value: unknown, pointer: string): string[] {
  const actions = stringList(value, pointer, 'an action string');
  actions.forEach((action, i) => {
    if (action !== '*' && !ACTION_PATTERN.test(action)) {
      throw new PolicyError(Array.isArray(value) ? `${pointer}/${i}` : pointer, `expected "service:action" or "*", got ${describe(action)}`);
    }
  });
  return actions;
}

function parsePrincipal(value: unknown, pointer: string): PrincipalBlock {
  if (value === '*') return '*';
  if (!isObject(value)) throw new PolicyError(pointer, `expected "*" or an object of AWS, Service, Federated, CanonicalUser, got ${describe(value)}`);
  const block: Partial<Record<PrincipalKind, string[]>> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!PRINCIPAL_KINDS.includes(key as PrincipalKind)) {
      throw new PolicyError(`${pointer}/${pointerPart(key)}`, `expected one of ${PRINCIPAL_KINDS.join(', ')}, got ${describe(key)}`);
    }
    block[key as PrincipalKind] = stringList(entry, `${pointer}/${pointerPart(key)}`, 'a principal string');
  }
  if (Object.keys(block).length === 0) throw new PolicyError(pointer, 'expected at least one principal type, got an empty object');
  return block;
}

function conditionValue(value: unknown, pointer: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw new PolicyError(pointer, `expected a string, number or boolean condition value, got ${describe(value)}`);
}

function parseCondition(value: unknown, pointer: string): ConditionClause[] {
  if (!isObject(value)) throw new PolicyError(pointer, `expected an object of condition operators, got ${describe(value)}`);
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const opPointer = `${pointer}/${pointerPart(operator)}`;
    if (!isObject(block)) throw new PolicyError(opPointer, `expected an object of condition keys, got ${describe(block)}`);
    for (const [key, raw] of Object.entries(block)) {
      const keyPointer = `${opPointer}/${pointerPart(key)}`;
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map((v, i) => conditionValue(v, Array.isArray(raw) ? `${keyPointer}/${i}` : keyPointer));
      clauses.push({ operator, key, values });
    }
  }
  return clauses;
}

function parseEffect(value: unknown, pointer: string): Effect {
  if (value === 'Allow' || value === 'Deny') return value;
  throw new PolicyError(pointer, `expected "Allow" or "Deny", got ${value === undefined ? 'nothing' : describe(value)}`);
}

function parseStatement(value: unknown, index: number, pointer: string): ParsedStatement {
  if (!isObject(value)) throw new PolicyError(pointer, `expected a statement object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!STATEMENT_KEYS.has(key)) throw new PolicyError(`${pointer}/${pointerPart(key)}`, `expected a statement element (${[...STATEMENT_KEYS].join(', ')}), got ${describe(key)}`);
  }
  const pairs: Array<[string, string]> = [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']];
  for (const [a, b] of pairs) {
    if (a in value && b in value) throw new PolicyError(`${pointer}/${b}`, `expected either ${a} or ${b}, got both`);
  }
  if (!('Action' in value) && !('NotAction' in value)) throw new PolicyError(pointer, 'expected an Action or NotAction element, got neither');
  if (value.Sid !== undefined && typeof value.Sid !== 'string') throw new PolicyError(`${pointer}/Sid`, `expected a string, got ${describe(value.Sid)}`);
  const statement: ParsedStatement = {
    index,
    pointer,
    effect: parseEffect(value.Effect, `${pointer}/Effect`),
    condition: value.Condition === undefined ? [] : parseCondition(value.Condition, `${pointer}/Condition`),
  };
  if (typeof value.Sid === 'string') statement.sid = value.Sid;
  if (value.Action !== undefined) statement.action = parseActions(value.Action, `${pointer}/Action`);
  if (value.NotAction !== undefined) statement.notAction = parseActions(value.NotAction, `${pointer}/NotAction`);
  if (value.Resource !== undefined) statement.resource = stringList(value.Resource, `${pointer}/Resource`, 'a resource ARN or "*"');
  if (value.NotResource !== undefined) statement.notResource = stringList(value.NotResource, `${pointer}/NotResource`, 'a resource ARN or "*"');
  if (value.Principal !== undefined) statement.principal = parsePrincipal(value.Principal, `${pointer}/Principal`);
  if (value.NotPrincipal !== undefined) statement.notPrincipal = parsePrincipal(value.NotPrincipal, `${pointer}/NotPrincipal`);
  return statement;
}

function parseVersion(value: unknown): PolicyVersion {
  if (value === undefined) return undefined;
  if (value === '2012-10-17' || value === '2008-10-17') return value;
  throw new PolicyError('/Version', `expected "2012-10-17" or "2008-10-17", got ${describe(value)}`);
}

/** Parses a policy document. Already-parsed policies pass through. */
export function parsePolicy(input: unknown): ParsedPolicy {
  if (isParsedPolicy(input)) return input;
  const raw = decodeDocument(input);
  const deep = tooDeepAt(raw, MAX_NESTING_DEPTH);
  if (deep !== undefined) throw new PolicyError(deep, nestingMessage());
  if (!isObject(raw)) throw new PolicyError('', `expected a policy document object, got ${describe(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!POLICY_KEYS.has(key)) throw new PolicyError(`/${pointerPart(key)}`, `expected Version, Id or Statement, got ${describe(key)}`);
  }
  const version = parseVersion(raw.Version);
  if (raw.Id !== undefined && typeof raw.Id !== 'string') throw new PolicyError('/Id', `expected a string, got ${describe(raw.Id)}`);
  if (raw.Statement === undefined) throw new PolicyError('/Statement', 'expected a statement or an array of statements, got nothing');
  const list = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  const statements = list.map((s, i) => parseStatement(s, i, Array.isArray(raw.Statement) ? `/Statement/${i}` : '/Statement'));
  const parsed: ParsedPolicy = { version, statements, raw };
  if (typeof raw.Id === 'string') parsed.id = raw.Id;
  return parsed;
}

function isParsedPolicy(input: unknown): input is ParsedPolicy {
  return isObject(input) && Array.isArray((input as { statements?: unknown }).statements) && 'raw' in input;
}
