/**
 * The questions: can, who-can, what-can, privesc — all answered from the same graph and the same
 * path objects.
 */
import type { AccessGraph } from '../graph/types.ts';
import { mayAllow } from '../access/decide.ts';
import { decideAccess } from '../access/decide.ts';
import { profileOf } from '../access/profile.ts';
import { ADMIN_NODE } from '../graph/types.ts';
import { principalsOf } from '../model/query.ts';
import type { AccountModel } from '../model/types.ts';
import { finalAccessOf, findPaths, prepareTarget } from './paths.ts';
import type { FinalAccess, Path, PrivescAnswer, WhoCanAnswer } from './types.ts';
import type { AnalysisOptions } from '../access/options.ts';

/** Where a finding can start: a principal or an outside party, not a service acting through its roles nor a step on someone's path (an escalated principal, compute running as a role). */
const isSource = (graph: AccessGraph, node: string): boolean => !['service', 'escalated', 'resource', 'hub'].includes(graph.getNodeAttribute(node, 'kind'));

/** Principals (and outside sources) that can do `action` on `resource`, each with its paths. */
export function whoCan(graph: AccessGraph, model: AccountModel, action: string, resource: string, opts: AnalysisOptions): WhoCanAnswer {
  const direct = new Map<string, FinalAccess | null>();
  for (const arn of principalsOf(model)) {
    const profile = profileOf(model, arn, opts);
    // Identity policies cannot allow it and no resource policy is involved: skip the full decision.
    if (!mayAllow(profile, action) && !model.resources[resource] && !model.roles[resource]) {
      direct.set(arn, null);
      continue;
    }
    direct.set(arn, finalAccessOf(decideAccess(model, profile, { action, resource }), { action, resource }, opts));
  }
  // Escalated nodes (a principal after a step such as joining a group) may be allowed what their
  // principal is not. Only their principal's steps lead into them, and a path ends at a principal
  // that can do it: those of a principal that can are never reached, and need no decision.
  const escalated = graph.filterNodes((_n, a) => a.kind === 'escalated' && !direct.get(a.principal ?? ''));
  const prepared = prepareTarget(graph, model, { action, resource }, opts, [...[...direct.keys()].filter((k) => direct.get(k)), ...escalated], direct);
  const principals: WhoCanAnswer['principals'] = [];
  for (const node of [...prepared.dist.keys()].sort()) {
    if (node === ADMIN_NODE || ['escalated', 'resource', 'hub'].includes(graph.getNodeAttribute(node, 'kind'))) continue;
    // A principal that can do it itself has exactly one path: itself (going through others is longer).
    const own = direct.get(node);
    if (own) {
      principals.push({ principal: node, direct: true, paths: [{ verdict: own.conditions?.length ? 'conditional' : 'reachable', hops: [], final: own }] });
      continue;
    }
    const answer = findPaths(graph, model, node, { action, resource }, opts, prepared);
    if (answer.paths.length === 0) continue;
    principals.push({ principal: node, direct: false, paths: answer.paths });
  }
  return { action, resource, principals };
}

export interface CanAnswer {
  principal: string;
  action: string;
  resource: string;
  allowed: boolean;
  direct: boolean;
  paths: Path[];
  truncated: boolean;
}

export function can(graph: AccessGraph, model: AccountModel, principal: string, action: string, resource: string, opts: AnalysisOptions): CanAnswer {
  const answer = findPaths(graph, model, principal, { action, resource }, opts);
  const direct = answer.paths.some((p) => p.hops.length === 0);
  return { principal, action, resource, allowed: answer.paths.length > 0, direct, paths: answer.paths, truncated: answer.truncated };
}

/** A privesc answer whose findings are computed one principal at a time, as they are read. */
export type PrivescStream = Omit<PrivescAnswer, 'findings'> & { findings: Iterable<PrivescAnswer['findings'][number]> };

export function privescStream(graph: AccessGraph, model: AccountModel, opts: AnalysisOptions): PrivescStream {
  const admins: string[] = [];
  graph.forEachInEdge(ADMIN_NODE, (_k, a, source) => {
    if (a.kind === 'is-admin') admins.push(source);
  });
  const adminSet = new Set(admins);
  const prepared = prepareTarget(graph, model, 'admin', opts);
  function* findings(): Generator<PrivescAnswer['findings'][number]> {
    for (const node of [...prepared.dist.keys()].sort()) {
      // AWS services acting through the roles that trust them are not escalations by anyone; escalated nodes are steps on a principal's paths.
      if (node === ADMIN_NODE || adminSet.has(node) || !isSource(graph, node)) continue;
      const answer = findPaths(graph, model, node, 'admin', opts, prepared);
      if (answer.paths.length) yield { principal: node, paths: answer.paths };
    }
  }
  return { admins: [...adminSet].sort(), findings: findings(), warnings: model.warnings.map((w) => `[${w.code}] ${w.message}`), ...(opts.asOf ? { asOf: opts.asOf } : {}) };
}

export function privesc(graph: AccessGraph, model: AccountModel, opts: AnalysisOptions): PrivescAnswer {
  const stream = privescStream(graph, model, opts);
  return { ...stream, findings: [...stream.findings] };
}

export { whatCan, WHAT_CAN_KNOWN_SHOWN, type WhatCanOptions } from './what-can.ts';
export type { WhatCanAnswer } from './types.ts';
