/**
 * The organization: root, OUs and accounts with the SCPs and RCPs attached to each, as assembled
 * from `aws organizations` calls (the script in the README writes this shape):
 * `{"Organization": {...}, "Roots": [...], "OrganizationalUnits": [{..., "ParentId"}],
 *   "Accounts": [{..., "ParentId"}], "Policies": [{"PolicySummary", "Content", "Targets"}]}`.
 */
import type { SourceRef } from '../../src/model/types.ts';
import type { ModelBuilder } from '../builder.ts';
import { describeValue, expectAccountId, expectArray, forEachElement, expectRecord, expectString, InputProblem, isRecord } from '../errors.ts';

export const isOrganization = (doc: unknown): boolean => isRecord(doc) && ('Roots' in doc || ('Organization' in doc && 'Accounts' in doc));

const POLICY_TYPES: Record<string, 'scp' | 'rcp'> = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' };

/** Adds an SCP or RCP document; returns its policy id (`scp:<id>` / `rcp:<id>`). */
export function addOrgPolicy(b: ModelBuilder, type: 'scp' | 'rcp', id: string, name: string, document: unknown, source: SourceRef): string {
  const policyId = `${type}:${id}`;
  b.addPolicy({ id: policyId, name, kind: type, type, document, source });
  return policyId;
}

export function readOrganization(doc: Record<string, unknown>, file: string, b: ModelBuilder, base = ''): void {
  if (isRecord(doc.Organization)) {
    const org = doc.Organization;
    if (typeof org.Id === 'string') b.organizationId = org.Id;
    const mgmt = org.MasterAccountId ?? org.ManagementAccountId;
    if (mgmt !== undefined) b.managementAccountId = expectAccountId(mgmt, `${base}/Organization/${org.MasterAccountId !== undefined ? 'MasterAccountId' : 'ManagementAccountId'}`);
  }
  const node = (id: string, kind: 'root' | 'ou' | 'account', parent?: string, name?: string) => {
    const existing = b.orgNodes.get(id);
    b.orgNodes.set(id, { id, kind, scps: existing?.scps ?? [], rcps: existing?.rcps ?? [], ...(parent ? { parent } : {}), ...(name ? { name } : {}) });
  };
  forEachElement(b.errors, file, doc.Roots, `${base}/Roots`, (r, _at, i) => {
    const root = expectRecord(r, `${base}/Roots/${i}`);
    node(expectString(root.Id, `${base}/Roots/${i}/Id`), 'root', undefined, typeof root.Name === 'string' ? root.Name : undefined);
  });
  forEachElement(b.errors, file, doc.OrganizationalUnits, `${base}/OrganizationalUnits`, (o, _at, i) => {
    const ou = expectRecord(o, `${base}/OrganizationalUnits/${i}`);
    node(expectString(ou.Id, `${base}/OrganizationalUnits/${i}/Id`), 'ou', expectString(ou.ParentId, `${base}/OrganizationalUnits/${i}/ParentId`), typeof ou.Name === 'string' ? ou.Name : undefined);
  });
  forEachElement(b.errors, file, doc.Accounts, `${base}/Accounts`, (a, _at, i) => {
    const account = expectRecord(a, `${base}/Accounts/${i}`);
    const id = expectAccountId(account.Id, `${base}/Accounts/${i}/Id`);
    node(id, 'account', expectString(account.ParentId, `${base}/Accounts/${i}/ParentId`), typeof account.Name === 'string' ? account.Name : undefined);
    if (!b.accounts.has(id)) b.account(id, { external: true, ...(typeof account.Name === 'string' ? { name: account.Name } : {}) });
    else if (typeof account.Name === 'string') b.account(id, { name: account.Name });
  });
  forEachElement(b.errors, file, doc.Policies, `${base}/Policies`, (p, at) => {
    const wrapper = expectRecord(p, at);
    const policy = isRecord(wrapper.Policy) ? wrapper.Policy : wrapper;
    const prefix = isRecord(wrapper.Policy) ? `${at}/Policy` : at;
    const summary = expectRecord(policy.PolicySummary, `${prefix}/PolicySummary`);
    const type = POLICY_TYPES[String(summary.Type)];
    if (!type) throw new InputProblem(`${prefix}/PolicySummary/Type`, `expected SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY, got ${describeValue(summary.Type)}`);
    const id = addOrgPolicy(b, type, expectString(summary.Id, `${prefix}/PolicySummary/Id`), String(summary.Name ?? summary.Id), policy.Content, { file, pointer: `${prefix}/Content` });
    const targets = expectArray(wrapper.Targets ?? policy.Targets, `${at}/Targets`);
    targets.forEach((t, j) => {
      const targetId = expectString(expectRecord(t, `${at}/Targets/${j}`).TargetId, `${at}/Targets/${j}/TargetId`);
      const target = b.orgNodes.get(targetId);
      if (!target) throw new InputProblem(`${at}/Targets/${j}/TargetId`, `expected a root, OU or account of this organization, got ${describeValue(targetId)}`);
      (type === 'scp' ? target.scps : target.rcps).push(id);
      target.scps.sort();
      target.rcps.sort();
    });
  });
}
