/** The questionnaires list and the "new questionnaire" page. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, ErrorSummary, NotificationBanner, PostForm, SelectField, Table, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { LOCALES } from '../../../../platform/i18n/locales.ts';
import type { QuestionnaireListRow } from '../builder-repository.ts';
import type { QuestionnaireStatus } from '../status.ts';
import { ContentText, languageName, StatusTag } from './shared.tsx';

export interface ListItem extends QuestionnaireListRow {
  status: QuestionnaireStatus;
  committeeName: string | undefined;
}

export function QuestionnaireListPage({ items, canCreate, flash }: { items: ListItem[]; canCreate: boolean; flash?: string | undefined }) {
  const { t, tr, locale } = usePage();
  return (
    <Layout title={t('questionnaires.builder.list.title')} wide>
      {flash ? <NotificationBanner kind="success">{t(`questionnaires.builder.flash.${flash}`)}</NotificationBanner> : null}
      <h1>{t('questionnaires.builder.list.title')}</h1>
      <p class="lead">{t('questionnaires.builder.list.lead')}</p>
      {canCreate ? (
        <p>
          <a class="button button--primary" href={`/${locale}/questionnaires/new`}>
            {t('questionnaires.builder.list.new')}
          </a>
        </p>
      ) : null}
      <Table
        caption={t('questionnaires.builder.list.caption', { count: items.length })}
        empty={t('questionnaires.builder.list.empty')}
        rows={items}
        columns={[
          {
            header: t('questionnaires.builder.list.col_title'),
            cell: (r) => (
              <a href={`/${locale}/questionnaires/${r.questionnaire.id}`}>
                <ContentText texts={r.questionnaire.title} source={r.questionnaire.sourceLocale} />
              </a>
            ),
          },
          { header: t('questionnaires.builder.list.col_committee'), cell: (r) => r.committeeName ?? t('questionnaires.builder.committee.none') },
          { header: t('questionnaires.builder.list.col_status'), cell: (r) => <StatusTag status={r.status} /> },
          {
            header: t('questionnaires.builder.list.col_version'),
            numeric: true,
            cell: (r) => (r.latestVersionNo === null ? '—' : t(r.latestFrozen ? 'questionnaires.builder.list.version_frozen' : 'questionnaires.builder.list.version_draft', { number: r.latestVersionNo })),
          },
          { header: t('questionnaires.builder.list.col_invitations'), numeric: true, cell: (r) => tr.formatNumber(r.invitations) },
          { header: t('questionnaires.builder.list.col_submitted'), numeric: true, cell: (r) => tr.formatNumber(r.submitted) },
          {
            header: t('questionnaires.builder.list.col_dates'),
            cell: (r) =>
              r.questionnaire.opensAt || r.questionnaire.closesAt ? (
                <>
                  <DateText value={r.questionnaire.opensAt} style="medium" /> – <DateText value={r.questionnaire.closesAt} style="medium" />
                </>
              ) : (
                <span class="muted">
                  {t('questionnaires.builder.list.created')} <DateText value={r.questionnaire.createdAt} style="medium" />
                </span>
              ),
          },
        ]}
      />
      <p class="muted">{t('questionnaires.builder.list.source_note', { language: languageName(locale, locale) })}</p>
    </Layout>
  );
}

export interface NewValues {
  title?: string;
  description?: string;
  sourceLocale?: string;
  committeeId?: string;
}

export function NewQuestionnairePage({ values, errors, committees }: { values: NewValues; errors?: Record<string, string>; committees: { id: string; name: string }[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('questionnaires.builder.new.title')} before={<Breadcrumbs items={[{ href: `/${locale}/questionnaires`, label: t('questionnaires.builder.list.title') }, { label: t('questionnaires.builder.new.title') }]} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('questionnaires.builder.new.title')}</h1>
      <p class="lead">{t('questionnaires.builder.new.lead')}</p>
      <PostForm action={`/${locale}/questionnaires/new`}>
        <SelectField
          name="sourceLocale"
          label={t('questionnaires.builder.new.source')}
          hint={t('questionnaires.builder.new.source_hint')}
          value={values.sourceLocale ?? locale}
          options={LOCALES.map((l) => ({ value: l, label: languageName(l, locale) }))}
          error={errors?.sourceLocale}
        />
        <TextField name="title" label={t('questionnaires.builder.new.title_field')} hint={t('questionnaires.builder.new.title_hint')} value={values.title} error={errors?.title} attrs={{ maxLength: 300 }} />
        <TextArea name="description" label={t('questionnaires.builder.new.description')} hint={t('questionnaires.builder.new.description_hint')} value={values.description} error={errors?.description} rows={4} maxLength={4000} />
        <SelectField
          name="committeeId"
          label={t('questionnaires.builder.new.committee')}
          value={values.committeeId ?? ''}
          options={[{ value: '', label: t('questionnaires.builder.committee.none') }, ...committees.map((c) => ({ value: c.id, label: c.name }))]}
          error={errors?.committeeId}
        />
        <Button>{t('questionnaires.builder.new.submit')}</Button>
      </PostForm>
    </Layout>
  );
}
