/**
 * Actions named on the command line are checked against the AWS action catalog: unknown names
 * are errors with the closest known names, wildcards that match nothing are warnings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actionCatalog, checkActionName, loadActionCatalog } from '../../src/policy/index.ts';
import { editDistance } from '../../src/policy/action-name.ts';

beforeAll(() => loadActionCatalog());
const check = (action: string) => checkActionName(action, actionCatalog());

describe('action names from the user', () => {
  it.each(['ec2:RunInstances', 'EC2:runinstances', 's3:GetObject', '*', 's3:*', 'iam:*PolicyVersion', '*:Get*', 's?:GetObject'])('%s is known', (action) => {
    expect(check(action)).toEqual({ kind: 'ok' });
  });
  it('a missing letter is an error naming the real action of the same service', () => {
    expect(check('ec2:RunInstance')).toEqual({ kind: 'error', message: 'unknown action ec2:RunInstance (did you mean ec2:RunInstances?)', suggestions: ['ec2:RunInstances'] });
    expect(check('s3:GetObjects')).toMatchObject({ kind: 'error', suggestions: ['s3:GetObject'] });
  });
  it('suggestions ignore case and catch swapped letters', () => {
    expect(check('S3:GETOBJECTS')).toMatchObject({ kind: 'error', suggestions: ['s3:GetObject'] });
    expect(check('iam:PsasRole')).toMatchObject({ kind: 'error', suggestions: ['iam:PassRole'] });
  });
  it('a name that is in another service only is suggested from there', () => {
    expect(check('sts:PassRole')).toMatchObject({ kind: 'error', suggestions: expect.arrayContaining(['iam:PassRole']) });
  });
  it('an action without a colon is an error', () => {
    expect(check('s3GetObject')).toEqual({ kind: 'error', message: 'unknown action s3GetObject: expected service:Action (did you mean s3:GetObject?)', suggestions: ['s3:GetObject'] });
    expect(check('GetObject*')).toMatchObject({ kind: 'error', suggestions: [] });
  });
  it('an unknown service is an error with the closest service prefixes', () => {
    expect(check('s4:GetObject')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^unknown service prefix s4 in s4:GetObject \(did you mean .*s3:GetObject/) });
    expect(check('ec3:RunInstances')).toMatchObject({ kind: 'error', suggestions: expect.arrayContaining(['ec2:RunInstances']) });
  });
  it('a name far from every action has no did-you-mean', () => {
    expect(check('s3:Zzzzzzzzzzzzzzzzzzzzzzzzzzz')).toEqual({ kind: 'error', message: 'unknown action s3:Zzzzzzzzzzzzzzzzzzzzzzzzzzz', suggestions: [] });
  });
  it('a wildcard that matches no known action is a warning, not an error', () => {
    expect(check('s3:Frobnicate*')).toEqual({ kind: 'warning', message: 's3:Frobnicate* matches no known action' });
    expect(check('zz*:GetObject')).toEqual({ kind: 'warning', message: 'zz*:GetObject matches no known action' });
  });
  it('a small catalog passed in is all that is consulted', () => {
    const tiny = new Map([['svc', ['DoThing', 'DoOther']]]);
    expect(checkActionName('svc:DoThng', tiny)).toMatchObject({ kind: 'error', suggestions: ['svc:DoThing'] });
    expect(checkActionName('s3:GetObject', tiny)).toMatchObject({ kind: 'error', message: expect.stringMatching(/^unknown service prefix s3/) });
  });
});

describe('edit distance', () => {
  it.each([['kitten', 'sitting', 3], ['abc', 'abc', 0], ['ab', 'ba', 1], ['', 'abc', 3], ['passrole', 'psasrole', 1]] as const)('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 10)).toBe(d);
  });
  it('stops above the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
