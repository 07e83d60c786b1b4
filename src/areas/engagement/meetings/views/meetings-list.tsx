/** The meetings a reader may see, with filters that work without JavaScript. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, NotificationBanner, SelectField, Table, Tag } from '../../../../platform/views/components.tsx';
import { localized, type Committee } from '../../../states/index.ts';
import { MEETING_KINDS } from '../../schema.ts';
import type { MeetingRow } from '../meetings-repository.ts';
import { ConfidentialityTag, crumbs, MeetingStatusTag, When, Written } from './shared.tsx';

export interface MeetingFilterValues {
  year?: string | undefined;
  kind?: string | undefined;
  committee?: string | undefined;
  state?: string | undefined;
  when?: string | undefined;
}

export interface MeetingsPageProps {
  meetings: MeetingRow[];
  years: number[];
  committees: Committee[];
  states: { iso2: string; name: string }[];
  filter: MeetingFilterValues;
  canCreate: boolean;
  flash?: string | undefined;
}

export function MeetingsPage(p: MeetingsPageProps) {
  const { t, locale, tr } = usePage();
  const title = t('engagement.meetings.list_title');
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t).slice(0, 1).concat([{ label: title }])} />}>
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.meetings.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{t('engagement.meetings.lead')}</p>
      <div class="button-group">
        {p.canCreate ? (
          <a class="button button--primary" href={`/${locale}/meetings/new`}>
            {t('engagement.meetings.record')}
          </a>
        ) : null}
        <a href={`/${locale}/calendar`}>{t('engagement.calendar.title')}</a>
      </div>
      <form class="filters" method="get" action={`/${locale}/meetings`}>
        <SelectField name="year" label={t('engagement.meetings.filter.year')} value={p.filter.year ?? ''} placeholder={t('engagement.meetings.filter.all_years')} options={p.years.map((y) => ({ value: String(y), label: tr.formatNumber(y, { useGrouping: false }) }))} />
        <SelectField name="kind" label={t('engagement.meetings.filter.kind')} value={p.filter.kind ?? ''} placeholder={t('engagement.meetings.filter.all_kinds')} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`engagement.meetings.kind.${k}`) }))} />
        <SelectField name="committee" label={t('engagement.meetings.filter.committee')} value={p.filter.committee ?? ''} placeholder={t('engagement.meetings.filter.all_committees')} options={p.committees.map((c) => ({ value: c.id, label: localized(c.names, locale) }))} />
        <SelectField name="state" label={t('engagement.meetings.filter.state')} value={p.filter.state ?? ''} placeholder={t('engagement.meetings.filter.all_states')} options={p.states.map((s) => ({ value: s.iso2, label: s.name }))} />
        <SelectField
          name="when"
          label={t('engagement.meetings.filter.when')}
          value={p.filter.when ?? ''}
          placeholder={t('engagement.meetings.filter.any_time')}
          options={[
            { value: 'upcoming', label: t('engagement.meetings.filter.upcoming') },
            { value: 'past', label: t('engagement.meetings.filter.past') },
          ]}
        />
        <Button variant="secondary">{t('engagement.meetings.filter.apply')}</Button>
      </form>
      <Table
        caption={t('engagement.meetings.table_caption', { count: p.meetings.length })}
        rows={p.meetings}
        empty={t('engagement.meetings.none')}
        columns={[
          { header: t('engagement.meetings.col.when'), cell: (m) => <When meeting={m} style="medium" /> },
          {
            header: t('engagement.meetings.col.title'),
            cell: (m) => (
              <>
                <a href={`/${locale}/meetings/${m.id}`}>
                  <Written texts={m.title} />
                </a>
                {m.isDemo ? (
                  <>
                    {' '}
                    <Tag tone="yellow">{t('engagement.demo_tag')}</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('engagement.meetings.col.kind'), cell: (m) => t(`engagement.meetings.kind.${m.kind}`) },
          { header: t('engagement.meetings.col.place'), cell: (m) => (m.place ? <bdi>{m.place}</bdi> : m.online ? t('engagement.meetings.online') : '—') },
          { header: t('engagement.meetings.col.status'), cell: (m) => <MeetingStatusTag status={m.status} /> },
          { header: t('engagement.meetings.col.confidentiality'), cell: (m) => <ConfidentialityTag level={m.confidentiality} /> },
        ]}
      />
    </Layout>
  );
}
