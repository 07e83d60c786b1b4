/**
 * The circulation page: where the questionnaire stands (dates, version, reminders), circulating
 * the draft, inviting people, the tracking table with its filters (GET, no JavaScript needed) and
 * counts per audience, reminders now, closing and reopening.
 */
import { Layout } from '../../../../platform/views/layout.tsx';
import { usePage } from '../../../../platform/views/context.ts';
import { Button, DateText, DateTimeText, ErrorSummary, NotificationBanner, Pagination, PostForm, SelectField, SummaryList, Table, Tag, UserText } from '../../../../platform/views/components.tsx';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import { AUDIENCES } from '../../schema.ts';
import { lastDayOf, linkExpiry, TRACKING_STATUSES } from '../circulation.ts';
import type { Tracking, TrackingFilter, TrackingRow } from '../circulation-queries.ts';
import { circulationBase, CirculationBreadcrumbs, languageName, QuestionnaireTitle, ResponseTag, StateText, titleOf } from './shared.tsx';

export type Phase = 'draft' | 'scheduled' | 'open' | 'closed';

export function phaseOf(q: QuestionnaireRow, now: Date): Phase {
  if (!q.circulatedAt) return 'draft';
  if (q.closedAt || (q.closesAt && now >= q.closesAt)) return 'closed';
  if (q.opensAt && now < q.opensAt) return 'scheduled';
  return 'open';
}

const PHASE_TONE = { draft: 'yellow', scheduled: 'blue', open: 'green', closed: 'grey' } as const;

export interface Flash {
  code: string;
  values: Record<string, number>;
}

export interface CirculationPageProps {
  q: QuestionnaireRow;
  current: VersionRow | undefined;
  draft: VersionRow | undefined;
  tracking: Tracking;
  filter: TrackingFilter;
  stateNames: Map<string, string>;
  can: { circulate: boolean; reopen: boolean };
  now: Date;
  flash?: Flash | undefined;
  errors?: Record<string, string> | undefined;
}

export function CirculationPage(p: CirculationPageProps) {
  const { t, tr, locale } = usePage();
  const { q } = p;
  const base = circulationBase(locale, q);
  const phase = phaseOf(q, p.now);
  const title = t('questionnaires.circulation.title');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} wide before={<CirculationBreadcrumbs q={q} />}>
      {p.errors ? <ErrorSummary errors={p.errors} /> : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`questionnaires.circulation.flash.${p.flash.code}`, p.flash.values)}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        <span class="caption">
          <QuestionnaireTitle q={q} />
        </span>
        {title}
      </h1>

      <SummaryList
        rows={[
          { key: t('questionnaires.circulation.summary.status'), value: <Tag tone={PHASE_TONE[phase]}>{t(`questionnaires.circulation.phase.${phase}`)}</Tag> },
          {
            key: t('questionnaires.circulation.summary.version'),
            value: p.current ? t('questionnaires.circulation.summary.version_circulated', { number: p.current.versionNo }) : t('questionnaires.circulation.summary.version_none'),
          },
          {
            key: t('questionnaires.circulation.summary.opens'),
            value: q.opensAt ? <DateText value={q.opensAt} /> : t('questionnaires.circulation.summary.opens_at_circulation'),
            action: p.can.circulate ? <a href={`${base}/settings`}>{t('questionnaires.circulation.summary.change')}<span class="visually-hidden"> {t('questionnaires.circulation.summary.opens')}</span></a> : undefined,
          },
          {
            key: t('questionnaires.circulation.summary.closes'),
            value: q.closedAt ? (
              <>
                {t('questionnaires.circulation.summary.closed_on')} <DateTimeText value={q.closedAt} />
              </>
            ) : q.closesAt ? (
              <DateText value={lastDayOf(q.closesAt)} />
            ) : (
              t('questionnaires.circulation.summary.no_closing')
            ),
            action: p.can.circulate ? <a href={`${base}/settings`}>{t('questionnaires.circulation.summary.change')}<span class="visually-hidden"> {t('questionnaires.circulation.summary.closes')}</span></a> : undefined,
          },
          {
            key: t('questionnaires.circulation.summary.reminders'),
            value: q.reminderEveryDays ? t('questionnaires.circulation.summary.reminders_every', { count: q.reminderEveryDays }) : t('questionnaires.circulation.summary.reminders_none'),
            action: p.can.circulate ? <a href={`${base}/settings`}>{t('questionnaires.circulation.summary.change')}<span class="visually-hidden"> {t('questionnaires.circulation.summary.reminders')}</span></a> : undefined,
          },
          {
            key: t('questionnaires.circulation.summary.links'),
            value: q.closesAt ? t('questionnaires.circulation.summary.links_until', { date: tr.formatDate(linkExpiry(q.closesAt, q.closesAt)) }) : t('questionnaires.circulation.summary.links_year'),
          },
        ]}
      />

      {p.can.circulate && p.draft ? <CirculateCallout q={q} draft={p.draft} current={p.current} /> : null}

      {p.can.circulate ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t('questionnaires.circulation.invite.title')}</h2>
          <p>{q.circulatedAt ? t('questionnaires.circulation.invite.sent_at_once') : t('questionnaires.circulation.invite.sent_at_circulation')}</p>
          <ul>
            <li>
              <a href={`${base}/invitations/new`}>{t('questionnaires.circulation.invite.one')}</a>
            </li>
            <li>
              <a href={`${base}/invitations/group`}>{t('questionnaires.circulation.invite.group')}</a>
            </li>
            <li>
              <a href={`${base}/invitations/paste`}>{t('questionnaires.circulation.invite.paste')}</a>
            </li>
          </ul>
        </section>
      ) : null}

      <h2>{t('questionnaires.circulation.counts.title')}</h2>
      <Table
        caption={t('questionnaires.circulation.counts.caption')}
        captionHidden
        rows={p.tracking.counts}
        empty={t('questionnaires.circulation.counts.none')}
        columns={[
          { header: t('questionnaires.circulation.col.audience'), cell: (c) => t(`questionnaires.circulation.audience.${c.audience}`) },
          { header: t('questionnaires.circulation.counts.invited'), cell: (c) => tr.formatNumber(c.invited), numeric: true },
          { header: t('questionnaires.circulation.counts.started'), cell: (c) => tr.formatNumber(c.started), numeric: true },
          { header: t('questionnaires.circulation.counts.submitted'), cell: (c) => tr.formatNumber(c.submitted), numeric: true },
        ]}
      />

      <h2 id="tracking">{t('questionnaires.circulation.tracking.title')}</h2>
      <form method="get" action={base} class="filters" role="search" aria-label={t('questionnaires.circulation.filter.label')}>
        <SelectField
          name="audience"
          label={t('questionnaires.circulation.col.audience')}
          value={p.filter.audience ?? ''}
          placeholder={t('questionnaires.circulation.filter.all_audiences')}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`questionnaires.circulation.audience.${a}`) }))}
        />
        <SelectField
          name="status"
          label={t('questionnaires.circulation.col.response')}
          value={p.filter.status ?? ''}
          placeholder={t('questionnaires.circulation.filter.all_statuses')}
          options={TRACKING_STATUSES.map((s) => ({ value: s, label: t(`questionnaires.circulation.status.${s}`) }))}
        />
        <Button variant="secondary">{t('questionnaires.circulation.filter.apply')}</Button>
      </form>
      <TrackingTable rows={p.tracking.rows} matching={p.tracking.matching} total={p.tracking.total} stateNames={p.stateNames} base={base} />
      <Pagination
        label={t('questionnaires.circulation.tracking.pages', { page: p.tracking.page, pages: p.tracking.pages })}
        prevHref={p.tracking.page > 1 ? pageHref(base, p.filter, p.tracking.page - 1) : undefined}
        nextHref={p.tracking.page < p.tracking.pages ? pageHref(base, p.filter, p.tracking.page + 1) : undefined}
      />

      {p.can.circulate && phase === 'open' ? (
        <section aria-labelledby="remind-title">
          <h2 id="remind-title">{t('questionnaires.circulation.remind.title')}</h2>
          <p>{t('questionnaires.circulation.remind.text')}</p>
          <PostForm action={`${base}/remind`}>
            <Button variant="secondary">{t('questionnaires.circulation.remind.button')}</Button>
          </PostForm>
        </section>
      ) : null}

      {p.can.circulate && q.circulatedAt && !q.closedAt ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{t('questionnaires.circulation.close.title')}</h2>
          <p>
            <a href={`${base}/close`}>{t('questionnaires.circulation.close.link')}</a>
          </p>
        </section>
      ) : null}
      {p.can.reopen ? (
        <section aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t('questionnaires.circulation.reopen.title')}</h2>
          <p>
            <a href={`${base}/reopen`}>{t('questionnaires.circulation.reopen.link')}</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}

function CirculateCallout({ q, draft, current }: { q: QuestionnaireRow; draft: VersionRow; current: VersionRow | undefined }) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  return (
    <NotificationBanner kind="info" title={current ? t('questionnaires.circulation.callout.new_version_title', { number: draft.versionNo }) : t('questionnaires.circulation.callout.first_title')}>
      <p>{current ? t('questionnaires.circulation.callout.new_version_text', { number: draft.versionNo, current: current.versionNo }) : t('questionnaires.circulation.callout.first_text')}</p>
      <p>
        <a href={`${base}/circulate`}>{t('questionnaires.circulation.callout.check', { number: draft.versionNo })}</a>
      </p>
    </NotificationBanner>
  );
}

/** The tracking page `page` with the same filters. */
function pageHref(base: string, filter: TrackingFilter, page: number): string {
  const q = new URLSearchParams();
  if (filter.audience) q.set('audience', filter.audience);
  if (filter.status) q.set('status', filter.status);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `${base}${s ? `?${s}` : ''}#tracking`;
}

function TrackingTable({ rows, matching, total, stateNames, base }: { rows: TrackingRow[]; matching: number; total: number; stateNames: Map<string, string>; base: string }) {
  const { t, tr, locale } = usePage();
  return (
    <Table
      caption={t('questionnaires.circulation.tracking.caption', { shown: matching, total })}
      rows={rows}
      empty={total ? t('questionnaires.circulation.tracking.none_match') : t('questionnaires.circulation.tracking.none')}
      columns={[
        {
          header: t('questionnaires.circulation.col.name'),
          cell: (r) => (
            <>
              <a href={`${base}/invitations/${r.invitation.id}`}>
                <UserText>{r.invitation.name}</UserText>
              </a>
              <div class="muted">
                <bdi dir="ltr">{r.invitation.email}</bdi>
              </div>
            </>
          ),
        },
        { header: t('questionnaires.circulation.col.state'), cell: (r) => <StateText iso2={r.invitation.stateIso2} names={stateNames} /> },
        { header: t('questionnaires.circulation.col.audience'), cell: (r) => t(`questionnaires.circulation.audience.${r.invitation.audience}`) },
        { header: t('questionnaires.circulation.col.language'), cell: (r) => languageName(r.invitation.locale, locale) },
        { header: t('questionnaires.circulation.col.sent'), cell: (r) => (r.invitation.sentAt ? <DateText value={r.invitation.sentAt} style="medium" /> : t('questionnaires.circulation.not_sent')) },
        { header: t('questionnaires.circulation.col.reminders'), cell: (r) => tr.formatNumber(r.invitation.remindersSent), numeric: true },
        { header: t('questionnaires.circulation.col.opened'), cell: (r) => (r.invitation.lastUsedAt ? <DateTimeText value={r.invitation.lastUsedAt} /> : t('questionnaires.circulation.never')) },
        {
          header: t('questionnaires.circulation.col.response'),
          cell: (r) => (
            <>
              <ResponseTag status={r.status} />
              {r.status === 'submitted' && r.submittedAt ? (
                <div>
                  <DateText value={r.submittedAt} style="medium" />
                </div>
              ) : null}
            </>
          ),
        },
        {
          header: t('questionnaires.circulation.col.link'),
          cell: (r) => (r.linkProblem ? <Tag tone="red">{t(`questionnaires.circulation.link.${r.linkProblem}`)}</Tag> : <Tag tone="green">{t('questionnaires.circulation.link.active')}</Tag>),
        },
      ]}
    />
  );
}
