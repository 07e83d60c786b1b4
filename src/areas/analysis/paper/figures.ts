/**
 * The figures of the paper for a year, each with the reports behind it (so every number links to
 * them): reports submitted, with cooperation & assistance (C&A) information, with C&A and gender &
 * diversity (G&D), C&A without G&D (the follow-up candidates), quantitative and qualitative C&A
 * information, and every indicator — computed live by the coverage dashboard's yearCoverage (the
 * reviewer's decision wins); the follow-up list comes from the follow-ups' candidates and letters;
 * the questionnaires open during the year give their response rates and key results.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { localized, type LocalizedText } from '../../states/index.ts';
import { yearCoverage, type Figure } from '../coverage/index.ts';
import { followUpCandidates, listFollowUps, type FollowUpSummary } from '../followups/index.ts';
import { yearAnalysis } from '../indicators/indicators-queries.ts';
import { paperFindings, type QuestionnaireFindings } from '../../questionnaires/index.ts';

export type { Figure };

export const MAIN_FIGURES = ['reports', 'withCooperation', 'withCooperationAndGender', 'withCooperationNoGender', 'quantitative', 'qualitative'] as const;
export type MainFigure = (typeof MAIN_FIGURES)[number];

/** The figure a percentage is taken of (none for the number of reports). */
export const PERCENT_OF: Record<MainFigure, MainFigure | undefined> = {
  reports: undefined,
  withCooperation: 'reports',
  withCooperationAndGender: 'withCooperation',
  withCooperationNoGender: 'withCooperation',
  quantitative: 'withCooperation',
  qualitative: 'withCooperation',
};

export interface ReportRef {
  id: string;
  stateIso2: string;
  stateName: string;
  kind: 'initial' | 'annual';
  /** Published with public visibility: its public page may be linked from documents. */
  isPublic: boolean;
}

export interface PaperFigures {
  year: number;
  main: Record<MainFigure, Figure>;
  indicators: { id: string; group: 'cooperation' | 'gender'; title: LocalizedText; figure: Figure }[];
  reports: Map<string, ReportRef>;
  /** States whose report gives C&A information but none on G&D (follow-up candidates) and their letter, if any. */
  followUp: { stateIso2: string; stateName: string; reportIds: string[]; letter: { status: FollowUpSummary['status']; sentAt: Date | null; answeredAt: Date | null; closedAt: Date | null } | null }[];
  /** Questionnaires open during the year, with their response rates and key results. */
  questionnaires: QuestionnaireFindings[];
}

/** Share of `part` in `whole`, in whole percent (0 when there is nothing to divide by). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export async function paperFigures(db: DbOrTx, year: number, locale: string): Promise<PaperFigures> {
  const [coverage, data, candidates, followUps, findings] = await Promise.all([yearCoverage(db, year), yearAnalysis(db, { year }, locale), followUpCandidates(db, year), listFollowUps(db, { year }), paperFindings(db, year)]);
  const reports = new Map<string, ReportRef>(
    data.rows.map((r) => [r.report.id, { id: r.report.id, stateIso2: r.report.stateIso2, stateName: r.stateName, kind: r.report.kind, isPublic: r.report.publishedVersionNo !== null && r.report.visibility === 'public' }]),
  );
  const yes = new Map(coverage.byIndicator.map((i) => [i.indicatorId, i.yes]));
  const letters = new Map<string, FollowUpSummary>();
  for (const f of followUps) if (!letters.has(f.stateIso2)) letters.set(f.stateIso2, f);
  return {
    year,
    main: {
      reports: coverage.reports,
      withCooperation: coverage.withCooperation,
      withCooperationAndGender: coverage.withCooperationAndGender,
      withCooperationNoGender: coverage.withCooperationNoGender,
      quantitative: coverage.quantitative,
      qualitative: coverage.qualitative,
    },
    indicators: data.indicators.map((i) => ({ id: i.id, group: i.group, title: i.title as LocalizedText, figure: yes.get(i.id) ?? { count: 0, reportIds: [] } })),
    reports,
    followUp: candidates.map((c) => {
      const letter = letters.get(c.stateIso2);
      return {
        stateIso2: c.stateIso2,
        stateName: localized(c.stateNames, locale),
        reportIds: c.reportIds,
        letter: letter ? { status: letter.status, sentAt: letter.sentAt, answeredAt: letter.answeredAt, closedAt: letter.closedAt } : null,
      };
    }),
    questionnaires: findings.questionnaires,
  };
}
