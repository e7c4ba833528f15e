/**
 * The policy engine's public face: parse → compile once → evaluate many times.
 */
export * from './types.ts';
export { parsePolicy } from './parse.ts';
export { compilePolicy } from './compile.ts';
export { evaluate } from './evaluate/index.ts';
export { makeContext } from './context.ts';
export { actionsMatching, loadActionCatalog, unknownActionWarnings } from './catalog.ts';
