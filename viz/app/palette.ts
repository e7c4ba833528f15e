/** Colours and groups: one place for what the legend shows and the renderer draws. */
import type { BaseEdgeKind, NodeKind } from '../../src/graph/types.ts';

export const NODE_COLOURS: Record<NodeKind, string> = {
  user: '#1f77b4',
  group: '#17becf',
  role: '#7b4fc4',
  service: '#ff7f0e',
  federated: '#a8a81a',
  'idc-user': '#1f9e89',
  'idc-group': '#66c2a5',
  'external-account': '#e377c2',
  public: '#d62728',
  policy: '#aab2bf',
  resource: '#2ca02c',
  account: '#7f7f7f',
  escalated: '#f0a030',
  hub: '#c9a0dc',
  admin: '#b3122e',
};

export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  user: 'IAM user', group: 'IAM group', role: 'IAM role', service: 'AWS service', federated: 'federated provider',
  'idc-user': 'Identity Center user', 'idc-group': 'Identity Center group', 'external-account': 'external account or principal',
  public: 'anyone (public)', policy: 'managed policy', resource: 'resource', account: 'account', escalated: 'principal after an escalation step', hub: 'any of several targets (one technique)', admin: 'admin',
};

export type EdgeGroup = 'assume' | 'escalation' | 'membership' | 'policy' | 'access';

export const EDGE_GROUP_OF: Record<BaseEdgeKind, EdgeGroup> = {
  'can-assume': 'assume',
  trusts: 'assume',
  escalation: 'escalation',
  'can-pass-to-service': 'escalation',
  'runs-as': 'escalation',
  'member-of': 'membership',
  'has-policy': 'policy',
  'can-access': 'access',
  'is-admin': 'access',
};

export const EDGE_GROUPS: Array<{ id: EdgeGroup; label: string; colour: string; shownByDefault: boolean }> = [
  { id: 'assume', label: 'assume role / trust', colour: '#2b6cb0', shownByDefault: true },
  { id: 'escalation', label: 'escalation technique', colour: '#d9480f', shownByDefault: true },
  { id: 'membership', label: 'membership', colour: '#8e9aaf', shownByDefault: true },
  { id: 'access', label: 'access / is admin', colour: '#2f9e44', shownByDefault: true },
  { id: 'policy', label: 'attached policy', colour: '#c3cad6', shownByDefault: false },
];

export const EDGE_COLOURS: Record<EdgeGroup, string> = Object.fromEntries(EDGE_GROUPS.map((g) => [g.id, g.colour])) as Record<EdgeGroup, string>;

/** Conditional edges on a highlighted path (they depend on unknown conditions or unseen resources). */
export const CONDITIONAL_COLOUR = '#e0a000';
export const FADED_NODE = '#e4e7ee';
export const FADED_EDGE = '#eef0f4';
export const HIGHLIGHT_EDGE = '#1d2330';
/** Trust edges (role → the party its trust policy names) point the other way from can-assume: a lighter, distinct colour. */
export const TRUST_COLOUR = '#9fb3cf';
/** The edge chosen on the canvas or in the path list. */
export const SELECTED_EDGE = '#1971c2';
