/** Terraform plans (`terraform show -json`): read one, and apply it to a copy of a model. */
import type { AccountModel } from '../../src/model/types.ts';
import { InputProblem, formatInputError, type InputError } from '../errors.ts';
import { applyPlan, MODELLED_TYPES, NOT_MODELLED_TYPES, type PlanApplication, type PlanOrigin } from './apply.ts';
import { readTerraformPlan, type PlanResourceChange, type TerraformPlan } from './plan-json.ts';
import { UNKNOWN_KEY } from './unknown.ts';

export { applyPlan, readTerraformPlan, MODELLED_TYPES, NOT_MODELLED_TYPES, UNKNOWN_KEY };
export type { PlanApplication, PlanOrigin, PlanResourceChange, TerraformPlan };

/**
 * A parsed plan document applied to `base` (undefined: an empty account). A plan of the wrong
 * shape or a document in it that is not a policy is an InputError (one line: file, pointer, what).
 */
export function planModel(document: unknown, file: string, base: AccountModel | undefined): PlanApplication | { error: InputError } {
  try {
    const plan = readTerraformPlan(document, file);
    const applied = applyPlan(base, plan);
    return applied.errors.length ? { error: applied.errors[0] } : applied;
  } catch (err) {
    if (err instanceof InputProblem) return { error: { file, pointer: err.pointer, message: err.detail } };
    throw err;
  }
}

export { formatInputError };
