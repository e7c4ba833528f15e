/**
 * Builds the access graph from an AccountModel: principals, groups, services, federated
 * providers, external accounts, the public, resources and the virtual `admin` node; edges for
 * membership, trust, AssumeRole (checked on both sides by the engine), escalation techniques and
 * admin status, each with the statements that prove it and any residual conditions.
 *
 * Cost grows with principals, not pairs: trust policies are read once and their named principals
 * resolved through indexes (by ARN, by account, by service); candidates are pre-filtered by whether
 * any identity statement could allow the action at all; only then does the engine decide.
 */
import { MultiDirectedGraph } from 'graphology';
import { principalsOf } from '../model/query.ts';
import { accountOfArn, accountOfPrincipalValue, iamArn, isRootArn, namesWholeAccount, parseIamArn, parseRoleSessionArn, partitionOf, principalValueArn, rootArn } from '../policy/arn.ts';
import type { AccountModel } from '../model/types.ts';
import { evaluate } from '../policy/evaluate/index.ts';
import { makeContext } from '../policy/context.ts';
import type { CallerInfo } from '../policy/types.ts';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '../access/options.ts';
import { adminCheck, ALLOW_ALL } from '../access/admin.ts';
import { decideAccess, mayAllow } from '../access/decide.ts';
import { profileOf } from '../access/profile.ts';
import { applyTechniques } from './techniques/apply.ts';
import { addCompute } from './compute.ts';
import { assumeHubs, NO_ASSUME_HUBS } from './assume-hubs.ts';
import { addEdge, ensureNode, evidenceOf, noteOf, type BuildContext } from './context.ts';
import { ADMIN_NODE, PUBLIC_NODE, accountNodeKey, serviceNodeKey, type AccessGraph, type EdgeAttributes, type NodeAttributes } from './types.ts';

function addNodes(ctx: BuildContext): void {
  const { model, graph } = ctx;
  for (const account of Object.values(model.accounts)) {
    if (account.external) ensureNode(graph, rootArn(account.id), { kind: 'external-account', label: account.name ?? account.id, arn: rootArn(account.id), accountId: account.id });
    else ensureNode(graph, accountNodeKey(account.id), { kind: 'account', label: account.name ?? account.id, accountId: account.id });
  }
  for (const u of Object.values(model.users)) ensureNode(graph, u.arn, { kind: 'user', label: u.name, arn: u.arn, accountId: u.accountId, details: { groups: u.groups, policies: [...u.managedPolicies, ...u.inlinePolicies], ...(u.boundary ? { boundary: u.boundary } : {}), tags: u.tags } });
  for (const g of Object.values(model.groups)) ensureNode(graph, g.arn, { kind: 'group', label: g.name, arn: g.arn, accountId: g.accountId, details: { policies: [...g.managedPolicies, ...g.inlinePolicies] } });
  for (const r of Object.values(model.roles)) {
    ensureNode(graph, r.arn, {
      kind: 'role', label: r.name, arn: r.arn, accountId: r.accountId,
      details: { policies: [...r.managedPolicies, ...r.inlinePolicies], ...(r.boundary ? { boundary: r.boundary } : {}), trustPolicy: model.policies[r.trustPolicy]?.policy?.parsed.raw ?? null, instanceProfiles: r.instanceProfiles, serviceLinked: r.serviceLinked },
    });
  }
  for (const res of Object.values(model.resources)) ensureNode(graph, res.arn, { kind: 'resource', label: res.arn.split(':').slice(5).join(':') || res.arn, arn: res.arn, accountId: res.accountId });
  for (const p of model.identityCenter?.principals ?? []) ensureNode(graph, p.id, { kind: p.kind, label: p.name });
  ensureNode(graph, ADMIN_NODE, { kind: 'admin', label: 'admin' });
}

/** Managed policies as nodes, with has-policy edges from the users, groups and roles they are attached to. */
function addPolicies(ctx: BuildContext): void {
  const { model, graph } = ctx;
  const attach = (owner: string, ids: readonly string[], boundary?: string) => {
    for (const id of ids) {
      const record = model.policies[id];
      if (!record || record.kind === 'inline') continue;
      ensureNode(graph, id, { kind: 'policy', label: record.name, arn: id, ...(record.policy ? {} : { details: { missing: true } }) });
      addEdge(ctx, owner, id, { kind: 'has-policy', evidence: [], conditions: [], conditional: false });
    }
    if (boundary && model.policies[boundary]) {
      ensureNode(graph, boundary, { kind: 'policy', label: model.policies[boundary].name, arn: boundary });
      addEdge(ctx, owner, boundary, { kind: 'has-policy', evidence: [], conditions: [], conditional: false, requires: ['permissions boundary'] }, 'boundary');
    }
  };
  for (const u of Object.values(model.users)) attach(u.arn, u.managedPolicies, u.boundary);
  for (const g of Object.values(model.groups)) attach(g.arn, g.managedPolicies);
  for (const r of Object.values(model.roles)) attach(r.arn, r.managedPolicies, r.boundary);
}

/** What each trust policy says, before any evaluation: role → every principal it names. */
function addTrusts(ctx: BuildContext): void {
  const { model, graph } = ctx;
  for (const role of Object.values(model.roles)) {
    const trust = model.policies[role.trustPolicy]?.policy;
    for (const statement of trust?.statements ?? []) {
      const block = statement.parsed.principal;
      if (statement.parsed.effect !== 'Allow' || !block) continue;
      const named = block === '*' ? [PUBLIC_NODE] : [
        ...(block.AWS ?? []).map((v) => (v === '*' ? PUBLIC_NODE : principalValueArn(v, partitionOf(role.arn)))),
        ...(block.Service ?? []).map(serviceNodeKey),
        ...(block.Federated ?? []),
      ];
      for (const key of named) {
        const target = isRootArn(key) && model.accounts[accountOfArn(key)!]?.external === false ? accountNodeKey(accountOfArn(key)!) : key;
        if (!graph.hasNode(target)) continue;
        addEdge(ctx, role.arn, target, { kind: 'trusts', evidence: [{ ...statement.ref, note: 'trust policy' }], conditions: [], conditional: statement.parsed.condition.length > 0 });
      }
    }
  }
}

function addMembership(ctx: BuildContext): void {
  const { model } = ctx;
  for (const u of Object.values(model.users)) {
    for (const g of u.groups) if (ctx.graph.hasNode(g)) addEdge(ctx, u.arn, g, { kind: 'member-of', evidence: [], conditions: [], conditional: false });
  }
  for (const p of model.identityCenter?.principals ?? []) {
    for (const g of p.groups) if (ctx.graph.hasNode(g)) addEdge(ctx, p.id, g, { kind: 'member-of', evidence: [], conditions: [], conditional: false });
  }
  // Identity Center: people (directly or through a directory group) land on the account's SSO role.
  for (const a of model.identityCenter?.assignments ?? []) {
    if (!a.roleArn || !ctx.graph.hasNode(a.roleArn) || !ctx.graph.hasNode(a.principalId)) continue;
    const sources = a.principalId.startsWith('idc-group:')
      ? (model.identityCenter?.principals ?? []).filter((p) => p.groups.includes(a.principalId)).map((p) => p.id)
      : [a.principalId];
    for (const s of sources) {
      // The assignment is a fact of the export: evidence, not a condition.
      const evidence = [noteOf(a.permissionSetArn, `Identity Center assignment of permission set ${a.permissionSetName} in account ${a.accountId}`)];
      addEdge(ctx, s, a.roleArn, { kind: 'can-assume', actions: ['sts:AssumeRoleWithSAML'], evidence, conditions: [], conditional: false });
    }
  }
}

/** An account no input holds: the caller behind a `Principal: "*"` trust. */
const ANY_ACCOUNT = '000000000000';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/**
 * Callers outside the analysed principals (other accounts, the public, services, federated
 * providers): their own identity policies are not in the input, so they are assumed to allow the
 * call (and the edge says so in `requires`); the trust policy — with its conditions — decides.
 */
function outsideEdge(ctx: BuildContext, roleArn: string, sourceKey: string, caller: CallerInfo, action: string, requires: string[]): void {
  const role = ctx.model.roles[roleArn];
  const trust = ctx.model.policies[role.trustPolicy]?.policy;
  if (!trust) return;
  const identityPolicies = caller.type === 'AWSService' || caller.type === 'WebIdentity' || caller.type === 'SAML' ? [] : [ALLOW_ALL];
  const d = evaluate({ action, resource: roleArn, resourceAccount: role.accountId, caller, context: makeContext({}, 'open'), identityPolicies, resourcePolicy: trust, resourcePolicyKind: 'trust' });
  if (d.decision !== 'allowed') return;
  addEdge(ctx, sourceKey, roleArn, {
    kind: 'can-assume', actions: [action], evidence: evidenceOf(d).filter((e) => e.policy !== ALLOW_ALL.meta.id),
    conditions: d.residual, conditional: d.conditional || requires.length > 0, ...(requires.length ? { requires } : {}),
  });
}

/** The user or role an AWS principal value names (a session ARN names its role), if the input has it. */
function principalNamedBy(model: AccountModel, value: string, account: string): string | undefined {
  const iam = parseIamArn(value);
  if ((iam?.kind === 'role' || iam?.kind === 'user') && (model.users[value] || model.roles[value])) return value;
  const session = parseRoleSessionArn(value);
  if (!session) return undefined;
  return Object.values(model.roles).find((r) => r.accountId === account && r.name === session.roleName)?.arn;
}

/**
 * A trust policy that conditions on session tags or a source identity needs the caller to pass
 * them, which takes sts:TagSession / sts:SetSourceIdentity permission on the role as well
 * (IAM User Guide, "Passing session tags in AWS STS" and "Monitor and control actions taken with
 * assumed roles").
 */
function companionActions(trust: NonNullable<AccountModel['policies'][string]['policy']>): string[] {
  const keys = trust.statements.filter((s) => s.parsed.effect === 'Allow').flatMap((s) => s.parsed.condition.map((c) => c.key.toLowerCase()));
  const actions: string[] = [];
  if (keys.some((k) => k.startsWith('aws:requesttag/') || k === 'aws:tagkeys' || k === 'sts:transitivetagkeys')) actions.push('sts:TagSession');
  if (keys.includes('sts:sourceidentity')) actions.push('sts:SetSourceIdentity');
  return actions;
}

function addAssumeEdges(ctx: BuildContext): void {
  const { model, graph } = ctx;
  const hubs = (ctx.assumeHubs = assumeHubs(ctx));
  hubs.linkTrustedPrincipals();
  for (const role of Object.values(model.roles)) {
    const trust = model.policies[role.trustPolicy]?.policy;
    if (!trust || role.serviceLinked) continue;
    const internal = new Set<string>();
    for (const statement of trust.statements) {
      if (statement.parsed.effect !== 'Allow' || !ASSUME_ACTIONS.some((a) => statement.matchesAction(a))) continue;
      const block = statement.parsed.principal;
      if (!block) continue;
      const aws = block === '*' ? ['*'] : block.AWS ?? [];
      for (const value of aws) {
        if (value === '*') {
          // Same account: the trust policy alone grants; other accounts also need their own identity Allow.
          for (const [account, list] of ctx.assumersByAccount) if (account !== role.accountId) list.forEach((p) => internal.add(p));
          for (const p of ctx.principalsByAccount.get(role.accountId) ?? []) internal.add(p);
          ensureNode(graph, PUBLIC_NODE, { kind: 'public', label: 'any AWS principal' });
          outsideEdge(ctx, role.arn, PUBLIC_NODE, { type: 'IAMUser', arn: iamArn(ANY_ACCOUNT, 'user', 'anyone', '/', partitionOf(role.arn)), accountId: ANY_ACCOUNT }, 'sts:AssumeRole', ['an identity policy of any AWS account allowing sts:AssumeRole on the role']);
          continue;
        }
        const account = accountOfPrincipalValue(value);
        if (!account) continue;
        const known = model.accounts[account];
        const isRoot = namesWholeAccount(value);
        if (known && !known.external) {
          // Principals that reach the role through its hub already have their one edge (assume-hubs.ts).
          if (isRoot) {
            for (const p of hubs.grouped(role.arn) ? hubs.directAssumers(account) : ctx.assumersByAccount.get(account) ?? []) internal.add(p);
          } else {
            const target = principalNamedBy(model, value, account);
            if (target) internal.add(target);
          }
        } else {
          const key = isRoot ? rootArn(account, partitionOf(role.arn)) : value;
          ensureNode(graph, key, { kind: 'external-account', label: isRoot ? account : value, arn: key, accountId: account });
          const caller: CallerInfo = isRoot ? { type: 'AccountRoot', arn: key, accountId: account } : { type: value.includes(':role/') ? 'IAMRole' : 'IAMUser', arn: value, accountId: account };
          outsideEdge(ctx, role.arn, key, caller, 'sts:AssumeRole', [`an identity policy in account ${account} allowing sts:AssumeRole on the role`]);
        }
      }
      if (block === '*') continue;
      for (const service of block.Service ?? []) {
        const key = serviceNodeKey(service);
        ensureNode(graph, key, { kind: 'service', label: service });
        outsideEdge(ctx, role.arn, key, { type: 'AWSService', arn: service }, 'sts:AssumeRole', []);
      }
      for (const provider of block.Federated ?? []) {
        ensureNode(graph, provider, { kind: 'federated', label: provider.split('/').pop() ?? provider, arn: provider });
        const saml = provider.includes(':saml-provider/');
        outsideEdge(ctx, role.arn, provider, { type: saml ? 'SAML' : 'WebIdentity', arn: provider, federatedProvider: provider }, saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity', []);
      }
    }
    const companions = companionActions(trust);
    for (const source of [...internal].sort()) {
      if (source === role.arn) continue;
      const profile = ctx.profiles.get(source)!;
      const decisions = ['sts:AssumeRole', ...companions].map((action) => decideAccess(model, profile, { action, resource: role.arn }));
      if (decisions.some((d) => d.decision !== 'allowed')) continue;
      addEdge(ctx, source, role.arn, {
        kind: 'can-assume', actions: ['sts:AssumeRole', ...companions], evidence: decisions.flatMap(evidenceOf),
        conditions: decisions.flatMap((d) => d.residual), conditional: decisions.some((d) => d.conditional),
      });
    }
  }
}

function addAdminEdges(ctx: BuildContext): void {
  for (const [arn, profile] of ctx.profiles) {
    const check = adminCheck(ctx.model, profile);
    if (!check.admin) continue;
    ctx.admins.add(arn);
    ctx.graph.mergeNodeAttributes(arn, { admin: true });
    addEdge(ctx, arn, ADMIN_NODE, { kind: 'is-admin', evidence: check.evidence, conditions: check.conditions, conditional: check.conditional });
  }
}

export function buildGraph(model: AccountModel, opts: Partial<AnalysisOptions> = {}): AccessGraph {
  const options: AnalysisOptions = { ...DEFAULT_ANALYSIS_OPTIONS, ...opts };
  const ctx: BuildContext = { model, options, graph: new MultiDirectedGraph<NodeAttributes, EdgeAttributes>(), profiles: new Map(), assumersByAccount: new Map(), principalsByAccount: new Map(), admins: new Set(), assumeHubs: NO_ASSUME_HUBS };
  for (const arn of principalsOf(model)) {
    const profile = profileOf(model, arn, options);
    ctx.profiles.set(arn, profile);
    const all = ctx.principalsByAccount.get(profile.accountId) ?? [];
    all.push(arn);
    ctx.principalsByAccount.set(profile.accountId, all);
    if (mayAllow(profile, 'sts:AssumeRole')) {
      const list = ctx.assumersByAccount.get(profile.accountId) ?? [];
      list.push(arn);
      ctx.assumersByAccount.set(profile.accountId, list);
    }
  }
  addNodes(ctx);
  addCompute(ctx);
  addMembership(ctx);
  addPolicies(ctx);
  addAssumeEdges(ctx);
  addTrusts(ctx);
  addAdminEdges(ctx);
  applyTechniques(ctx);
  return ctx.graph;
}

