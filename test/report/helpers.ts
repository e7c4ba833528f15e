/** The real pipeline (ingest → graph → privesc → report) on fixture files, for the report tests. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadInputs } from '../../ingest/index.ts';
import { privesc } from '../../src/analysis/index.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/access/options.ts';
import { buildGraph, type AccessGraph } from '../../src/graph/index.ts';
import type { AccountModel } from '../../src/model/types.ts';
import { buildReport, type BuildReportOptions } from '../../src/report/build.ts';
import { DEFAULT_REPORT_OPTIONS, type Report, type ReportOptions, type RuleInput } from '../../src/report/types.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Repository-relative path of a fixture (relative paths keep reports identical across checkouts). */
export const fixture = (name: string): string => relative(process.cwd(), fileURLToPath(new URL(`../fixtures/report/${name}`, import.meta.url)));
export const example = (name: string): string => relative(process.cwd(), fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)));

export async function ruleInput(files: string[], options: Partial<Omit<ReportOptions, 'analysis'>> = {}): Promise<RuleInput & { model: AccountModel; graph: AccessGraph }> {
  const { model, errors } = await loadInputs(files);
  if (errors.length) throw new Error(`fixture errors: ${JSON.stringify(errors)}`);
  const graph = buildGraph(model, DEFAULT_ANALYSIS_OPTIONS);
  return { model, graph, privesc: privesc(graph, model, DEFAULT_ANALYSIS_OPTIONS), options: { ...DEFAULT_REPORT_OPTIONS, ...options, analysis: DEFAULT_ANALYSIS_OPTIONS } };
}

export const readSource = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export async function reportFor(files: string[], options: Partial<Omit<ReportOptions, 'analysis'>> = {}, build: Partial<BuildReportOptions> = {}): Promise<Report> {
  return buildReport(await ruleInput(files, options), { toolVersion: '0.0.0-test', today: '2026-11-23', readSource, ...build });
}

/** The HTML report's paths of a finding, drawn: its script draws them on the toggle event, a task after the click that opens it, so reading them right after the click races it. */
export const pathsDrawn = (page: Page, finding: string): Promise<void> => page.locator(`details[id="${finding}"] .path`).first().waitFor({ state: 'attached' });

/** Opens a finding of the HTML report and waits for its paths to be drawn. */
export async function openFinding(page: Page, finding: string): Promise<void> {
  await page.locator(`details[id="${finding}"] summary`).click();
  await pathsDrawn(page, finding);
}
