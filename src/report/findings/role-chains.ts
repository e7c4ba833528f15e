/**
 * Long role chains (more assume hops than `maxChainDepth` to reach a role) and cycles of mutual
 * assumption. Role chaining caps each session at one hour, and every extra hop is one more trust
 * policy an auditor must read to see who really gets the last role.
 */
import { hopOfStep, pathOf } from '../../analysis/hop.ts';
import type { Hop } from '../../analysis/types.ts';
import { ASSUMING, bfs, cyclicComponents, depthsFrom, isHub, stepBetween, stepsOver, stepsTo, type Reached, type Step, type Steps } from '../../graph/traversal/index.ts';
import { ADMIN_NODE, type AccessGraph } from '../../graph/types.ts';
import { shortName } from '../../analysis/text.ts';
import type { RawFinding, Rule, RuleInput } from '../types.ts';

/** Roles named in a finding's message and facts (roleCount has them all; a principal in a dense org reaches thousands). */
const MAX_LISTED = 50;

/** Nodes that can assume some role. */
const assumers = (graph: AccessGraph, steps: Steps): string[] => graph.filterNodes((node) => !isHub(graph, node) && steps(node).length > 0).sort();

/**
 * Assume steps with hubs left in ("any role of A trusting B"), crossed by each walk: a principal
 * entering a hub of a thousand roles holds one step, not a thousand.
 */
function assumeSteps(graph: AccessGraph): { steps: Steps; cross: (node: string) => boolean; hubs: ReadonlySet<string> } {
  // A set, not the node's attribute: every walk asks it of every node it meets.
  const hubs = new Set(graph.filterNodes((n) => isHub(graph, n)));
  return { steps: stepsOver(graph, { edges: ASSUMING, foldHubs: false }), cross: (node) => hubs.has(node), hubs };
}

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
    const { steps, cross, hubs } = assumeSteps(graph);
    const sources = assumers(graph, steps).filter((n) => graph.getNodeAttribute(n, 'kind') !== 'role');
    // Principals that can assume the same roles (members of the same groups) share everything
    // beyond their first hop: one search per set of first roles, not one per principal, and
    // each search dropped once its principals are done (a dense organization has thousands).
    const bySignature = new Map<string, string[]>();
    for (const source of sources) {
      const signature = steps(source).map((s) => s.next).join('\n');
      const members = bySignature.get(signature);
      if (members) members.push(source);
      else bySignature.set(signature, [source]);
    }
    const found = new Map<string, RawFinding>();
    for (const members of bySignature.values()) {
      const starts = steps(members[0]).map((s) => s.next);
      // Depths over the integer adjacency (a crossed start stands for where it leads, as in bfs);
      // chain length to a role: its first hop from the source, then the depth beyond.
      const depth = depthsFrom(graph, starts.flatMap((n) => (cross(n) ? steps(n).map((s) => s.next) : [n])), { edges: ASSUMING });
      const level = (t: string): number => depth.get(t)! + 1;
      const beyondLimit = [...depth.keys()].filter((t) => level(t) > options.maxChainDepth && !hubs.has(t)).sort();
      if (beyondLimit.length === 0) continue;
      const admins = beyondLimit.filter((t) => graph.getNodeAttribute(t, 'admin') === true);
      const longest = beyondLimit.reduce((max, t) => Math.max(max, level(t)), 0);
      // The chains shown (each member's first maxPaths of these, less itself): a walk of steps stopped once it has them.
      const shown = new Set(beyondLimit.slice(0, options.analysis.maxPaths + 1));
      let left = shown.size;
      const reach = bfs(steps, starts, { cross, until: (n) => shown.has(n) && --left === 0 });
      const group = { beyondLimit, admins, longest, level, reach, beyond: chainsBeyond(reach), listed: listOf(beyondLimit) };
      for (const source of members) {
        const finding = longChainsOf(steps, cross, group, source, options);
        if (finding) found.set(source, finding);
      }
    }
    return sources.flatMap((source) => found.get(source) ?? []);
  },
};

/** The roles a finding names (at most MAX_LISTED) and the text of them. */
interface Listed {
  roles: string[];
  text: string;
}

const listOf = (roles: readonly string[]): Listed => {
  const listed = roles.slice(0, MAX_LISTED);
  return { roles: listed, text: listed.join(', ') };
};

/** The hops of the group's walk from its first roles to a role, and where they start: made once per role, shared by every member's path. */
function chainsBeyond(reach: ReadonlyMap<string, Reached>): (role: string) => { root: string; hops: readonly Hop[] } {
  const made = new Map<string, { root: string; hops: readonly Hop[] }>();
  return (role) => {
    let chain = made.get(role);
    if (!chain) {
      const rest = stepsTo(reach, role);
      made.set(role, (chain = { root: rest[0]?.at ?? role, hops: rest.map(hopOfStep) }));
    }
    return chain;
  };
}

/** What the principals with the same first roles share: the roles further than the limit (sorted), the admins and the longest chain among them, chain lengths, the walk that holds the chains shown, its hops, and the roles listed. */
interface ChainGroup {
  beyondLimit: readonly string[];
  admins: readonly string[];
  longest: number;
  level: (role: string) => number;
  reach: ReadonlyMap<string, Reached>;
  beyond: ReturnType<typeof chainsBeyond>;
  listed: Listed;
}

/** The finding of one principal of a group, if it has one. */
function longChainsOf(steps: Steps, cross: (node: string) => boolean, group: ChainGroup, source: string, options: RuleInput['options']): RawFinding | undefined {
  const { beyondLimit, level } = group;
  // A principal is rarely among the roles it reaches: then the group's lists are its own.
  const own = beyondLimit.includes(source);
  const far = own ? beyondLimit.filter((t) => t !== source) : beyondLimit;
  if (far.length === 0) return undefined;
  const listed = own ? listOf(far) : group.listed;
  // Only the first hop, from the principal into the group's first roles, is its own.
  const firstHops = new Map<string, Hop>();
  const chain = (t: string): Hop[] => {
    const { root, hops } = group.beyond(t);
    let first = firstHops.get(root);
    if (!first) firstHops.set(root, (first = hopOfStep(stepBetween(steps, source, root, cross)!)));
    return [first, ...hops];
  };
  const reachesAdmin = group.admins.some((t) => t !== source);
  const longest = own ? far.reduce((max, t) => Math.max(max, level(t)), 0) : group.longest;
  const more = far.length > MAX_LISTED ? ` and ${far.length - MAX_LISTED} more` : '';
  return {
    severity: reachesAdmin ? 'medium' : 'low',
    subject: source,
    title: `${shortName(source)} reaches ${far.length} role${far.length === 1 ? '' : 's'} only through chains of more than ${options.maxChainDepth} hops`,
    message: `${source} reaches ${listed.text}${more} through role chains of up to ${longest} hops (limit ${options.maxChainDepth}).`,
    paths: far.slice(0, options.analysis.maxPaths).map((t) => pathOf(chain(t))),
    facts: { roles: listed.roles, roleCount: far.length, longestChain: longest, limit: options.maxChainDepth, reachesAdmin },
  };
}

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
    const { steps, cross } = assumeSteps(graph);
    // A hub is in the components it joins; the roles around it are the cycle (one role entering its own hub is none).
    const cycles = cyclicComponents(steps, assumers(graph, steps)).map((c) => c.filter((n) => !cross(n))).filter((c) => c.length > 1);
    return cycles.map((members): RawFinding => {
      const first = members[0];
      const inside = new Set(members);
      // Shortest cycle through the first member: a shortest chain to a member that can assume it back.
      const reach = bfs(steps, [first], { allowed: (n) => inside.has(n), cross });
      let best: Step[] | undefined;
      for (const member of members) {
        const back = stepBetween(steps, member, first, cross);
        if (!back || !reach.has(member)) continue;
        const cycle = [...stepsTo(reach, member), back];
        if (!best || cycle.length < best.length) best = cycle;
      }
      const admin = members.some((m) => graph.hasEdge(`${m}->${ADMIN_NODE}:is-admin`));
      return {
        severity: admin ? 'medium' : 'low',
        subject: first,
        key: members.join(' '),
        title: `${members.length} roles can assume each other: ${members.map(shortName).join(', ')}`,
        message: `${members.join(', ')} form a cycle of mutual assumption${admin ? ', including an administrator' : ''}.`,
        paths: best ? [pathOf(best.map(hopOfStep))] : [],
        facts: { members, includesAdmin: admin },
      };
    });
  },
};
