import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Table, TextArea } from '../../../platform/views/components.tsx';
import { textOf, type FormDef } from '../../../platform/forms/definition.ts';
import { FormView, type References } from '../../../platform/forms/render.tsx';
import type { CommentRow, ReportRow, ReportVersionRow } from '../reports-repository.ts';
import type { ReportSnapshot } from '../reports-commands.ts';
import { CommentList, ReportStatusTag, formStatusText, reportTitle } from './shared.tsx';

export function ReviewListPage({ rows }: { rows: { report: ReportRow; stateName: string }[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('reporting.review.title')} wide>
      <h1>{t('reporting.review.title')}</h1>
      <Table
        caption={t('reporting.review.count', { count: rows.length })}
        rows={rows}
        empty={t('reporting.review.none')}
        columns={[
          { header: t('reporting.view.state'), cell: (r) => <bdi>{r.stateName}</bdi> },
          { header: t('reporting.public.col_report'), cell: (r) => <a href={`/${locale}/reports/${r.report.id}/review`}>{reportTitle(t, r.report, r.stateName)}</a> },
          { header: t('reporting.tasks.status'), cell: (r) => <ReportStatusTag status={r.report.status} correcting={r.report.currentVersionNo > 1} /> },
          { header: t('reporting.tasks.submitted'), cell: (r) => (r.report.submittedAt ? <DateText value={r.report.submittedAt} style="medium" /> : '—') },
          { header: t('reporting.tasks.due'), cell: (r) => <DateText value={r.report.dueDate} style="medium" /> },
        ]}
      />
    </Layout>
  );
}

export function ReviewPage({ report, stateName, version, forms, references, comments, errors, flash }: { report: ReportRow; stateName: string; version: ReportVersionRow; forms: FormDef[]; references: References; comments: CommentRow[]; errors?: Record<string, string>; flash?: string | undefined }) {
  const { t, locale } = usePage();
  const heading = reportTitle(t, report, stateName);
  const base = `/${locale}/reports/${report.id}`;
  const snapshot = version.snapshot as unknown as ReportSnapshot;
  return (
    <Layout title={`${t('reporting.review.page_title')} · ${heading}`} wide before={<Breadcrumbs items={[{ href: `/${locale}/review`, label: t('reporting.review.title') }, { label: heading }]} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {flash ? <NotificationBanner kind="success">{t(`reporting.flash.${flash}`)}</NotificationBanner> : null}
      <span class="caption">{t('reporting.review.page_title')}</span>
      <h1>{heading}</h1>
      <p>
        <ReportStatusTag status={report.status} /> · {t('reporting.versions.item', { number: version.versionNo })} · <DateTimeText value={version.submittedAt} /> · {t(`reporting.visibility.${version.visibility}`)}
      </p>
      <div class="button-group">
        {report.status === 'submitted' ? (
          <PostForm action={`${base}/acknowledge`} inline>
            <input type="hidden" name="_version" value={String(report.version)} />
            <Button>{t('reporting.review.acknowledge')}</Button>
          </PostForm>
        ) : null}
        {report.status === 'acknowledged' ? (
          <PostForm action={`${base}/publish`} inline>
            <input type="hidden" name="_version" value={String(report.version)} />
            <Button>{t('reporting.review.publish')}</Button>
          </PostForm>
        ) : null}
      </div>
      {report.status === 'submitted' || report.status === 'acknowledged' ? (
        <details class="details" open={!!errors}>
          <summary class="details__summary">{t('reporting.review.return_title')}</summary>
          <PostForm action={`${base}/return`}>
            <input type="hidden" name="_version" value={String(report.version)} />
            <p>{t('reporting.review.return_intro')}</p>
            <TextArea name="comment._report" label={t('reporting.tasks.whole_report')} rows={2} maxLength={5000} error={errors?.['comment._report']} />
            {forms.map((f) => (
              <TextArea key={f.id} name={`comment.${f.id}`} label={textOf(f.title, locale, t)} rows={2} maxLength={5000} error={errors?.[`comment.${f.id}`]} />
            ))}
            <Button variant="warning">{t('reporting.review.return')}</Button>
          </PostForm>
        </details>
      ) : null}
      {forms.map((f) => {
        const fs = snapshot.forms[f.id];
        const thread = comments.filter((c) => c.formId === f.id);
        return (
          <section key={f.id} class="report-form" aria-labelledby={`rf-${f.id}`}>
            <h2 id={`rf-${f.id}`}>
              {textOf(f.title, locale, t)} <span class="muted">({fs ? formStatusText(t, fs.status, fs.unchangedSinceYear) : '—'})</span>
            </h2>
            {fs && fs.status !== 'not_applicable' ? <FormView def={f} values={fs.values} references={references} headingLevel={3} /> : null}
            {thread.length ? <CommentList comments={thread} /> : null}
          </section>
        );
      })}
    </Layout>
  );
}
