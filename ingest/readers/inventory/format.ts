/**
 * The shape every inventory reader shares: an AWS CLI output that lists (or describes) compute
 * running as a role, read item by item into `ComputeResource`s. A bad item is one input error;
 * the rest of the file still loads.
 */
import type { ComputeKind, ComputeResource } from '../../../src/model/types.ts';
import type { ModelBuilder } from '../../builder.ts';
import { forEachElement, InputProblem, isRecord } from '../../errors.ts';
import { placementOfPath, type Placement } from './placement.ts';

/** What an item gives; the account and region come from its ARN, else from where the file sits. */
export type ComputeItem = Omit<ComputeResource, 'source'>;

export interface InventoryFormat {
  /** The AWS CLI call that prints it, e.g. `aws lambda list-functions`. */
  command: string;
  detect: (doc: Record<string, unknown>) => boolean;
  /** The key holding the items, or how to find them when nested; absent when the document describes one resource. */
  list?: string | ((doc: Record<string, unknown>) => Array<{ item: unknown; at: string }>);
  /** The kind it names every resource of, in its account and region (a listing, not a description of some). */
  lists?: ComputeKind;
  read: (item: Record<string, unknown>, at: string, where: Placement) => ComputeItem | undefined;
}

/** Keys by which the AWS CLI says more pages follow (its own token, or the service's when --no-paginate). */
const NEXT_PAGE = ['NextToken', 'NextMarker', 'nextToken'];

export function readInventory(format: InventoryFormat, doc: Record<string, unknown>, file: string, b: ModelBuilder): void {
  const where = placementOfPath(file);
  const found: ComputeItem[] = [];
  const take = (item: unknown, at: string) => {
    if (!isRecord(item)) return;
    const resource = format.read(item, at, where);
    if (!resource) return;
    found.push(resource);
    b.defineCompute({ ...resource, source: { file, pointer: at } });
  };
  if (typeof format.list === 'string') forEachElement(b.errors, file, doc[format.list], `/${format.list}`, take);
  else if (format.list) {
    for (const { item, at } of format.list(doc)) {
      try {
        take(item, at);
      } catch (err) {
        if (!(err instanceof InputProblem)) throw err;
        b.errors.push({ file, pointer: err.pointer, message: err.detail });
      }
    }
  } else take(doc, '');
  if (!format.lists) return;
  // The listing covers the account and region the file sits under, else the one all its items share.
  const accounts = new Set(found.map((r) => r.accountId));
  const regions = new Set(found.map((r) => r.region));
  const account = where.accountId ?? (accounts.size === 1 ? [...accounts][0] : undefined);
  const region = where.region ?? (regions.size === 1 ? [...regions][0] : undefined);
  if (!account || !region) {
    b.warn('inventory-unplaced', `${file}: ${format.command} output whose account and region cannot be told (no ARN in it says, and it is not under <account>/<region>/): its resources are read, but absence from it is not a fact`, undefined, { file, pointer: '' });
    return;
  }
  b.listed(format.lists, account, region, !NEXT_PAGE.some((k) => typeof doc[k] === 'string' && doc[k] !== ''), file);
}

/** A field by any of its spellings (the CLI's PascalCase, Config's camelCase), case-insensitively. */
export function field(item: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (item[name] !== undefined) return item[name];
  const lower = new Map(Object.keys(item).map((k) => [k.toLowerCase(), k]));
  for (const name of names) {
    const key = lower.get(name.toLowerCase());
    if (key !== undefined) return item[key];
  }
  return undefined;
}

export const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A record's nested record, or an empty one. */
export const sub = (item: Record<string, unknown>, ...names: string[]): Record<string, unknown> => {
  const v = field(item, ...names);
  return isRecord(v) ? v : {};
};

/** The elements of an array under `key` (none when it is not one), with their pointers. */
export const elements = (doc: Record<string, unknown>, key: string): Array<{ item: unknown; at: string }> =>
  (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []).map((item, i) => ({ item, at: `/${key}/${i}` }));
