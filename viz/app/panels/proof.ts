/** What proves a hop: its statements (with file:line where known), its conditions and what it needs. One list for the path list and the edge details. */
import type { Hop } from '../../../src/analysis/types.ts';
import { conditionText, evidenceText, requiresText } from '../../../src/analysis/text.ts';
import { el } from '../dom.ts';

/** Where a statement is in the input files (`file:line pointer`), when the CLI knew it. */
export type Locate = (policy: string, statement: number) => string | undefined;

export const proofItems = (hop: Pick<Hop, 'evidence' | 'conditions' | 'requires'>, locate: Locate): HTMLLIElement[] => [
  ...hop.evidence.map((e) => {
    const at = locate(e.policy, e.statement);
    return el('li', {}, evidenceText(e), at ? el('span', { className: 'at' }, ` — ${at}`) : null);
  }),
  ...hop.conditions.map((c) => el('li', { className: 'conditional' }, conditionText(c))),
  ...(hop.requires ?? []).map((r) => el('li', { className: 'conditional' }, requiresText(r))),
];
