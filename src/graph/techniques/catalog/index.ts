/** The technique catalog: data only, one file per family. */
import type { Technique } from '../types.ts';
import { EXISTING_COMPUTE_TECHNIQUES } from './existing-compute.ts';
import { IAM_TECHNIQUES } from './iam.ts';
import { IDENTITY_CENTER_TECHNIQUES } from './identity-center.ts';
import { NEW_COMPUTE_TECHNIQUES } from './new-compute.ts';

export const TECHNIQUES: readonly Technique[] = [...IAM_TECHNIQUES, ...NEW_COMPUTE_TECHNIQUES, ...EXISTING_COMPUTE_TECHNIQUES, ...IDENTITY_CENTER_TECHNIQUES];
