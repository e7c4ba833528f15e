/**
 * what-can: what a principal can do, per service, on which resources — itself and as every
 * principal it can reach. Every allowing statement (identity policies, and the resource policies of
 * the input that grant the principal) is expanded against the action catalog and each (action,
 * resource pattern) is decided once by the engine, so denies, the boundary and SCPs are honoured:
 * a pattern the decision refuses disappears (or narrows to a boundary or SCP pattern inside it that
 * is allowed), narrower Deny patterns inside it are listed as exceptions, and residual conditions
 * make it conditional. Admin principals are summarized, never enumerated.
 */
import type { AccessGraph } from '../graph/types.ts';
import { ADMIN_NODE } from '../graph/types.ts';
import { decideAccess } from '../access/decide.ts';
import { profileOf, type PrincipalProfile } from '../access/profile.ts';
import type { AnalysisOptions } from '../access/options.ts';
import type { AccountModel } from '../model/types.ts';
import { parseArn } from '../policy/arn.ts';
import { actionsMatching, loadActionCatalog } from '../policy/catalog.ts';
import { makeContext } from '../policy/context.ts';
import { compileResourceMatcher, type ResourceMatcher } from '../policy/resource.ts';
import type { CompiledPolicy, CompiledStatement, Decision, PolicyVersion, RequestContext } from '../policy/types.ts';
import { compileTemplate } from '../policy/variables.ts';
import { compileGlob } from '../policy/wildcard.ts';
import { findPaths } from './paths.ts';
import { reachableFrom } from './search.ts';
import type { WhatCanGrant, WhatCanAdmin, WhatCanAnswer, WhatCanResource, WhatCanService } from './types.ts';

/** How many matching known resources a pattern lists (the count says how many there are). */
export const WHAT_CAN_KNOWN_SHOWN = 5;

const isPrincipal = (model: AccountModel, key: string): boolean => Boolean(model.users[key] || model.roles[key]);

/** A node with an `is-admin` edge: all actions on all resources. */
function isAdminNode(graph: AccessGraph, node: string): boolean {
  if (!graph.hasNode(node)) return false;
  return graph.edges(node, ADMIN_NODE).some((e) => graph.getEdgeAttribute(e, 'kind') === 'is-admin');
}

// ---------------------------------------------------------------------------------------------
// Expansion of statements (memoized per statement: group and managed policies are shared).

const expanded = new WeakMap<CompiledStatement, string[]>();

function actionsOf(s: CompiledStatement): string[] {
  let out = expanded.get(s);
  if (out) return out;
  const found = new Set<string>();
  if (s.parsed.action) {
    for (const pattern of s.parsed.action) {
      const matching = actionsMatching(pattern);
      matching.forEach((a) => found.add(a));
      // An action the catalog does not know (new, or a typo the parser warned about) is still what the statement names.
      if (matching.length === 0 && !/[*?]/.test(pattern) && pattern.includes(':')) found.add(pattern);
    }
  } else {
    for (const action of actionsMatching('*')) if (s.matchesAction(action)) found.add(action);
  }
  out = [...found].sort();
  expanded.set(s, out);
  return out;
}

const matchers = new Map<string, ResourceMatcher>();
function patternMatcher(patterns: readonly string[], version: PolicyVersion, negate: boolean): ResourceMatcher {
  const key = `${negate ? '!' : ''}${version ?? ''}\u0001${patterns.join('\u0000')}`;
  let m = matchers.get(key);
  if (!m) matchers.set(key, (m = compileResourceMatcher(patterns, version, negate)));
  return m;
}

/** A Resource pattern with the principal's known policy variables filled in (as written when one is unknown). */
function resolvePattern(raw: string, version: PolicyVersion, ctx: RequestContext): string {
  const r = compileTemplate(raw, version).resolve(ctx);
  return r.status === 'ok' ? r.pieces.map((p) => p.text).join('') : raw;
}

/**
 * The resource to ask the engine about for a pattern. A pattern is asked as itself (its wildcards
 * match themselves), except a wildcard account: the engine reads the resource's account from the
 * ARN, so `arn:aws:iam::*:user/x` is asked in the principal's own account when the wildcard covers it.
 */
function requestOf(pattern: string, account: string): string {
  const arn = parseArn(pattern);
  if (!arn || !/[*?]/.test(arn.account) || !compileGlob(arn.account, false)(account)) return pattern;
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${account}:${arn.resource}`;
}

// ---------------------------------------------------------------------------------------------
// One principal's permissions.

/** A candidate grant before it is decided: an action on a pattern, and the known resources inside it. */
interface Candidate {
  action: string;
  pattern: string;
  except: string[];
  source: WhatCanResource['source'];
  known: Set<string>;
}

function knownArns(model: AccountModel): string[] {
  return [...new Set([
    ...Object.keys(model.resources), ...Object.keys(model.roles), ...Object.keys(model.users),
    ...Object.values(model.groups).map((g) => g.arn), ...Object.keys(model.instanceProfiles),
  ])].sort();
}

interface ScopedStatement {
  statement: CompiledStatement;
  patterns: string[];
}

class PrincipalPermissions {
  private readonly memo = new Map<string, Decision>();
  private readonly ctx: RequestContext;
  private readonly candidates = new Map<string, Candidate>();

  /** Allow statements of the boundary and SCPs, and Deny statements anywhere, that name resources other than `*` (resolved). */
  private readonly limitAllows: ScopedStatement[];
  private readonly scopedDenies: ScopedStatement[];

  constructor(private readonly model: AccountModel, private readonly profile: PrincipalProfile, private readonly known: readonly string[], private readonly opts: AnalysisOptions) {
    this.ctx = makeContext(profile.known, 'open');
    const limits = [...(profile.boundary ? [profile.boundary] : []), ...(profile.scpLevels ?? []).flatMap((l) => l.policies)];
    this.limitAllows = this.scoped(limits, 'Allow');
    this.scopedDenies = this.scoped([...profile.identity, ...limits], 'Deny');
  }

  private scoped(policies: readonly CompiledPolicy[], effect: 'Allow' | 'Deny'): ScopedStatement[] {
    const out: ScopedStatement[] = [];
    for (const policy of policies) {
      for (const s of policy.statements) {
        const patterns = (s.parsed.resource ?? []).filter((raw) => raw !== '*').map((raw) => resolvePattern(raw, policy.parsed.version, this.ctx));
        if (s.parsed.effect === effect && patterns.length) out.push({ statement: s, patterns });
      }
    }
    return out;
  }

  /** Patterns of `statements` for the action that lie strictly inside `pattern`. */
  private inside(statements: readonly ScopedStatement[], action: string, pattern: string): string[] {
    if (statements.length === 0) return [];
    const outer = patternMatcher([pattern], undefined, false);
    const out = new Set<string>();
    for (const { statement, patterns } of statements) {
      if (!statement.matchesAction(action)) continue;
      for (const q of patterns) if (q !== pattern && outer(q, this.ctx) === 'true') out.add(q);
    }
    return [...out].sort();
  }

  /** The decision on a resource or pattern: a pattern's wildcard account stands for the principal's own when it matches it. */
  private decide(action: string, resource: string): Decision {
    const key = `${action}\n${resource}`;
    let d = this.memo.get(key);
    if (!d) this.memo.set(key, (d = decideAccess(this.model, this.profile, { action, resource: requestOf(resource, this.profile.accountId) })));
    return d;
  }

  private allows(d: Decision): boolean {
    return d.decision === 'allowed' && (this.opts.includeConditional || !d.conditional);
  }

  private add(action: string, pattern: string, except: string[], source: Candidate['source'], known: Iterable<string>): void {
    const key = `${action}\u0000${pattern}\u0000${except.join('\u0001')}\u0000${source}`;
    let c = this.candidates.get(key);
    if (!c) this.candidates.set(key, (c = { action, pattern, except, source, known: new Set() }));
    for (const k of known) c.known.add(k);
  }

  /** The identity statements' grants: every action of the statement on every pattern of it. */
  private fromIdentity(): void {
    for (const policy of this.profile.identity) {
      const version = policy.parsed.version;
      for (const s of policy.statements) {
        if (s.parsed.effect !== 'Allow') continue;
        const actions = actionsOf(s);
        if (actions.length === 0) continue;
        const shapes: Array<{ pattern: string; except: string[]; matcher?: ResourceMatcher }> = s.parsed.resource
          ? s.parsed.resource.map((raw) => ({ pattern: resolvePattern(raw, version, this.ctx), except: [], ...(raw === '*' ? {} : { matcher: patternMatcher([raw], version, false) }) }))
          : [{ pattern: '*', except: (s.parsed.notResource ?? []).map((raw) => resolvePattern(raw, version, this.ctx)), matcher: patternMatcher(s.parsed.notResource ?? [], version, true) }];
        for (const shape of shapes) {
          const known = shape.matcher ? this.known.filter((arn) => shape.matcher!(arn, this.ctx) !== 'false') : [];
          for (const action of actions) this.add(action, shape.pattern, shape.except, 'identity', known);
        }
      }
    }
  }

  /** Resource policies (trust policies for roles) of the input with an Allow naming this principal. */
  private fromResourcePolicies(): void {
    const policyOf = (id: string | undefined): CompiledPolicy | undefined => (id ? this.model.policies[id]?.policy : undefined);
    const owners: Array<[string, CompiledPolicy | undefined]> = [
      ...Object.values(this.model.resources).map((r): [string, CompiledPolicy | undefined] => [r.arn, policyOf(r.resourcePolicy)]),
      ...Object.values(this.model.roles).map((r): [string, CompiledPolicy | undefined] => [r.arn, policyOf(r.trustPolicy)]),
    ];
    for (const [arn, policy] of owners) {
      if (!policy || arn === this.profile.arn) continue;
      for (const s of policy.statements) {
        if (s.parsed.effect !== 'Allow' || s.matchesPrincipal(this.profile.caller) === 'false' || s.matchesResource(arn, this.ctx) === 'false') continue;
        for (const action of actionsOf(s)) {
          // A role's trust policy governs only assuming it; its other statements' actions are not granted on the role.
          if (this.model.roles[arn] && !/^sts:/i.test(action)) continue;
          this.add(action, arn, [], 'resource-policy', [arn]);
        }
      }
    }
  }

  /** Allow patterns of the boundary and SCPs for an action inside `pattern`: where a refused pattern may still be allowed. */
  private narrowerAllowed(action: string, pattern: string): string[] {
    return this.inside(this.limitAllows, action, pattern);
  }

  /** Deny patterns for an action strictly inside `pattern` (identity, boundary, SCPs): exceptions to an allowed pattern. */
  private narrowerDenied(action: string, pattern: string): string[] {
    return this.inside(this.scopedDenies, action, pattern);
  }

  private resourceOf(c: Candidate, pattern: string, d: Decision): WhatCanResource {
    // A narrowed pattern (inside a refused `*` or wider one) lists the known resources inside it.
    const inside = pattern === c.pattern ? [...c.known] : this.known.filter((arn) => patternMatcher([pattern], undefined, false)(arn, this.ctx) === 'true');
    const allowed = inside.filter((arn) => this.allows(this.decide(c.action, arn))).sort();
    const except = [...new Set([...c.except, ...(c.source === 'identity' ? this.narrowerDenied(c.action, pattern) : [])])].sort();
    return {
      pattern,
      ...(except.length ? { except } : {}),
      source: c.source,
      known: allowed.slice(0, WHAT_CAN_KNOWN_SHOWN),
      knownCount: allowed.length,
      conditional: d.conditional,
      conditions: d.residual,
    };
  }

  /** Every allowed action → the patterns it is allowed on. */
  compute(): Map<string, WhatCanResource[]> {
    this.fromIdentity();
    this.fromResourcePolicies();
    const out = new Map<string, Map<string, WhatCanResource>>();
    const put = (action: string, r: WhatCanResource): void => {
      let byPattern = out.get(action);
      if (!byPattern) out.set(action, (byPattern = new Map()));
      const key = `${r.pattern}\u0000${(r.except ?? []).join('\u0001')}`;
      const had = byPattern.get(key);
      // The same pattern from an identity statement and a resource policy: one decision, one entry.
      if (!had) byPattern.set(key, r);
    };
    for (const c of this.candidates.values()) {
      const d = this.decide(c.action, c.pattern);
      if (this.allows(d)) {
        put(c.action, this.resourceOf(c, c.pattern, d));
        continue;
      }
      // Refused on the whole pattern (a boundary or SCP allowing less): the part they allow, if any.
      if (c.source !== 'identity') continue;
      for (const q of this.narrowerAllowed(c.action, c.pattern)) {
        const dq = this.decide(c.action, q);
        if (this.allows(dq)) put(c.action, this.resourceOf(c, q, dq));
      }
    }
    return new Map([...out].map(([action, byPattern]) => [action, [...byPattern.values()].sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0))]));
  }
}

// ---------------------------------------------------------------------------------------------

function adminOf(graph: AccessGraph, model: AccountModel, principal: string, opts: AnalysisOptions): WhatCanAdmin | false {
  const answer = findPaths(graph, model, principal, 'admin', opts);
  if (answer.paths.length === 0) return false;
  const as = new Map<string, { principal: string; hop: string }>();
  for (const p of answer.paths) {
    const last = p.hops[p.hops.length - 1];
    if (!last) continue;
    const attrs = graph.hasNode(last.from) ? graph.getNodeAttributes(last.from) : undefined;
    const principal = attrs?.kind === 'escalated' && attrs.principal ? attrs.principal : last.from;
    as.set(JSON.stringify([principal, last.kind]), { principal, hop: last.kind });
  }
  return {
    conditional: answer.paths.every((p) => p.verdict === 'conditional'),
    paths: answer.paths.length,
    truncated: answer.truncated,
    shortestHops: Math.min(...answer.paths.map((p) => p.hops.length)),
    as: [...as.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v),
  };
}

export interface WhatCanOptions {
  /**
   * When the principal can reach admin, enumerate the other (non-admin) principals it reaches too
   * (default true: the JSON answer is complete; the text view shows only the principal's own).
   */
  reachedWhenAdmin?: boolean;
}

/** Effective permissions per service and resource, directly and through every reachable principal. */
export async function whatCan(graph: AccessGraph, model: AccountModel, principal: string, opts: AnalysisOptions, { reachedWhenAdmin = true }: WhatCanOptions = {}): Promise<WhatCanAnswer> {
  await loadActionCatalog();
  const reachable: WhatCanAnswer['reachable'] = [{ principal, paths: [], conditional: false, admin: isAdminNode(graph, principal) }];
  // One forward walk bounds the searches: only principals it reaches can have a path.
  const reached = new Set(reachableFrom(graph, principal, opts.maxDepth, opts.includeConditional));
  graph.forEachNode((node) => {
    if (node === principal || !reached.has(node) || !isPrincipal(model, node)) return;
    const answer = findPaths(graph, model, principal, node, { ...opts, maxPaths: 3 });
    if (answer.paths.length) reachable.push({ principal: node, paths: answer.paths, conditional: answer.paths.every((p) => p.verdict === 'conditional'), admin: isAdminNode(graph, node) });
  });
  const admin = adminOf(graph, model, principal, opts);
  const known = knownArns(model);
  const byService = new Map<string, WhatCanGrant[]>();
  for (const r of reachable) {
    if (r.admin || !isPrincipal(model, r.principal) || (admin && !reachedWhenAdmin && r.principal !== principal)) continue;
    const permissions = new PrincipalPermissions(model, profileOf(model, r.principal, opts), known, opts).compute();
    // The actions of a service allowed on exactly the same resources are one grant (a broad policy is thousands of actions on `*`).
    const grants = new Map<string, WhatCanGrant>();
    for (const action of [...permissions.keys()].sort()) {
      const resources = permissions.get(action)!;
      const service = action.slice(0, action.indexOf(':')).toLowerCase();
      const key = `${service}\u0000${JSON.stringify(resources)}`;
      let grant = grants.get(key);
      if (!grant) {
        grants.set(key, (grant = { actions: [], via: r.principal, viaConditional: r.conditional, resources }));
        const list = byService.get(service) ?? [];
        list.push(grant);
        byService.set(service, list);
      }
      grant.actions.push(action);
    }
  }
  const order = new Map(reachable.map((r, i) => [r.principal, i]));
  const services: WhatCanService[] = [...byService.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([service, grants]) => ({
      service,
      catalogActions: actionsMatching(`${service}:*`).length,
      // The principal itself first, then the others in the order they are reached (a stable sort keeps each one's grants by first action).
      grants: grants.sort((a, b) => order.get(a.via)! - order.get(b.via)!),
    }));
  return { principal, admin, reachable, services };
}
