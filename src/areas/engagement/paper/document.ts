/**
 * A committee's paper as the DOCX and PDF downloads lay it out, in one language: the sections'
 * texts (plain text, paragraphs split on blank lines), and the table of the year's meetings.
 */
import type { Translator } from '../../../platform/i18n/messages.ts';
import { localized } from '../../states/index.ts';
import { textIn } from '../texts.ts';
import type { PaperFacts } from './paper-facts.ts';
import { listText, meetingDates, SECTION_IDS, type SectionId, type SectionTexts } from './sections.ts';

export interface CommitteePaperDocument {
  lang: string;
  dir: 'rtl' | 'ltr';
  title: string;
  subtitle: string;
  date: string;
  /** "Draft" while the paper is not final. */
  draftMark: string | undefined;
  sections: { id: SectionId; heading: string; paras: string[] }[];
  meetings: { caption: string; head: [string, string, string, string]; rows: [string, string, string, string][]; empty: string };
  footer: string;
}

export function committeePaperDocument(input: { tr: Translator; facts: PaperFacts; texts: SectionTexts; status: 'draft' | 'final'; date: Date }): CommitteePaperDocument {
  const { tr, facts: f } = input;
  const t = tr.t;
  const lang = tr.locale === 'qps' ? 'en' : tr.locale;
  const year = tr.formatNumber(f.year, { useGrouping: false });
  const committee = localized(f.committee.names, lang);
  const title = t('engagement.paper.doc_title', { committee, year });
  const state = (iso2: string) => (f.stateNames.get(iso2) ? localized(f.stateNames.get(iso2)!, lang) : iso2);
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    title,
    subtitle: t('engagement.paper.doc_subtitle', { year }),
    date: tr.formatDate(input.date, 'long'),
    draftMark: input.status === 'draft' ? t('engagement.paper.doc_draft') : undefined,
    sections: SECTION_IDS.map((id) => ({ id, heading: t(`engagement.paper.section.${id}`), paras: input.texts[id].split(/\n{2,}/).map((p) => p.trim()).filter(Boolean) })),
    meetings: {
      caption: t('engagement.paper.meetings_caption', { year }),
      head: [t('engagement.paper.col.date'), t('engagement.paper.col.meeting'), t('engagement.paper.col.kind'), t('engagement.paper.col.states')],
      rows: f.meetings.map((m) => [meetingDates(tr, m), textIn(m.title, lang), t(`engagement.paper.kind.${m.kind}`), m.states.length ? listText(lang, m.states.map(state)) : '—']),
      empty: t('engagement.paper.meetings_none'),
    },
    footer: `${title} · ${input.status === 'draft' ? t('engagement.paper.doc_draft') : t('engagement.paper.status.final')}`,
  };
}
