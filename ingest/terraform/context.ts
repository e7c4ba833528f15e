/** What applying one plan shares: the builder, the plan, its account, what each planned resource is called, and the origins recorded. */
import type { SourceRef } from '../../src/model/types.ts';
import { iamArn } from '../../src/policy/arn.ts';
import type { PolicyType } from '../../src/policy/types.ts';
import type { ModelBuilder } from '../builder.ts';
import type { PlanResourceChange, TerraformPlan } from './plan-json.ts';
import { isUnknown, unknownDocument } from './unknown.ts';

/** The model entities (ARNs, policy ids) one plan resource touched; a path through all of them is its doing. */
export interface PlanOrigin {
  address: string;
  type: string;
  actions: string[];
  entities: string[];
  /** Where to point: the plan file and the change's pointer, or the .tf file and line when the plan has them. */
  location: { file: string; pointer: string; line?: number };
}

type Values = Record<string, unknown>;
export type Planned = { arn?: string; name?: string; id?: string };

export class Ctx {
  readonly origins: PlanOrigin[] = [];
  readonly planned = new Map<string, Planned>();
  constructor(readonly b: ModelBuilder, readonly plan: TerraformPlan, readonly account: string) {}

  source(c: PlanResourceChange, attr: string): SourceRef {
    return { file: this.plan.file, pointer: `${c.pointer}/change/after/${attr}` };
  }

  touch(c: PlanResourceChange, ...entities: Array<string | undefined>): void {
    const list = entities.filter((e): e is string => Boolean(e));
    if (list.length === 0) return;
    const config = c.config;
    const location = config?.file ? { file: config.file, pointer: c.address, ...(config.line ? { line: config.line } : {}) } : { file: this.plan.file, pointer: c.pointer };
    this.origins.push({ address: c.address, type: c.type, actions: c.actions, entities: [...new Set(list)].sort(), location });
  }

  /** A string attribute, or what its expression references when Terraform knows it only after apply. */
  value(c: PlanResourceChange, values: Values, attr: string, want: keyof Planned): string | undefined {
    const v = values[attr];
    if (typeof v === 'string' && v !== '') return v;
    for (const ref of c.config?.references[attr] ?? []) {
      const got = this.planned.get(ref)?.[want] ?? this.planned.get(ref.replace(/\.[a-z_]+$/, ''))?.[want];
      if (got) return got;
    }
    return undefined;
  }

  /** A user, group or role named by name or ARN (existing, planned, or new in the account). */
  principal(kind: 'user' | 'group' | 'role', nameOrArn: string): string {
    if (nameOrArn.startsWith('arn:')) return nameOrArn;
    const map = kind === 'user' ? this.b.users : kind === 'group' ? this.b.groups : this.b.roles;
    for (const e of map.values()) if (e.accountId === this.account && e.name === nameOrArn) return e.arn;
    return iamArn(this.account, kind, nameOrArn);
  }

  /** A change that cannot be applied for want of something: a warning, never a silent skip. */
  unresolved(c: PlanResourceChange, what: string): void {
    this.b.warn('plan-unresolved', `${c.address}: ${what} is not known: the change is not applied`, c.address, { file: this.plan.file, pointer: c.pointer });
  }

  policyDocument(c: PlanResourceChange, values: Values, attr: string, type: PolicyType, resource?: string): unknown {
    if (isUnknown(c.afterUnknown, attr) && values === c.after) {
      this.b.warn('known-after-apply', `${c.address}: ${attr} is known only after apply: what it allows is conditional on it`, c.address, this.source(c, attr));
      return unknownDocument(type, `${c.address}.${attr}`, resource);
    }
    return values[attr];
  }

  putPolicy(id: string, name: string, kind: 'customer-managed' | 'inline' | 'trust' | 'resource' | 'scp' | 'rcp', type: PolicyType, document: unknown, source: SourceRef): void {
    this.b.policies.delete(id);
    if (document === undefined || document === null || document === '') return;
    this.b.addPolicy({ id, name, kind, type, document, source });
  }
}

