/**
 * What the HTML report draws its paths from: each hop's text once (target, technique, evidence
 * with its file:line, conditions), and each finding's paths as lists of hop ids. The same hop lies
 * on many paths; drawn into the page for each of them, a 5,000-principal report was 231 MiB.
 * Everything here is plain text: the page's script puts it in with textContent.
 */
import { reportToJson } from '../json-form.ts';
import type { Finding, Report } from '../types.ts';
import { locationText } from './text.ts';
import { conditionText, evidenceText, hopVia, requiresText, shortName } from '../../analysis/text.ts';

export interface HtmlHop {
  to: string;
  toLabel: string;
  via: string;
  items: Array<{ text: string; at?: string }>;
}

export interface HtmlPath {
  id: string;
  verdict: string;
  from: string;
  fromLabel: string;
  hops: string[];
  final?: string;
}

export interface HtmlData {
  hops: Record<string, HtmlHop>;
  /** By finding id. */
  paths: Record<string, HtmlPath[]>;
}

/** The key of a statement in statementLocations. */
export const statementKey = (policy: string, statement: number): string => `${policy}#${statement}`;

/** Where each statement the findings cite is (file:line pointer): a statement is at one place whichever finding cites it. */
export function statementLocations(findings: Iterable<Pick<Finding, 'locations'>>): Record<string, string> {
  const where: Record<string, string> = {};
  for (const f of findings) for (const l of f.locations) if (l.policy !== undefined && l.statement !== undefined) where[statementKey(l.policy, l.statement)] = locationText(l);
  return where;
}

export function htmlData(report: Report): HtmlData {
  const form = reportToJson(report);
  const findings = [...form.findings, ...form.suppressed];
  const where = statementLocations(findings);
  const at = (policy: string, statement: number): string | undefined => where[statementKey(policy, statement)];
  const hops: Record<string, HtmlHop> = {};
  for (const [id, hop] of Object.entries(form.hops)) {
    hops[id] = {
      to: hop.to,
      toLabel: shortName(hop.to),
      via: hopVia(hop),
      items: [
        ...hop.evidence.map((e) => {
          const location = at(e.policy, e.statement);
          return { text: evidenceText(e), ...(location ? { at: location } : {}) };
        }),
        ...hop.conditions.map((c) => ({ text: conditionText(c) })),
        ...(hop.requires ?? []).map((r) => ({ text: requiresText(r) })),
      ],
    };
  }
  const paths: Record<string, HtmlPath[]> = {};
  for (const f of findings) {
    if (f.paths.length === 0) continue;
    paths[f.id] = f.paths.map((p) => {
      const from = form.hops[p.hops[0]]?.from ?? f.subject;
      return {
        id: p.id,
        verdict: p.verdict,
        from,
        fromLabel: shortName(from),
        hops: p.hops,
        ...(p.final ? { final: `${p.final.action} on ${p.final.resource}: ${p.final.decision}` } : {}),
      };
    });
  }
  return { hops, paths };
}
