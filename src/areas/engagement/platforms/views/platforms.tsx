/**
 * National mine action platform pages: the list with filters, and one State's platform with its
 * members, their gender balance (numbers, shares and a small meter per row, all in a table), its
 * linked action-plan actions and the forms to edit it and add or remove members without JavaScript.
 */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, ErrorSummary, NotificationBanner, PostForm, Radios, SelectField, SummaryList, Table, Tag, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { EXISTS, PLATFORM_MEMBER_KINDS, balanceByKind, genderBalance, type Balance, type Exists } from '../platforms.ts';
import type { MemberRow, PlatformListRow, PlatformRow } from '../platforms-repository.ts';

type Errors = Record<string, string> | undefined;
type Values = Record<string, string> | undefined;

const EXISTS_TONE: Record<Exists, 'green' | 'red' | 'grey'> = { yes: 'green', no: 'red', unknown: 'grey' };

export function ExistsTag({ exists }: { exists: Exists }) {
  const { t } = usePage();
  return <Tag tone={EXISTS_TONE[exists]}>{t(`engagement.platforms.exists.${exists}`)}</Tag>;
}

function crumbs(locale: string, t: (k: string) => string, rest: { href?: string; label: string }[] = []) {
  return [{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, { href: `/${locale}/national-platforms`, label: t('engagement.platforms.list_title') }, ...rest];
}

function usePercent() {
  const { tr } = usePage();
  return (share: number | undefined) => (share === undefined ? '—' : tr.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 }));
}

/** Women's share as numbers and a meter (the meter is named; the numbers stay in the table). */
function WomenShare({ balance, label }: { balance: Balance; label: string }) {
  const { t } = usePage();
  const pct = usePercent();
  if (!balance.total) return <span class="muted">{t('engagement.platforms.not_counted')}</span>;
  return (
    <>
      {pct(balance.womenShare)}{' '}
      <meter min={0} max={balance.total} value={balance.women} aria-label={label}>
        {pct(balance.womenShare)}
      </meter>
    </>
  );
}

/* ---------------------------------------------------------------- the list */

export interface PlatformsListProps {
  rows: PlatformListRow[];
  stateNames: Map<string, string>;
  regions: string[];
  filter: { exists?: string | undefined; region?: string | undefined };
  states: { iso2: string; name: string }[];
}

export function PlatformsListPage(p: PlatformsListProps) {
  const { t, locale, tr } = usePage();
  const pct = usePercent();
  const title = t('engagement.platforms.list_title');
  const name = (iso2: string) => p.stateNames.get(iso2) ?? iso2;
  const rows = [...p.rows].sort((a, b) => name(a.platform.stateIso2).localeCompare(name(b.platform.stateIso2), locale));
  return (
    <Layout title={title} wide before={<Breadcrumbs items={[crumbs(locale, t)[0]!, { label: title }]} />}>
      <h1>{title}</h1>
      <p class="lead">{t('engagement.platforms.lead')}</p>
      <form class="filters" method="get" action={`/${locale}/national-platforms`}>
        <SelectField name="exists" id="filter-exists" label={t('engagement.platforms.filter_exists')} value={p.filter.exists ?? ''} placeholder={t('engagement.platforms.all')} options={EXISTS.map((e) => ({ value: e, label: t(`engagement.platforms.exists.${e}`) }))} />
        <SelectField name="region" id="filter-region" label={t('engagement.platforms.filter_region')} value={p.filter.region ?? ''} placeholder={t('engagement.platforms.all_regions')} options={p.regions.map((r) => ({ value: r, label: t(`states.region.${r}`) }))} />
        <Button variant="secondary">{t('engagement.platforms.filter_apply')}</Button>
      </form>
      <Table
        caption={t('engagement.platforms.table_caption')}
        rows={rows}
        empty={t('engagement.platforms.none')}
        columns={[
          {
            header: t('engagement.platforms.col.state'),
            cell: (r) => (
              <a href={`/${locale}/national-platforms/${r.platform.stateIso2.toLowerCase()}`}>
                <bdi>{name(r.platform.stateIso2)}</bdi>
              </a>
            ),
          },
          { header: t('engagement.platforms.col.exists'), cell: (r) => <ExistsTag exists={r.platform.exists} /> },
          { header: t('engagement.platforms.col.last_met'), cell: (r) => <DateText value={r.platform.lastMetOn} style="medium" /> },
          { header: t('engagement.platforms.col.members'), numeric: true, cell: (r) => tr.formatNumber(r.members) },
          {
            header: t('engagement.platforms.col.women_share'),
            numeric: true,
            cell: (r) => {
              const total = r.women + r.men + r.other;
              return total ? pct(r.women / total) : '—';
            },
          },
          { header: t('engagement.platforms.col.actions'), cell: (r) => (r.platform.actionIds.length ? <span dir="ltr">{r.platform.actionIds.join(', ')}</span> : '—') },
          { header: t('engagement.platforms.col.demo'), cell: (r) => (r.platform.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null) },
        ]}
      />
      <section aria-labelledby="open-state">
        <h2 id="open-state">{t('engagement.platforms.open_title')}</h2>
        <form method="get" action={`/${locale}/national-platforms`} class="form">
          <SelectField name="open" label={t('engagement.platforms.open_label')} value="" placeholder={t('engagement.platforms.choose_state')} options={p.states.map((s) => ({ value: s.iso2.toLowerCase(), label: s.name }))} />
          <Button variant="secondary">{t('engagement.platforms.open')}</Button>
        </form>
      </section>
    </Layout>
  );
}

/* ---------------------------------------------------------------- one State */

export interface PlatformPageProps {
  iso2: string;
  stateName: string;
  platform: PlatformRow | undefined;
  members: MemberRow[];
  canEdit: boolean;
  flash?: string | undefined;
  problem?: string | undefined;
  errors?: Errors;
  values?: Values;
  memberErrors?: Errors;
  memberValues?: Values;
}

export function PlatformPage(p: PlatformPageProps) {
  const { t, locale, tr } = usePage();
  const pct = usePercent();
  const title = t('engagement.platforms.title', { state: p.stateName });
  const base = `/${locale}/national-platforms/${p.iso2.toLowerCase()}`;
  const pl = p.platform;
  const total = genderBalance(p.members);
  const byKind = balanceByKind(p.members);
  const v: Record<string, string> = p.values ?? {
    exists: pl?.exists ?? 'unknown',
    established_on: pl?.establishedOn ?? '',
    last_met_on: pl?.lastMetOn ?? '',
    chaired_by: pl?.chairedBy ?? '',
    actions: pl?.actionIds.join(', ') ?? '',
    source: pl?.source ?? '',
    notes: pl?.notes ?? '',
  };
  const mv = p.memberValues ?? {};
  const allErrors = { ...(p.errors ?? {}), ...(p.memberErrors ?? {}) };
  const n = (x: number | null) => (x === null ? '—' : tr.formatNumber(x));
  return (
    <Layout title={title} wide before={<Breadcrumbs items={p.canEdit ? crumbs(locale, t, [{ label: p.stateName }]) : [crumbs(locale, t)[0]!, { label: title }]} />}>
      {Object.keys(allErrors).length ? <ErrorSummary errors={allErrors} fieldIds={{ exists: 'f-exists' }} /> : null}
      {p.problem ? (
        <NotificationBanner kind="warning">
          <p>{p.problem}</p>
        </NotificationBanner>
      ) : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.platforms.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        {title} {pl?.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null}
      </h1>
      {pl ? (
        <SummaryList
          rows={[
            { key: t('engagement.platforms.field.exists'), value: <ExistsTag exists={pl.exists} /> },
            { key: t('engagement.platforms.field.established_on'), value: <DateText value={pl.establishedOn} /> },
            { key: t('engagement.platforms.field.last_met_on'), value: <DateText value={pl.lastMetOn} /> },
            { key: t('engagement.platforms.field.chaired_by'), value: pl.chairedBy ? <bdi>{pl.chairedBy}</bdi> : '—' },
            {
              key: t('engagement.platforms.field.actions'),
              value: pl.actionIds.length ? (
                <ul class="compact-list">
                  {pl.actionIds.map((a) => (
                    <li key={a}>
                      <a href={`/${locale}/plans/actions/${a}`} dir="ltr">
                        {a}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
            },
            { key: t('engagement.platforms.field.source'), value: pl.source ? <span dir="auto">{pl.source}</span> : '—' },
            ...(pl.notes ? [{ key: t('engagement.platforms.field.notes'), value: <span dir="auto">{pl.notes}</span> }] : []),
            { key: t('engagement.platforms.updated_at'), value: <DateText value={pl.updatedAt} /> },
          ]}
        />
      ) : (
        <p class="muted">{t('engagement.platforms.nothing_recorded', { state: p.stateName })}</p>
      )}

      {pl && pl.exists !== 'no' ? (
        <section aria-labelledby="members-title" id="members">
          <h2 id="members-title">{t('engagement.platforms.members_title')}</h2>
          {total.total ? (
            <p>
              {t('engagement.platforms.balance_sentence', { women: total.women, men: total.men, other: total.other, total: total.total, share: pct(total.womenShare) })}
            </p>
          ) : null}
          <Table
            caption={t('engagement.platforms.members_caption', { state: p.stateName })}
            rows={p.members}
            empty={t('engagement.platforms.no_members')}
            columns={[
              { header: t('engagement.platforms.col.organisation'), cell: (m) => <bdi>{m.organisation}</bdi> },
              { header: t('engagement.platforms.col.kind'), cell: (m) => t(`engagement.platforms.kind.${m.kind}`) },
              { header: t('engagement.platforms.col.women'), numeric: true, cell: (m) => n(m.women) },
              { header: t('engagement.platforms.col.men'), numeric: true, cell: (m) => n(m.men) },
              { header: t('engagement.platforms.col.other'), numeric: true, cell: (m) => n(m.otherGender) },
              { header: t('engagement.platforms.col.women_share'), cell: (m) => <WomenShare balance={genderBalance([m])} label={t('engagement.platforms.meter_label', { name: m.organisation })} /> },
              ...(p.canEdit
                ? [
                    {
                      header: <span class="visually-hidden">{t('engagement.platforms.col.remove')}</span>,
                      cell: (m: MemberRow) => (
                        <PostForm action={`${base}/members/${m.id}/delete`} inline>
                          <Button variant="secondary">{t('engagement.platforms.remove', { name: m.organisation })}</Button>
                        </PostForm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {byKind.length ? (
            <Table
              caption={t('engagement.platforms.by_kind_caption')}
              rows={[...byKind, { kind: 'total' as const, members: p.members.length, balance: total }]}
              columns={[
                { header: t('engagement.platforms.col.kind'), cell: (k) => (k.kind === 'total' ? <strong>{t('engagement.platforms.total')}</strong> : t(`engagement.platforms.kind.${k.kind}`)) },
                { header: t('engagement.platforms.col.members'), numeric: true, cell: (k) => tr.formatNumber(k.members) },
                { header: t('engagement.platforms.col.women'), numeric: true, cell: (k) => tr.formatNumber(k.balance.women) },
                { header: t('engagement.platforms.col.men'), numeric: true, cell: (k) => tr.formatNumber(k.balance.men) },
                { header: t('engagement.platforms.col.other'), numeric: true, cell: (k) => tr.formatNumber(k.balance.other) },
                { header: t('engagement.platforms.col.women_share'), cell: (k) => <WomenShare balance={k.balance} label={t('engagement.platforms.meter_label', { name: k.kind === 'total' ? t('engagement.platforms.total') : t(`engagement.platforms.kind.${k.kind}`) })} /> },
                { header: t('engagement.platforms.col.men_share'), numeric: true, cell: (k) => pct(k.balance.menShare) },
                { header: t('engagement.platforms.col.other_share'), numeric: true, cell: (k) => pct(k.balance.otherShare) },
              ]}
            />
          ) : null}
          {total.uncounted ? <p class="field__hint">{t('engagement.platforms.uncounted', { count: total.uncounted })}</p> : null}
          {p.canEdit ? (
            <>
              <h3 id="add-member">{t('engagement.platforms.add_member_title')}</h3>
              <PostForm action={`${base}/members`}>
                <TextField name="organisation" label={t('engagement.platforms.field.organisation')} value={mv.organisation ?? ''} error={p.memberErrors?.organisation} attrs={{ maxLength: 300 }} />
                <SelectField name="kind" label={t('engagement.platforms.field.kind')} value={mv.kind ?? 'government'} error={p.memberErrors?.kind} options={PLATFORM_MEMBER_KINDS.map((k) => ({ value: k, label: t(`engagement.platforms.kind.${k}`) }))} />
                <TextField name="women" label={t('engagement.platforms.field.women')} value={mv.women ?? ''} error={p.memberErrors?.women} width="short" attrs={{ inputmode: 'numeric' }} />
                <TextField name="men" label={t('engagement.platforms.field.men')} value={mv.men ?? ''} error={p.memberErrors?.men} width="short" attrs={{ inputmode: 'numeric' }} />
                <TextField name="other" label={t('engagement.platforms.field.other')} hint={t('engagement.platforms.field.other_hint')} value={mv.other ?? ''} error={p.memberErrors?.other} width="short" attrs={{ inputmode: 'numeric' }} />
                <Button variant="secondary">{t('engagement.platforms.add_member')}</Button>
              </PostForm>
            </>
          ) : null}
        </section>
      ) : null}

      {p.canEdit ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t(pl ? 'engagement.platforms.edit_title' : 'engagement.platforms.record_title')}</h2>
          <PostForm action={base}>
            <input type="hidden" name="version" value={String(pl?.version ?? 0)} />
            <Radios name="exists" legend={t('engagement.platforms.field.exists')} value={v.exists} error={p.errors?.exists} options={EXISTS.map((e) => ({ value: e, label: t(`engagement.platforms.exists.${e}`) }))} />
            <TextField name="established_on" type="date" label={t('engagement.platforms.field.established_on')} value={v.established_on} error={p.errors?.established_on} width="short" />
            <TextField name="last_met_on" type="date" label={t('engagement.platforms.field.last_met_on')} value={v.last_met_on} error={p.errors?.last_met_on} width="short" />
            <TextField name="chaired_by" label={t('engagement.platforms.field.chaired_by')} value={v.chaired_by} error={p.errors?.chaired_by} width="medium" attrs={{ maxLength: 300 }} />
            <TextField name="actions" label={t('engagement.platforms.field.actions')} hint={t('engagement.platforms.field.actions_hint')} value={v.actions} error={p.errors?.actions} width="medium" />
            <TextField name="source" label={t('engagement.platforms.field.source')} hint={t('engagement.platforms.field.source_hint')} value={v.source} error={p.errors?.source} attrs={{ maxLength: 500 }} />
            <TextArea name="notes" label={t('engagement.platforms.field.notes')} value={v.notes} error={p.errors?.notes} rows={4} maxLength={5000} />
            <Button>{t('engagement.platforms.save')}</Button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}
