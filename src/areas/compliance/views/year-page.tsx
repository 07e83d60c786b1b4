/** Compliance for one reporting year: counts, the world map with its table alternative, initial reports. */
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, DateText, SummaryList, Table, type Column } from '../../../platform/views/components.tsx';
import { mapCategory, MAP_CATEGORIES, type MapCategory } from '../compliance.ts';
import type { NamedRow, YearCompliance } from '../compliance-queries.ts';
import { MapLegend, outcomeColumns, percent, StatusTag, YearSwitch } from './shared.tsx';

export const MAP_PREFIX = 'cmap';

export interface YearPageProps {
  data: YearCompliance;
  /** The world map's SVG markup (rendered and cached by world-map.tsx). */
  mapSvg: string;
  /** The internal view (committee, ISU): drafts and reminders. */
  internal: boolean;
  /** Whether the reader may open the other view. */
  otherView: string | undefined;
}

export function categoryCounts(rows: NamedRow[]): Record<MapCategory, number> {
  const counts = Object.fromEntries(MAP_CATEGORIES.map((c) => [c, 0])) as Record<MapCategory, number>;
  for (const r of rows) counts[mapCategory(r.status)]++;
  return counts;
}

export function YearCompliancePage({ data, mapSvg, internal, otherView }: YearPageProps) {
  const { t, tr, locale } = usePage();
  const year = String(data.year);
  const { summary } = data;
  const base = internal ? `/${locale}/workspace/compliance` : `/${locale}/compliance`;
  const title = internal ? t('compliance.internal.title', { year }) : t('compliance.year.title', { year });
  const stateHref = (iso2: string) => `/${locale}/compliance/states/${iso2.toLowerCase()}`;
  const internalFacts = data.internal;

  const columns: Column<NamedRow>[] = [
    {
      header: t('compliance.table.state'),
      cell: (r) => <a href={stateHref(r.iso2)}>{r.name}</a>,
    },
    ...outcomeColumns<NamedRow>(t, tr),
  ];
  if (internalFacts) {
    columns.push(
      {
        header: t('compliance.internal.draft'),
        cell: (r) => {
          const d = internalFacts.drafts.get(r.iso2);
          return d ? t('compliance.internal.draft_since', { date: tr.formatDate(d.createdAt, 'medium'), status: t(`compliance.report_status.${d.status === 'returned' ? 'returned' : 'draft'}`) }) : '—';
        },
      },
      {
        header: t('compliance.internal.reminders'),
        numeric: true,
        cell: (r) => {
          const m = internalFacts.reminders.get(r.iso2);
          return m ? t('compliance.internal.reminders_count', { count: m.count, date: tr.formatDate(m.lastAt, 'medium') }) : '—';
        },
      },
    );
  }

  const initialColumns: Column<NamedRow>[] = [
    { header: t('compliance.table.state'), cell: (r) => <a href={stateHref(r.iso2)}>{r.name}</a> },
    { header: t('compliance.table.due'), cell: (r) => <DateText value={r.dueDate} style="medium" /> },
    { header: t('compliance.table.status'), cell: (r) => <StatusTag row={r} /> },
    { header: t('compliance.table.first_submitted'), cell: (r) => (r.firstSubmittedAt ? <DateText value={r.firstSubmittedAt} style="medium" /> : '—') },
  ];
  if (internalFacts) {
    initialColumns.push({
      header: t('compliance.internal.reminders'),
      numeric: true,
      cell: (r) => {
        const m = internalFacts.initialReminders.get(r.iso2);
        return m ? t('compliance.internal.reminders_count', { count: m.count, date: tr.formatDate(m.lastAt, 'medium') }) : '—';
      },
    });
  }

  return (
    <Layout
      title={title}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('compliance.breadcrumb.home') },
            ...(internal ? [{ href: `/${locale}/compliance`, label: t('compliance.nav.compliance') }] : []),
            { label: title },
          ]}
        />
      }
    >
      <h1>{title}</h1>
      <p class="lead">{t('compliance.year.lead', { year, due: tr.formatDate(data.dueDate) })}</p>
      {otherView ? (
        <p>
          <a href={otherView}>{internal ? t('compliance.internal.public_link') : t('compliance.internal.link')}</a>
        </p>
      ) : null}

      <YearSwitch action={base} year={data.year} range={data.range} />

      <h2>{t('compliance.summary.title')}</h2>
      <SummaryList
        rows={[
          { key: t('compliance.summary.counted'), value: t('compliance.summary.states', { count: summary.counted }) },
          { key: t('compliance.status.on_time'), value: t('compliance.summary.count_rate', { count: summary.onTime, rate: percent(tr, summary.onTimeRate) }) },
          {
            key: t('compliance.status.late'),
            value: summary.late ? t('compliance.summary.late_mean', { count: summary.late, mean: tr.formatNumber(summary.meanDaysLate, { maximumFractionDigits: 0 }) }) : t('compliance.summary.states', { count: 0 }),
          },
          { key: t('compliance.status.not_submitted'), value: t('compliance.summary.states', { count: summary.notSubmitted }) },
          ...(summary.pending ? [{ key: t('compliance.status.pending'), value: t('compliance.summary.states', { count: summary.pending }) }] : []),
          { key: t('compliance.summary.submitted_rate'), value: percent(tr, summary.submittedRate) },
        ]}
      />

      <h2 id="compliance-map-title">{t('compliance.map.title', { year })}</h2>
      <p>
        <a href="#compliance-table">{t('compliance.map.skip')}</a>
      </p>
      <div dangerouslySetInnerHTML={{ __html: mapSvg }} />
      <MapLegend counts={categoryCounts(data.rows)} prefix={MAP_PREFIX} />

      <div id="compliance-table">
        <Table caption={t('compliance.table.caption', { year, due: tr.formatDate(data.dueDate, 'medium') })} rows={data.rows} columns={columns} />
      </div>
      <p>
        <a href={`/${locale}/compliance.csv?year=${year}`} download>
          {t('compliance.download.year_csv', { year })}
        </a>
        {' · '}
        <a href={`/${locale}/compliance/trends`}>{t('compliance.trends.link')}</a>
      </p>

      <h2>{t('compliance.initial.title')}</h2>
      <p>{t('compliance.initial.lead', { from: tr.formatDate(data.cycle.from), to: tr.formatDate(data.cycle.to) })}</p>
      <Table caption={t('compliance.initial.caption', { year })} rows={data.initial} columns={initialColumns} empty={t('compliance.initial.none')} />

      <h2>{t('compliance.rules.title')}</h2>
      <ul>
        <li>{t('compliance.rules.counted')}</li>
        <li>{t('compliance.rules.on_time')}</li>
        <li>{t('compliance.rules.late')}</li>
        <li>{t('compliance.rules.initial')}</li>
      </ul>
    </Layout>
  );
}
