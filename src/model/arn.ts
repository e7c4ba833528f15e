/** ARN helpers for IAM entities: `arn:aws:iam::ACCOUNT:user/path/name`. */

export interface IamArn {
  partition: string;
  account: string;
  kind: string;
  path: string;
  name: string;
}

/** Parses an IAM ARN (`user`, `group`, `role`, `policy`, `instance-profile`, providers). */
export function parseIamArn(arn: string): IamArn | undefined {
  const m = /^arn:([^:]+):iam::(\d{12}|aws):([a-z-]+)(\/.*)?$/.exec(arn);
  if (!m) return undefined;
  const rest = m[4] ?? '';
  const slash = rest.lastIndexOf('/');
  return { partition: m[1], account: m[2], kind: m[3], path: slash <= 0 ? '/' : `${rest.slice(0, slash)}/`, name: rest.slice(slash + 1) };
}

export const accountOfArn = (arn: string): string | undefined => {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
};

export const iamArn = (account: string, kind: string, name: string, path = '/', partition = 'aws'): string =>
  `arn:${partition}:iam::${account}:${kind}${path}${name}`;

export const rootArn = (account: string, partition = 'aws'): string => `arn:${partition}:iam::${account}:root`;

export const inlinePolicyId = (ownerArn: string, name: string): string => `${ownerArn}#inline/${name}`;
export const trustPolicyId = (roleArn: string): string => `${roleArn}#trust`;
export const resourcePolicyId = (resourceArn: string): string => `${resourceArn}#resource-policy`;

const IAM_ARN = /^arn:[^:]+:(?:iam|sts)::(\d{12}|aws):(.+)$/;

/** Short display name: `user/alice`, `role/Deploy`, `assumed-role/x/s`, `account 111122223333`; other keys unchanged. */
export function shortName(key: string): string {
  const m = IAM_ARN.exec(key);
  if (!m) return key;
  return m[2] === 'root' ? `account ${m[1]}` : m[2];
}
