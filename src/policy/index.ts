/**
 * The policy engine's public face: parse → compile once → evaluate many times.
 */
export * from './types.ts';
export { parsePolicy } from './parse.ts';
export { compilePolicy } from './compile.ts';
export { evaluate } from './evaluate/index.ts';
export { makeContext } from './context.ts';
export { actionCatalog, actionsMatching, loadActionCatalog, unknownActionWarnings } from './catalog.ts';
export { checkActionName, type ActionCatalog, type ActionNameCheck } from './action-name.ts';
