/** The access graph: build once from the model, query many times. */
export * from './types.ts';
export { buildGraph, type AccessGraph } from './build.ts';
export { serializeGraph, type SerializedAccessGraph } from './serialize.ts';
export { effectiveAccess, decide, mayAllow } from './access.ts';
export { profileOf, type PrincipalProfile } from './profile.ts';
export { adminCheck, ADMIN_SENTINELS } from './admin.ts';
export { TECHNIQUES, type Technique } from './techniques/catalog.ts';
