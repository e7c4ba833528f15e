/** Three-valued logic helpers (Kleene). */
import type { Tri } from './types.ts';

export const triNot = (a: Tri): Tri => (a === 'true' ? 'false' : a === 'false' ? 'true' : 'unknown');
