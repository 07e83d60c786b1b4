/** One State's reporting history: its compliance page, and the section on its public State page. */
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, DateText, SummaryList, Table, type Column } from '../../../platform/views/components.tsx';
import type { StateHistory, StateHistoryRow } from '../compliance-queries.ts';
import { outcomeColumns } from './shared.tsx';

/** The history's columns; `compact` (the State page's section) leaves out the due dates, which follow from each report. */
function useColumns(history: StateHistory, withYearLinks: boolean, compact = false): Column<StateHistoryRow>[] {
  const { t, tr, locale } = usePage();
  const columns: Column<StateHistoryRow>[] = [
    {
      header: t('compliance.history.report'),
      cell: (r) => {
        const label = r.kind === 'initial' ? t('compliance.history.initial') : t('compliance.history.annual', { year: String(r.year) });
        return withYearLinks && r.kind === 'annual' ? <a href={`/${locale}/compliance?year=${r.year}`}>{label}</a> : label;
      },
    },
    ...(compact ? [] : [{ header: t('compliance.table.due'), cell: (r: StateHistoryRow) => <DateText value={r.dueDate} style="medium" /> }]),
    ...outcomeColumns<StateHistoryRow>(t, tr),
  ];
  if (history.internal) {
    columns.push(
      {
        header: t('compliance.internal.draft'),
        cell: (r) => (r.report && !r.report.firstSubmittedAt ? t('compliance.internal.draft_since', { date: tr.formatDate(r.report.createdAt, 'medium'), status: t(`compliance.report_status.${r.report.status === 'returned' ? 'returned' : 'draft'}`) }) : '—'),
      },
      {
        header: t('compliance.internal.reminders'),
        numeric: true,
        cell: (r) => (r.reminders?.count && r.reminders.lastAt ? t('compliance.internal.reminders_count', { count: r.reminders.count, date: tr.formatDate(r.reminders.lastAt, 'medium') }) : '—'),
      },
    );
  }
  return columns;
}

function Counts({ history }: { history: StateHistory }) {
  const { t } = usePage();
  const c = history.counts;
  return (
    <SummaryList
      rows={[
        { key: t('compliance.history.owed'), value: t('compliance.history.reports', { count: c.counted }) },
        { key: t('compliance.status.on_time'), value: t('compliance.history.reports', { count: c.onTime }) },
        { key: t('compliance.status.late'), value: t('compliance.history.reports', { count: c.late }) },
        { key: t('compliance.status.not_submitted'), value: t('compliance.history.reports', { count: c.notSubmitted }) },
        ...(c.pending ? [{ key: t('compliance.status.pending'), value: t('compliance.history.reports', { count: c.pending }) }] : []),
      ]}
    />
  );
}

export function StateCompliancePage({ history }: { history: StateHistory }) {
  const { t, locale } = usePage();
  const name = history.state.name;
  const title = t('compliance.history.title', { state: name });
  const iso2 = history.state.iso2.toLowerCase();
  return (
    <Layout
      title={title}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('compliance.breadcrumb.home') },
            { href: `/${locale}/compliance`, label: t('compliance.nav.compliance') },
            { label: name },
          ]}
        />
      }
    >
      <h1>{title}</h1>
      <p class="lead">{t('compliance.history.lead', { state: name, first: String(history.range.first), last: String(history.range.last) })}</p>
      <p>
        <a href={`/${locale}/states/${iso2}`}>{t('compliance.history.state_page', { state: name })}</a>
      </p>
      <h2>{t('compliance.summary.title')}</h2>
      <Counts history={history} />
      <Table caption={t('compliance.history.caption', { state: name })} rows={history.rows} columns={useColumns(history, true)} empty={t('compliance.history.none')} />
      <h2>{t('compliance.rules.title')}</h2>
      <ul>
        <li>{t('compliance.rules.counted')}</li>
        <li>{t('compliance.rules.on_time')}</li>
        <li>{t('compliance.rules.late')}</li>
      </ul>
    </Layout>
  );
}

/** Shown on the State's public page (slot 'state-page'): the latest years, and a link to the full history. */
export function StateComplianceSection({ history, limit = 6 }: { history: StateHistory; limit?: number }) {
  const { t, locale } = usePage();
  const name = history.state.name;
  return (
    <section aria-labelledby="state-compliance-title">
      <h2 id="state-compliance-title">{t('compliance.section.title')}</h2>
      <Table caption={t('compliance.history.caption', { state: name })} captionHidden rows={history.rows.slice(0, limit)} columns={useColumns(history, false, true)} empty={t('compliance.history.none')} />
      <p>
        <a href={`/${locale}/compliance/states/${history.state.iso2.toLowerCase()}`}>{t('compliance.section.more', { state: name })}</a>
      </p>
    </section>
  );
}
