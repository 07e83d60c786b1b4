/**
 * Read models of the follow-ups: the candidates of a year (States whose report gives cooperation
 * and assistance information but none on gender and diversity, and other gaps a reviewer picks)
 * and the follow-up letters with their status and the State's next report. Used by the follow-up
 * pages and by the observations paper.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { FollowUpStatus } from '../schema.ts';
import { yearCoverage } from '../coverage/index.ts';
import * as repo from './followups-repository.ts';
import { COOPERATION_WITHOUT_GENDER } from './gaps.ts';

export type { NextReport, FollowUpListRow } from './followups-repository.ts';

/** A candidate State: its row of the year (see repo.CandidateRow) with the gaps it has. */
export interface FollowUpCandidate extends Omit<repo.CandidateRow, 'yes' | 'analysed'> {
  /** The chosen gaps this State has: `cooperation_without_gender` and/or indicator ids not yes. */
  gaps: string[];
  /** Every analysed indicator whose value that counts is not yes. */
  notYes: string[];
  /** The open (not closed) follow-up for this State and year, if one exists. */
  followUp: { id: string; status: FollowUpStatus } | null;
}

export interface CandidateOptions {
  /**
   * The gaps to look for: `cooperation_without_gender` (the default) and/or indicator ids (a gap
   * is then an indicator whose value that counts is not yes).
   */
  gaps?: readonly string[];
}

/**
 * The States to follow up for reporting year `year`: by default those whose report includes
 * cooperation & assistance information but no gender & diversity information; with `gaps`, the
 * States with any of the chosen gaps. Only analysed, submitted reports count. Sorted by ISO code.
 */
export async function followUpCandidates(db: DbOrTx, year: number, opts: CandidateOptions = {}): Promise<FollowUpCandidate[]> {
  const wanted = opts.gaps ?? [COOPERATION_WITHOUT_GENDER];
  // The C&A-without-G&D split is the coverage dashboard's own figure (the same reports the
  // dashboard and the paper count); the other gaps come from one query over the values.
  const [rows, existing, coverage] = await Promise.all([repo.listCandidateRows(db, year), repo.listFollowUpRows(db, { year }), wanted.includes(COOPERATION_WITHOUT_GENDER) ? yearCoverage(db, year) : undefined]);
  const mainGap = new Set(coverage?.withCooperationNoGender.reportIds ?? []);
  const open = new Map<string, { id: string; status: FollowUpStatus }>();
  // Oldest first, so the first open follow-up of a State wins (listFollowUpRows is newest first).
  for (const f of [...existing].reverse()) if (f.status !== 'closed' && !open.has(f.stateIso2)) open.set(f.stateIso2, { id: f.id, status: f.status });
  const out: FollowUpCandidate[] = [];
  for (const r of rows) {
    const yes = new Set(r.yes);
    const notYes = r.analysed.filter((id) => !yes.has(id)).sort();
    const gaps: string[] = [];
    for (const g of wanted) {
      if (g === COOPERATION_WITHOUT_GENDER) {
        if (r.reportIds.some((id) => mainGap.has(id))) gaps.push(g);
      } else if (r.analysed.includes(g) && !yes.has(g)) gaps.push(g);
    }
    if (!gaps.length) continue;
    out.push({ stateIso2: r.stateIso2, stateNames: r.stateNames, reportId: r.reportId, reportIds: r.reportIds, cooperation: r.cooperation, gender: r.gender, gaps, notYes, followUp: open.get(r.stateIso2) ?? null });
  }
  return out;
}

/**
 * A follow-up as the lists show it: the repository's row without the letter body and the
 * bookkeeping columns; `nextReport` is the State's next report (first submitted report for a
 * later year), once it exists.
 */
export type FollowUpSummary = Omit<repo.FollowUpListRow, 'body' | 'templateKey' | 'outboxEmailId' | 'nextReportId' | 'createdBy'>;

/** The follow-ups of a year (every status), newest first. */
export async function listFollowUps(db: DbOrTx, filter: { year: number; stateIso2?: string }): Promise<FollowUpSummary[]> {
  const rows = await repo.listFollowUpRows(db, filter);
  return rows.map((r) => ({
    id: r.id,
    stateIso2: r.stateIso2,
    stateNames: r.stateNames,
    year: r.year,
    reportId: r.reportId,
    gaps: r.gaps,
    status: r.status,
    locale: r.locale,
    subject: r.subject,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    sentAt: r.sentAt,
    answeredAt: r.answeredAt,
    answerNote: r.answerNote,
    closedAt: r.closedAt,
    version: r.version,
    nextReport: r.nextReport,
  }));
}

/** One follow-up with its letter and next report; undefined for unknown ids. */
export async function getFollowUp(db: DbOrTx, id: string): Promise<repo.FollowUpListRow | undefined> {
  const [row] = await repo.listFollowUpRows(db, { id });
  return row;
}
