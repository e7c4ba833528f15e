/**
 * Where an inventory's resources are: their ARNs say it; for outputs that hold no ARN (an empty
 * listing, `aws glue get-jobs`) the folder does — scripts/export-inventory.sh writes each call
 * under `<account>/<region>/`.
 */
import { isAccountId, iamArn, parseArn, partitionOf } from '../../../src/policy/arn.ts';
import { InputProblem } from '../../errors.ts';

export interface Placement {
  accountId?: string;
  region?: string;
}

/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-5`. */
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export const isRegion = (value: string): boolean => REGION.test(value);

/** The innermost folder names that are an account id and a region. */
export function placementOfPath(file: string): Placement {
  const parts = file.split(/[\\/]/).slice(0, -1).reverse();
  const accountId = parts.find((p) => isAccountId(p));
  const region = parts.find((p) => isRegion(p));
  return { ...(accountId ? { accountId } : {}), ...(region ? { region } : {}) };
}

/** Account and region of a resource: its ARN's, else the folder's; an item placed nowhere is an input error. */
export function placeArn(arn: string | undefined, where: Placement, at: string): { accountId: string; region: string } {
  const parts = arn ? parseArn(arn) : undefined;
  const accountId = parts && isAccountId(parts.account) ? parts.account : where.accountId;
  const region = parts && parts.region ? parts.region : where.region;
  if (!accountId || !region) throw new InputProblem(at, `expected a resource whose ARN names its account and region, or a file under <account>/<region>/, got ${arn ?? 'no ARN'}`);
  return { accountId, region };
}

/** A role given by name or ARN (Glue takes either), as an ARN. */
export function roleArnOf(value: string, accountId: string, partitionFrom?: string): string {
  return value.startsWith('arn:') ? value : iamArn(accountId, 'role', value, '/', partitionOf(partitionFrom));
}

/** An instance profile given by name or ARN (a Batch compute environment takes either), as an ARN. */
export function instanceProfileArnOf(value: string, accountId: string, partitionFrom?: string): string {
  return value.startsWith('arn:') ? value : iamArn(accountId, 'instance-profile', value, '/', partitionOf(partitionFrom));
}

/** The region an availability zone is in (`us-east-1a` → `us-east-1`; local zones `us-west-2-lax-1a` → `us-west-2`). */
export function regionOfZone(zone: string): string | undefined {
  const m = /^([a-z]{2}(?:-gov)?-[a-z]+-\d+)/.exec(zone);
  return m?.[1];
}
