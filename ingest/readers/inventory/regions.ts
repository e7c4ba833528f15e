/**
 * `aws ec2 describe-regions`: the regions enabled in an account (its folder says which account;
 * with none, every account of the inputs). With them, a kind listed in every one of them is whole.
 */
import type { ModelBuilder } from '../../builder.ts';
import { expectString, forEachElement } from '../../errors.ts';
import { placementOfPath } from './placement.ts';

export const isDescribeRegions = (doc: Record<string, unknown>): boolean =>
  Array.isArray(doc.Regions) && (doc.Regions as unknown[]).every((r) => typeof (r as { RegionName?: unknown })?.RegionName === 'string');

export function readDescribeRegions(doc: Record<string, unknown>, file: string, b: ModelBuilder): void {
  const account = placementOfPath(file).accountId ?? '';
  forEachElement(b.errors, file, doc.Regions, '/Regions', (item, at) => {
    const name = expectString((item as Record<string, unknown>).RegionName, `${at}/RegionName`);
    const status = (item as Record<string, unknown>).OptInStatus;
    if (status === 'not-opted-in') return;
    if (!b.regions.has(account)) b.regions.set(account, new Set());
    b.regions.get(account)!.add(name);
  });
}
