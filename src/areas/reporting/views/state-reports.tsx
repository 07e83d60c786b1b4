import { usePage } from '../../../platform/views/context.ts';
import { DateText, Table } from '../../../platform/views/components.tsx';
import type { ReportRow } from '../reports-repository.ts';
import { ReportStatusTag, reportTitle } from './shared.tsx';

/** The "Reports" section of a State's page: what the reader may see of its Article 7 reports. */
export function StateReportsSection({ stateName, reports, showStatus }: { stateName: string; reports: ReportRow[]; showStatus: boolean }) {
  const { t, locale } = usePage();
  return (
    <section aria-labelledby="state-reports-title">
      <h2 id="state-reports-title">{t('reporting.state.title')}</h2>
      <Table
        caption={t('reporting.state.caption', { state: stateName })}
        captionHidden
        rows={reports}
        empty={t('reporting.state.none', { state: stateName })}
        columns={[
          { header: t('reporting.public.col_report'), cell: (r) => <a href={`/${locale}/reports/${r.id}`}>{reportTitle(t, r, stateName)}</a> },
          { header: t('reporting.tasks.due'), cell: (r) => <DateText value={r.dueDate} style="medium" /> },
          { header: t('reporting.tasks.submitted'), cell: (r) => (r.submittedAt ? <DateText value={r.submittedAt} style="medium" /> : '—') },
          ...(showStatus ? [{ header: t('reporting.tasks.status'), cell: (r: ReportRow) => <ReportStatusTag status={r.status} correcting={r.currentVersionNo > 0} /> }] : [{ header: t('reporting.view.published'), cell: (r: ReportRow) => (r.publishedAt ? <DateText value={r.publishedAt} style="medium" /> : '—') }]),
        ]}
      />
    </section>
  );
}
