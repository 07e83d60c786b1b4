/**
 * Read models of the paper: the papers by year, and the narrative evidence of a year's reports that
 * an editor may choose examples of good practice from.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { localized } from '../../states/index.ts';
import { listIndicators, listSubmittedYears } from '../indicators/indicators-queries.ts';
import type { PaperExample } from '../schema.ts';
import type { PaperFigures } from './figures.ts';
import * as repo from './paper-repository.ts';

export interface EvidenceCandidate {
  reportId: string;
  stateName: string;
  indicatorId: string;
  indicatorTitle: string;
  /** Position in the indicator's evidence list (what the add form sends). */
  index: number;
  formId: string;
  path: string;
  snippet: string;
}

/** At most this many candidates are listed (the page stays light). */
export const MAX_CANDIDATES = 25;

/**
 * Narrative evidence (not cancelled by a negation) behind the indicators that count as yes in the
 * year's reports, without those already chosen; C&A reports first.
 */
export async function evidenceCandidates(db: DbOrTx, figures: PaperFigures, chosen: PaperExample[], locale: string): Promise<EvidenceCandidate[]> {
  const out: EvidenceCandidate[] = [];
  const taken = new Set(chosen.map((e) => `${e.reportId}\u0000${e.path}\u0000${e.quote}`));
  const seen = new Set<string>();
  const ids = [...new Set([...figures.main.withCooperation.reportIds, ...figures.main.reports.reportIds])];
  // One read for all the reports' values (not one analysis per report), then walked in the same order.
  const [indicators, rows] = await Promise.all([listIndicators(db, { activeOnly: true }), repo.listEvidenceOfReports(db, ids)]);
  const values = new Map(rows.map((r) => [`${r.reportId}\u0000${r.indicatorId}`, r]));
  for (const id of ids) {
    const report = figures.reports.get(id);
    if (!report) continue;
    for (const indicator of indicators) {
      if (out.length >= MAX_CANDIDATES) return out;
      const v = values.get(`${id}\u0000${indicator.id}`);
      if (!v || (v.decision ?? v.autoValue) !== 'yes') continue;
      v.evidence.forEach((e, index) => {
        if (e.source !== 'narrative' || e.negated || out.length >= MAX_CANDIDATES) return;
        const key = `${id}\u0000${e.path}\u0000${e.snippet}`;
        if (taken.has(key) || seen.has(key)) return;
        seen.add(key);
        out.push({ reportId: id, stateName: report.stateName, indicatorId: indicator.id, indicatorTitle: localized(indicator.title, locale), index, formId: e.formId, path: e.path, snippet: e.snippet });
      });
    }
  }
  return out;
}

export interface PaperListRow {
  year: number;
  paper: repo.PaperRow | undefined;
}

/** Every year with submitted reports or a paper, newest first, with its paper if one was saved. */
export async function listPaperYears(db: DbOrTx): Promise<PaperListRow[]> {
  const [years, papers] = await Promise.all([listSubmittedYears(db), repo.listPapers(db)]);
  const byYear = new Map(papers.map((p) => [p.year, p]));
  const all = [...new Set([...years, ...papers.map((p) => p.year)])].sort((a, b) => b - a);
  return all.map((year) => ({ year, paper: byYear.get(year) }));
}

/** The first reporting year of the Convention (entry into force 1 March 1999). */
export const FIRST_PAPER_YEAR = 1999;

/** Whether a paper may be opened for the year: a reporting year of the Convention up to next year. */
export function isPaperYear(year: number, now: Date): boolean {
  return Number.isInteger(year) && year >= FIRST_PAPER_YEAR && year <= now.getUTCFullYear() + 1;
}
