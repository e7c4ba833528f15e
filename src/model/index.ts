/** The normalized account model and its queries. */
export * from './types.ts';
export * from './query.ts';
export * from './ids.ts';
