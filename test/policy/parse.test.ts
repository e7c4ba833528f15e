/**
 * Policy grammar and validation.
 * IAM JSON policy grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * IAM JSON policy elements reference: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError } from '../../src/policy/index.ts';

const doc = { Version: '2012-10-17', Statement: [{ Sid: 'S3Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };

const errorOf = (input: unknown): string => {
  try {
    parsePolicy(input);
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError);
    return (err as Error).message;
  }
  throw new Error('expected a PolicyError');
};

describe('documents arrive as objects, JSON strings or URL-encoded JSON (GetAccountAuthorizationDetails returns URL-encoded documents)', () => {
  it('accepts an object', () => expect(parsePolicy(doc).statements[0].sid).toBe('S3Read'));
  it('accepts a JSON string', () => expect(parsePolicy(JSON.stringify(doc)).statements).toHaveLength(1));
  it('accepts a URL-encoded JSON string (the raw IAM API form)', () => {
    const encoded = encodeURIComponent(JSON.stringify(doc));
    expect(encoded.startsWith('%7B')).toBe(true);
    expect(parsePolicy(encoded).statements[0].action).toEqual(['s3:GetObject']);
  });
  it('rejects invalid JSON in one line', () => expect(errorOf('{"Version": ')).toMatch(/^\/: expected a JSON policy document, got invalid JSON/));
});

describe('Version element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html)', () => {
  it.each(['2012-10-17', '2008-10-17'])('accepts %s', (v) => expect(parsePolicy({ ...doc, Version: v }).version).toBe(v));
  it('accepts an absent Version', () => expect(parsePolicy({ Statement: doc.Statement }).version).toBeUndefined());
  it('rejects any other Version (the seed blog wrote a date)', () => {
    expect(errorOf({ ...doc, Version: '2025-05-19' })).toBe('/Version: expected "2012-10-17" or "2008-10-17", got "2025-05-19"');
  });
});

describe('Statement and Effect', () => {
  it('Statement may be a single object', () => {
    const parsed = parsePolicy({ Version: '2012-10-17', Statement: doc.Statement[0] });
    expect(parsed.statements[0].pointer).toBe('/Statement');
  });
  it('names the JSON pointer and what was expected', () => {
    const bad = { Version: '2012-10-17', Statement: [doc.Statement[0], { Effect: 'allow', Action: 's3:*', Resource: '*' }] };
    expect(errorOf(bad)).toBe('/Statement/1/Effect: expected "Allow" or "Deny", got "allow"');
  });
  it('rejects a missing Statement', () => expect(errorOf({ Version: '2012-10-17' })).toMatch(/^\/Statement: expected/));
  it('rejects unknown top-level and statement elements', () => {
    expect(errorOf({ ...doc, Statment: [] })).toMatch(/^\/Statment: expected Version, Id or Statement/);
    expect(errorOf({ Statement: [{ Effect: 'Allow', Action: '*', Resources: '*' }] })).toMatch(/^\/Statement\/0\/Resources: expected a statement element/);
  });
  it('rejects Action together with NotAction, and neither', () => {
    expect(errorOf({ Statement: [{ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' }] })).toBe('/Statement/0/NotAction: expected either Action or NotAction, got both');
    expect(errorOf({ Statement: [{ Effect: 'Allow', Resource: '*' }] })).toBe('/Statement/0: expected an Action or NotAction element, got neither');
  });
  it('rejects malformed action names and wrong types', () => {
    expect(errorOf({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3 GetObject'], Resource: '*' }] })).toBe('/Statement/0/Action/1: expected "service:action" or "*", got "s3 GetObject"');
    expect(errorOf({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 5 }] })).toBe('/Statement/0/Resource: expected a resource ARN or "*", got 5');
  });
});

describe('Principal element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)', () => {
  const trust = (principal: unknown) => parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal }] }).statements[0].principal;
  it('"*" stays "*"', () => expect(trust('*')).toBe('*'));
  it('strings become arrays, per principal type', () => {
    expect(trust({ AWS: '123456789012', Service: ['ec2.amazonaws.com'] })).toEqual({ AWS: ['123456789012'], Service: ['ec2.amazonaws.com'] });
    expect(trust({ Federated: 'arn:aws:iam::123456789012:saml-provider/okta', CanonicalUser: 'abc' })).toEqual({ Federated: ['arn:aws:iam::123456789012:saml-provider/okta'], CanonicalUser: ['abc'] });
  });
  it('rejects unknown principal types', () => expect(() => trust({ Group: 'x' })).toThrow('/Statement/0/Principal/Group: expected one of AWS, Service, Federated, CanonicalUser, got "Group"'));
});

describe('Condition element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html)', () => {
  it('normalizes values to strings (booleans and numbers are compared as text)', () => {
    const parsed = parsePolicy({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 's3:max-keys': [10, '20'] } } }] });
    expect(parsed.statements[0].condition).toEqual([
      { operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] },
      { operator: 'NumericLessThan', key: 's3:max-keys', values: ['10', '20'] },
    ]);
  });
  it('rejects objects as condition values', () => {
    expect(errorOf({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { k: { a: 1 } } } }] })).toBe('/Statement/0/Condition/StringEquals/k: expected a string, number or boolean condition value, got an object');
  });
});
