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
