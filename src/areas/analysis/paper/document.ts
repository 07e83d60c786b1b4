/**
 * The paper as the DOCX and PDF exports lay it out, in one language: every label translated, every
 * number formatted, every figure with links to the reports behind it. User text stays plain text.
 */
import type { Translator } from '../../../platform/i18n/messages.ts';
import { localized } from '../../states/index.ts';
import type { PaperExample } from '../schema.ts';
import { MAIN_FIGURES, PERCENT_OF, percent, type Figure, type PaperFigures } from './figures.ts';
import { formatPercent, SECTION_IDS, type SectionId, type SectionTexts } from './sections.ts';

export interface DocLink {
  text: string;
  url: string;
}

export interface DocFigureRow {
  label: string;
  count: string;
  percent: string;
  links: DocLink[];
}

export interface DocTable {
  caption: string;
  head: [string, string, string, string];
  rows: DocFigureRow[];
}

export interface PaperDocument {
  lang: string;
  dir: 'rtl' | 'ltr';
  title: string;
  subtitle: string;
  date: string;
  /** "Draft" while the paper is not final. */
  draftMark: string | undefined;
  sections: { id: SectionId; heading: string; paras: string[] }[];
  figures: DocTable;
  indicators: DocTable;
  examples: { heading: string; empty: string; items: { source: string; quote: string; link: DocLink }[] };
  followUp: { heading: string; empty: string; items: { state: string; status: string; links: DocLink[] }[] };
  footer: string;
  /** Between the report names of a figure (", ", "، ", "、"). */
  sep: string;
}

export interface DocumentInput {
  tr: Translator;
  figures: PaperFigures;
  texts: SectionTexts;
  examples: PaperExample[];
  status: 'draft' | 'final';
  /** When the paper was last saved (or now, for a draft never saved). */
  date: Date;
  baseUrl: string;
}

/** Where a report is read: its public page when published for everyone, else its indicator page. */
export function reportUrl(baseUrl: string, lang: string, report: { id: string; isPublic: boolean } | undefined, id: string): string {
  return report?.isPublic ? `${baseUrl}/${lang}/reports/${id}` : `${baseUrl}/${lang}/analysis/reports/${id}`;
}

/** Where the letter to a follow-up candidate stands, in words. */
export function letterStatus(tr: Translator, letter: PaperFigures['followUp'][number]['letter']): string {
  if (!letter) return tr.t('analysis.paper.follow_up.no_letter');
  const date = letter.closedAt ?? letter.answeredAt ?? letter.sentAt;
  return tr.t(`analysis.paper.follow_up.letter_${letter.status}`, { date: date ? tr.formatDate(date, 'medium') : '' });
}

export function paperDocument(input: DocumentInput): PaperDocument {
  const { tr, figures: f, texts } = input;
  const t = tr.t;
  const lang = tr.locale === 'qps' ? 'en' : tr.locale;
  const link = (id: string): DocLink => {
    const r = f.reports.get(id);
    const name = r ? (r.kind === 'initial' ? t('analysis.paper.report_initial', { state: r.stateName }) : r.stateName) : id;
    return { text: name, url: reportUrl(input.baseUrl, lang, r, id) };
  };
  const row = (label: string, fig: Figure, of: Figure | undefined): DocFigureRow => ({
    label,
    count: tr.formatNumber(fig.count),
    percent: of ? formatPercent(tr, percent(fig.count, of.count)) : '',
    links: fig.reportIds.map(link),
  });
  const head: DocTable['head'] = [t('analysis.paper.figures.col_figure'), t('analysis.paper.figures.col_count'), t('analysis.paper.figures.col_percent'), t('analysis.paper.figures.col_reports')];
  const year = String(f.year);
  const title = t('analysis.paper.doc_title', { year });
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    title,
    subtitle: t('analysis.paper.doc_subtitle'),
    date: tr.formatDate(input.date, 'long'),
    draftMark: input.status === 'draft' ? t('analysis.paper.doc_draft') : undefined,
    sections: SECTION_IDS.map((id) => ({ id, heading: t(`analysis.paper.section.${id}`), paras: texts[id].split(/\n{2,}/).map((p) => p.trim()).filter(Boolean) })),
    figures: {
      caption: t('analysis.paper.figures.caption', { year }),
      head,
      rows: MAIN_FIGURES.map((k) => {
        const of = PERCENT_OF[k];
        return row(t(`analysis.paper.figure.${k}`), f.main[k], of ? f.main[of] : undefined);
      }),
    },
    indicators: {
      caption: t('analysis.paper.indicators.caption', { year }),
      head,
      rows: f.indicators.map((i) => row(localized(i.title, lang), i.figure, f.main.reports)),
    },
    examples: {
      heading: t('analysis.paper.examples.heading'),
      empty: t('analysis.paper.examples.none'),
      items: input.examples.map((e) => {
        const l = link(e.reportId);
        return { source: t('analysis.paper.examples.source', { state: l.text, form: e.formId }), quote: e.quote, link: l };
      }),
    },
    followUp: {
      heading: t('analysis.paper.follow_up.heading'),
      empty: t('analysis.paper.follow_up.none'),
      items: f.followUp.map((s) => ({ state: s.stateName, status: letterStatus(tr, s.letter), links: s.reportIds.map(link) })),
    },
    sep: t('analysis.paper.list_separator'),
    footer: `${title} · ${input.status === 'draft' ? t('analysis.paper.doc_draft') : t('analysis.paper.status.final')}`,
  };
}

/* Shared with every generated document. */
export { plainText, textDirection } from '../../../platform/exports/text.ts';
