/**
 * Human-readable explanation of a decision: the request, what each layer said (which statements
 * applied, definitely or only under conditions), why a layer was skipped, and the verdict with
 * the statements or the missing Allow that decided it. Only built when `explain` is asked for.
 */
import type { LayerResult, StatementHit } from './evaluate/layer.ts';
import type { Decision, DecisionLayer, EvaluationRequest, ResidualCondition, StatementRef } from './types.ts';

export interface LayerTrace {
  /** e.g. `SCP ou-abcd-1111`, `identity policies`, `role trust policy`. */
  name: string;
  result: LayerResult;
}

export interface EvaluationTrace {
  request: EvaluationRequest;
  sameAccount: boolean;
  callerAccount?: string;
  resourceAccount?: string;
  layers: LayerTrace[];
  notPrincipalDenies: readonly StatementHit[];
  /** A federated user session evaluated without a session policy. */
  sessionRequired: boolean;
}

/** `identity my-policy #2 "Sid"` */
export function describeStatement(ref: StatementRef): string {
  return `${ref.policyType} ${ref.policyName ?? ref.policy} #${ref.statement}${ref.sid !== undefined ? ` "${ref.sid}"` : ''}`;
}

export function describeCondition(c: Pick<ResidualCondition, 'operator' | 'key' | 'values'>): string {
  return `${c.operator} ${c.key} ${JSON.stringify(c.values)}`;
}

function describeHits(hits: readonly StatementHit[]): string {
  return hits
    .map((h) => (h.value === 'true' ? describeStatement(h.statement.ref) : `${describeStatement(h.statement.ref)} only if ${h.unknown.map(describeCondition).join(' and ')}`))
    .join('; ');
}

function describeLayer({ name, result }: LayerTrace): string {
  const parts: string[] = [];
  if (result.denies.length) parts.push(`Deny: ${describeHits(result.denies)}`);
  if (result.allows.length) parts.push(`Allow: ${describeHits(result.allows)}`);
  return `${name}: ${parts.length ? parts.join(' | ') : 'no statement applies'}`;
}

function skippedLayers(t: EvaluationTrace): string[] {
  const { request: req } = t;
  const notes: string[] = [];
  const orgLevels = new Set(t.layers.map((l) => l.name.slice(0, 3)));
  if (req.scpLevels && !orgLevels.has('SCP')) {
    const why = req.caller.serviceLinkedRole ? 'the caller is a service-linked role'
      : t.callerAccount !== undefined && t.callerAccount === req.managementAccountId ? 'the caller is in the management account'
      : 'the caller is not a principal of a member account';
    notes.push(`SCPs do not apply: ${why}`);
  }
  if (req.rcpLevels && !orgLevels.has('RCP')) {
    const why = req.caller.serviceLinkedRole ? 'the caller is a service-linked role'
      : t.resourceAccount !== undefined && t.resourceAccount === req.managementAccountId ? 'the resource is in the management account'
      : `RCPs do not cover the service of ${req.action}`;
    notes.push(`RCPs do not apply: ${why}`);
  }
  if (req.caller.type === 'AccountRoot') notes.push('the account root user: no identity policies; full access within its own account unless denied');
  if (t.sessionRequired) notes.push('a federated user session without a session policy: identity policies grant nothing');
  if (t.notPrincipalDenies.length) notes.push(`a resource-policy Deny with NotPrincipal applies to every principal with a permissions boundary: ${describeHits(t.notPrincipalDenies)}`);
  return notes;
}

const LACKED: Record<DecisionLayer, string> = {
  scp: 'an SCP level has no Allow for the request',
  rcp: 'an RCP level has no Allow for the request',
  identity: 'no identity-based policy allows it',
  boundary: 'the permissions boundary does not allow it',
  session: 'the session policy does not allow it',
  resource: 'the resource policy does not allow the caller',
  trust: 'the role trust policy does not allow the caller (or its account, with an identity Allow)',
  'kms-key': 'the key policy does not allow the caller (or its account, with an identity Allow)',
};

function verdict(d: Decision, t: EvaluationTrace): string {
  const at = d.deniedAt !== undefined ? ` at ${d.deniedAt}` : '';
  if (d.decision === 'explicitDeny') return `decision: explicitDeny — explicit Deny in ${d.deniedBy}${at}: ${d.matched.map(describeStatement).join('; ')}`;
  if (d.decision === 'implicitDeny') {
    const layer = d.deniedBy ?? 'identity';
    let why = LACKED[layer].replace('an SCP level', `SCP level ${d.deniedAt ?? ''}`.trim()).replace('an RCP level', `RCP level ${d.deniedAt ?? ''}`.trim());
    if (!t.sameAccount && (layer === 'resource' || layer === 'identity')) why += ' (cross-account access needs both the identity-based and the resource policy)';
    return `decision: implicitDeny — ${why}`;
  }
  const by = d.matched.length ? ` by ${d.matched.map(describeStatement).join('; ')}` : '';
  if (!d.conditional) return `decision: allowed${by}`;
  const must = d.residual.filter((r) => !r.mustNotHold).map(describeCondition);
  const mustNot = d.residual.filter((r) => r.mustNotHold).map(describeCondition);
  // The decision assumes every residual Allow condition holds and no residual Deny condition does.
  const parts = [must.length ? `when these hold: ${must.join('; ')}` : '', mustNot.length ? `when these do not hold: ${mustNot.join('; ')}` : ''].filter(Boolean);
  return `decision: allowed (conditional)${by}, ${parts.join(', and ')}`;
}

/** The explanation lines for one decision. */
export function explainDecision(d: Decision, t: EvaluationTrace): string[] {
  const req = t.request;
  const where = t.sameAccount
    ? `same account ${t.callerAccount}`
    : `cross-account: caller ${t.callerAccount ?? 'outside any account'}, resource ${t.resourceAccount ?? 'unknown account'}`;
  const lines = [`request: ${req.caller.type} ${req.caller.arn} → ${req.action} on ${req.resource} (${where})`];
  for (const layer of t.layers) lines.push(describeLayer(layer));
  lines.push(...skippedLayers(t));
  if (d.missingContextValues.length) lines.push(`context keys referenced but absent: ${d.missingContextValues.join(', ')}`);
  lines.push(verdict(d, t));
  return lines;
}
