/**
 * Service roles with admin rights that a non-admin can pass to a service (iam:PassRole plus the
 * service's create/run action): whoever can pass the role runs code as an administrator.
 */
import { ADMIN_NODE } from '../../graph/types.ts';
import { ACTING_AS, stepsOf } from '../../graph/traversal/index.ts';
import { shortName } from '../../analysis/text.ts';
import type { RawFinding, Rule } from '../types.ts';
import { hopOf, pathOf } from '../../analysis/hop.ts';
import type { Path } from '../../analysis/types.ts';

export const passableAdminRole: Rule = {
  info: {
    id: 'passable-admin-service-role',
    severity: 'critical',
    title: 'Admin service role that non-admins can pass',
    description: 'A role trusted by an AWS service has administrator rights, and a principal that is not an administrator can pass it to that service (iam:PassRole with the service action that launches code): it can run anything as admin.',
    remediation: 'Scope the service role to what the workload needs, and restrict iam:PassRole to specific role ARNs with an iam:PassedToService condition.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
  },
  run({ graph, privesc }) {
    const admins = new Set(privesc.admins);
    const out: RawFinding[] = [];
    for (const role of privesc.admins) {
      if (graph.getNodeAttribute(role, 'kind') !== 'role') continue;
      const adminKey = `${role}->${ADMIN_NODE}:is-admin`;
      if (!graph.hasEdge(adminKey)) continue;
      const adminHop = hopOf(role, ADMIN_NODE, graph.getEdgeAttributes(adminKey));
      const paths: Path[] = [];
      const passers = new Set<string>();
      // Through a technique's hub ("any role trusting lambda.amazonaws.com") too: folded steps.
      for (const { from: source, attributes: a } of stepsOf(graph, role, { edges: ACTING_AS, direction: 'in' })) {
        if (a.kind !== 'escalation' || !a.actions?.includes('iam:PassRole') || admins.has(source)) continue;
        passers.add(source);
        paths.push(pathOf([hopOf(source, role, a), adminHop]));
      }
      if (paths.length === 0) continue;
      paths.sort((a, b) => (a.hops[0].from + a.hops[0].kind < b.hops[0].from + b.hops[0].kind ? -1 : 1));
      const unconditional = paths.some((p) => p.verdict === 'reachable');
      out.push({
        severity: unconditional ? 'critical' : 'high',
        subject: role,
        title: `admin role ${shortName(role)} can be passed by ${passers.size} non-admin principal${passers.size === 1 ? '' : 's'}`,
        message: `${role} is an administrator and ${[...passers].sort().join(', ')} can pass it to a service.`,
        paths,
        facts: { passers: [...passers].sort() },
      });
    }
    return out;
  },
};
