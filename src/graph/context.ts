/**
 * What the graph builder and the techniques share while the graph is being built: the context,
 * and the one way to add a node or an edge (keyed, so adding twice is a no-op).
 */
import { getHeapStatistics } from 'node:v8';
import { gainText, type Gain } from '../access/gains.ts';
import { UserError } from '../errors.ts';
import type { PrincipalProfile } from '../access/profile.ts';
import type { AnalysisOptions } from '../access/options.ts';
import type { AccountModel } from '../model/types.ts';
import type { Decision } from '../policy/types.ts';
import type { AccessGraph, EdgeAttributes, Evidence, NodeAttributes } from './types.ts';

/**
 * Targets a hub needs (techniques/hubs.ts, assume-hubs.ts): below, direct edges cost little and
 * read better (the viewer draws each); above, the product of principals and targets is what makes
 * a dense account grow quadratically.
 */
export const HUB_MIN_TARGETS = 16;

/**
 * Whether a hub is worth its node: many targets, or enough principals × targets that one edge per
 * principal and one per target are at most half of one per pair (a few EC2 roles that hundreds of
 * principals can run commands as, a few roles trusting an account of hundreds).
 */
export const hubPays = (sources: number, targets: number): boolean =>
  targets >= HUB_MIN_TARGETS || (targets >= 2 && sources * targets >= 2 * (sources + targets));

/** The AssumeRole hubs of a graph (assume-hubs.ts). */
export interface AssumeHubs {
  /** The hubs a principal of a trusted account may enter, each with one of its roles to decide on (not the principal itself); undefined when its profile enters no hub (a policy variable scopes its sts:AssumeRole). */
  entries: (principal: string, profile: PrincipalProfile) => Array<{ hub: string; role: string }> | undefined;
  /** Whether the role is in a hub group (its trusted account's principals enter it through a hub, when their profile can). */
  grouped: (role: string) => boolean;
  /** The principals of a trusted account that may assume roles and enter grouped roles directly (their profile enters no hub). */
  directAssumers: (account: string) => readonly string[];
  /** The edges from every principal of a trusted account into the hubs of the roles trusting it. */
  linkTrustedPrincipals: () => void;
}

export interface BuildContext {
  model: AccountModel;
  options: AnalysisOptions;
  graph: AccessGraph;
  profiles: Map<string, PrincipalProfile>;
  /** account → its principals whose identity policies could allow sts:AssumeRole */
  assumersByAccount: Map<string, string[]>;
  principalsByAccount: Map<string, string[]>;
  admins: Set<string>;
  /** The AssumeRole hubs that let a trusted account's principals into its roles (assume-hubs.ts). */
  assumeHubs: AssumeHubs;
}

/** The statements that decided it, as evidence: the compiled statements' own references, shared by every edge they prove (never changed once made). */
export const evidenceOf = (d: Decision): Evidence[] => d.matched.slice();

/** One edge per (source, target, technique or kind); `key` distinguishes the rare second one (a boundary policy edge). */
export function addEdge(ctx: BuildContext, source: string, target: string, attributes: EdgeAttributes, key = attributes.technique?.id ?? attributes.kind): void {
  const edgeKey = `${source}->${target}:${key}`;
  if (ctx.graph.hasEdge(edgeKey)) return;
  ctx.graph.addDirectedEdgeWithKey(edgeKey, source, target, attributes);
  if ((ctx.graph.size & HEAP_CHECK_EVERY) === 0) checkHeap(ctx.graph.size);
}

const HEAP_CHECK_EVERY = (1 << 16) - 1;

/**
 * A graph too large for the heap would end the process with V8's own crash report after minutes
 * of garbage collection; stopping while there is room says what happened, in one line. V8 collects
 * hardest near its limit, so what is used above `share` of it is live.
 */
export function checkHeap(edges: number, { used, limit } = heapNow(), share = 0.92): void {
  if (used <= limit * share) return;
  const mib = (n: number) => Math.round(n / 2 ** 20).toLocaleString('en-US');
  throw new UserError(`the graph outgrew the memory Node may use (${mib(used)} of ${mib(limit)} MiB at ${edges.toLocaleString('en-US')} edges): run with NODE_OPTIONS=--max-old-space-size=<MiB> on a larger machine, or analyse fewer accounts at a time`);
}

function heapNow(): { used: number; limit: number } {
  const stats = getHeapStatistics();
  return { used: stats.used_heap_size, limit: stats.heap_size_limit };
}

/** The key of a principal with gains (an `escalated` node). */
export const escalatedKey = (principal: string, gains: readonly Gain[]): string => `${principal}#gains:${gains.map((g) => `${g.kind}=${g.target}`).join('+')}`;

export function ensureNode(graph: AccessGraph, key: string, attributes: NodeAttributes): void {
  if (!graph.hasNode(key)) graph.addNode(key, attributes);
}

/** The node of a principal with gains: labelled with them, in the principal's account; its key. */
export function ensureEscalatedNode(graph: AccessGraph, principal: string, gains: readonly Gain[]): string {
  const key = escalatedKey(principal, gains);
  const base = graph.getNodeAttributes(principal);
  ensureNode(graph, key, {
    kind: 'escalated', label: `${base.label} with ${gains.map(gainText).join(', ')}`,
    ...(base.arn ? { arn: base.arn } : {}), ...(base.accountId ? { accountId: base.accountId } : {}), principal, gains: [...gains],
  });
  return key;
}

/** Evidence that is a fact of the input rather than a policy statement (a gain, an assignment, a chain). */
export const noteOf = (subject: string, text: string): Evidence => ({ policy: subject, policyType: 'identity', statement: -1, effect: 'Allow', note: text });
