/** The synthetic benchmark organization is deterministic and loads through the real readers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { generateOrg, writeOrg } from '../../bench/generate.ts';

describe('bench generator', () => {
  it('the same seed gives byte-identical files; another seed does not', () => {
    expect(JSON.stringify(generateOrg(300, { seed: 7 }))).toBe(JSON.stringify(generateOrg(300, { seed: 7 })));
    expect(JSON.stringify(generateOrg(300, { seed: 8 }))).not.toBe(JSON.stringify(generateOrg(300, { seed: 7 })));
  });
  it('its output loads with no input errors, every principal present, all accounts in the organization', async () => {
    const org = generateOrg(600, { seed: 3 });
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-gen-'));
    writeOrg(dir, org);
    const { model, errors } = await loadInputs([dir]);
    expect(errors).toEqual([]);
    expect(Object.keys(model.users).length + Object.keys(model.roles).length).toBe(600);
    expect(model.warnings.map((w) => w.code)).not.toContain('no-scp-data');
  });
});
