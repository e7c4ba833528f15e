/**
 * A ModelBuilder holding a copy of a finished model, so a plan's changes go through the builder's
 * own registration (addPolicy compiles documents, finalize resolves references and the org paths)
 * and the model the exports gave stays untouched.
 */
import type { AccountModel } from '../../src/model/types.ts';
import { ModelBuilder } from '../builder.ts';

export function builderFromModel(model: AccountModel): ModelBuilder {
  const b = new ModelBuilder();
  for (const a of Object.values(model.accounts)) b.accounts.set(a.id, { ...a, ...(a.orgPath ? { orgPath: [...a.orgPath] } : {}) });
  for (const u of Object.values(model.users)) b.users.set(u.arn, { ...u, groups: [...u.groups], managedPolicies: [...u.managedPolicies], inlinePolicies: [...u.inlinePolicies], tags: [...u.tags] });
  for (const g of Object.values(model.groups)) b.groups.set(g.arn, { ...g, managedPolicies: [...g.managedPolicies], inlinePolicies: [...g.inlinePolicies] });
  for (const r of Object.values(model.roles)) b.roles.set(r.arn, { ...r, managedPolicies: [...r.managedPolicies], inlinePolicies: [...r.inlinePolicies], instanceProfiles: [...r.instanceProfiles], tags: [...r.tags] });
  for (const p of Object.values(model.instanceProfiles)) b.instanceProfiles.set(p.arn, { ...p, roles: [...p.roles] });
  // Policy records are replaced, never changed in place: sharing them is a copy.
  for (const p of Object.values(model.policies)) b.policies.set(p.id, p);
  for (const r of Object.values(model.resources)) b.resources.set(r.arn, { ...r, tags: [...r.tags] });
  for (const c of Object.values(model.compute)) b.compute.set(c.arn, { ...c, roles: [...c.roles] });
  b.restoreInventory(model.inventory);
  for (const p of Object.values(model.identityProviders)) b.providers.set(p.arn, { ...p });
  for (const n of Object.values(model.organization?.nodes ?? {})) b.orgNodes.set(n.id, { ...n, scps: [...n.scps], rcps: [...n.rcps] });
  if (model.organization?.id) b.organizationId = model.organization.id;
  if (model.organization?.managementAccountId) b.managementAccountId = model.organization.managementAccountId;
  if (model.identityCenter) b.identityCenter = model.identityCenter;
  b.warnings.push(...model.warnings);
  b.inputs.push(...model.inputs);
  return b;
}
