/**
 * iam:CreateAccessKey fails when the user already holds two keys ("IAM and AWS STS quotas": access
 * keys assigned to an IAM user, 2); pathfinding.cloud iam-003 deletes one first
 * (iam:DeleteAccessKey + iam:CreateAccessKey). The credential report says how many keys a user has
 * (`access_key_N_active`, `access_key_N_last_rotated`: `N/A` when the slot is empty).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../../ingest/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { findPaths } from '../../../src/analysis/index.ts';
import { buildGraph } from '../../../src/graph/index.ts';
import { ADMINISTRATOR_ACCESS, allow, userArn, writeGaad } from './gaad.ts';

const HEADER = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const KEY = (active: boolean) => `${active},2026-01-05T10:00:00+00:00,2026-11-30T09:00:00+00:00,us-east-1,s3`;
const NO_KEY = 'false,N/A,N/A,N/A,N/A';
const row = (name: string, keys: string[]) => [name, userArn(name), '2025-01-01T00:00:00+00:00', 'false', 'N/A', 'N/A', 'N/A', 'false', ...keys, 'false', 'N/A', 'false', 'N/A'].join(',');

async function pathsWith(actions: string[], victimKeys: string[] | undefined) {
  const gaad = writeGaad({ users: [{ name: 'attacker', inline: { keys: [allow(actions, userArn('victim'))] } }, { name: 'victim', managed: [ADMINISTRATOR_ACCESS] }] });
  const inputs = [gaad];
  if (victimKeys) {
    const report = join(dirname(gaad), 'credential-report.csv');
    writeFileSync(report, `${HEADER}\n${row('attacker', [NO_KEY, NO_KEY].join(',').split(','))}\n${row('victim', victimKeys.join(',').split(','))}\n`);
    inputs.push(report);
  }
  const { model, errors } = await loadInputs(inputs);
  expect(errors).toEqual([]);
  return findPaths(buildGraph(model), model, userArn('attacker'), 'admin', DEFAULT_ANALYSIS_OPTIONS).paths.filter((p) => p.hops[0].kind === 'iam-create-access-key');
}

describe('iam:CreateAccessKey and the two-key quota', () => {
  it('one free slot: CreateAccessKey alone reaches the user', async () => {
    const [p] = await pathsWith(['iam:CreateAccessKey'], [KEY(true), NO_KEY]);
    expect(p.verdict).toBe('reachable');
    expect(p.hops[0].evidence.length).toBeGreaterThan(0);
  });
  it('trap: the user holds two keys (one inactive still counts) → CreateAccessKey alone is no path', async () => {
    expect(await pathsWith(['iam:CreateAccessKey'], [KEY(true), KEY(false)])).toEqual([]);
  });
  it('two keys and iam:DeleteAccessKey too: delete one, then create (iam-003)', async () => {
    const paths = await pathsWith(['iam:CreateAccessKey', 'iam:DeleteAccessKey'], [KEY(true), KEY(true)]);
    expect(paths).toHaveLength(1);
    expect(paths[0].verdict).toBe('reachable');
  });
  it('without a credential report the slot is assumed free (the quota cannot be checked)', async () => {
    expect(await pathsWith(['iam:CreateAccessKey'], undefined)).toHaveLength(1);
  });
});
