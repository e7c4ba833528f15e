/** What was loaded, per account: the `iamgraph inputs` report. */
import { COMPUTE_KINDS } from './compute.ts';
import type { AccountModel, ComputeKind, ModelWarning } from './types.ts';

/** Resources per account and region, with the kinds whose listing there is whole. */
function computeSummary(model: AccountModel): ModelSummary['compute'] {
  const rows = new Map<string, ModelSummary['compute'][number]>();
  const row = (accountId: string, region: string) => {
    const key = `${accountId} ${region}`;
    if (!rows.has(key)) rows.set(key, { accountId, region, resources: {}, listed: [] });
    return rows.get(key)!;
  };
  for (const r of Object.values(model.compute)) {
    const counts = row(r.accountId, r.region).resources;
    counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  }
  for (const key of model.inventory.listed) {
    const [kind, accountId, region] = key.split(' ');
    row(accountId, region).listed.push(kind);
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => ({ ...r, resources: Object.fromEntries(Object.entries(r.resources).sort()), listed: r.listed.sort() }));
}

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
  /** Compute from inventories, per account and region: how many of each kind, and which kinds were listed whole there. */
  compute: Array<{ accountId: string; region: string; resources: Record<string, number>; listed: string[] }>;
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
    compute: computeSummary(model),
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
  if (s.compute.length) {
    lines.push('', 'compute (inventories)');
    for (const c of s.compute) {
      const counts = Object.entries(c.resources).map(([kind, n]) => `${n} ${COMPUTE_KINDS[kind as ComputeKind].label}${n === 1 ? '' : 's'}`);
      const listed = c.listed.length ? `; listed whole: ${c.listed.map((k) => COMPUTE_KINDS[k as ComputeKind].label).join(', ')}` : '';
      lines.push(`  ${c.accountId} ${c.region.padEnd(15)} ${counts.join(', ') || 'none'}${listed}`);
    }
  }
  if (s.warnings.length) {
    lines.push('', `warnings (${s.warnings.length}):`);
    for (const w of s.warnings) lines.push(`  [${w.code}] ${w.message}`);
  }
  return lines;
}
