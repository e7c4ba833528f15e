/**
 * SAML and OIDC trusts must say which tokens they accept: the audience (`<provider>:aud`,
 * `SAML:aud`) and, for shared issuers such as GitHub Actions, the subject (`…:sub`). A GitHub
 * OIDC trust without `token.actions.githubusercontent.com:sub` lets any workflow of any
 * repository on GitHub assume the role.
 */
import type { ConditionClause } from '../../policy/types.ts';
import { shortName } from '../../analysis/text.ts';
import type { RawFinding, Rule, Severity } from '../types.ts';
import { evidenceOfStatement, pinnedKeys, principalValues } from './statements.ts';
import { statementKey, trustStatements, type TrustStatement } from './trust-statements.ts';

const GITHUB = 'token.actions.githubusercontent.com';

/** The issuer host of an OIDC provider value (`arn:…:oidc-provider/HOST` or a well-known host). */
export function oidcHost(value: string): string {
  const i = value.indexOf(':oidc-provider/');
  return i >= 0 ? value.slice(i + ':oidc-provider/'.length) : value;
}

/** A `sub` that still admits every repository: `*`, or `repo:` followed by a wildcard. */
const openGithubSubject = (c: ConditionClause): boolean => c.values.some((v) => /^(\*|repo:\*)/.test(v));

interface Gap {
  severity: Severity;
  missing: string[];
  why: string;
}

function samlGap(t: TrustStatement): Gap | undefined {
  if (pinnedKeys(t.statement, ['saml:aud']).length) return undefined;
  return { severity: 'medium', missing: ['SAML:aud'], why: 'no SAML:aud condition: assertions meant for another service provider are accepted' };
}

function oidcGap(t: TrustStatement, host: string): Gap | undefined {
  const aud = `${host}:aud`.toLowerCase();
  const sub = `${host}:sub`.toLowerCase();
  const pinned = pinnedKeys(t.statement, [aud, sub]);
  if (host === GITHUB) {
    const subClauses = t.statement.parsed.condition.filter((c) => c.key.toLowerCase() === sub);
    if (!pinned.includes(sub) || subClauses.some(openGithubSubject)) {
      return { severity: 'critical', missing: [`${host}:sub`], why: 'no condition on the subject (repository, branch, environment): any GitHub Actions workflow of any repository can assume the role' };
    }
    return pinned.includes(aud) ? undefined : { severity: 'low', missing: [`${host}:aud`], why: 'no audience condition' };
  }
  if (pinned.includes(aud)) return undefined;
  return { severity: 'high', missing: [`${host}:aud`], why: 'no audience condition: tokens issued to any client of the provider are accepted' };
}

export const federatedTrustUnscoped: Rule = {
  info: {
    id: 'federated-trust-unscoped',
    severity: 'critical',
    title: 'SAML/OIDC trust without audience or subject condition',
    description: 'A role trusting a SAML or OIDC provider must pin the token audience, and for shared issuers (GitHub Actions) the subject; otherwise tokens minted for other applications, repositories or branches can assume it.',
    remediation: 'Add StringEquals (or StringLike limited to your organization) on <provider>:aud and <provider>:sub — for GitHub, token.actions.githubusercontent.com:sub = repo:ORG/REPO:ref:refs/heads/BRANCH or :environment:NAME; for SAML, SAML:aud.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html'],
  },
  run({ model }) {
    const out: RawFinding[] = [];
    for (const t of trustStatements(model)) {
      for (const value of principalValues(t.statement.parsed.principal, 'Federated')) {
        const saml = value.includes(':saml-provider/');
        const host = saml ? undefined : oidcHost(value);
        const gap = saml ? samlGap(t) : oidcGap(t, host!);
        if (!gap) continue;
        out.push({
          severity: gap.severity,
          subject: t.role.arn,
          key: statementKey(t, value),
          title: `${shortName(t.role.arn)} trusts ${saml ? 'SAML' : 'OIDC'} provider ${shortName(value)} without ${gap.missing.join(', ')}`,
          message: `${t.role.arn} trusts ${value} with ${gap.why}.`,
          evidence: [evidenceOfStatement(t, `trust: ${value}`)],
          facts: { provider: value, kind: saml ? 'saml' : 'oidc', missing: gap.missing },
        });
      }
    }
    return out;
  },
};
