/**
 * Accumulates what the readers find, from any number of files, and finalizes it into one
 * `AccountModel`: references resolved, documents compiled once, and every gap a warning.
 */
import { compilePolicy } from '../src/policy/compile.ts';
import { documentText } from '../src/policy/parse.ts';
import { duplicateKeys } from './json-duplicates.ts';
import { PolicyError, type PolicyType } from '../src/policy/types.ts';
import { accountOfArn, accountOfPrincipalValue, parseIamArn, rootArn } from '../src/policy/arn.ts';
import type {
  Account,
  AccountModel,
  ComputeKind,
  ComputeResource,
  CredentialFacts,
  Group,
  IdentityCenter,
  IdentityProvider,
  InstanceProfile,
  InventoryCoverage,
  ModelWarning,
  OrgNode,
  PolicyRecord,
  Resource,
  Role,
  SourceRef,
  User,
} from '../src/model/types.ts';
import type { InputError } from './errors.ts';
import { COMPUTE_KINDS, listingKey } from '../src/model/compute.ts';

type PolicyKind = PolicyRecord['kind'];

export interface PendingPolicy {
  id: string;
  name: string;
  kind: PolicyKind;
  type: PolicyType;
  document?: unknown;
  source?: SourceRef;
  /** Non-default versions of a managed policy. */
  otherVersions?: Array<{ versionId: string; document: unknown; source: SourceRef }>;
}

export class ModelBuilder {
  readonly accounts = new Map<string, Account>();
  readonly users = new Map<string, User>();
  readonly groups = new Map<string, Group>();
  readonly roles = new Map<string, Role>();
  readonly instanceProfiles = new Map<string, InstanceProfile>();
  readonly policies = new Map<string, PolicyRecord>();
  readonly resources = new Map<string, Resource>();
  readonly providers = new Map<string, IdentityProvider>();
  readonly orgNodes = new Map<string, OrgNode>();
  /** User name → group names, resolved against the account's groups at finalize. */
  readonly pendingGroupNames = new Map<string, string[]>();
  readonly credentials = new Map<string, CredentialFacts>();
  readonly compute = new Map<string, ComputeResource>();
  /** `kind account region` → whether its last page is among the inputs (a page with a next token is not the last). */
  private readonly listings = new Map<string, { last: boolean; file: string }>();
  /** account → its regions (`aws ec2 describe-regions`). */
  readonly regions = new Map<string, Set<string>>();
  identityCenter: IdentityCenter | undefined;
  organizationId: string | undefined;
  managementAccountId: string | undefined;
  readonly warnings: ModelWarning[] = [];
  readonly errors: InputError[] = [];
  readonly inputs: string[] = [];
  /** `kind|key` → the fingerprint of the definition kept, to tell a repeat from a conflict. */
  private readonly fingerprints = new Map<string, string>();

  warn(code: string, message: string, subject?: string, source?: SourceRef): void {
    const w: ModelWarning = { code, message };
    if (subject !== undefined) w.subject = subject;
    if (source !== undefined) w.source = source;
    this.warnings.push(w);
  }

  account(id: string, fields: Partial<Account> = {}): Account {
    let account = this.accounts.get(id);
    if (!account) {
      account = { id, external: true };
      this.accounts.set(id, account);
    }
    Object.assign(account, fields);
    return account;
  }

  defineUser(user: User, groupNames: string[]): void {
    if (this.define('user', this.users, user.arn, user, [...groupNames].sort())) this.pendingGroupNames.set(user.arn, groupNames);
  }

  defineGroup(group: Group): void {
    this.define('group', this.groups, group.arn, group);
  }

  defineRole(role: Role): void {
    this.define('role', this.roles, role.arn, role);
  }

  /**
   * Two files may define one principal: identical definitions merge, different ones are an input
   * error naming both places. Either way the definition kept is the one whose source sorts first,
   * so the model never depends on the order of the inputs. True when `value` is the one kept.
   */
  private define<T extends { source?: SourceRef }>(what: string, map: Map<string, T>, key: string, value: T, extra?: unknown): boolean {
    const existing = map.get(key);
    const fingerprint = definitionFingerprint(value, extra);
    if (!existing) {
      map.set(key, value);
      this.fingerprints.set(`${what}|${key}`, fingerprint);
      return true;
    }
    const keepNew = compareSources(value.source, existing.source) < 0;
    if (this.fingerprints.get(`${what}|${key}`) !== fingerprint) this.conflict(what, key, existing.source, value.source);
    if (!keepNew) return false;
    map.set(key, value);
    this.fingerprints.set(`${what}|${key}`, fingerprint);
    return true;
  }

  private conflict(what: string, key: string, a: SourceRef | undefined, b: SourceRef | undefined): void {
    const [first, second] = compareSources(a, b) <= 0 ? [a, b] : [b, a];
    const where = (s: SourceRef | undefined) => (s ? `${s.file} at ${s.pointer || '/'}` : 'derived data');
    this.errors.push({
      file: first?.file ?? '', pointer: first?.pointer ?? '',
      message: `expected one definition of ${what} ${key}, got a different one in ${where(second)} (identical definitions merge; make the inputs agree or give only one)`,
    });
  }

  /** A resource from an inventory; the same one from two inventories (Config and the CLI) is kept once, from the source that sorts first. */
  defineCompute(resource: ComputeResource): void {
    const existing = this.compute.get(resource.arn);
    if (!existing) return void this.compute.set(resource.arn, resource);
    // Two outputs describe one resource in parts (a listing's state, a description's role): what one lacks the other gives.
    const [first, second] = compareSources(resource.source, existing.source) < 0 ? [resource, existing] : [existing, resource];
    this.compute.set(resource.arn, { ...second, ...first, roles: [...new Set([...first.roles, ...second.roles])].sort() });
  }

  /** One page of an inventory listing; `last` when no next-page token says more follow. */
  listed(kind: ComputeKind, accountId: string, region: string, last: boolean, file: string): void {
    const key = listingKey(kind, accountId, region);
    const existing = this.listings.get(key);
    this.listings.set(key, { last: last || Boolean(existing?.last), file: existing?.file ?? file });
  }

  /** What a finished model says was listed, for a builder that starts from it (a Terraform plan applied to the exports). */
  restoreInventory(inventory: InventoryCoverage): void {
    for (const key of inventory.listed) this.listings.set(key, { last: true, file: '' });
    for (const [account, regions] of Object.entries(inventory.regions)) this.regions.set(account, new Set(regions));
  }

  /** A policy given as JSON text (an SCP's Content, an inline policy string): its duplicate keys, as for whole files. */
  private warnDuplicateKeys(document: string, id: string, source: SourceRef | undefined): void {
    let text: string;
    try {
      text = documentText(document);
      JSON.parse(text);
    } catch {
      return; // compiling it reports what is wrong
    }
    for (const at of duplicateKeys(text)) {
      this.warn('duplicate-key', `${id}: policy text ${at}: duplicate key: JSON keeps the last value`, id, source);
    }
  }

  addPolicy(p: PendingPolicy): void {
    const record: PolicyRecord = { id: p.id, name: p.name, kind: p.kind, type: p.type };
    if (p.source) record.source = p.source;
    if (typeof p.document === 'string') this.warnDuplicateKeys(p.document, p.id, p.source);
    if (p.document !== undefined) {
      try {
        record.policy = compilePolicy(p.document, { id: p.id, name: p.name, type: p.type, ...(p.source ? { source: p.source } : {}) });
      } catch (err) {
        if (!(err instanceof PolicyError) || !p.source) throw err;
        this.errors.push({ file: p.source.file, pointer: `${p.source.pointer}${err.pointer}`, message: err.detail });
        return;
      }
    }
    for (const v of p.otherVersions ?? []) {
      try {
        const policy = compilePolicy(v.document, { id: p.id, name: `${p.name} (version ${v.versionId})`, type: p.type, source: v.source });
        (record.otherVersions ??= []).push({ versionId: v.versionId, policy });
      } catch (err) {
        if (!(err instanceof PolicyError)) throw err;
        this.errors.push({ file: v.source.file, pointer: `${v.source.pointer}${err.pointer}`, message: err.detail });
      }
    }
    const existing = this.policies.get(p.id);
    if (existing?.policy && !record.policy) return; // a reference never replaces a document
    if (existing?.policy && record.policy) {
      const same = definitionFingerprint(existing.policy.parsed.raw) === definitionFingerprint(record.policy.parsed.raw);
      if (!same) this.conflict('policy', p.id, existing.source, record.source);
      if (compareSources(record.source, existing.source) >= 0) return;
    }
    this.policies.set(p.id, record);
  }

  /** Records that a managed policy is referenced (documents may arrive from another file). */
  referencePolicy(arn: string, name: string): void {
    if (!this.policies.has(arn)) {
      this.policies.set(arn, { id: arn, name, kind: arn.includes(':iam::aws:') ? 'aws-managed' : 'customer-managed', type: 'identity' });
    }
  }

  finalize(): AccountModel {
    this.resolveGroups();
    this.checkReferences();
    this.checkOrganization();
    this.attachCredentials();
    this.checkInventories();
    const sorted = <T>(map: Map<string, T>): Record<string, T> =>
      Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const model: AccountModel = {
      accounts: sorted(this.accounts),
      users: sorted(this.users),
      groups: sorted(this.groups),
      roles: sorted(this.roles),
      instanceProfiles: sorted(this.instanceProfiles),
      policies: sorted(this.policies),
      resources: sorted(this.resources),
      compute: sorted(this.compute),
      inventory: {
        listed: [...this.listings].filter(([, l]) => l.last).map(([key]) => key).sort(),
        regions: Object.fromEntries([...this.regions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([account, set]) => [account, [...set].sort()])),
      },
      identityProviders: sorted(this.providers),
      warnings: dedupeWarnings(this.warnings),
      inputs: [...this.inputs],
    };
    if (this.orgNodes.size > 0 || this.managementAccountId) {
      model.organization = { nodes: sorted(this.orgNodes) };
      if (this.organizationId) model.organization.id = this.organizationId;
      if (this.managementAccountId) model.organization.managementAccountId = this.managementAccountId;
    }
    if (this.identityCenter) model.identityCenter = this.identityCenter;
    return model;
  }

  private resolveGroups(): void {
    const byAccountAndName = new Map<string, string>();
    for (const group of this.groups.values()) byAccountAndName.set(`${group.accountId}/${group.name}`, group.arn);
    for (const [userArn, names] of this.pendingGroupNames) {
      const user = this.users.get(userArn);
      if (!user) continue;
      for (const name of names) {
        const arn = byAccountAndName.get(`${user.accountId}/${name}`);
        if (arn) user.groups.push(arn);
        else this.warn('undefined-group', `user ${user.name} is in group ${name}, which the input does not define: its policies are unknown`, `${user.accountId}/group/${name}`, user.source);
      }
      user.groups = [...new Set(user.groups)].sort();
    }
  }

  private checkReferences(): void {
    const missing: string[] = [];
    for (const record of this.policies.values()) if (!record.policy && record.kind !== 'trust') missing.push(record.id);
    if (missing.length > 0) {
      const aws = missing.filter((id) => id.includes(':iam::aws:'));
      for (const id of missing.sort()) {
        this.warn('missing-policy', `policy ${id} is attached but its document is not in the input${id.includes(':iam::aws:') ? ' (an AWS-managed policy: add it with a GAAD export made with --filter LocalManagedPolicy AWSManagedPolicy, or in the account model)' : ''}`, id);
      }
      if (aws.length > 0) this.warn('missing-aws-managed-policies', `${aws.length} AWS-managed polic${aws.length === 1 ? 'y is' : 'ies are'} referenced without a document: ${aws.sort().join(', ')}`);
    }
    // Principals named in trust and resource policies: groups are not principals; unknown accounts are external.
    for (const record of this.policies.values()) {
      if (!record.policy || (record.kind !== 'trust' && record.kind !== 'resource')) continue;
      for (const statement of record.policy.parsed.statements) {
        const block = statement.principal ?? statement.notPrincipal;
        if (!block || block === '*') continue;
        for (const value of block.AWS ?? []) this.checkPrincipalValue(value, record);
      }
    }
  }

  private checkPrincipalValue(value: string, record: PolicyRecord): void {
    const account = accountOfPrincipalValue(value);
    const iam = parseIamArn(value);
    if (iam?.kind === 'group') {
      this.warn('group-as-principal', `${record.id}: names group ${value} as a Principal; AWS rejects groups as principals (name the users, or let the group's policy allow sts:AssumeRole on a role that trusts the account)`, value, record.source);
      return;
    }
    if (!account) return;
    const known = this.accounts.get(account);
    if (!known || known.external) {
      this.account(account);
      this.warn('unknown-external-account', `${record.id}: names ${value} (account ${account}) as a principal; the input has no IAM data for that account: kept as an external principal (any principal of that account that its own policies allow)`, rootArn(account), record.source);
    }
  }

  private checkOrganization(): void {
    const internal = [...this.accounts.values()].filter((a) => !a.external);
    if (this.orgNodes.size === 0) {
      if (internal.length > 0) this.warn('no-org-data', 'no organization data: SCPs and RCPs are not evaluated (add the organization file to include them)');
      return;
    }
    for (const account of internal) {
      const node = this.orgNodes.get(account.id);
      if (!node) {
        this.warn('no-scp-data', `account ${account.id} is not in the organization tree that was given: its SCPs and RCPs are unknown and not evaluated`, account.id);
        continue;
      }
      const path: string[] = [];
      let parent = node.parent;
      while (parent) {
        path.unshift(parent);
        parent = this.orgNodes.get(parent)?.parent;
      }
      account.orgPath = path;
    }
  }

  /**
   * Gaps in the inventories, said once each: a listing whose last page is missing, compute that
   * runs as a role no input defines, and — for accounts with roles that trust a compute service —
   * which kinds were not listed in every region (hops through them stay conditional).
   */
  private checkInventories(): void {
    // Glue and Config may name a role without its path: role names are unique in an account.
    const byName = new Map([...this.roles.values()].map((r) => [`${r.accountId}/${r.name}`, r.arn]));
    for (const resource of this.compute.values()) {
      resource.roles = resource.roles.map((role) => (this.roles.has(role) ? role : byName.get(`${accountOfArn(role) ?? resource.accountId}/${role.split('/').pop()}`) ?? role));
    }
    const everywhere = this.regions.get('');
    if (everywhere) {
      this.regions.delete('');
      for (const account of this.accounts.values()) if (!account.external && !this.regions.has(account.id)) this.regions.set(account.id, everywhere);
    }
    for (const [key, listing] of this.listings) {
      if (listing.last) continue;
      const [kind, account, region] = key.split(' ');
      this.warn('inventory-incomplete', `${listing.file}: the ${COMPUTE_KINDS[kind as ComputeKind].label} listing of account ${account} in ${region} says more pages follow (a next-page token) and its last page is not in the inputs: absence there is not a fact`, account, { file: listing.file, pointer: '' });
    }
    for (const resource of this.compute.values()) {
      for (const role of resource.roles) {
        if (!this.roles.has(role) && this.accounts.get(resource.accountId)?.external === false) this.warn('undefined-compute-role', `${resource.arn} runs as ${role}, which the input does not define`, resource.arn, resource.source);
      }
    }
    const trusted = new Map<string, Set<string>>();
    for (const role of this.roles.values()) {
      for (const s of this.policies.get(role.trustPolicy)?.policy?.statements ?? []) {
        const block = s.parsed.principal;
        if (s.parsed.effect !== 'Allow' || !block || block === '*') continue;
        for (const service of block.Service ?? []) {
          if (!trusted.has(role.accountId)) trusted.set(role.accountId, new Set());
          trusted.get(role.accountId)!.add(service);
        }
      }
    }
    const kinds = (Object.keys(COMPUTE_KINDS) as ComputeKind[]).filter((k) => k !== 'ecs-task-definition' && k !== 'batch-compute-environment');
    for (const [account, services] of [...trusted].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const regions = this.regions.get(account);
      const missing = kinds.filter((kind) => services.has(COMPUTE_KINDS[kind].trusts) && !(regions && [...regions].every((r) => this.listings.get(listingKey(kind, account, r))?.last)));
      if (missing.length === 0) continue;
      const what = missing.map((k) => `${COMPUTE_KINDS[k].label}s (${COMPUTE_KINDS[k].command})`).join(', ');
      const regionsHint = regions ? '' : '; and `aws ec2 describe-regions`, so that absence in every region is a fact';
      this.warn('inventory-missing', `account ${account}: no inventory in every region of ${what}: hops through existing compute of these kinds are conditional on it existing (scripts/export-inventory.sh writes them all${regionsHint})`, account);
    }
  }

  private attachCredentials(): void {
    for (const [arn, facts] of this.credentials) {
      const user = this.users.get(arn);
      if (user) user.credentials = facts;
    }
  }
}

/** Sources in a fixed order (file, then pointer); a definition with no source sorts last. */
function compareSources(a: SourceRef | undefined, b: SourceRef | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const ka = `${a.file}\u0000${a.pointer}`;
  const kb = `${b.file}\u0000${b.pointer}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A definition's content without where it came from, with keys in a fixed order. */
function definitionFingerprint(value: unknown, extra?: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.keys(v).filter((k) => k !== 'source').sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  };
  return JSON.stringify([canonical(value), canonical(extra)]);
}

function dedupeWarnings(warnings: ModelWarning[]): ModelWarning[] {
  const seen = new Set<string>();
  const out: ModelWarning[] = [];
  for (const w of warnings) {
    const key = `${w.code}|${w.subject ?? ''}|${w.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  return out.sort((a, b) => (a.code + (a.subject ?? '') + a.message < b.code + (b.subject ?? '') + b.message ? -1 : 1));
}
