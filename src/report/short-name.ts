/** Short display names for ARNs in titles: `user/alice`, `role/Deploy`, `111122223333:role/x` across accounts. */
const IAM = /^arn:[^:]+:iam::(\d{12}|aws):(.+)$/;

export function shortName(key: string): string {
  const m = IAM.exec(key);
  if (!m) return key;
  return m[2] === 'root' ? `account ${m[1]}` : m[2];
}
