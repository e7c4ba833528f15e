/** Ids of policies that have no ARN of their own: inline, trust and resource policies, keyed by their owner's ARN. */
export const inlinePolicyId = (ownerArn: string, name: string): string => `${ownerArn}#inline/${name}`;
export const trustPolicyId = (roleArn: string): string => `${roleArn}#trust`;
export const resourcePolicyId = (resourceArn: string): string => `${resourceArn}#resource-policy`;
