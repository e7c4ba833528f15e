/**
 * Instance-profile rewiring: an EC2 instance's credentials are those of the role in its instance
 * profile. IAM API Reference: CreateInstanceProfile, AddRoleToInstanceProfile ("The caller of this
 * operation must be granted the PassRole permission on the IAM role"), RemoveRoleFromInstanceProfile;
 * EC2 API Reference: AssociateIamInstanceProfile, ReplaceIamInstanceProfileAssociation; IAM User
 * Guide, "Using an IAM role to grant permissions to applications running on Amazon EC2 instances"
 * (launching with a profile needs iam:PassRole on its role).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/access/options.ts';
import { findPaths } from '../../../src/analysis/index.ts';
import { ADMINISTRATOR_ACCESS, allow, loadGaad, roleArn, trustService, userArn, type Statement } from './gaad.ts';

const ME = userArn('attacker');
const TARGET = roleArn('ec2-admin');
const PROFILES = 'arn:aws:iam::111122223333:instance-profile/*';
const pass = (role = TARGET): Statement => allow('iam:PassRole', role, { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } });

async function hopsTo(statements: Statement[], { profile = false, trusts = 'ec2.amazonaws.com' } = {}) {
  const { model, graph } = await loadGaad({
    users: [{ name: 'attacker', inline: { attack: statements } }],
    roles: [{ name: 'ec2-admin', trust: trustService(trusts), managed: [ADMINISTRATOR_ACCESS], instanceProfile: profile }],
  });
  return findPaths(graph, model, ME, 'admin', DEFAULT_ANALYSIS_OPTIONS).paths.filter((p) => p.hops[0].to === TARGET).map((p) => ({ technique: p.hops[0].kind, verdict: p.verdict }));
}
const uses = (found: Array<{ technique: string }>, id: string) => found.filter((f) => f.technique === id);

describe('a new instance profile for a role that has none', () => {
  const create = [allow(['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'], PROFILES), pass(), allow('ec2:RunInstances')];
  it('create a profile, add the role, launch an instance with it → the role, unconditionally', async () => {
    expect(uses(await hopsTo(create), 'pass-role-ec2-new-instance-profile')).toEqual([{ technique: 'pass-role-ec2-new-instance-profile', verdict: 'reachable' }]);
  });
  it('trap: without iam:AddRoleToInstanceProfile → no path (and pass-role-ec2 needs a profile the role is not in)', async () => {
    expect(await hopsTo([allow('iam:CreateInstanceProfile', PROFILES), pass(), allow('ec2:RunInstances')])).toEqual([]);
  });
  it('trap: the role does not trust EC2 → no path', async () => {
    expect(await hopsTo(create, { trusts: 'lambda.amazonaws.com' })).toEqual([]);
  });
});

describe('an instance profile on an instance one runs code on', () => {
  it('ec2:AssociateIamInstanceProfile + PassRole → the role, conditional on such an instance', async () => {
    const found = uses(await hopsTo([allow('ec2:AssociateIamInstanceProfile'), pass()], { profile: true }), 'ec2-associate-instance-profile');
    expect(found).toEqual([{ technique: 'ec2-associate-instance-profile', verdict: 'conditional' }]);
  });
  it('trap: PassRole scoped to another role → no path', async () => {
    expect(await hopsTo([allow('ec2:ReplaceIamInstanceProfileAssociation'), pass(roleArn('other'))], { profile: true })).toEqual([]);
  });
  it('swapping the role into the profile the instance uses (Remove + Add + PassRole) → conditional path', async () => {
    const found = uses(await hopsTo([allow(['iam:RemoveRoleFromInstanceProfile', 'iam:AddRoleToInstanceProfile'], PROFILES), pass()]), 'ec2-rewire-instance-profile');
    expect(found).toEqual([{ technique: 'ec2-rewire-instance-profile', verdict: 'conditional' }]);
  });
  it('trap: without iam:RemoveRoleFromInstanceProfile (a profile holds one role) → no path', async () => {
    expect(await hopsTo([allow('iam:AddRoleToInstanceProfile', PROFILES), pass()])).toEqual([]);
  });
});
