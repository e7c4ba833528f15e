/**
 * Reads the JSON of `terraform show -json plan.out` (Terraform 1.x "JSON Output Format"): the
 * managed resources' changes, with where each resource is declared (its module's configuration:
 * the references of its expressions, and a file and line when the plan carries them). A document
 * of another shape is one InputProblem naming the JSON pointer.
 */
import { InputProblem, describeValue, expectArray, expectRecord, expectString, isRecord } from '../errors.ts';

export type PlanAction = 'no-op' | 'create' | 'read' | 'update' | 'delete';
const ACTIONS: readonly string[] = ['no-op', 'create', 'read', 'update', 'delete'];

export interface PlanConfig {
  /** Attribute → the addresses its expression references, made absolute (`module.x.aws_iam_policy.p.arn`). */
  references: Record<string, string[]>;
  file?: string;
  line?: number;
}

export interface PlanResourceChange {
  address: string;
  moduleAddress?: string;
  type: string;
  name: string;
  actions: PlanAction[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Terraform's `after_unknown`: `true` where a value is known only after apply. */
  afterUnknown: unknown;
  /** JSON pointer of the change in the plan file. */
  pointer: string;
  config?: PlanConfig;
}

export interface TerraformPlan {
  file: string;
  formatVersion: string;
  changes: PlanResourceChange[];
  /** The root `aws` provider's region (a constant, or the variable it names): where planned compute runs. */
  region?: string;
}

/** `provider "aws" { region = "eu-west-1" }` or `region = var.region` with the variable's value in the plan. */
function providerRegion(doc: Record<string, unknown>): string | undefined {
  const configuration = isRecord(doc.configuration) ? doc.configuration : {};
  const aws = isRecord(configuration.provider_config) && isRecord(configuration.provider_config.aws) ? configuration.provider_config.aws : {};
  const region = isRecord(aws.expressions) && isRecord(aws.expressions.region) ? aws.expressions.region : {};
  if (typeof region.constant_value === 'string') return region.constant_value;
  const variable = Array.isArray(region.references) ? region.references.find((r): r is string => typeof r === 'string' && r.startsWith('var.')) : undefined;
  const value = variable && isRecord(doc.variables) && isRecord(doc.variables[variable.slice(4)]) ? (doc.variables[variable.slice(4)] as Record<string, unknown>).value : undefined;
  return typeof value === 'string' ? value : undefined;
}

const objectOrNull = (v: unknown, pointer: string): Record<string, unknown> | null => (v === null || v === undefined ? null : expectRecord(v, pointer));

function readActions(v: unknown, pointer: string): PlanAction[] {
  const list = expectArray(v, pointer);
  if (list.length === 0) throw new InputProblem(pointer, 'expected a list of actions (no-op, create, read, update, delete), got an empty list');
  return list.map((a, i) => {
    if (typeof a !== 'string' || !ACTIONS.includes(a)) throw new InputProblem(`${pointer}/${i}`, `expected one of ${ACTIONS.join(', ')}, got ${describeValue(a)}`);
    return a as PlanAction;
  });
}

/** `aws_iam_policy.p.arn` inside `module.x` → `module.x.aws_iam_policy.p.arn`; `var.`/`local.`/`data.` stay relative. */
const absolute = (module: string | undefined, ref: string): string => (module && !/^(var|local|each|count|path|terraform)\./.test(ref) ? `${module}.${ref}` : ref);

function readRange(r: Record<string, unknown>): { file?: string; line?: number } {
  const range = isRecord(r.range) ? r.range : isRecord(r.declRange) ? r.declRange : undefined;
  if (!range) return {};
  const file = typeof range.filename === 'string' ? range.filename : undefined;
  const line = isRecord(range.start) && typeof range.start.line === 'number' ? range.start.line : undefined;
  return { ...(file ? { file } : {}), ...(line ? { line } : {}) };
}

function referencesOf(expressions: unknown, module: string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) return v.forEach((e) => walk(e, key));
    if (!isRecord(v)) return;
    if (Array.isArray(v.references)) {
      (out[key] ??= []).push(...v.references.filter((r): r is string => typeof r === 'string').map((r) => absolute(module, r)));
      return;
    }
    for (const [k, e] of Object.entries(v)) walk(e, key ? `${key}.${k}` : k);
  };
  if (isRecord(expressions)) for (const [k, e] of Object.entries(expressions)) walk(e, k);
  return out;
}

/** Every resource of the configuration, keyed by its absolute address (without instance keys). */
function configIndex(configuration: unknown): Map<string, PlanConfig> {
  const index = new Map<string, PlanConfig>();
  const visit = (module: unknown, prefix: string | undefined): void => {
    if (!isRecord(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (!isRecord(r) || typeof r.address !== 'string') continue;
      index.set(prefix ? `${prefix}.${r.address}` : r.address, { references: referencesOf(r.expressions, prefix), ...readRange(r) });
    }
    if (isRecord(module.module_calls)) {
      for (const [name, call] of Object.entries(module.module_calls)) {
        if (isRecord(call)) visit(call.module, prefix ? `${prefix}.module.${name}` : `module.${name}`);
      }
    }
  };
  if (isRecord(configuration)) visit(configuration.root_module, undefined);
  return index;
}

/** `module.a["x"].aws_iam_role.r[0]` → `module.a.aws_iam_role.r` (configuration addresses carry no instance keys). */
const configAddress = (address: string): string => address.replace(/\[[^\]]*\]/g, '');

export function readTerraformPlan(value: unknown, file: string): TerraformPlan {
  const doc = expectRecord(value, '');
  const formatVersion = expectString(doc.format_version, '/format_version');
  if (!/^1\./.test(formatVersion)) throw new InputProblem('/format_version', `expected a Terraform plan JSON format 1.x, got ${describeValue(formatVersion)}`);
  const configs = configIndex(doc.configuration);
  const changes = expectArray(doc.resource_changes, '/resource_changes').flatMap((item, i): PlanResourceChange[] => {
    const at = `/resource_changes/${i}`;
    const r = expectRecord(item, at);
    if (r.mode === 'data') return [];
    const change = expectRecord(r.change, `${at}/change`);
    const address = expectString(r.address, `${at}/address`);
    const config = configs.get(configAddress(address));
    return [{
      address,
      ...(typeof r.module_address === 'string' ? { moduleAddress: r.module_address } : {}),
      type: expectString(r.type, `${at}/type`),
      name: expectString(r.name, `${at}/name`),
      actions: readActions(change.actions, `${at}/change/actions`),
      before: objectOrNull(change.before, `${at}/change/before`),
      after: objectOrNull(change.after, `${at}/change/after`),
      afterUnknown: change.after_unknown ?? {},
      pointer: at,
      ...(config ? { config } : {}),
    }];
  });
  const region = providerRegion(doc);
  return { file, formatVersion, changes, ...(region ? { region } : {}) };
}
