/**
 * A small serialized access graph with hostile names: quotes, backticks, newlines, Cypher
 * keywords and markup in labels, ARNs and evidence.
 */
import type { SerializedAccessGraph } from '../../src/graph/serialize.ts';

export const HOSTILE_NAMES = [
  "O'Brien\"`); MATCH (n) DETACH DELETE n //",
  'line1\nline2\r\n\ttabbed \\ backslash',
  '`backtick` }] RETURN 1 UNION MATCH (x) SET x.pwned = true',
  '<img src=x onerror=alert(1)>',
  'unicode ✓ \u2028 sep',
];

const acct = '111122223333';

export function hostileGraph(): SerializedAccessGraph {
  const userArn = (n: number) => `arn:aws:iam::${acct}:user/h${n}`;
  const nodes: SerializedAccessGraph['nodes'] = HOSTILE_NAMES.map((name, i) => ({
    key: userArn(i),
    attributes: { kind: 'user', label: name, arn: userArn(i), accountId: acct, details: { tags: [{ key: 'team', value: name }] } },
  }));
  nodes.push(
    { key: `arn:aws:iam::${acct}:role/Deploy`, attributes: { kind: 'role', label: 'Deploy', arn: `arn:aws:iam::${acct}:role/Deploy`, accountId: acct, admin: true } },
    { key: `arn:aws:iam::${acct}:group/devs`, attributes: { kind: 'group', label: 'devs', arn: `arn:aws:iam::${acct}:group/devs`, accountId: acct } },
    { key: 'arn:aws:iam::444455556666:root', attributes: { kind: 'external-account', label: '444455556666', accountId: '444455556666' } },
    { key: 'admin', attributes: { kind: 'admin', label: 'admin' } },
  );
  const evidence = (sid: string) => [{ policy: `arn:aws:iam::${acct}:policy/p`, policyType: 'identity' as const, statement: 0, sid, effect: 'Allow' as const }];
  const edges: SerializedAccessGraph['edges'] = [
    { key: 'e1', source: userArn(0), target: `arn:aws:iam::${acct}:group/devs`, attributes: { kind: 'member-of', evidence: [], conditions: [], conditional: false } },
    { key: 'e2', source: userArn(1), target: `arn:aws:iam::${acct}:role/Deploy`, attributes: { kind: 'can-assume', actions: ['sts:AssumeRole'], evidence: evidence(HOSTILE_NAMES[2]), conditions: [], conditional: false } },
    {
      key: 'e3', source: userArn(2), target: 'admin',
      attributes: {
        kind: 'escalation',
        technique: { id: 'iam-create-policy-version', name: "CreatePolicyVersion 'new default'", publicIds: ['IAM-001', 'rhino-1'] },
        actions: ['iam:CreatePolicyVersion'], evidence: evidence('x'), conditions: [], conditional: false,
      },
    },
    { key: 'e4', source: 'arn:aws:iam::444455556666:root', target: `arn:aws:iam::${acct}:role/Deploy`, attributes: { kind: 'can-assume', evidence: [], conditions: [], conditional: true, requires: [HOSTILE_NAMES[0]] } },
    { key: 'e5', source: `arn:aws:iam::${acct}:role/Deploy`, target: 'admin', attributes: { kind: 'is-admin', evidence: [], conditions: [], conditional: false } },
  ];
  return { options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: {}, nodes, edges };
}
