/**
 * ARNs and account ids, the one place that knows their shape: parse, build (partition-aware),
 * check an account id, and shorten for display. Nothing else in the product spells `arn:aws:`
 * or a 12-digit pattern.
 */

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** The partition a new ARN gets when nothing says otherwise (an account id alone). */
export const DEFAULT_PARTITION = 'aws';

/** An AWS account id: exactly twelve digits. */
export const ACCOUNT_ID = /^\d{12}$/;

export const isAccountId = (value: string | undefined): boolean => value !== undefined && ACCOUNT_ID.test(value);

/** `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, … */
const PARTITION = 'aws(?:-[a-z]+)*';

/**
 * A well-formed ARN: partition, lower-case service, region, an account id (or none, or `aws`),
 * and a resource free of control characters.
 */
const WELL_FORMED = new RegExp(`^arn:${PARTITION}:[a-z0-9-]+:[a-z0-9-]*:(?:\\d{12}|aws)?:[^\\u0000-\\u001f\\u007f]+$`);

export const isArn = (value: string): boolean => WELL_FORMED.test(value);

/** The IAM kinds an export names by ARN, with a path: `arn:PARTITION:iam::ACCOUNT:KIND/PATH/NAME`. */
export type IamArnKind = 'user' | 'group' | 'role' | 'policy' | 'instance-profile';

/**
 * Path segments and the name: anything but `/` and control characters or line separators. IAM itself is
 * stricter (`[\w+=,.@-]`, "IAM identifiers"); hand-written models may hold names it would refuse,
 * but never one that breaks the ARN's shape or a one-line message.
 */
const IAM_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}|aws):(user|group|role|policy|instance-profile)(?:/[^/\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]+)+$`);

const MAX_IAM_ARN = 2048;

/** True when `value` is an IAM ARN of that kind; only policies may belong to `aws` (AWS-managed). */
export function isIamArn(value: string, kind: IamArnKind): boolean {
  // IAM caps ARNs at 2048 characters; the cap also keeps the path's backtracking bounded
  if (value.length > MAX_IAM_ARN) return false;
  const m = IAM_ARN.exec(value);
  return m !== null && m[2] === kind && (m[1] !== 'aws' || kind === 'policy');
}

/** Splits `arn:partition:service:region:account:resource`; undefined when not an ARN. */
export function parseArn(arn: string): ArnParts | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

/** The ARN of those parts (the inverse of parseArn). */
export const formatArn = (p: ArnParts): string => `arn:${p.partition}:${p.service}:${p.region}:${p.account}:${p.resource}`;

/** The account id an ARN names, if it names one. */
export const accountOfArn = (arn: string): string | undefined => {
  const account = arn.split(':')[4];
  return isAccountId(account) ? account : undefined;
};

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`, …), or the default. */
export const partitionOf = (arn: string | undefined): string => (arn?.startsWith('arn:') && arn.split(':')[1]) || DEFAULT_PARTITION;

/** The account an AWS principal value names: a bare account id or any ARN with one. */
export const accountOfPrincipalValue = (value: string): string | undefined => (isAccountId(value) ? value : accountOfArn(value));

export interface IamArn {
  partition: string;
  account: string;
  kind: string;
  path: string;
  name: string;
}

/** Parses an IAM ARN (`user`, `group`, `role`, `policy`, `instance-profile`, providers, `root`). */
export function parseIamArn(arn: string): IamArn | undefined {
  const m = /^arn:([^:]+):iam::(\d{12}|aws):([a-z-]+)(\/.*)?$/.exec(arn);
  if (!m) return undefined;
  const rest = m[4] ?? '';
  const slash = rest.lastIndexOf('/');
  return { partition: m[1], account: m[2], kind: m[3], path: slash <= 0 ? '/' : `${rest.slice(0, slash)}/`, name: rest.slice(slash + 1) };
}

export const iamArn = (account: string, kind: string, name: string, path = '/', partition = DEFAULT_PARTITION): string =>
  `arn:${partition}:iam::${account}:${kind}${path}${name}`;

export const rootArn = (account: string, partition = DEFAULT_PARTITION): string => `arn:${partition}:iam::${account}:root`;

/** `arn:…:iam::ACCOUNT:root`: the account as a principal. */
export const isRootArn = (value: string): boolean => {
  // The engine asks this for every principal value it matches: the cheap test first.
  if (!value.endsWith(':root')) return false;
  const iam = parseIamArn(value);
  return iam?.kind === 'root' && isAccountId(iam.account);
};

/** A bare account id or an account's root ARN: "the whole account" as a principal value. */
export const namesWholeAccount = (value: string): boolean => isAccountId(value) || isRootArn(value);

/** A principal value as an ARN: an account id becomes its root ARN; ARNs are unchanged. */
export const principalValueArn = (value: string, partition = DEFAULT_PARTITION): string => (isAccountId(value) ? rootArn(value, partition) : value);

/** The ARN of a role session: `arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION`. */
export const roleSessionArn = (roleArn: string, account: string, roleName: string, session: string): string =>
  `arn:${partitionOf(roleArn)}:sts::${account}:assumed-role/${roleName}/${session}`;

/** The role name and account of a role session ARN. */
export function parseRoleSessionArn(arn: string): { partition: string; account: string; roleName: string } | undefined {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return m ? { partition: m[1], account: m[2], roleName: m[3] } : undefined;
}

const SHORTENED = /^arn:[^:]+:(?:iam|sts)::(\d{12}|aws):(.+)$/;

/** Short display name: `user/alice`, `role/Deploy`, `assumed-role/x/s`, `account 111122223333`; other keys unchanged. */
/** IAM Identity Center's ARNs (no region, no account): an instance, and an account as an assignment target. */
export const ssoAccountArn = (account: string, partition = DEFAULT_PARTITION): string => `arn:${partition}:sso:::account/${account}`;
/** `arn:…:sso:::permissionSet/ssoins-…/ps-…` → `arn:…:sso:::instance/ssoins-…` */
export function ssoInstanceOfPermissionSet(permissionSetArn: string): string | undefined {
  const parts = parseArn(permissionSetArn);
  const [kind, instance] = parts?.resource.split('/') ?? [];
  return parts?.service === 'sso' && kind === 'permissionSet' && instance ? `arn:${parts.partition}:sso:::instance/${instance}` : undefined;
}

export function shortName(key: string): string {
  const m = SHORTENED.exec(key);
  if (!m) return key;
  return m[2] === 'root' ? `account ${m[1]}` : m[2];
}
