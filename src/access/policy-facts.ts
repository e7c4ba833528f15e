/** What one policy says of one action, worked out once: every principal holding the policy shares it. */
import type { CompiledPolicy, CompiledStatement } from '../policy/types.ts';

export interface PolicyFacts {
  /** Whether an Allow statement matches the action. */
  allows: boolean;
  /** The statements matching the action that name resources other than "*". */
  scoped: readonly CompiledStatement[];
  /** Which statements match the action, as a short string naming the policy ('' when none does). */
  matching: string;
  /** Whether a matching statement's outcome can differ between principals (decision-class.ts). */
  dependsOnPrincipal: boolean;
}

const NO_STATEMENTS: readonly CompiledStatement[] = Object.freeze([]);
const facts = new WeakMap<CompiledPolicy, Map<string, PolicyFacts>>();
const policyNumbers = new WeakMap<CompiledPolicy, number>();
let nextPolicyNumber = 0;

/**
 * Request keys whose values differ from one principal to the next (IAM User Guide, "AWS global
 * condition context keys": aws:PrincipalArn, aws:PrincipalTag/…, aws:username, aws:userid …).
 */
export const PRINCIPAL_KEY = /^aws:(principal|username$|userid$)/i;

/** A statement whose resources or conditions read the principal: a policy variable, or a principal's own key. */
function readsPrincipal(s: CompiledStatement): boolean {
  const { resource, notResource, condition } = s.parsed;
  const variable = (text: string) => text.includes('${');
  return (resource ?? []).some(variable) || (notResource ?? []).some(variable) ||
    condition.some((c) => PRINCIPAL_KEY.test(c.key) || variable(c.key) || c.values.some(variable));
}

export function factsOf(policy: CompiledPolicy, action: string): PolicyFacts {
  let byAction = facts.get(policy);
  if (!byAction) facts.set(policy, (byAction = new Map()));
  let found = byAction.get(action);
  if (!found) {
    let allows = false;
    let scoped: CompiledStatement[] | undefined;
    let matching = '';
    let dependsOnPrincipal = false;
    policy.statements.forEach((s, i) => {
      if (!s.matchesAction(action)) return;
      if (s.parsed.effect === 'Allow') allows = true;
      const r = s.parsed.resource;
      if (s.parsed.notResource || (r && !(r.length === 1 && r[0] === '*'))) (scoped ??= []).push(s);
      matching += `${matching ? ',' : ''}${i}`;
      dependsOnPrincipal ||= readsPrincipal(s);
    });
    if (matching) {
      let n = policyNumbers.get(policy);
      if (n === undefined) policyNumbers.set(policy, (n = nextPolicyNumber++));
      matching = `${n}:${matching}`;
    }
    byAction.set(action, (found = { allows, scoped: scoped ?? NO_STATEMENTS, matching, dependsOnPrincipal }));
  }
  return found;
}
