/**
 * Long role chains (more assume hops than `maxChainDepth` to reach a role) and cycles of mutual
 * assumption. Role chaining caps each session at one hour, and every extra hop is one more trust
 * policy an auditor must read to see who really gets the last role.
 */
import type { Hop } from '../../analysis/types.ts';
import { ADMIN_NODE } from '../../graph/types.ts';
import { shortName } from '../short-name.ts';
import type { RawFinding, Rule } from '../types.ts';
import { assumeAdjacency, chainTo, cyclicComponents, shortestChains } from './assume-graph.ts';
import { pathOfHops } from './graph-hops.ts';

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
    for (const source of sources) {
      const via = shortestChains(adj, source);
      const far = [...via.keys()].filter((t) => chainTo(via, t).length > options.maxChainDepth).sort();
      if (far.length === 0) continue;
      const reachesAdmin = far.some((t) => graph.getNodeAttribute(t, 'admin') === true);
      const longest = Math.max(...far.map((t) => chainTo(via, t).length));
      out.push({
        severity: reachesAdmin ? 'medium' : 'low',
        subject: source,
        title: `${shortName(source)} reaches ${far.length} role${far.length === 1 ? '' : 's'} only through chains of more than ${options.maxChainDepth} hops`,
        message: `${source} reaches ${far.join(', ')} through role chains of up to ${longest} hops (limit ${options.maxChainDepth}).`,
        paths: far.slice(0, options.analysis.maxPaths).map((t) => pathOfHops(chainTo(via, t))),
        facts: { roles: far, longestChain: longest, limit: options.maxChainDepth, reachesAdmin },
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
