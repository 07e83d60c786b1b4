import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Button, DateText, SelectField, SummaryList, Table } from '../../../platform/views/components.tsx';
import { MEMBERSHIP_STATUSES, type Article5Standing, type MembershipStatus, type Region } from '../membership.ts';
import { stateName } from '../names.ts';
import type { StateListItem } from '../states-queries.ts';
import { Article5Tag, regionOptions, standingOptions, StatusTag, statusOptions } from './labels.tsx';

export interface StatesListFilters {
  region?: Region | undefined;
  status?: MembershipStatus | undefined;
  article5?: Article5Standing | undefined;
}

export function StatesListPage({ items, filters, statusCounts, total }: { items: StateListItem[]; filters: StatesListFilters; statusCounts: Record<MembershipStatus, number>; total: number }) {
  const { t, locale } = usePage();
  const filtered = !!(filters.region || filters.status || filters.article5);
  return (
    <Layout title={t('states.list.title')} wide>
      <h1>{t('states.list.title')}</h1>
      <p class="lead">{t('states.list.lead')}</p>

      <h2>{t('states.list.counts_title')}</h2>
      <SummaryList
        rows={[
          { key: t('states.list.counts_total'), value: t('states.list.count_states', { count: total }) },
          ...MEMBERSHIP_STATUSES.filter((s) => statusCounts[s] > 0).map((s) => ({ key: <StatusTag status={s} />, value: t('states.list.count_states', { count: statusCounts[s] }) })),
        ]}
      />

      <h2 id="filters-title">{t('states.list.filters_title')}</h2>
      <form method="get" action={`/${locale}/states`} class="filters" aria-labelledby="filters-title">
        <SelectField name="region" label={t('states.list.region')} value={filters.region} options={regionOptions(t)} placeholder={t('states.list.region_all')} />
        <SelectField name="status" label={t('states.list.status')} value={filters.status} options={statusOptions(t)} placeholder={t('states.list.status_all')} />
        <SelectField name="article5" label={t('states.list.article5')} value={filters.article5} options={standingOptions(t)} placeholder={t('states.list.article5_all')} />
        <Button variant="secondary">{t('common.actions.filter')}</Button>
        {filtered ? <a href={`/${locale}/states`}>{t('states.list.clear')}</a> : null}
      </form>

      <p role="status">{t('states.list.shown', { count: items.length, total })}</p>

      <Table
        caption={t('states.list.caption')}
        rows={items}
        empty={t('states.list.empty')}
        columns={[
          { header: t('states.list.col_name'), cell: (i) => <a href={`/${locale}/states/${i.state.iso2.toLowerCase()}`}>{stateName(i.state, locale)}</a> },
          { header: t('states.list.col_region'), cell: (i) => t(`states.region.${i.state.region}`) },
          { header: t('states.list.col_eif'), cell: (i) => <DateText value={i.state.eifDate} style="medium" /> },
          { header: t('states.list.col_status'), cell: (i) => <StatusTag status={i.status} /> },
          {
            header: t('states.list.col_article5'),
            cell: (i) =>
              i.article5 ? (
                <>
                  <DateText value={i.article5.deadline} style="medium" /> <Article5Tag status={i.article5.status} />
                </>
              ) : (
                <span class="muted">{t('states.list.no_deadline')}</span>
              ),
          },
        ]}
      />
    </Layout>
  );
}
