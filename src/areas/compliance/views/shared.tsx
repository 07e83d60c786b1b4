/** Pieces shared by the compliance pages: status tags and texts, the year switch, the legend. */
import { Button, DateText, SelectField, Tag, type Column } from '../../../platform/views/components.tsx';
import { usePage } from '../../../platform/views/context.ts';
import type { Translator } from '../../../platform/i18n/messages.ts';
import { MAP_CATEGORIES, type ComplianceStatus, type MapCategory, type ObligationRow } from '../compliance.ts';
import { categoryFill } from '../world-map.tsx';

type Tone = 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple';

const TONE: Record<ComplianceStatus, Tone> = {
  on_time: 'green',
  late: 'yellow',
  not_submitted: 'red',
  pending: 'blue',
  not_required: 'grey',
  not_party: 'grey',
};

/** The status in words: "Late by 12 days", "Overdue" (an initial report), … */
export function statusText(t: Translator['t'], row: Pick<ObligationRow, 'status' | 'kind' | 'daysLate'>): string {
  if (row.status === 'late') return t('compliance.status.late_by', { days: row.daysLate });
  if (row.kind === 'initial' && (row.status === 'pending' || row.status === 'not_submitted')) return t(`compliance.status.initial_${row.status}`);
  return t(`compliance.status.${row.status}`);
}

export function StatusTag({ row }: { row: Pick<ObligationRow, 'status' | 'kind' | 'daysLate'> }) {
  const { t } = usePage();
  return <Tag tone={TONE[row.status]}>{statusText(t, row)}</Tag>;
}

type OutcomeRow = Pick<ObligationRow, 'status' | 'kind' | 'daysLate' | 'membership' | 'firstSubmittedAt'>;

/** The columns every compliance table shares: status (with membership note), first submission, days late. */
export function outcomeColumns<R extends OutcomeRow>(t: Translator['t'], tr: Pick<Translator, 'formatNumber'>): Column<R>[] {
  return [
    {
      header: t('compliance.table.status'),
      cell: (r) => (
        <>
          <StatusTag row={r} />
          <MembershipNote row={r} />
        </>
      ),
    },
    { header: t('compliance.table.first_submitted'), cell: (r) => (r.firstSubmittedAt ? <DateText value={r.firstSubmittedAt} style="medium" /> : '—') },
    { header: t('compliance.table.days_late'), numeric: true, cell: (r) => (r.status === 'late' ? tr.formatNumber(r.daysLate) : '—') },
  ];
}

/** A note for a State whose membership on the due date is unusual (suspension or withdrawal notified). */
export function MembershipNote({ row }: { row: Pick<ObligationRow, 'membership'> }) {
  const { t } = usePage();
  if (row.membership !== 'withdrawing' && row.membership !== 'suspension_notified' && row.membership !== 'withdrawn') return null;
  return <span class="muted"> · {t(`compliance.membership.${row.membership}`)}</span>;
}

/** The year switch: a GET form, so it works without JavaScript. */
export function YearSwitch({ action, year, range }: { action: string; year: number; range: { first: number; last: number } }) {
  const { t } = usePage();
  const options: { value: string; label: string }[] = [];
  for (let y = range.last; y >= range.first; y--) options.push({ value: String(y), label: t('compliance.year.option', { year: String(y) }) });
  return (
    <form method="get" action={action} class="filters" aria-labelledby="year-switch-title">
      <h2 class="visually-hidden" id="year-switch-title">
        {t('compliance.year.switch_title')}
      </h2>
      <SelectField name="year" label={t('compliance.year.label')} value={String(year)} options={options} />
      <Button variant="secondary">{t('compliance.year.show')}</Button>
    </form>
  );
}

/** A small swatch drawn like the map's shapes (the patterns are defined in the map's SVG). */
export function Swatch({ category, prefix }: { category: MapCategory; prefix: string }) {
  return (
    <svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">
      <rect x="0.5" y="0.5" width="27" height="17" fill={categoryFill(category, prefix)} stroke={category === 'none' ? '#505a5f' : '#0b0c0c'} />
    </svg>
  );
}

/** The map's legend: each category's swatch, name and count. */
export function MapLegend({ counts, prefix }: { counts: Record<MapCategory, number>; prefix: string }) {
  const { t, tr } = usePage();
  return (
    <ul class="compact-list" aria-label={t('compliance.map.legend')}>
      {MAP_CATEGORIES.map((c) => (
        <li key={c}>
          <Swatch category={c} prefix={prefix} /> {t(`compliance.map.category.${c}`)} ({tr.formatNumber(counts[c])})
        </li>
      ))}
    </ul>
  );
}

/** A share as a percentage in the page's language. */
export function percent(tr: Translator, share: number): string {
  return tr.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}
