/**
 * Ready-made queries over a pushed snapshot (documented in docs/neo4j.md). All take the
 * snapshot id and their inputs as parameters.
 */
export interface ReadyQuery {
  id: string;
  title: string;
  query: string;
  /** Example parameters, also used by the tests that lint the query. */
  params: Record<string, unknown>;
}

export const READY_QUERIES: readonly ReadyQuery[] = [
  {
    id: 'shortest-path-to-admin',
    title: 'Shortest path from a principal to admin',
    query: `MATCH (p:IamNode {snapshot: $snapshot, arn: $principal}), (a:Admin {snapshot: $snapshot})
MATCH path = shortestPath((p)-[:MEMBER_OF|CAN_ASSUME|CAN_ESCALATE|CAN_PASS_TO_SERVICE|IS_ADMIN*..8]->(a))
RETURN [n IN nodes(path) | coalesce(n.arn, n.key)] AS hops, [r IN relationships(path) | coalesce(r.technique, type(r))] AS via`,
    params: { snapshot: 'snap-0', principal: 'arn:aws:iam::111122223333:user/alice' },
  },
  {
    id: 'who-can-reach-role',
    title: 'Every principal that can reach a role',
    query: `MATCH (r:Role {snapshot: $snapshot, arn: $role})
MATCH path = (p:IamNode {snapshot: $snapshot})-[:MEMBER_OF|CAN_ASSUME|CAN_ESCALATE|CAN_PASS_TO_SERVICE*1..8]->(r)
WHERE p <> r AND (p:User OR p:Role OR p:ExternalAccount OR p:FederatedProvider OR p:IdentityCenterUser OR p:Public)
RETURN DISTINCT coalesce(p.arn, p.key) AS principal, min(length(path)) AS hops
ORDER BY hops, principal`,
    params: { snapshot: 'snap-0', role: 'arn:aws:iam::111122223333:role/Deploy' },
  },
  {
    id: 'external-trusts',
    title: 'All roles trusting principals outside the analysed accounts',
    query: `MATCH (r:Role {snapshot: $snapshot})-[t:TRUSTS]->(x:IamNode {snapshot: $snapshot})
WHERE x:ExternalAccount OR x:Public OR x:FederatedProvider
RETURN r.arn AS role, coalesce(x.arn, x.key) AS trusted, x.kind AS kind
ORDER BY role, trusted`,
    params: { snapshot: 'snap-0' },
  },
  {
    id: 'paths-through-technique',
    title: 'Paths to admin that use a given escalation technique',
    query: `MATCH (a:Admin {snapshot: $snapshot})
MATCH path = (p:IamNode {snapshot: $snapshot})-[:MEMBER_OF|CAN_ASSUME|CAN_ESCALATE|CAN_PASS_TO_SERVICE|IS_ADMIN*1..6]->(a)
WHERE any(r IN relationships(path) WHERE type(r) = 'CAN_ESCALATE' AND r.technique = $technique)
RETURN coalesce(p.arn, p.key) AS principal, [n IN nodes(path) | coalesce(n.arn, n.key)] AS hops
ORDER BY length(path), principal
LIMIT 100`,
    params: { snapshot: 'snap-0', technique: 'iam-create-policy-version' },
  },
];
