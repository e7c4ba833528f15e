/**
 * The access graph: AssumeRole edges checked on both sides, admin detection, and escalation
 * techniques checked by the engine — each with a trap that must not become an edge.
 * Role trust: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
 * Cross-account: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * Escalation methods: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation"; PMapper edge checkers.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { buildGraph, serializeGraph, type AccessGraph } from '../../src/graph/index.ts';
import type { AccountModel } from '../../src/model/index.ts';

const A = '111122223333';
const u = (n: string) => `arn:aws:iam::${A}:user/${n}`;
const r = (n: string) => `arn:aws:iam::${A}:role/${n}`;
let model: AccountModel;
let graph: AccessGraph;

const edges = (source: string, target: string) => graph.hasNode(source) && graph.hasNode(target) ? graph.outEdges(source, target).map((k) => graph.getEdgeAttributes(k)) : [];
const techniqueEdge = (source: string, target: string, id: string) => edges(source, target).find((e) => e.technique?.id === id);

beforeAll(async () => {
  model = (await loadInputs([fileURLToPath(new URL('../fixtures/graph/traps.yaml', import.meta.url))])).model;
  graph = buildGraph(model);
});

describe('can-assume: trust policy AND, where AWS needs it, the caller\'s identity policy', () => {
  it('a trust naming the account lets principals whose identity policy allows sts:AssumeRole assume', () => {
    const e = edges(u('deployer'), r('deploy')).find((x) => x.kind === 'can-assume');
    expect(e?.evidence.map((x) => x.policyType).sort()).toEqual(['identity', 'trust']);
  });
  it('trap: without an identity Allow, a trust naming the account is not enough', () => {
    expect(edges(u('no-permission'), r('deploy'))).toEqual([]);
  });
  it('an identity Allow that needs MFA gives a conditional edge with the residual condition', () => {
    const e = edges(u('mfa-user'), r('deploy')).find((x) => x.kind === 'can-assume')!;
    expect(e.conditional).toBe(true);
    expect(e.conditions[0]).toMatchObject({ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] });
  });
  it('a service principal named in the trust policy gets an edge from the service node', () => {
    expect(edges('service:lambda.amazonaws.com', r('lambda-admin')).map((e) => e.kind)).toEqual(['can-assume']);
  });
});

describe('escalation techniques (checked by the engine, with traps)', () => {
  it('CreatePolicyVersion on a policy attached to oneself → admin (rhino 1)', () => {
    expect(techniqueEdge(u('self-versioner'), 'admin', 'iam-create-policy-version')?.technique?.publicIds).toContain('rhino:1 CreatePolicyVersion');
  });
  it('trap: CreatePolicyVersion on a policy not attached to oneself is not an escalation', () => {
    expect(edges(u('other-versioner'), 'admin')).toEqual([]);
  });
  it('AttachUserPolicy on oneself → admin (rhino 7)', () => {
    expect(techniqueEdge(u('attacher'), 'admin', 'iam-attach-user-policy')).toBeDefined();
  });
  it('trap: the same right under a boundary without iam:* is no escalation', () => {
    expect(edges(u('bounded-attacher'), 'admin')).toEqual([]);
  });
  it('trap: only users can attach user policies — a role holding AttachUserPolicy gains nothing from it for itself', () => {
    expect(edges(r('role-attacher'), 'admin')).toEqual([]);
  });
  it('PassRole + lambda:CreateFunction + InvokeFunction → the role the function runs as (rhino 15)', () => {
    const e = techniqueEdge(u('lambda-passer'), r('lambda-admin'), 'pass-role-lambda')!;
    expect(e.actions).toEqual(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']);
    expect(e.conditional).toBe(false);
  });
  it('trap: an explicit Deny of iam:PassRole removes the edge', () => {
    expect(techniqueEdge(u('denied-passer'), r('lambda-admin'), 'pass-role-lambda')).toBeUndefined();
  });
  it('trap: iam:PassedToService limited to EC2 does not allow passing to Lambda', () => {
    expect(techniqueEdge(u('ec2-only-passer'), r('lambda-admin'), 'pass-role-lambda')).toBeUndefined();
  });
  it('CreateAccessKey on another user → that user (rhino 4), only for the users the resource pattern names', () => {
    expect(techniqueEdge(u('key-maker'), u('admin-alice'), 'iam-create-access-key')).toBeDefined();
    expect(techniqueEdge(u('key-maker'), u('attacher'), 'iam-create-access-key')).toBeUndefined();
  });
  it('existing compute is conditional on a resource the input cannot show', () => {
    const e = techniqueEdge(u('lambda-passer'), r('lambda-admin'), 'lambda-update-function-code');
    expect(e === undefined || (e.conditional && e.requires?.[0]?.includes('existing Lambda function'))).toBe(true);
  });
});

describe('serialization', () => {
  it('is deterministic and keeps every node and edge', async () => {
    const again = buildGraph((await loadInputs([fileURLToPath(new URL('../fixtures/graph/traps.yaml', import.meta.url))])).model);
    expect(JSON.stringify(serializeGraph(again))).toBe(JSON.stringify(serializeGraph(graph)));
    expect(serializeGraph(graph).nodes).toHaveLength(graph.order);
  });
});

describe('structural edges', () => {
  it('managed policies are nodes with has-policy edges (boundaries marked as such)', () => {
    expect(edges(u('attacher'), `arn:aws:iam::${A}:policy/AttachUserPolicyAny`).map((e) => e.kind)).toEqual(['has-policy']);
    expect(edges(u('bounded-attacher'), `arn:aws:iam::${A}:policy/NoIamBoundary`).map((e) => e.requires)).toEqual([['permissions boundary']]);
    expect(graph.getNodeAttribute(`arn:aws:iam::${A}:policy/SelfPolicy`, 'kind')).toBe('policy');
  });
  it('trusts edges say what each trust policy names, before evaluation', () => {
    expect(edges(r('lambda-admin'), 'service:lambda.amazonaws.com').map((e) => e.kind)).toEqual(['trusts']);
    expect(edges(r('deploy'), `account:${A}`).map((e) => e.kind)).toEqual(['trusts']);
  });
  it('can-pass-to-service edges accompany PassRole techniques, with the PassRole statement as proof', () => {
    const e = edges(u('lambda-passer'), r('lambda-admin')).find((x) => x.kind === 'can-pass-to-service')!;
    expect(e.requires).toEqual(['passed to lambda.amazonaws.com']);
    expect(e.evidence[0].policy).toBe(`arn:aws:iam::${A}:policy/PassAndLambda`);
    expect(edges(u('ec2-only-passer'), r('lambda-admin')).find((x) => x.kind === 'can-pass-to-service')).toBeUndefined();
  });
});

describe('UpdateAssumeRolePolicy (rhino 14)', () => {
  it('is enough on its own in the same account: the rewritten trust names the caller, which needs no identity Allow', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-uarp-'));
    writeFileSync(join(dir, 'm.yaml'), `accounts:
  - id: "111122223333"
    policies:
      - name: EditTrust
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: iam:UpdateAssumeRolePolicy, Resource: "arn:aws:iam::111122223333:role/target" }] }
    users:
      - { name: editor, policies: [EditTrust] }
    roles:
      - { name: target, trust: [ec2.amazonaws.com] }
`);
    const g = buildGraph((await loadInputs([join(dir, 'm.yaml')])).model);
    const [key] = g.outEdges(u('editor'), r('target'));
    expect(g.getEdgeAttribute(key, 'technique')?.id).toBe('iam-update-assume-role-policy');
  });
});

describe('rewriting the permissions of a principal one can act as (iam-vulnerable "AttachRolePolicy to an assumable role")', () => {
  const yaml = `accounts:
  - id: "111122223333"
    policies:
      - name: AttachToWorker
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: iam:AttachRolePolicy, Resource: "arn:aws:iam::111122223333:role/worker" }] }
      - name: AssumeWorker
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: sts:AssumeRole, Resource: "arn:aws:iam::111122223333:role/worker" }] }
    users:
      - { name: can-both, policies: [AttachToWorker, AssumeWorker] }
      - { name: attach-only, policies: [AttachToWorker] }
    roles:
      - { name: worker, trust: ["111122223333"] }
`;
  it('attach + assume → admin; attach without a way to act as the role → nothing', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-arp-'));
    writeFileSync(join(dir, 'm.yaml'), yaml);
    const g = buildGraph((await loadInputs([join(dir, 'm.yaml')])).model);
    const both = g.outEdges(u('can-both'), 'admin').map((k) => g.getEdgeAttribute(k, 'technique')?.id);
    expect(both).toEqual(['iam-attach-role-policy-reachable']);
    expect(g.outEdges(u('attach-only'), 'admin')).toEqual([]);
  });
});
