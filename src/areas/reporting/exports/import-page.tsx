/** The import page: upload a JSON or XLSX export into this draft; errors are listed row by row. */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, ErrorSummary, NotificationBanner, PostForm, Table } from '../../../platform/views/components.tsx';
import type { ReportRow } from '../reports-repository.ts';
import { reportTitle } from '../views/shared.tsx';

export interface ImportProblemRow {
  form: string;
  where: string;
  field: string;
  code: string;
  message: string;
}

export interface ImportPageProps {
  report: ReportRow;
  stateName: string;
  /** Why the file was refused as a whole. */
  error?: string | undefined;
  problems?: ImportProblemRow[];
  imported?: number | undefined;
}

export function ImportPage(p: ImportPageProps) {
  const { t, locale } = usePage();
  const heading = reportTitle(t, p.report, p.stateName);
  const base = `/${locale}/reports/${p.report.id}`;
  const title = t('reporting.export.import.title');
  const problems = p.problems ?? [];
  const errorText = p.error ?? (problems.length ? t('reporting.export.import.has_problems', { count: problems.length }) : undefined);
  return (
    <Layout
      title={title}
      wide={problems.length > 0}
      before={<Breadcrumbs items={[{ href: `/${locale}/my`, label: t('reporting.my.title') }, { href: `${base}/edit`, label: heading }, { label: title }]} />}
    >
      {errorText ? <ErrorSummary errors={[{ field: p.error ? 'file' : 'problems', message: errorText }]} fieldIds={{ file: 'f-file', problems: 'import-problems' }} /> : null}
      {p.imported !== undefined ? (
        <NotificationBanner kind="success" title={t('reporting.export.import.done_title')}>
          <p>{t('reporting.export.import.done', { count: p.imported })}</p>
          <p>
            <a href={`${base}/edit`}>{t('reporting.export.import.back_to_tasks')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{t('reporting.export.import.lead')}</p>
      <ul>
        <li>{t('reporting.export.import.rule_formats')}</li>
        <li>{t('reporting.export.import.rule_all_or_nothing')}</li>
        <li>{t('reporting.export.import.rule_status')}</li>
      </ul>
      {problems.length ? (
        <section id="import-problems" tabindex={-1} aria-labelledby="import-problems-title">
          <h2 id="import-problems-title">{t('reporting.export.import.problems_title')}</h2>
          <Table
            caption={t('reporting.export.import.problems_caption', { count: problems.length })}
            rows={problems}
            columns={[
              { header: t('reporting.export.import.col_form'), cell: (r) => r.form },
              { header: t('reporting.export.import.col_where'), cell: (r) => <bdi dir="ltr">{r.where}</bdi> },
              { header: t('reporting.export.import.col_field'), cell: (r) => (
                  <>
                    {r.field}
                    <br />
                    <code dir="ltr">{r.code}</code>
                  </>
                ) },
              { header: t('reporting.export.import.col_message'), cell: (r) => r.message },
            ]}
          />
        </section>
      ) : null}
      <PostForm action={`${base}/import`} enctype="multipart/form-data">
        <div class={`field${p.error ? ' field--error' : ''}`}>
          <label class="field__label" for="f-file">
            {t('reporting.export.import.file_label')}
          </label>
          <div class="field__hint" id="f-file-hint">
            {t('reporting.export.import.file_hint')}
          </div>
          {p.error ? (
            <p class="field__error" id="f-file-error">
              <span class="visually-hidden">{t('common.errors.prefix')} </span>
              {p.error}
            </p>
          ) : null}
          <input
            class="input input--full"
            type="file"
            id="f-file"
            name="file"
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={p.error ? 'f-file-hint f-file-error' : 'f-file-hint'}
            aria-invalid={p.error ? 'true' : undefined}
          />
        </div>
        <Button>{t('reporting.export.import.submit')}</Button>
      </PostForm>
      <p>
        <a href={`${base}/edit`}>{t('reporting.export.import.back_to_tasks')}</a>
      </p>
    </Layout>
  );
}
