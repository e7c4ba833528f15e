/**
 * Trusts of principals outside the input (Cross-account policy evaluation logic:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html):
 * the other account's own policies are unknown, so the edge is conditional on them, and the trust
 * policy's own conditions (sts:ExternalId, SAML:aud …) travel with it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../ingest/index.ts';
import { buildGraph } from '../../src/graph/index.ts';

const yaml = `accounts:
  - id: "111122223333"
    roles:
      - name: vendor-access
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: "arn:aws:iam::444455556666:root" }
              Action: sts:AssumeRole
              Condition: { StringEquals: { "sts:ExternalId": "s3cr3t" } }
      - name: ci
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
              Action: sts:AssumeRoleWithWebIdentity
              Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }
`;

describe('edges from outside the input', () => {
  it('an external account is a node; its edge is conditional on its own policies and carries the ExternalId condition', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-outside-'));
    writeFileSync(join(dir, 'm.yaml'), yaml);
    const { model } = await loadInputs([join(dir, 'm.yaml')]);
    const graph = buildGraph(model);
    const [key] = graph.outEdges('arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:role/vendor-access');
    const e = graph.getEdgeAttributes(key);
    expect(e.conditional).toBe(true);
    expect(e.requires?.[0]).toMatch(/identity policy in account 444455556666/);
    expect(e.conditions).toEqual([expect.objectContaining({ operator: 'StringEquals', key: 'sts:ExternalId', values: ['s3cr3t'] })]);
  });
  it('a federated provider (GitHub OIDC) reaches the role with AssumeRoleWithWebIdentity, conditional on its claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-outside-'));
    writeFileSync(join(dir, 'm.yaml'), yaml);
    const { model } = await loadInputs([join(dir, 'm.yaml')]);
    const graph = buildGraph(model);
    const provider = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
    const e = graph.getEdgeAttributes(graph.outEdges(provider, 'arn:aws:iam::111122223333:role/ci')[0]);
    expect(e.actions).toEqual(['sts:AssumeRoleWithWebIdentity']);
    expect(e.conditions[0]).toMatchObject({ key: 'token.actions.githubusercontent.com:aud' });
  });
});

describe('session tags and source identity (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html)', () => {
  const tagged = `accounts:
  - id: "111122223333"
    policies:
      - name: AssumeOnly
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: sts:AssumeRole, Resource: "*" }] }
      - name: AssumeAndTag
        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["sts:AssumeRole", "sts:TagSession"], Resource: "*" }] }
    users:
      - { name: plain, policies: [AssumeOnly] }
      - { name: tagger, policies: [AssumeAndTag] }
    roles:
      - name: project-role
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: "111122223333" }
              Action: ["sts:AssumeRole", "sts:TagSession"]
              Condition: { StringEquals: { "aws:RequestTag/project": "apollo" } }
`;
  it('a trust that conditions on request tags also needs sts:TagSession from the caller', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-tags-'));
    writeFileSync(join(dir, 'm.yaml'), tagged);
    const graph = buildGraph((await loadInputs([join(dir, 'm.yaml')])).model);
    const role = 'arn:aws:iam::111122223333:role/project-role';
    expect(graph.outEdges('arn:aws:iam::111122223333:user/plain', role)).toEqual([]);
    const e = graph.getEdgeAttributes(graph.outEdges('arn:aws:iam::111122223333:user/tagger', role)[0]);
    expect(e.actions).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(e.conditional).toBe(true);
    expect(e.conditions.map((c) => c.key)).toContain('aws:RequestTag/project');
  });
});

describe('a trust policy with Principal "*" (Policy evaluation logic: same-account resource-based policies grant on their own)', () => {
  it('same-account principals can assume it without an identity Allow; the public node is there too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamgraph-star-'));
    writeFileSync(join(dir, 'm.yaml'), `accounts:
  - id: "111122223333"
    users:
      - { name: nobody-special }
    roles:
      - { name: open-role, trust: ["*"] }
`);
    const graph = buildGraph((await loadInputs([join(dir, 'm.yaml')])).model);
    const role = 'arn:aws:iam::111122223333:role/open-role';
    expect(graph.outEdges('arn:aws:iam::111122223333:user/nobody-special', role).map((k) => graph.getEdgeAttribute(k, 'kind'))).toEqual(['can-assume']);
    expect(graph.outEdges('*', role).map((k) => graph.getEdgeAttribute(k, 'kind'))).toEqual(['can-assume']);
  });
});
