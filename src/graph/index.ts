/** The access graph: build once from the model, query many times. */
export * from './types.ts';
export { buildGraph } from './build.ts';
export { serializeGraph, type SerializedAccessGraph } from './serialize.ts';
export { TECHNIQUES } from './techniques/catalog/index.ts';
export type { Technique } from './techniques/types.ts';
