/**
 * Searches prune by distances that count only the hops their source can take: a hop into a
 * principal someone else rewrote needs the source to act as that rewriter too (AWS: the rewriter
 * must make the change — e.g. iam:AttachRolePolicy, pathfinding.cloud iam-014 — and the attacker
 * must then enter the role), so it counts only for sources that can. Here 40 roles in one cycle
 * (one strongly connected component: each can act as every other) search with distances of their
 * own; the paths must be the ones the rules allow, whichever distances pruned them.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS as opts } from '../../src/access/options.ts';
import { findPaths, prepareTarget } from '../../src/analysis/paths.ts';
import { allow, doc, loadGaad, roleArn, userArn, type GaadSpec } from '../graph/techniques/gaad.ts';

const RING = 40;
const ring = (i: number) => roleArn(`ring${(i + RING) % RING}`);
const trust = (...arns: string[]) => doc({ Effect: 'Allow', Principal: { AWS: arns.length === 1 ? arns[0] : arns }, Action: 'sts:AssumeRole' });

/** ring0 can act as `writer` (which rewrites `target`) and as `enterer` (which enters `target` and `target2`); `writer2` (rewrites `target2`) trusts nobody here. */
const spec = (writerTrusts: string): GaadSpec => ({
  roles: [
    ...Array.from({ length: RING }, (_, i) => ({
      name: `ring${i}`,
      trust: i === 0 ? trust(...Array.from({ length: RING - 1 }, (_, j) => ring(j + 1))) : trust(ring(i - 1)),
      inline: { next: [allow('sts:AssumeRole', i === 0 ? [ring(1), roleArn('writer'), roleArn('enterer')] : [ring(i + 1), ring(0)])] },
    })),
    { name: 'writer', trust: trust(writerTrusts), inline: { write: [allow('iam:AttachRolePolicy', roleArn('target'))] } },
    { name: 'writer2', trust: trust(userArn('someone-else')), inline: { write: [allow('iam:AttachRolePolicy', roleArn('target2'))] } },
    { name: 'enterer', trust: trust(ring(0)), inline: { enter: [allow('sts:AssumeRole', [roleArn('target'), roleArn('target2')])] } },
    { name: 'target', trust: trust(roleArn('enterer')) },
    { name: 'target2', trust: trust(roleArn('enterer')) },
  ],
  users: [{ name: 'someone-else' }],
});

async function searchAll(writerTrusts: string) {
  const { model, graph } = await loadGaad(spec(writerTrusts));
  const prepared = prepareTarget(graph, model, 'admin', opts);
  const paths = Array.from({ length: RING }, (_, i) => findPaths(graph, model, ring(i), 'admin', opts, prepared).paths);
  return { paths, prepared };
}

const rewritten = (target: string) => `${target}#gains:any-policy=${target}`;

describe('distances per kind of source', () => {
  it('every role of the cycle enters the target its cycle can have rewritten, with distances of the cycle\'s own', async () => {
    const { paths, prepared } = await searchAll(ring(0));
    expect([...prepared.pruning!.keys()].some((k) => typeof k === 'number')).toBe(true);
    for (let i = 0; i < RING; i++) {
      const through = paths[i].filter((p) => p.hops.some((h) => h.to === rewritten(roleArn('target'))));
      expect(through.length, ring(i)).toBeGreaterThan(0);
      expect(through[0].hops.find((h) => h.alsoActingAs)!.alsoActingAs).toEqual([roleArn('writer')]);
      // The shortest: into ring0 (unless it is ring0), enterer, target, target rewritten, admin.
      expect(through[0].hops.length).toBe(i === 0 ? 4 : 5);
    }
  });
  it('trap: the rewrite of target2 needs writer2, whom no role of the cycle can act as → no path through it', async () => {
    const { paths } = await searchAll(ring(0));
    for (const p of paths.flat()) expect(p.hops.some((h) => h.to === rewritten(roleArn('target2')))).toBe(false);
  });
  it('trap: writer trusts someone else → no role of the cycle has a path (they search without the rewrite hops)', async () => {
    const { paths, prepared } = await searchAll(userArn('someone-else'));
    expect(paths.flat()).toEqual([]);
    expect([...prepared.pruning!.keys()]).toEqual(['unaided']);
  });
});
