/**
 * The observations paper of a year: its status and downloads, the figures (chart and table, every
 * number linked to the reports behind it), the texts of one language (editable by ISU, first
 * drafted from the figures), the chosen examples of good practice and the evidence to choose them
 * from, and the follow-up list.
 */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Table, Tag, TextArea } from '../../../../platform/views/components.tsx';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../../../platform/i18n/locales.ts';
import { localized } from '../../../states/index.ts';
import type { PaperExample } from '../../schema.ts';
import { MAIN_FIGURES, PERCENT_OF, percent, type Figure, type PaperFigures } from '../figures.ts';
import type { PaperRow } from '../paper-repository.ts';
import { formatPercent, SECTION_IDS, SECTION_MAX, type SectionTexts } from '../sections.ts';
import type { EvidenceCandidate } from '../paper-queries.ts';
import { BarChart, ChartLegend, type ChartData } from '../../coverage/index.ts';

export type PaperFlash = 'saved' | 'added' | 'removed' | 'final' | 'draft';

export interface PaperPageProps {
  year: number;
  paper: PaperRow | undefined;
  figures: PaperFigures;
  /** Language of the texts shown and edited. */
  lang: Locale;
  texts: SectionTexts;
  /** Whether the texts shown are saved ones (false: the draft written from the figures). */
  saved: boolean;
  canEdit: boolean;
  canChangeStatus: boolean;
  candidates: EvidenceCandidate[];
  flash?: PaperFlash | undefined;
  /** A change refused because the paper was changed meanwhile (the person's text is kept). */
  stale?: boolean;
  errors?: Record<string, string> | undefined;
}

export const sectionField = (id: string) => `s_${id}`;

function ReportLinks({ figure, figures }: { figure: Figure; figures: PaperFigures }) {
  const { locale, t } = usePage();
  if (!figure.reportIds.length) return <>—</>;
  return (
    <>
      {figure.reportIds.map((id, i) => {
        const r = figures.reports.get(id);
        const name = r ? (r.kind === 'initial' ? t('analysis.paper.report_initial', { state: r.stateName }) : r.stateName) : id;
        return (
          <>
            {i ? t('analysis.paper.list_separator') : ''}
            <a href={`/${locale}/analysis/reports/${id}`} key={id}>
              <bdi>{name}</bdi>
            </a>
          </>
        );
      })}
    </>
  );
}

/**
 * The figures as the coverage dashboard draws them (its accessible SVG bar chart and legend):
 * one stacked bar each for C&A information, G&D among reports with C&A, and quantitative among
 * reports with C&A; the data table follows on the page.
 */
export function FiguresChart({ figures, title, description }: { figures: PaperFigures; title: string; description: string }) {
  const { t, tr, dir } = usePage();
  const m = figures.main;
  const data: ChartData = {
    id: 'paper-figures',
    title,
    description,
    categoryHeader: t('analysis.paper.figures.col_figure'),
    totalHeader: t('analysis.paper.figures.col_count'),
    series: [
      { key: 'yes', label: t('analysis.paper.chart.series_yes') },
      { key: 'no', label: t('analysis.paper.chart.series_no') },
    ],
    rows: [
      { key: 'cooperation', label: t('analysis.paper.chart.row_cooperation'), cells: [{ value: m.withCooperation.count }, { value: Math.max(0, m.reports.count - m.withCooperation.count) }], total: { value: m.reports.count } },
      { key: 'gender', label: t('analysis.paper.chart.row_gender'), cells: [{ value: m.withCooperationAndGender.count }, { value: m.withCooperationNoGender.count }], total: { value: m.withCooperation.count } },
      { key: 'quantitative', label: t('analysis.paper.chart.row_quantitative'), cells: [{ value: m.quantitative.count }, { value: m.qualitative.count }], total: { value: m.withCooperation.count } },
    ],
  };
  return (
    <>
      <BarChart data={data} dir={dir} formatNumber={(n) => tr.formatNumber(n)} />
      <ChartLegend data={data} />
    </>
  );
}

export function PaperPage(props: PaperPageProps) {
  const { t, tr, locale } = usePage();
  const { year, paper, figures, lang, texts } = props;
  const y = String(year);
  const base = `/${locale}/analysis/papers/${year}`;
  const title = t('analysis.paper.title', { year: y });
  const status = paper?.status ?? 'draft';
  const version = paper?.version ?? 0;
  const m = figures.main;
  const flashText: Record<PaperFlash, string> = {
    saved: t('analysis.paper.flash.saved', { language: LANGUAGE_NAMES[lang] }),
    added: t('analysis.paper.flash.added'),
    removed: t('analysis.paper.flash.removed'),
    final: t('analysis.paper.flash.final'),
    draft: t('analysis.paper.flash.draft'),
  };
  const figureRows = MAIN_FIGURES.map((k) => ({ k, f: m[k], of: PERCENT_OF[k] ? m[PERCENT_OF[k]!] : undefined }));
  return (
    <Layout
      title={title}
      wide
      before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('analysis.breadcrumbs.home') }, { href: `/${locale}/analysis/papers`, label: t('analysis.papers.title') }, { label: title }]} />}
    >
      {props.errors && Object.keys(props.errors).length ? <ErrorSummary errors={props.errors} /> : null}
      {props.stale ? (
        <NotificationBanner kind="warning" title={t('analysis.paper.stale.title')}>
          <p>{t('analysis.paper.stale.body')}</p>
        </NotificationBanner>
      ) : null}
      {props.flash ? (
        <NotificationBanner kind="success">
          <p>{flashText[props.flash]}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p>
        <Tag tone={status === 'final' ? 'green' : 'yellow'}>{t(`analysis.paper.status.${status}`)}</Tag>{' '}
        {paper ? t('analysis.paper.version_line', { version: paper.version }) : t('analysis.paper.not_saved')}
        {paper ? (
          <>
            {' · '}
            <DateTimeText value={paper.updatedAt} />
          </>
        ) : null}
      </p>
      <p class="lead">{t('analysis.paper.lead', { year: y })}</p>

      <h2 id="downloads">{t('analysis.paper.downloads.heading')}</h2>
      <p>{t('analysis.paper.downloads.hint')}</p>
      <Table<Locale>
        caption={t('analysis.paper.downloads.caption')}
        captionHidden
        rows={[...LOCALES]}
        columns={[
          { header: t('analysis.paper.downloads.language'), cell: (l) => <span lang={l}>{LANGUAGE_NAMES[l]}</span> },
          {
            header: t('analysis.paper.downloads.files'),
            cell: (l) => (
              <>
                <a href={`${base}.docx?lang=${l}`} download>
                  {t('analysis.paper.downloads.docx', { language: LANGUAGE_NAMES[l] })}
                </a>
                {' · '}
                <a href={`${base}.pdf?lang=${l}`} download>
                  {t('analysis.paper.downloads.pdf', { language: LANGUAGE_NAMES[l] })}
                </a>
              </>
            ),
          },
        ]}
      />

      <h2 id="figures">{t('analysis.paper.figures.heading')}</h2>
      <FiguresChart
        figures={figures}
        title={t('analysis.paper.chart.title', { year: y })}
        description={t('analysis.paper.chart.desc', {
          withCooperation: m.withCooperation.count,
          reports: m.reports.count,
          withGender: m.withCooperationAndGender.count,
        })}
      />
      <Table<(typeof figureRows)[number]>
        caption={t('analysis.paper.figures.caption', { year: y })}
        rows={figureRows}
        columns={[
          { header: t('analysis.paper.figures.col_figure'), cell: (r) => t(`analysis.paper.figure.${r.k}`) },
          { header: t('analysis.paper.figures.col_count'), numeric: true, cell: (r) => tr.formatNumber(r.f.count) },
          { header: t('analysis.paper.figures.col_percent'), numeric: true, cell: (r) => (r.of ? formatPercent(tr, percent(r.f.count, r.of.count)) : '') },
          { header: t('analysis.paper.figures.col_reports'), cell: (r) => <ReportLinks figure={r.f} figures={figures} /> },
        ]}
      />
      <p>
        <a href={`${base}.csv`} download>
          {t('analysis.paper.figures.csv')}
        </a>
      </p>
      <Table<PaperFigures['indicators'][number]>
        caption={t('analysis.paper.indicators.caption', { year: y })}
        rows={figures.indicators}
        columns={[
          { header: t('analysis.paper.figures.col_figure'), cell: (i) => localized(i.title, locale) },
          { header: t('analysis.paper.figures.col_count'), numeric: true, cell: (i) => tr.formatNumber(i.figure.count) },
          { header: t('analysis.paper.figures.col_percent'), numeric: true, cell: (i) => formatPercent(tr, percent(i.figure.count, m.reports.count)) },
          { header: t('analysis.paper.figures.col_reports'), cell: (i) => <ReportLinks figure={i.figure} figures={figures} /> },
        ]}
      />

      <h2 id="texts">{t('analysis.paper.texts.heading')}</h2>
      <nav aria-label={t('analysis.paper.texts.languages')}>
        <p>
          {t('analysis.paper.texts.languages')}:{' '}
          {LOCALES.map((l, i) => (
            <>
              {i ? ' · ' : ''}
              {l === lang ? (
                <strong lang={l} aria-current="true">
                  {LANGUAGE_NAMES[l]}
                </strong>
              ) : (
                <a href={`${base}?lang=${l}#texts`} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </a>
              )}
            </>
          ))}
        </p>
      </nav>
      {!props.saved ? (
        <NotificationBanner>
          <p>{t('analysis.paper.texts.generated', { language: LANGUAGE_NAMES[lang] })}</p>
        </NotificationBanner>
      ) : null}
      {props.canEdit ? (
        <PostForm action={base} id="texts-form">
          <input type="hidden" name="version" value={String(version)} />
          <input type="hidden" name="lang" value={lang} />
          {SECTION_IDS.map((s) => (
            <TextArea key={s} name={sectionField(s)} label={t(`analysis.paper.section.${s}`)} value={texts[s]} lang={lang} rows={s === 'observations' ? 8 : 5} maxLength={SECTION_MAX} error={props.errors?.[sectionField(s)]} />
          ))}
          <Button>{t('analysis.paper.texts.save', { language: LANGUAGE_NAMES[lang] })}</Button>
        </PostForm>
      ) : (
        SECTION_IDS.map((s) => (
          <section key={s}>
            <h3>{t(`analysis.paper.section.${s}`)}</h3>
            {texts[s]
              .split(/\n{2,}/)
              .filter((p) => p.trim())
              .map((p, i) => (
                <p key={i} lang={lang} dir="auto" class="narrative">
                  {p}
                </p>
              ))}
          </section>
        ))
      )}

      <h2 id="examples">{t('analysis.paper.examples.heading')}</h2>
      {paper?.examples.length ? (
        <ol>
          {paper.examples.map((e: PaperExample, i: number) => {
            const r = figures.reports.get(e.reportId);
            return (
              <li key={i}>
                <blockquote dir="auto">{e.quote}</blockquote>
                <p>
                  <a href={`/${locale}/analysis/reports/${e.reportId}`}>
                    <bdi>{r?.stateName ?? e.reportId}</bdi>
                  </a>{' '}
                  <code dir="ltr">{`${e.formId} ${e.path}`}</code>
                </p>
                {props.canEdit ? (
                  <PostForm action={`${base}/examples/remove`}>
                    <input type="hidden" name="version" value={String(version)} />
                    <input type="hidden" name="index" value={String(i)} />
                    <input type="hidden" name="lang" value={lang} />
                    <Button variant="secondary">{t('analysis.paper.examples.remove', { n: i + 1 })}</Button>
                  </PostForm>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{t('analysis.paper.examples.none')}</p>
      )}
      {props.canEdit ? (
        <>
          <h3>{t('analysis.paper.candidates.heading')}</h3>
          <p>{t('analysis.paper.candidates.hint')}</p>
          {props.candidates.length ? (
            <ul class="compact-list">
              {props.candidates.map((c, i) => (
                <li key={i}>
                  <p>
                    <strong>
                      <bdi>{c.stateName}</bdi>
                    </strong>{' '}
                    — {c.indicatorTitle}
                  </p>
                  <p class="narrative" dir="auto">
                    {c.snippet}
                  </p>
                  <PostForm action={`${base}/examples`}>
                    <input type="hidden" name="version" value={String(version)} />
                    <input type="hidden" name="report" value={c.reportId} />
                    <input type="hidden" name="indicator" value={c.indicatorId} />
                    <input type="hidden" name="index" value={String(c.index)} />
                    <input type="hidden" name="lang" value={lang} />
                    <Button variant="secondary">{t('analysis.paper.candidates.add', { state: c.stateName, n: i + 1 })}</Button>
                  </PostForm>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('analysis.paper.candidates.none')}</p>
          )}
        </>
      ) : null}

      <h2 id="follow-up">{t('analysis.paper.follow_up.heading')}</h2>
      <Table<PaperFigures['followUp'][number]>
        caption={t('analysis.paper.follow_up.caption', { year: y })}
        rows={figures.followUp}
        empty={t('analysis.paper.follow_up.none')}
        columns={[
          { header: t('analysis.paper.follow_up.col_state'), cell: (s) => <bdi>{s.stateName}</bdi> },
          { header: t('analysis.paper.follow_up.col_letter'), cell: (s) => <FollowUpStatus letter={s.letter} /> },
          { header: t('analysis.paper.figures.col_reports'), cell: (s) => <ReportLinks figure={{ count: s.reportIds.length, reportIds: s.reportIds }} figures={figures} /> },
        ]}
      />

      {props.canChangeStatus ? (
        <>
          <h2 id="status">{t('analysis.paper.status.heading')}</h2>
          {paper ? (
            <PostForm action={`${base}/status`}>
              <input type="hidden" name="version" value={String(version)} />
              <input type="hidden" name="lang" value={lang} />
              <input type="hidden" name="status" value={status === 'final' ? 'draft' : 'final'} />
              <p>{status === 'final' ? t('analysis.paper.status.reopen_hint') : t('analysis.paper.status.final_hint')}</p>
              <Button variant={status === 'final' ? 'secondary' : 'primary'}>{status === 'final' ? t('analysis.paper.status.reopen') : t('analysis.paper.status.mark_final')}</Button>
            </PostForm>
          ) : (
            <p>{t('analysis.paper.status.save_first')}</p>
          )}
        </>
      ) : null}
    </Layout>
  );
}

function FollowUpStatus({ letter }: { letter: PaperFigures['followUp'][number]['letter'] }) {
  const { t, tr } = usePage();
  if (!letter) return <>{t('analysis.paper.follow_up.no_letter')}</>;
  const date = letter.closedAt ?? letter.answeredAt ?? letter.sentAt;
  return <>{t(`analysis.paper.follow_up.letter_${letter.status}`, { date: date ? tr.formatDate(date, 'medium') : '' })}</>;
}
