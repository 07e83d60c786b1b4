import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, DateTimeText, NotificationBanner, PostForm, SummaryList, TaskList } from '../../../platform/views/components.tsx';
import type { FormDef } from '../../../platform/forms/definition.ts';
import type { CommentRow, ReportFormRow, ReportRow, ReportVersionRow } from '../reports-repository.ts';
import { ReportStatusTag, formStatusText, formStatusTone, reportTitle, useFormTitle } from './shared.tsx';
import { ImportLink } from './downloads.tsx';

export interface TaskListProps {
  report: ReportRow;
  stateName: string;
  forms: FormDef[];
  rows: ReportFormRow[];
  comments: CommentRow[];
  versions: ReportVersionRow[];
  attachmentCount: number;
  canEdit: boolean;
  canSubmit: boolean;
  canCorrect: boolean;
  flash?: string | undefined;
}

export function TaskListPage(p: TaskListProps) {
  const { t, locale } = usePage();
  const title = useFormTitle();
  const byId = Object.fromEntries(p.rows.map((r) => [r.formId, r]));
  const open = p.comments.filter((c) => !c.resolvedAt);
  const heading = reportTitle(t, p.report, p.stateName);
  const base = `/${locale}/reports/${p.report.id}`;
  const done = p.rows.filter((r) => r.status === 'complete' || r.status === 'unchanged' || r.status === 'not_applicable').length;
  return (
    <Layout title={heading} before={<Breadcrumbs items={[{ href: `/${locale}/my`, label: t('reporting.my.title') }, { label: heading }]} />}>
      {p.flash ? <NotificationBanner kind="success">{t(`reporting.flash.${p.flash}`)}</NotificationBanner> : null}
      {p.report.status === 'returned' && open.length ? (
        <NotificationBanner kind="warning" title={t('reporting.tasks.returned_title')}>
          <ul>
            {open.map((c) => (
              <li key={c.id}>
                <strong>{c.formId ? title(p.forms.find((f) => f.id === c.formId) ?? ({ title: c.formId } as FormDef)) : t('reporting.tasks.whole_report')}:</strong> <bdi>{c.body}</bdi>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      <h1>{heading}</h1>
      <SummaryList
        rows={[
          { key: t('reporting.tasks.status'), value: <ReportStatusTag status={p.report.status} correcting={p.report.currentVersionNo > 0} /> },
          { key: t('reporting.tasks.period'), value: <><DateText value={p.report.periodStart} style="medium" /> – <DateText value={p.report.periodEnd} style="medium" /></> },
          { key: t('reporting.tasks.due'), value: <DateText value={p.report.dueDate} /> },
          ...(p.report.submittedAt ? [{ key: t('reporting.tasks.submitted'), value: <DateTimeText value={p.report.submittedAt} /> }] : []),
        ]}
      />
      <h2>{t('reporting.tasks.forms_title')}</h2>
      <p>{t('reporting.tasks.progress', { done, total: p.forms.length })}</p>
      <TaskList
        items={p.forms.map((def) => {
          const row = byId[def.id];
          const status = row?.status ?? 'not_started';
          const comments = open.filter((c) => c.formId === def.id).length;
          return {
            href: p.canEdit ? `${base}/forms/${def.id}` : `${base}/forms/${def.id}`,
            title: title(def),
            hint: comments ? t('reporting.tasks.form_comments', { count: comments }) : undefined,
            status: formStatusText(t, status, row?.unchangedSinceYear ?? null),
            tone: comments ? 'red' : formStatusTone(status),
          };
        })}
      />
      <p>
        <a href={`${base}/attachments`}>{t('reporting.tasks.attachments', { count: p.attachmentCount })}</a>
      </p>
      {p.canEdit ? <ImportLink reportId={p.report.id} /> : null}
      {p.canEdit ? (
        <p>
          <a class="button button--primary" href={`${base}/check`}>
            {t('reporting.tasks.check')}
          </a>
        </p>
      ) : null}
      {p.canCorrect ? (
        <PostForm action={`${base}/correction`}>
          <input type="hidden" name="_version" value={String(p.report.version)} />
          <p>{t('reporting.tasks.correction_text')}</p>
          <Button variant="secondary">{t('reporting.tasks.correction')}</Button>
        </PostForm>
      ) : null}
      {p.versions.length ? (
        <>
          <h2>{t('reporting.versions.title')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li key={v.versionNo}>
                <a href={`${base}?version=${v.versionNo}`}>{t('reporting.versions.item', { number: v.versionNo })}</a> · <DateTimeText value={v.submittedAt} />
                {v.reason ? (
                  <>
                    {' '}
                    · <bdi>{v.reason}</bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
