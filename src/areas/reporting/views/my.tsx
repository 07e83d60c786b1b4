import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Button, DateText, NotificationBanner, PostForm, Radios, Table } from '../../../platform/views/components.tsx';
import type { Obligation } from '../report.ts';
import type { ReportRow } from '../reports-repository.ts';
import { ReportStatusTag, reportTitle } from './shared.tsx';

export interface ObligationRow {
  obligation: Obligation;
  report: ReportRow | undefined;
  overdue: boolean;
}

export function MyStatePage({ stateName, rows, canCreate, hasPrevious, created }: { stateName: string; rows: ObligationRow[]; canCreate: boolean; hasPrevious: boolean; created?: boolean }) {
  const { t, locale } = usePage();
  const next = rows.find((r) => !r.report);
  return (
    <Layout title={t('reporting.my.title')} wide>
      <h1>
        {t('reporting.my.title')} <span class="muted">· <bdi>{stateName}</bdi></span>
      </h1>
      {created ? <NotificationBanner kind="success">{t('reporting.my.created')}</NotificationBanner> : null}
      <p class="lead">{t('reporting.my.lead')}</p>
      <Table
        caption={t('reporting.my.obligations')}
        rows={rows}
        columns={[
          { header: t('reporting.my.col_report'), cell: (r) => (r.report ? <a href={`/${locale}/reports/${r.report.id}/edit`}>{reportTitle(t, r.obligation, stateName)}</a> : reportTitle(t, r.obligation, stateName)) },
          { header: t('reporting.my.col_period'), cell: (r) => (r.obligation.kind === 'initial' ? <DateText value={r.obligation.periodStart} style="medium" /> : String(r.obligation.year)) },
          { header: t('reporting.my.col_due'), cell: (r) => <DateText value={r.obligation.dueDate} style="medium" /> },
          {
            header: t('reporting.my.col_status'),
            cell: (r) =>
              r.report ? (
                <ReportStatusTag status={r.report.status} correcting={r.report.currentVersionNo > 0} />
              ) : r.overdue ? (
                <strong class="tag tag--red">{t('reporting.my.overdue')}</strong>
              ) : (
                <strong class="tag tag--grey">{t('reporting.my.not_started')}</strong>
              ),
          },
        ]}
      />
      {canCreate && next ? (
        <section aria-labelledby="start-title">
          <h2 id="start-title">{t('reporting.my.start_title', { report: reportTitle(t, next.obligation, stateName) })}</h2>
          <PostForm action={`/${locale}/reports`}>
            <input type="hidden" name="kind" value={next.obligation.kind} />
            <input type="hidden" name="year" value={String(next.obligation.year)} />
            {hasPrevious ? (
              <Radios
                name="startFrom"
                legend={t('reporting.my.start_from')}
                value="previous"
                options={[
                  { value: 'previous', label: t('reporting.my.start_previous'), hint: t('reporting.my.start_previous_hint') },
                  { value: 'blank', label: t('reporting.my.start_blank') },
                ]}
              />
            ) : (
              <input type="hidden" name="startFrom" value="blank" />
            )}
            <Button>{t('reporting.my.start')}</Button>
          </PostForm>
        </section>
      ) : null}
      <p>
        <a href={`/${locale}/my/team`}>{t('reporting.my.team')}</a>
      </p>
    </Layout>
  );
}
