/** Questions over the graph: paths, can, who-can, what-can, privesc. */
export * from './types.ts';
export { findPaths, type Target } from './paths.ts';
export { can, privesc, privescStream, whatCan, whoCan, type CanAnswer, type PrivescStream, type WhatCanAnswer } from './questions.ts';
export { pathsHeadline, renderPath, renderWhatCan, whoCanHeadline } from './text.ts';
export { hopOf, hopOfStep, hopIsConditional, pathOf } from './hop.ts';
