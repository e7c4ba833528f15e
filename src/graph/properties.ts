/**
 * Graph attributes → property maps Neo4j (and BloodHound) can store: primitives and homogeneous
 * lists of primitives. Anything nested (evidence, conditions, details) is kept as a JSON string.
 */
import type { EdgeAttributes, NodeAttributes } from './types.ts';

export type Primitive = string | number | boolean;
export type PropertyValue = Primitive | string[] | number[] | boolean[];
export type PropertyMap = Record<string, PropertyValue>;

const isPrimitive = (v: unknown): v is Primitive => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function toPropertyValue(value: unknown): PropertyValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (isPrimitive(value)) return value;
  if (Array.isArray(value) && value.length > 0 && value.every(isPrimitive)) {
    const type = typeof value[0];
    if (value.every((v) => typeof v === type)) return value as string[] | number[] | boolean[];
  }
  if (Array.isArray(value) && value.length === 0) return undefined;
  return JSON.stringify(value);
}

/** Flattens attributes into a property map with sorted keys (deterministic output). */
export function toProperties(attributes: Record<string, unknown>): PropertyMap {
  const props: PropertyMap = {};
  for (const key of Object.keys(attributes).sort()) {
    const value = toPropertyValue(attributes[key]);
    if (value !== undefined) props[key] = value;
  }
  return props;
}

export function nodeProperties(key: string, attributes: NodeAttributes): PropertyMap {
  const { x: _x, y: _y, ...rest } = attributes;
  return toProperties({ ...rest, key });
}

export function edgeProperties(key: string, attributes: EdgeAttributes): PropertyMap {
  const { technique, ...rest } = attributes;
  return toProperties({
    ...rest,
    key,
    technique: technique?.id,
    techniqueName: technique?.name,
    publicIds: technique?.publicIds,
  });
}
