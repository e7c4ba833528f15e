/**
 * Where an existing-compute technique is tried for a target role: on each resource the
 * inventories show running as it (in a usable state); nowhere when the inventory of that kind is
 * whole for the role's account and shows none; otherwise on the role itself, conditional on such a
 * resource existing, saying what the inventories did and did not cover.
 */
import { COMPUTE_KINDS, inventoryStatus } from '../../model/compute.ts';
import type { AccountModel, ComputeResource } from '../../model/types.ts';
import type { RunsOn } from './types.ts';

export type ExistingSites =
  | { found: ComputeResource[] }
  | { absent: true }
  /** Why the inventories cannot settle it, for the edge's `requires`. */
  | { unknown: string };

const usable = (runsOn: RunsOn, r: ComputeResource): boolean => !runsOn.states || r.state === undefined || runsOn.states.includes(r.state);

export function existingSites(model: AccountModel, runsOn: RunsOn, role: string, running: readonly ComputeResource[]): ExistingSites {
  const ofKind = running.filter((r) => r.kind === runsOn.kind);
  const found = ofKind.filter((r) => usable(runsOn, r));
  if (found.length > 0) return { found };
  const accountId = model.roles[role]?.accountId ?? '';
  const status = inventoryStatus(model, runsOn.kind, accountId);
  if (status.whole) return { absent: true };
  const label = COMPUTE_KINDS[runsOn.kind].label;
  const states = runsOn.states ? ` ${runsOn.states.join(' or ')}` : '';
  if (ofKind.length > 0) return { unknown: `the inventory shows ${ofKind.length} not${states}; others may exist where it is not listed` };
  if (status.regions.length === 0) return { unknown: `no ${label} inventory of account ${accountId}` };
  return { unknown: `none in the ${label} inventory of ${status.regions.join(', ')}; ${status.allRegionsKnown ? "the account's other regions are not listed" : 'other regions unknown'}` };
}
