/**
 * Every principal (or outside source) that can reach admin, with every path the analysis found.
 * Severity from the best path: unconditional in one or two hops is critical, unconditional and
 * longer is high, only conditional paths (unknown conditions, resources the input cannot show) medium.
 */
import { shortName } from '../../analysis/text.ts';
import { escalationSeverity } from '../severity.ts';
import type { RawFinding, Rule } from '../types.ts';

const DOCS = ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'];

export const privescToAdmin: Rule = {
  info: {
    id: 'privesc-to-admin',
    severity: 'critical',
    title: 'Principal can escalate to admin',
    description: 'A principal that is not an administrator can become one: by assuming roles, passing a role to a service, or an IAM privilege-escalation technique. Each path lists the statements that allow every hop.',
    remediation: 'Remove the permission behind the first hop of each path (see the choke points for the fewest changes that cut the most paths), or constrain it with conditions or a permissions boundary.',
    docs: DOCS,
  },
  run({ privesc, graph }) {
    return privesc.findings.map(({ principal, paths }): RawFinding => {
      const severity = escalationSeverity(paths);
      const shortest = Math.min(...paths.map((p) => p.hops.length));
      const reachable = paths.filter((p) => p.verdict === 'reachable').length;
      const kind = graph.hasNode(principal) ? graph.getNodeAttribute(principal, 'kind') : 'principal';
      return {
        severity,
        subject: principal,
        title: `${shortName(principal)} can escalate to admin`,
        message: `${kind} ${principal} reaches admin by ${paths.length} path${paths.length === 1 ? '' : 's'} (shortest: ${shortest} hop${shortest === 1 ? '' : 's'}; ${reachable} unconditional).`,
        paths,
        facts: { paths: paths.length, shortestHops: shortest, unconditionalPaths: reachable, sourceKind: kind },
      };
    });
  },
};
