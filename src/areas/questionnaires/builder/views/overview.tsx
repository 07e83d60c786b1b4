/** One questionnaire at a glance: status, dates, versions, translations, and the way to every part. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, DateText, NotificationBanner, PostForm, SummaryList, Table, Tag, TaskList, TextField } from '../../../../platform/views/components.tsx';
import type { TranslationStatus } from '../../content.ts';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import type { QuestionnaireStatus } from '../status.ts';
import { BuilderBreadcrumbs, ContentText, languageName, StatusTag, titleText } from './shared.tsx';

export interface OverviewProps {
  q: QuestionnaireRow;
  status: QuestionnaireStatus;
  committeeName: string | undefined;
  versions: VersionRow[];
  translations: TranslationStatus[];
  counts: { invitations: number; submitted: number; inProgress: number };
  questionCount: number;
  canEdit: boolean;
  canCopy: boolean;
  flash?: string | undefined;
}

export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

export function OverviewPage(p: OverviewProps) {
  const { t, tr, locale } = usePage();
  const base = `/${locale}/questionnaires/${p.q.id}`;
  const latest = p.versions[p.versions.length - 1];
  const pct = (s: TranslationStatus) => tr.formatNumber(percent(s.done, s.total) / 100, { style: 'percent' });
  return (
    <Layout title={titleText(p.q, locale)} before={<BuilderBreadcrumbs q={p.q} />}>
      {p.flash ? <NotificationBanner kind="success">{t(`questionnaires.builder.flash.${p.flash}`)}</NotificationBanner> : null}
      <span class="caption">{t('questionnaires.builder.overview.caption')}</span>
      <h1>
        <ContentText texts={p.q.title} source={p.q.sourceLocale} />
      </h1>
      {Object.values(p.q.description).some((v) => v?.trim()) ? (
        <p class="lead" dir="auto">
          <ContentText texts={p.q.description} source={p.q.sourceLocale} />
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: t('questionnaires.builder.overview.status'), value: <StatusTag status={p.status} /> },
          { key: t('questionnaires.builder.overview.committee'), value: p.committeeName ?? t('questionnaires.builder.committee.none') },
          { key: t('questionnaires.builder.overview.source'), value: languageName(p.q.sourceLocale, locale) },
          { key: t('questionnaires.builder.overview.created'), value: <DateText value={p.q.createdAt} /> },
          { key: t('questionnaires.builder.overview.circulated'), value: p.q.circulatedAt ? <DateText value={p.q.circulatedAt} /> : t('questionnaires.builder.overview.not_yet') },
          {
            key: t('questionnaires.builder.overview.period'),
            value:
              p.q.opensAt || p.q.closesAt ? (
                <>
                  <DateText value={p.q.opensAt} /> – <DateText value={p.q.closesAt} />
                </>
              ) : (
                t('questionnaires.builder.overview.no_dates')
              ),
          },
          ...(p.q.closedAt ? [{ key: t('questionnaires.builder.overview.closed'), value: <DateText value={p.q.closedAt} /> }] : []),
          { key: t('questionnaires.builder.overview.questions'), value: t('questionnaires.builder.overview.question_count', { count: p.questionCount }) },
          {
            key: t('questionnaires.builder.overview.responses'),
            value: t('questionnaires.builder.overview.response_counts', { invitations: p.counts.invitations, submitted: p.counts.submitted, inProgress: p.counts.inProgress }),
          },
        ]}
      />

      <h2>{t('questionnaires.builder.overview.parts')}</h2>
      <TaskList
        items={[
          {
            href: `${base}/build`,
            title: t('questionnaires.builder.overview.build'),
            hint: t('questionnaires.builder.overview.build_hint'),
            status: latest?.frozenAt ? t('questionnaires.builder.version.frozen') : t('questionnaires.builder.version.draft'),
            tone: latest?.frozenAt ? 'purple' : 'yellow',
          },
          {
            href: `${base}/translations`,
            title: t('questionnaires.builder.overview.translations'),
            hint: t('questionnaires.builder.overview.translations_hint'),
            status: t('questionnaires.builder.overview.languages_complete', { count: p.translations.filter((s) => s.total > 0 && s.done === s.total).length }),
            tone: p.translations.every((s) => s.done === s.total) ? 'green' : 'grey',
          },
          { href: `${base}/preview`, title: t('questionnaires.builder.overview.preview'), hint: t('questionnaires.builder.overview.preview_hint'), status: t('questionnaires.builder.overview.open_link'), tone: 'blue' },
          { href: `${base}/circulation`, title: t('questionnaires.builder.overview.circulation'), hint: t('questionnaires.builder.overview.circulation_hint'), status: t(`questionnaires.builder.status.${p.status}`), tone: 'blue' },
          {
            href: `${base}/results`,
            title: t('questionnaires.builder.overview.results'),
            hint: t('questionnaires.builder.overview.results_hint'),
            status: t('questionnaires.builder.overview.submitted_count', { count: p.counts.submitted }),
            tone: p.counts.submitted ? 'green' : 'grey',
          },
        ]}
      />

      <h2>{t('questionnaires.builder.overview.translation_summary')}</h2>
      <Table
        caption={t('questionnaires.builder.overview.translation_summary')}
        captionHidden
        rows={p.translations}
        columns={[
          {
            header: t('questionnaires.builder.translations.col_language'),
            cell: (s) => (
              <>
                {languageName(s.locale, locale)}
                {s.locale === p.q.sourceLocale ? (
                  <>
                    {' '}
                    <Tag tone="blue">{t('questionnaires.builder.translations.source')}</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('questionnaires.builder.translations.col_written'), numeric: true, cell: (s) => t('questionnaires.builder.translations.written', { done: s.done, total: s.total }) },
          { header: t('questionnaires.builder.translations.col_percent'), numeric: true, cell: (s) => pct(s) },
        ]}
      />

      <h2>{t('questionnaires.builder.overview.versions')}</h2>
      <Table
        caption={t('questionnaires.builder.overview.versions')}
        captionHidden
        rows={p.versions}
        columns={[
          { header: t('questionnaires.builder.overview.col_version'), numeric: true, cell: (v) => tr.formatNumber(v.versionNo) },
          { header: t('questionnaires.builder.overview.col_state'), cell: (v) => (v.frozenAt ? <Tag tone="purple">{t('questionnaires.builder.version.frozen')}</Tag> : <Tag tone="yellow">{t('questionnaires.builder.version.draft')}</Tag>) },
          { header: t('questionnaires.builder.overview.col_frozen'), cell: (v) => <DateText value={v.frozenAt} /> },
          { header: t('questionnaires.builder.overview.col_created'), cell: (v) => <DateText value={v.createdAt} /> },
        ]}
      />
      {latest?.frozenAt && p.canEdit ? (
        <PostForm action={`${base}/versions`}>
          <p>{t('questionnaires.builder.frozen.text')}</p>
          <Button variant="secondary">{t('questionnaires.builder.frozen.start', { number: latest.versionNo + 1 })}</Button>
        </PostForm>
      ) : null}

      {p.canCopy ? (
        <section aria-labelledby="copy-title">
          <h2 id="copy-title">{t('questionnaires.builder.copy.title')}</h2>
          <p>{t('questionnaires.builder.copy.lead')}</p>
          <PostForm action={`${base}/copy`}>
            <TextField name="title" label={t('questionnaires.builder.copy.title_field')} value={p.q.title[p.q.sourceLocale as 'en'] ?? ''} attrs={{ maxLength: 300 }} />
            <Button variant="secondary">{t('questionnaires.builder.copy.submit')}</Button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}
