/** What was loaded, per account: the `iamgraph inputs` report. */
import type { AccountModel, ModelWarning } from './types.ts';

export interface AccountSummary {
  id: string;
  name?: string;
  external: boolean;
  users: number;
  groups: number;
  roles: number;
  policies: number;
  resources: number;
  orgPath?: string[];
}

export interface ModelSummary {
  inputs: string[];
  accounts: AccountSummary[];
  organization?: { id?: string; managementAccountId?: string; roots: number; ous: number; accounts: number; scps: number; rcps: number };
  identityCenter?: { users: number; groups: number; assignments: number };
  credentialReportUsers: number;
  missingPolicies: string[];
  warnings: ModelWarning[];
}

export function summarize(model: AccountModel): ModelSummary {
  const count = <T extends { accountId: string }>(items: Record<string, T>, id: string) => Object.values(items).filter((x) => x.accountId === id).length;
  const accounts = Object.values(model.accounts).map((a) => ({
    id: a.id,
    ...(a.name ? { name: a.name } : {}),
    external: a.external,
    users: count(model.users, a.id),
    groups: count(model.groups, a.id),
    roles: count(model.roles, a.id),
    policies: Object.keys(model.policies).filter((id) => id.includes(`::${a.id}:`) && model.policies[id].kind !== 'trust').length,
    resources: count(model.resources, a.id),
    ...(a.orgPath ? { orgPath: a.orgPath } : {}),
  }));
  const summary: ModelSummary = {
    inputs: model.inputs,
    accounts,
    credentialReportUsers: Object.values(model.users).filter((u) => u.credentials).length,
    missingPolicies: Object.values(model.policies).filter((p) => !p.policy && p.kind !== 'trust').map((p) => p.id),
    warnings: model.warnings,
  };
  if (model.organization) {
    const nodes = Object.values(model.organization.nodes);
    const policies = Object.values(model.policies);
    summary.organization = {
      ...(model.organization.id ? { id: model.organization.id } : {}),
      ...(model.organization.managementAccountId ? { managementAccountId: model.organization.managementAccountId } : {}),
      roots: nodes.filter((n) => n.kind === 'root').length,
      ous: nodes.filter((n) => n.kind === 'ou').length,
      accounts: nodes.filter((n) => n.kind === 'account').length,
      scps: policies.filter((p) => p.kind === 'scp').length,
      rcps: policies.filter((p) => p.kind === 'rcp').length,
    };
  }
  if (model.identityCenter) {
    summary.identityCenter = {
      users: model.identityCenter.principals.filter((p) => p.kind === 'idc-user').length,
      groups: model.identityCenter.principals.filter((p) => p.kind === 'idc-group').length,
      assignments: model.identityCenter.assignments.length,
    };
  }
  return summary;
}

/** The summary as lines of text. */
export function renderSummary(s: ModelSummary): string[] {
  const lines = [`loaded ${s.inputs.length} file(s)`, ''];
  lines.push('account        name                 users groups roles policies resources');
  for (const a of s.accounts) {
    const name = (a.name ?? (a.external ? '(external)' : '')).padEnd(20).slice(0, 20);
    lines.push(`${a.id}   ${name} ${String(a.users).padStart(5)} ${String(a.groups).padStart(6)} ${String(a.roles).padStart(5)} ${String(a.policies).padStart(8)} ${String(a.resources).padStart(9)}`);
  }
  if (s.organization) {
    const o = s.organization;
    lines.push('', `organization ${o.id ?? ''}: management account ${o.managementAccountId ?? 'unknown'}, ${o.roots} root, ${o.ous} OU(s), ${o.accounts} account(s), ${o.scps} SCP(s), ${o.rcps} RCP(s)`);
  }
  if (s.identityCenter) lines.push('', `Identity Center: ${s.identityCenter.users} user(s), ${s.identityCenter.groups} group(s), ${s.identityCenter.assignments} assignment(s)`);
  if (s.credentialReportUsers) lines.push('', `credential report: ${s.credentialReportUsers} user(s)`);
  if (s.warnings.length) {
    lines.push('', `warnings (${s.warnings.length}):`);
    for (const w of s.warnings) lines.push(`  [${w.code}] ${w.message}`);
  }
  return lines;
}
