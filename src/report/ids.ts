/** Stable ids: the same finding or path gets the same id in every run over the same facts. */
import { createHash } from 'node:crypto';
import type { Path } from '../analysis/types.ts';

const hex16 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Hops (from, kind, to) and the final action: what the path *is*, not its evidence details. */
export function pathSignature(path: Path): string {
  const hops = path.hops.map((h) => `${h.from} -[${h.kind}]-> ${h.to}`);
  if (path.final) hops.push(`=> ${path.final.action} ${path.final.resource}`);
  return hops.join('\n');
}

export const pathId = (path: Path): string => hex16(pathSignature(path));

export const findingId = (rule: string, subject: string, key = ''): string => `${rule}:${hex16(`${rule}\n${subject}\n${key}`)}`;
