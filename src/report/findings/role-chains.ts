/**
 * Long role chains (more assume hops than `maxChainDepth` to reach a role) and cycles of mutual
 * assumption. Role chaining caps each session at one hour, and every extra hop is one more trust
 * policy an auditor must read to see who really gets the last role.
 */
import type { Hop } from '../../analysis/types.ts';
import { ADMIN_NODE } from '../../graph/types.ts';
import { shortName } from '../short-name.ts';
import type { RawFinding, Rule } from '../types.ts';
import { assumeAdjacency, chainsFrom, chainTo, cyclicComponents, shortestChains } from './assume-graph.ts';
import { pathOfHops } from './graph-hops.ts';

/** Roles named in a finding's message and facts (roleCount has them all; a principal in a dense org reaches thousands). */
const MAX_LISTED = 50;

const DOCS = ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining'];

export const longRoleChain: Rule = {
  info: {
    id: 'long-role-chain',
    severity: 'medium',
    title: 'Long role chain',
    description: 'A principal reaches a role only through a chain of more role assumptions than the configured depth (--max-chain-depth). Long chains hide who can really act as the last role.',
    remediation: 'Trust the final role from the principals that need it directly, and remove intermediate trusts that exist only to chain.',
    docs: DOCS,
  },
  run({ graph, options }) {
    const adj = assumeAdjacency(graph);
    const out: RawFinding[] = [];
    const sources = [...adj.keys()].filter((n) => graph.getNodeAttribute(n, 'kind') !== 'role').sort();
    // Principals that can assume the same roles (members of the same groups) share everything
    // beyond their first hop: one search per set of first roles, not one per principal.
    const beyond = new Map<string, { via: Map<string, Hop | null>; levels: Map<string, number> }>();
    for (const source of sources) {
      const first = adj.get(source)!;
      const signature = first.map((h) => h.to).join('\n');
      let reach = beyond.get(signature);
      if (!reach) beyond.set(signature, (reach = chainsFrom(adj, first.map((h) => h.to))));
      const { via, levels } = reach;
      const far = [...levels.keys()].filter((t) => t !== source && levels.get(t)! > options.maxChainDepth).sort();
      if (far.length === 0) continue;
      const chain = (t: string): Hop[] => {
        const rest = chainTo(via, t);
        const root = rest[0]?.from ?? t;
        return [first.find((h) => h.to === root)!, ...rest];
      };
      const reachesAdmin = far.some((t) => graph.getNodeAttribute(t, 'admin') === true);
      let longest = 0;
      for (const t of far) longest = Math.max(longest, levels.get(t)!);
      const more = far.length > MAX_LISTED ? ` and ${far.length - MAX_LISTED} more` : '';
      out.push({
        severity: reachesAdmin ? 'medium' : 'low',
        subject: source,
        title: `${shortName(source)} reaches ${far.length} role${far.length === 1 ? '' : 's'} only through chains of more than ${options.maxChainDepth} hops`,
        message: `${source} reaches ${far.slice(0, MAX_LISTED).join(', ')}${more} through role chains of up to ${longest} hops (limit ${options.maxChainDepth}).`,
        paths: far.slice(0, options.analysis.maxPaths).map((t) => pathOfHops(chain(t))),
        facts: { roles: far.slice(0, MAX_LISTED), roleCount: far.length, longestChain: longest, limit: options.maxChainDepth, reachesAdmin },
      });
    }
    return out;
  },
};

export const assumeRoleCycle: Rule = {
  info: {
    id: 'assume-role-cycle',
    severity: 'medium',
    title: 'Roles that can assume each other',
    description: 'A cycle of roles that can assume one another: each has the union of the others\' permissions, and role chaining can refresh sessions around the cycle.',
    remediation: 'Break the cycle: remove the trust entries (or sts:AssumeRole grants) that lead back to a role earlier in the chain.',
    docs: DOCS,
  },
  run({ graph }) {
    const adj = assumeAdjacency(graph);
    return cyclicComponents(adj).map((members): RawFinding => {
      const first = members[0];
      const inside = new Set(members);
      // Shortest cycle through the first member: a shortest chain to a member that can assume it back.
      const via = shortestChains(adj, first, inside);
      let best: Hop[] | undefined;
      for (const member of members) {
        const back = (adj.get(member) ?? []).find((h) => h.to === first);
        if (!back || !via.has(member)) continue;
        const cycle = [...chainTo(via, member), back];
        if (!best || cycle.length < best.length) best = cycle;
      }
      const admin = members.some((m) => graph.hasEdge(`${m}->${ADMIN_NODE}:is-admin`));
      return {
        severity: admin ? 'medium' : 'low',
        subject: first,
        key: members.join(' '),
        title: `${members.length} roles can assume each other: ${members.map(shortName).join(', ')}`,
        message: `${members.join(', ')} form a cycle of mutual assumption${admin ? ', including an administrator' : ''}.`,
        paths: best ? [pathOfHops(best)] : [],
        facts: { members, includesAdmin: admin },
      };
    });
  },
};
