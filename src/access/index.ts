/** The model bound to the policy engine: a principal as the engine sees it, its decisions, admin detection. */
export { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './options.ts';
export { profileOf, type PrincipalProfile } from './profile.ts';
export { decideAccess, effectiveAccess, mayAllow, resourceIndependent, type AccessRequest } from './decide.ts';
export { adminCheck, ADMIN_SENTINELS, ALLOW_ALL, type AdminCheck } from './admin.ts';
export { gainText, policyVersionKey, withGain, withGains, type Gain, type GainKind } from './gains.ts';
