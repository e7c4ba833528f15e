/**
 * Who is admin, and how: its own policies or a group's. Admin users without MFA (from the
 * credential report facts on `User.credentials`).
 */
import type { Evidence } from '../../graph/types.ts';
import { ADMIN_NODE } from '../../graph/types.ts';
import type { AccountModel } from '../../model/types.ts';
import { shortName } from '../../analysis/text.ts';
import type { RawFinding, Rule, RuleInput } from '../types.ts';

export interface AdminGrant {
  principal: string;
  evidence: Evidence[];
  /** Groups whose policies grant it (empty: the principal's own policies). */
  viaGroups: string[];
  conditional: boolean;
}

function groupsGranting(model: AccountModel, principal: string, evidence: readonly Evidence[]): string[] {
  const user = model.users[principal];
  if (!user) return [];
  const own = new Set([...user.managedPolicies, ...user.inlinePolicies]);
  const policies = new Set(evidence.filter((e) => e.policyType === 'identity').map((e) => e.policy));
  if ([...policies].some((p) => own.has(p))) return [];
  return user.groups.filter((g) => {
    const group = model.groups[g];
    return group !== undefined && [...group.managedPolicies, ...group.inlinePolicies].some((p) => policies.has(p));
  }).sort();
}

export function adminGrants({ model, graph, privesc }: RuleInput): AdminGrant[] {
  return privesc.admins.map((principal) => {
    const key = `${principal}->${ADMIN_NODE}:is-admin`;
    const edge = graph.hasEdge(key) ? graph.getEdgeAttributes(key) : undefined;
    const evidence = edge?.evidence ?? [];
    return { principal, evidence, viaGroups: groupsGranting(model, principal, evidence), conditional: edge?.conditional ?? false };
  });
}

export const adminPrincipal: Rule = {
  info: {
    id: 'admin-principal',
    severity: 'info',
    title: 'Administrator',
    description: 'A user or role that is effectively allowed every action on every resource (after boundaries, SCPs and denies). Inventory: each should be expected.',
    remediation: 'Keep standing administrators few; prefer roles assumed on demand with MFA over users, and grant admin through one reviewed group or permission set.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  run(input) {
    return adminGrants(input).map(({ principal, evidence, viaGroups, conditional }): RawFinding => ({
      severity: 'info',
      subject: principal,
      title: `${shortName(principal)} is admin${viaGroups.length ? ` via group ${viaGroups.map(shortName).join(', ')}` : ''}`,
      message: `${principal} is an administrator ${viaGroups.length ? `through group ${viaGroups.join(', ')}` : 'through its own policies'}${conditional ? ', under conditions' : ''}.`,
      evidence,
      facts: { via: viaGroups.length ? 'group' : 'direct', groups: viaGroups, conditional },
    }));
  },
};

export const adminWithoutMfa: Rule = {
  info: {
    id: 'admin-without-mfa',
    severity: 'high',
    title: 'Administrator user without MFA',
    description: 'The credential report says an administrator user has no MFA device. A stolen password (or key, where policies do not require MFA) gives full control.',
    remediation: 'Enable MFA for the user, or remove its standing admin rights and have it assume an admin role that requires aws:MultiFactorAuthPresent.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#enable-mfa-for-privileged-users', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html'],
  },
  run(input) {
    const out: RawFinding[] = [];
    for (const { principal, evidence, viaGroups } of adminGrants(input)) {
      const credentials = input.model.users[principal]?.credentials;
      if (!credentials || credentials.mfaActive) continue;
      const activeKeys = credentials.accessKeys.filter((k) => k.active).length;
      if (!credentials.passwordEnabled && activeKeys === 0) continue;
      out.push({
        severity: credentials.passwordEnabled ? 'high' : 'medium',
        subject: principal,
        title: `admin ${shortName(principal)} has no MFA`,
        message: `${principal} is an administrator${viaGroups.length ? ` (via ${viaGroups.join(', ')})` : ''} without MFA: ${credentials.passwordEnabled ? 'console password enabled' : 'no console password'}, ${activeKeys} active access key${activeKeys === 1 ? '' : 's'}.`,
        evidence,
        facts: { passwordEnabled: credentials.passwordEnabled, activeAccessKeys: activeKeys },
      });
    }
    return out;
  },
};
