/** The access graph: build once from the model, query many times. */
export * from './types.ts';
export { buildGraph } from './build.ts';
export { serializeGraph, type SerializedAccessGraph } from './serialize.ts';
export { TECHNIQUES, type Technique } from './techniques/catalog.ts';
