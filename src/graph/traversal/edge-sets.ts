/**
 * Which edges count as a step, one named set per question. Every walk over the access graph
 * names one of these, so two walks that answer the same question cannot disagree.
 */
import type { BaseEdgeKind } from '../types.ts';

export type EdgeSet = ReadonlySet<BaseEdgeKind>;

/** Becoming someone else: paths, privesc, who-can, and the reach of a technique's attacker. */
export const ACTING_AS: EdgeSet = new Set<BaseEdgeKind>(['can-assume', 'escalation', 'runs-as', 'is-admin']);

/** Role chaining alone: the role-chain and assume-cycle findings. */
export const ASSUMING: EdgeSet = new Set<BaseEdgeKind>(['can-assume']);

/** Everything that grants or changes identity (trust edges say who a role lets in, policy edges what is attached: neither is reach). */
export const REACH: EdgeSet = new Set<BaseEdgeKind>(['can-assume', 'escalation', 'runs-as', 'can-pass-to-service', 'member-of', 'can-access', 'is-admin']);

/** Where a node belongs, for the layout's forces: membership, attached policies, trust, admin, passable roles. */
export const PLACING: EdgeSet = new Set<BaseEdgeKind>(['member-of', 'has-policy', 'trusts', 'is-admin', 'can-pass-to-service']);
