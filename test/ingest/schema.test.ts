/** The account model's JSON Schema (for editors) agrees with the examples and rejects mistakes. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(read('../../schema/account-model.schema.json')));

describe('schema/account-model.schema.json', () => {
  it.each(['company.yaml', 'cross-account/dev.yaml', 'cross-account/prod.yaml', 'cross-account/organization.yaml', 'invalid/group-principal.yaml'])('examples/%s validates', (file) => {
    const ok = validate(parse(read(`../../examples/${file}`)));
    expect(ok, JSON.stringify(validate.errors)).toBe(true);
  });
  it('test fixture equivalent.yaml validates', () => expect(validate(parse(read('../fixtures/ingest/equivalent.yaml')))).toBe(true));
  it('rejects an unquoted account id, a role without trust and unknown fields', () => {
    expect(validate({ accounts: [{ id: 111122223333 }] })).toBe(false);
    expect(validate({ accounts: [{ id: '111122223333', roles: [{ name: 'x' }] }] })).toBe(false);
    expect(validate({ accounts: [{ id: '111122223333', users: [{ name: 'x', group: ['a'] }] }] })).toBe(false);
  });
});
