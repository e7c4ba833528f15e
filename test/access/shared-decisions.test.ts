/**
 * Decisions shared by principals alike (src/access/decision-class.ts): one evaluation serves every
 * principal whose statements matching the action are the same, unless a statement reads the
 * principal, and never when a resource-based policy (which names principals) takes part.
 * Policy variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 * Principal keys (aws:PrincipalTag, aws:PrincipalArn, aws:username):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * Resource-based policies: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { decideAccess, DEFAULT_ANALYSIS_OPTIONS, profileOf } from '../../src/access/index.ts';
import type { AccountModel } from '../../src/model/index.ts';

const A = '111122223333';
const u = (n: string) => `arn:aws:iam::${A}:user/${n}`;
let model: AccountModel;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-shared-'));
  writeFileSync(join(dir, 'm.yaml'), `accounts:
  - id: "${A}"
    policies:
      - name: Read
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::shared/*" }] }
      - name: Home
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::home/\${aws:username}/*" }] }
      - name: RedTeam
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": red } } }] }
      - name: NoS3
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "sqs:*", Resource: "*" }] }
    users:
      - { name: alice, policies: [Read, Home, RedTeam], tags: { team: red } }
      - { name: bob, policies: [Read, Home, RedTeam], tags: { team: blue } }
      - { name: carol, policies: [Read], boundary: NoS3 }
      - { name: dave, policies: [Read] }
      - { name: erin, policies: [Read] }
    resources:
      - arn: arn:aws:s3:::named
        policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:user/alice" }, Action: s3:ListBucket, Resource: "arn:aws:s3:::named" }] }
`);
  model = (await loadInputs([dir])).model;
});

const decide = (user: string, action: string, resource: string) =>
  decideAccess(model, profileOf(model, u(user), DEFAULT_ANALYSIS_OPTIONS), { action, resource });

describe('decisions shared by principals alike', () => {
  it('principals whose matching statements are the same get one decision object', () => {
    const d = decide('dave', 's3:GetObject', 'arn:aws:s3:::shared/x');
    expect(d.decision).toBe('allowed');
    expect(decide('erin', 's3:GetObject', 'arn:aws:s3:::shared/x')).toBe(d);
    expect(decide('erin', 's3:GetObject', 'arn:aws:s3:::shared/z')).not.toBe(d);
    // alice's Home also matches s3:GetObject and names \${aws:username}: hers alone, though bob holds the same.
    const a = decide('alice', 's3:GetObject', 'arn:aws:s3:::shared/x');
    expect(a.decision).toBe('allowed');
    expect(decide('bob', 's3:GetObject', 'arn:aws:s3:::shared/x')).not.toBe(a);
  });
  it('a policy variable in a matching statement makes the decision the principal\'s own', () => {
    expect(decide('alice', 's3:GetObject', 'arn:aws:s3:::home/alice/f').decision).toBe('allowed');
    expect(decide('bob', 's3:GetObject', 'arn:aws:s3:::home/alice/f').decision).toBe('implicitDeny');
    expect(decide('bob', 's3:GetObject', 'arn:aws:s3:::home/bob/f').decision).toBe('allowed');
  });
  it('a condition on the principal\'s tag is decided per principal', () => {
    expect(decide('alice', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:q').decision).toBe('allowed');
    expect(decide('bob', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:q').decision).toBe('implicitDeny');
  });
  it('a different boundary is a different class', () => {
    expect(decide('dave', 's3:GetObject', 'arn:aws:s3:::shared/y').decision).toBe('allowed');
    expect(decide('carol', 's3:GetObject', 'arn:aws:s3:::shared/y').decision).toBe('implicitDeny');
  });
  it('a resource-based policy naming one principal is never shared', () => {
    expect(decide('dave', 's3:ListBucket', 'arn:aws:s3:::named').decision).toBe('implicitDeny');
    expect(decide('alice', 's3:ListBucket', 'arn:aws:s3:::named').decision).toBe('allowed');
    expect(decide('bob', 's3:ListBucket', 'arn:aws:s3:::named').decision).toBe('implicitDeny');
    expect(decide('erin', 's3:ListBucket', 'arn:aws:s3:::named')).not.toBe(decide('dave', 's3:ListBucket', 'arn:aws:s3:::named'));
  });
});
