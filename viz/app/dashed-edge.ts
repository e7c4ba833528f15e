/**
 * A dashed arrow for conditional edges: sigma's own clamped edge and arrow head, with the edge's
 * shaders extended by a coordinate along the edge and a fragment test that leaves gaps. Lengths
 * are in screen pixels (converted the way sigma converts edge thickness), so dashes keep their
 * size at any zoom. The picking pass is untouched: a gap still hovers and clicks as the edge.
 */
import { createEdgeArrowHeadProgram, createEdgeClampedProgram, createEdgeCompoundProgram, type EdgeProgramType } from 'sigma/rendering';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/types.ts';

/** Dash and gap, in pixels. */
const DASH_PIXELS = 5;

type Program = EdgeProgramType<NodeAttributes, EdgeAttributes>;
interface ShaderDefinition {
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
}

const EdgeClampedProgram = createEdgeClampedProgram<NodeAttributes, EdgeAttributes>();
// sigma types its program factories as bare constructors: the definition is on the prototype.
const clampedDefinition = (EdgeClampedProgram.prototype as unknown as { getDefinition(): ShaderDefinition }).getDefinition;

function patch(source: string, anchor: string, insert: string, where: 'before' | 'after'): string {
  const at = source.lastIndexOf(anchor);
  if (at < 0) throw new Error(`dashed edge: sigma's shader changed, "${anchor}" is missing`);
  const cut = where === 'before' ? at : at + anchor.length;
  return source.slice(0, cut) + insert + source.slice(cut);
}

const VARYINGS = '\nvarying float v_along;\nvarying float v_dash;\n';

class EdgeDashedClampedProgram extends EdgeClampedProgram {
  getDefinition(): ShaderDefinition {
    const definition = clampedDefinition.call(this);
    let vertex = patch(definition.VERTEX_SHADER_SOURCE, 'void main', VARYINGS, 'before');
    vertex = patch(vertex, '}', `
  v_along = a_positionCoef * length(a_positionEnd - a_positionStart);
  v_dash = ${DASH_PIXELS.toFixed(1)} * u_correctionRatio / u_sizeRatio;
`, 'before');
    let fragment = patch(definition.FRAGMENT_SHADER_SOURCE, 'void main', VARYINGS, 'before');
    fragment = patch(fragment, 'void main(void) {', `
  #ifndef PICKING_MODE
  if (mod(v_along, 2.0 * v_dash) > v_dash) discard;
  #endif
`, 'after');
    return { ...definition, VERTEX_SHADER_SOURCE: vertex, FRAGMENT_SHADER_SOURCE: fragment };
  }
}

export const EdgeDashedArrowProgram: Program = createEdgeCompoundProgram<NodeAttributes, EdgeAttributes>([EdgeDashedClampedProgram, createEdgeArrowHeadProgram<NodeAttributes, EdgeAttributes>()]);
