/**
 * Long-lived credentials that are stale — access keys not rotated or not used for more than
 * `staleDays`, console passwords not used for that long — on users that are admin or can reach
 * admin. Ages are counted to `asOf` (default: the newest date in the credential report, so the
 * same input always gives the same report).
 */
import type { AccountModel, CredentialFacts } from '../../model/types.ts';
import { shortName } from '../../analysis/text.ts';
import type { RawFinding, Rule } from '../types.ts';

const DAY = 86_400_000;

/** The newest date the credential report mentions: when it was (about) generated. */
export function credentialReportDate(model: AccountModel): string | undefined {
  let newest: number | undefined;
  for (const u of Object.values(model.users)) {
    const c = u.credentials;
    if (!c) continue;
    for (const d of [c.passwordLastUsed, ...c.accessKeys.flatMap((k) => [k.lastRotated, k.lastUsed])]) {
      const t = d ? Date.parse(d) : NaN;
      if (!Number.isNaN(t) && (newest === undefined || t > newest)) newest = t;
    }
  }
  return newest === undefined ? undefined : new Date(newest).toISOString();
}

const ageDays = (date: string | undefined, asOf: number): number | undefined => {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? undefined : Math.floor((asOf - t) / DAY);
};

/** Human-readable reasons the credentials are stale. */
export function staleReasons(c: CredentialFacts, asOf: number, staleDays: number): string[] {
  const reasons: string[] = [];
  c.accessKeys.forEach((k, i) => {
    if (!k.active) return;
    const rotated = ageDays(k.lastRotated, asOf);
    const used = ageDays(k.lastUsed, asOf);
    if (rotated !== undefined && rotated > staleDays) reasons.push(`access key ${i + 1} not rotated for ${rotated} days`);
    if (used === undefined && rotated !== undefined && rotated > staleDays) reasons.push(`access key ${i + 1} never used`);
    else if (used !== undefined && used > staleDays) reasons.push(`access key ${i + 1} unused for ${used} days`);
  });
  const password = ageDays(c.passwordLastUsed, asOf);
  if (c.passwordEnabled && password !== undefined && password > staleDays) reasons.push(`password unused for ${password} days`);
  return reasons;
}

export const staleCredentials: Rule = {
  info: {
    id: 'stale-credentials-admin-reach',
    severity: 'high',
    title: 'Stale credentials that can reach admin',
    description: 'A user that is admin or can escalate to admin holds long-lived credentials (access keys, console password) that have not been rotated or used for longer than --stale-days. Unused credentials are pure risk; old keys have had more chances to leak.',
    remediation: 'Deactivate and delete unused access keys and passwords; rotate the keys still needed, and prefer roles with temporary credentials.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials'],
  },
  run({ model, privesc, options }) {
    const asOfText = options.asOf ?? credentialReportDate(model);
    if (!asOfText) return [];
    const asOf = Date.parse(asOfText);
    const admins = new Set(privesc.admins);
    const escalations = new Map(privesc.findings.map((f) => [f.principal, f.paths]));
    const out: RawFinding[] = [];
    for (const user of Object.values(model.users).sort((a, b) => (a.arn < b.arn ? -1 : 1))) {
      if (!user.credentials) continue;
      const paths = escalations.get(user.arn);
      if (!admins.has(user.arn) && !paths) continue;
      const reasons = staleReasons(user.credentials, asOf, options.staleDays);
      if (reasons.length === 0) continue;
      const unconditional = admins.has(user.arn) || (paths ?? []).some((p) => p.verdict === 'reachable');
      out.push({
        severity: unconditional ? 'high' : 'medium',
        subject: user.arn,
        title: `${shortName(user.arn)} ${admins.has(user.arn) ? 'is admin' : 'can reach admin'} with stale credentials`,
        message: `${user.arn} ${admins.has(user.arn) ? 'is an administrator' : 'can escalate to admin'}: ${reasons.join('; ')} (as of ${asOfText.slice(0, 10)}).`,
        paths: paths ?? [],
        facts: { reasons, asOf: asOfText, staleDays: options.staleDays, admin: admins.has(user.arn) },
      });
    }
    return out;
  },
};
