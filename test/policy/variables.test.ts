/**
 * Policy variables (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/policy/variables.ts';
import { closed, open } from './helpers.ts';

const text = (raw: string, ctx = closed(), version: '2012-10-17' | '2008-10-17' | undefined = '2012-10-17') => {
  const r = compileTemplate(raw, version).resolve(ctx);
  return r.status === 'ok' ? r.pieces.map((p) => p.text).join('') : r.status;
};

describe('policy variables', () => {
  it('${aws:username} is replaced by the request value (documented home-folder example)', () => {
    expect(text('arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*', closed({ 'aws:username': 'alice' }))).toBe('arn:aws:s3:::amzn-s3-demo-bucket/home/alice/*');
  });
  it('tags and any request key work as variables; key names are case-insensitive', () => {
    expect(text('${aws:PrincipalTag/team}-${AWS:UserId}', closed({ 'aws:principaltag/team': 'red', 'aws:userid': 'AIDA1' }))).toBe('red-AIDA1');
  });
  it('a default value is used when the key is absent: ${aws:PrincipalTag/team, \'company-wide\'}', () => {
    expect(text("${aws:PrincipalTag/team, 'company-wide'}")).toBe('company-wide');
    expect(text("${aws:username, 'it''s'}")).toBe("it's");
  });
  it('${*}, ${?} and ${$} are literal characters', () => {
    const r = compileTemplate('a${*}b${?}c${$}', '2012-10-17').resolve(closed());
    expect(r).toEqual({ status: 'ok', pieces: [{ text: 'a', literal: false }, { text: '*', literal: true }, { text: 'b', literal: false }, { text: '?', literal: true }, { text: 'c', literal: false }, { text: '$', literal: true }] });
  });
  it('no substitution when Version is 2008-10-17 or absent: the text is literal', () => {
    expect(text('${aws:username}', closed({ 'aws:username': 'alice' }), '2008-10-17')).toBe('${aws:username}');
    expect(compileTemplate('${aws:username}', undefined).resolve(closed({ 'aws:username': 'alice' }))).toEqual({ status: 'ok', pieces: [{ text: '${aws:username}', literal: false }] });
  });
  it('a missing variable without default makes the element not match (status missing)', () => {
    expect(text('home/${aws:username}')).toBe('missing');
  });
  it('multivalued keys cannot be substituted', () => {
    expect(text('${aws:TagKeys}', closed({ 'aws:TagKeys': ['a', 'b'] }))).toBe('missing');
  });
  it('open mode: a key not fixed is unknown', () => {
    expect(text('home/${aws:username}', open())).toBe('unknown');
  });
});
