/** The attributes of escalation edges: the technique, the actions it relied on, their proof and conditions. */
import type { AdminCheck } from '../../access/admin.ts';
import type { Decision, ResidualCondition } from '../../policy/types.ts';
import { evidenceOf } from '../context.ts';
import type { EdgeAttributes, Evidence, TechniqueRef } from '../types.ts';
import type { RequiredAction, Technique } from './types.ts';

const techniqueRefs = new WeakMap<Technique, TechniqueRef>();

/** The technique as edges name it (one object per technique). */
export function techniqueRefOf(technique: Technique): TechniqueRef {
  let ref = techniqueRefs.get(technique);
  if (!ref) techniqueRefs.set(technique, (ref = { id: technique.id, name: technique.name, publicIds: technique.publicIds }));
  return ref;
}

const objectIds = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object): number => {
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = nextId++));
  return id;
};
/** Attributes already made, under their first decision (which principals alike share): edges never change their attributes, so equal ones are one object. */
const made = new WeakMap<Decision, Map<string, EdgeAttributes>>();

/** `requires` is what the technique needs beyond its actions: the technique's own unless the caller knows better (an inventory shows the resource). */
export function escalationAttributes(technique: Technique, chosen: RequiredAction[], decisions: Decision[], needs?: string, requires = technique.requires): EdgeAttributes {
  const [first, ...rest] = decisions;
  if (!first) return makeAttributes(technique, chosen, decisions, needs, requires);
  let byKey = made.get(first);
  if (!byKey) made.set(first, (byKey = new Map()));
  const key = `${technique.id}|${needs ?? ''}|${requires ?? ''}|${chosen.map(idOf).join(',')}|${rest.map(idOf).join(',')}`;
  let attributes = byKey.get(key);
  if (!attributes) byKey.set(key, (attributes = makeAttributes(technique, chosen, decisions, needs, requires)));
  return attributes;
}

function makeAttributes(technique: Technique, chosen: RequiredAction[], decisions: Decision[], needs: string | undefined, requires: string | undefined): EdgeAttributes {
  const ref = techniqueRefOf(technique);
  const evidence: Evidence[] = [...new Map(decisions.flatMap(evidenceOf).map((e) => [`${e.policy}#${e.statement}@${e.level ?? ''}`, e])).values()];
  const conditions: ResidualCondition[] = decisions.flatMap((d) => d.residual);
  const all = [...(requires ? [requires] : []), ...(needs ? [needs] : []), ...chosen.flatMap((r) => (r.requires ? [r.requires] : []))];
  return {
    kind: 'escalation',
    technique: ref,
    actions: chosen.map((r) => r.action),
    evidence,
    conditions,
    conditional: conditions.length > 0 || all.length > 0,
    ...(all.length ? { requires: all } : {}),
  };
}

/**
 * The can-pass-to-service edge beside a technique's edge when its alternative passes a role (what
 * the passable-admin-role finding and the exports read); undefined when it passes none.
 */
export function passAttributes(technique: Technique, chosen: RequiredAction[], decisions: Decision[]): EdgeAttributes | undefined {
  const pass = chosen.findIndex((r) => r.action === 'iam:PassRole');
  if (pass < 0) return undefined;
  const d = decisions[pass];
  return { kind: 'can-pass-to-service', actions: ['iam:PassRole'], evidence: evidenceOf(d), conditions: d.residual, conditional: d.conditional, requires: [`passed to ${chosen[pass].context?.['iam:PassedToService'] ?? technique.service}`] };
}

/** The attributes of a step whose gain makes the source admin: the technique's proof and the admin check's. */
export function adminAttributes(attributes: EdgeAttributes, admin: AdminCheck, note: Evidence): EdgeAttributes {
  return {
    ...attributes,
    // The admin check's own statements are not the step's proof: the gained policy is.
    evidence: [...attributes.evidence, note],
    conditions: [...attributes.conditions, ...admin.conditions],
    conditional: attributes.conditional || admin.conditional,
  };
}

