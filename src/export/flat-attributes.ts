/**
 * Attributes as flat scalars for file formats whose attributes are typed columns (GraphML, GEXF):
 * lists and nested values become JSON strings.
 */
import { toProperties } from '../graph/properties.ts';

export type Scalar = string | number | boolean;

export function flatAttributes(attributes: Record<string, unknown>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(toProperties(attributes))) {
    out[key] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}
