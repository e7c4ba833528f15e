/** Every walk over the access graph: named edge sets, steps, BFS, strongly connected components. */
export { ACTING_AS, ASSUMING, PLACING, REACH, type EdgeSet } from './edge-sets.ts';
export { follows, foldHub, foldStep, hasStep, isHub, stepsOf, stepsOver, type Step, type StepOptions, type Steps } from './steps.ts';
export { bfs, depthsFrom, nearestChains, stepBetween, stepsTo, type BfsOptions, type NearestChain, type Reached } from './bfs.ts';
export { cyclicComponents } from './components.ts';
export { reachability, type Reachability } from './reachability.ts';
export { aidedEdges, type AidedEdge } from './adjacency.ts';
