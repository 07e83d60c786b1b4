/** Compliance over the years: a stacked bar chart (server-rendered SVG), its data table and a CSV download. */
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, Table } from '../../../platform/views/components.tsx';
import type { Summary } from '../compliance.ts';
import type { Trends } from '../compliance-queries.ts';
import { MapPatterns, categoryFill } from '../world-map.tsx';
import { percent, Swatch } from './shared.tsx';

const PREFIX = 'ctrend';
const SERIES = ['on_time', 'late', 'not_submitted', 'pending'] as const;
type Series = (typeof SERIES)[number];

function valueOf(s: Summary, k: Series): number {
  return k === 'on_time' ? s.onTime : k === 'late' ? s.late : k === 'not_submitted' ? s.notSubmitted : s.pending;
}

/** Bars per year stacked by status (counts of States); the on-time rate written above each bar. */
export function TrendsChart({ summaries, title, description }: { summaries: Summary[]; title: string; description: string }) {
  const { t, tr } = usePage();
  const W = 800;
  const H = 320;
  const m = { top: 28, right: 16, bottom: 36, left: 44 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const max = Math.max(1, ...summaries.map((s) => s.counted));
  const step = Math.max(1, Math.ceil(max / 4 / 10) * 10);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => m.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, summaries.length);
  const barW = Math.min(56, slot * 0.6);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${PREFIX}-title ${PREFIX}-desc`} direction="ltr">
      <title id={`${PREFIX}-title`}>{title}</title>
      <desc id={`${PREFIX}-desc`}>{description}</desc>
      <MapPatterns prefix={PREFIX} />
      <g font-size="12" fill="#0b0c0c">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={m.left} x2={W - m.right} y1={y(v)} y2={y(v)} stroke="#b1b4b6" stroke-width="1" />
            <text x={m.left - 6} y={y(v) + 4} text-anchor="end">
              {tr.formatNumber(v)}
            </text>
          </g>
        ))}
        {summaries.map((s, i) => {
          const x = m.left + slot * i + (slot - barW) / 2;
          let acc = 0;
          return (
            <g key={s.year}>
              {SERIES.map((k) => {
                const v = valueOf(s, k);
                if (!v) return null;
                const y0 = y(acc);
                acc += v;
                const y1 = y(acc);
                return <rect key={k} x={x} y={y1} width={barW} height={Math.max(0, y0 - y1)} fill={categoryFill(k, PREFIX)} stroke="#0b0c0c" stroke-width="0.5" />;
              })}
              <text x={x + barW / 2} y={y(s.counted) - 6} text-anchor="middle">
                {s.counted ? percent(tr, s.onTimeRate) : ''}
              </text>
              <text x={x + barW / 2} y={H - m.bottom + 16} text-anchor="middle">
                {String(s.year)}
              </text>
            </g>
          );
        })}
        <text x={m.left} y={14}>
          {t('compliance.trends.axis')}
        </text>
      </g>
    </svg>
  );
}

export function TrendsPage({ trends }: { trends: Trends }) {
  const { t, tr, locale } = usePage();
  const title = t('compliance.trends.title');
  const first = String(trends.range.first);
  const last = String(trends.range.last);
  const latestDue = [...trends.summaries].reverse().find((s) => s.counted && s.pending === 0);
  return (
    <Layout
      title={title}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('compliance.breadcrumb.home') },
            { href: `/${locale}/compliance`, label: t('compliance.nav.compliance') },
            { label: title },
          ]}
        />
      }
    >
      <h1>{title}</h1>
      <p class="lead">{t('compliance.trends.lead', { first, last })}</p>
      <TrendsChart
        summaries={trends.summaries}
        title={t('compliance.trends.chart_title', { first, last })}
        description={
          latestDue
            ? t('compliance.trends.chart_desc', { year: String(latestDue.year), onTime: latestDue.onTime, counted: latestDue.counted, rate: percent(tr, latestDue.onTimeRate) })
            : t('compliance.trends.chart_desc_none')
        }
      />
      <ul class="compact-list" aria-label={t('compliance.map.legend')}>
        {SERIES.map((k) => (
          <li key={k}>
            <Swatch category={k} prefix={PREFIX} /> {t(`compliance.map.category.${k}`)}
          </li>
        ))}
      </ul>
      <Table
        caption={t('compliance.trends.caption', { first, last })}
        rows={trends.summaries}
        columns={[
          { header: t('compliance.trends.col_year'), cell: (s) => <a href={`/${locale}/compliance?year=${s.year}`}>{String(s.year)}</a> },
          { header: t('compliance.summary.counted'), numeric: true, cell: (s) => tr.formatNumber(s.counted) },
          { header: t('compliance.status.on_time'), numeric: true, cell: (s) => tr.formatNumber(s.onTime) },
          { header: t('compliance.status.late'), numeric: true, cell: (s) => tr.formatNumber(s.late) },
          { header: t('compliance.status.not_submitted'), numeric: true, cell: (s) => tr.formatNumber(s.notSubmitted) },
          { header: t('compliance.status.pending'), numeric: true, cell: (s) => tr.formatNumber(s.pending) },
          { header: t('compliance.trends.col_on_time_rate'), numeric: true, cell: (s) => percent(tr, s.onTimeRate) },
          { header: t('compliance.summary.submitted_rate'), numeric: true, cell: (s) => percent(tr, s.submittedRate) },
        ]}
      />
      <p>
        <a href={`/${locale}/compliance/trends.csv`} download>
          {t('compliance.download.trends_csv')}
        </a>
      </p>
    </Layout>
  );
}
