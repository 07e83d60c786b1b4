/**
 * The sections of the observations paper and the first draft of their text, written from the
 * figures in the language asked for (the editor then keeps and changes each language's text).
 */
import type { Translator } from '../../../platform/i18n/messages.ts';
import { percent, type PaperFigures } from './figures.ts';
import { findingsParagraph } from '../../questionnaires/index.ts';

export const SECTION_IDS = ['introduction', 'cooperation', 'gender', 'good_practice', 'follow_up', 'observations'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Longest text of one section, in characters. */
export const SECTION_MAX = 20_000;

export type SectionTexts = Record<SectionId, string>;

/** A percentage as the language writes it ("45 %", "٤٥٪", "45%"). */
export function formatPercent(tr: Translator, value: number): string {
  return tr.formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 0 });
}

/** The first draft of every section in `tr`'s language, from the figures. */
export function draftTexts(tr: Translator, f: PaperFigures): SectionTexts {
  const m = f.main;
  const n = (x: number) => tr.formatNumber(x);
  const p = (part: number, whole: number) => formatPercent(tr, percent(part, whole));
  const year = String(f.year);
  return {
    introduction: tr.t('analysis.paper.draft.introduction', { year, count: m.reports.count, reports: n(m.reports.count) }),
    cooperation: tr.t('analysis.paper.draft.cooperation', {
      year,
      count: m.withCooperation.count,
      withCooperation: n(m.withCooperation.count),
      reports: n(m.reports.count),
      percent: p(m.withCooperation.count, m.reports.count),
      quantitative: n(m.quantitative.count),
      quantitativePercent: p(m.quantitative.count, m.withCooperation.count),
      qualitative: n(m.qualitative.count),
      qualitativePercent: p(m.qualitative.count, m.withCooperation.count),
    }),
    gender: tr.t('analysis.paper.draft.gender', {
      count: m.withCooperationAndGender.count,
      withGender: n(m.withCooperationAndGender.count),
      withCooperation: n(m.withCooperation.count),
      percent: p(m.withCooperationAndGender.count, m.withCooperation.count),
      noGender: n(m.withCooperationNoGender.count),
      noGenderPercent: p(m.withCooperationNoGender.count, m.withCooperation.count),
    }),
    good_practice: tr.t('analysis.paper.draft.good_practice', { year }),
    follow_up: tr.t('analysis.paper.draft.follow_up', { count: f.followUp.length, states: n(f.followUp.length) }),
    observations: [tr.t('analysis.paper.draft.observations', { year }), ...f.questionnaires.map((q) => findingsParagraph(q, tr))].join('\n\n'),
  };
}

/** The texts of a language: those saved, or the draft written from the figures when none are. */
export function textsFor(content: Partial<Record<string, Record<string, string>>>, lang: string, tr: Translator, figures: PaperFigures): { texts: SectionTexts; saved: boolean } {
  const saved = content[lang];
  if (!saved) return { texts: draftTexts(tr, figures), saved: false };
  const texts = {} as SectionTexts;
  for (const s of SECTION_IDS) texts[s] = typeof saved[s] === 'string' ? saved[s] : '';
  return { texts, saved: true };
}
