/**
 * The calendar: a month of the meetings the reader may see, as a list grouped by day (readable
 * without JavaScript and by screen readers, mirrored in right-to-left languages), the follow-up
 * actions due, and the page of the personal iCalendar feed.
 */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, DateTimeText, NotificationBanner, Pagination, PostForm, Table, Tag } from '../../../../platform/views/components.tsx';
import { intlTag } from '../../../../platform/i18n/locales.ts';
import type { DueAction } from '../meetings-queries.ts';
import type { MeetingRow } from '../meetings-repository.ts';
import { isActionOverdue } from '../meetings.ts';
import { ActionStatusTag, MeetingStatusTag, Owner, When, Written } from './shared.tsx';

export interface CalendarPageProps {
  month: { month: string; prev: string; next: string };
  days: { date: string; meetings: MeetingRow[] }[];
  due: DueAction[];
  stateNames: Map<string, string>;
  canList: boolean;
}

export function CalendarPage(p: CalendarPageProps) {
  const { t, locale, tr } = usePage();
  const monthName = new Intl.DateTimeFormat(intlTag(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${p.month.month}-01T00:00:00Z`));
  const title = t('engagement.calendar.title');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Layout title={`${title} · ${monthName}`} before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, ...(p.canList ? [{ href: `/${locale}/meetings`, label: t('engagement.meetings.list_title') }] : []), { label: title }]} />}>
      <span class="caption">{title}</span>
      <h1>{t('engagement.calendar.month_title', { month: monthName })}</h1>
      <p>
        <a href={`/${locale}/calendar/feed`}>{t('engagement.calendar.feed_link')}</a>
      </p>
      <Pagination label={t('engagement.calendar.months_nav')} prevHref={`/${locale}/calendar?month=${p.month.prev}`} nextHref={`/${locale}/calendar?month=${p.month.next}`} />
      <section aria-labelledby="month-meetings">
        <h2 id="month-meetings">{t('engagement.calendar.meetings_title', { count: new Set(p.days.flatMap((d) => d.meetings.map((m) => m.id))).size })}</h2>
        {p.days.length ? (
          <ol class="compact-list">
            {p.days.map((d) => (
              <li key={d.date} id={`day-${d.date}`}>
                <h3>
                  <DateText value={d.date} style="long" />
                </h3>
                <ul>
                  {d.meetings.map((m) => (
                    <li key={m.id}>
                      <a href={`/${locale}/meetings/${m.id}`}>
                        <Written texts={m.title} />
                      </a>{' '}
                      — {t(`engagement.meetings.kind.${m.kind}`)}, <When meeting={m} style="medium" />
                      {m.place ? (
                        <>
                          , <bdi>{m.place}</bdi>
                        </>
                      ) : null}{' '}
                      {m.status !== 'planned' ? <MeetingStatusTag status={m.status} /> : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{t('engagement.calendar.none')}</p>
        )}
      </section>
      <section aria-labelledby="due-actions">
        <h2 id="due-actions">{t('engagement.calendar.due_title')}</h2>
        <Table
          caption={t('engagement.calendar.due_caption', { count: p.due.length })}
          captionHidden
          rows={p.due}
          empty={t('engagement.calendar.due_none')}
          columns={[
            {
              header: t('engagement.meetings.action.field.due'),
              cell: (a) => (
                <>
                  <DateText value={a.dueDate} style="medium" />
                  {isActionOverdue(a, today) ? (
                    <>
                      {' '}
                      <Tag tone="red">{t('engagement.meetings.overdue')}</Tag>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              header: t('engagement.meetings.action.field.text'),
              cell: (a) => (
                <a href={`/${locale}/meetings/${a.meeting.id}/actions/${a.id}`}>
                  <bdi>{a.text}</bdi>
                </a>
              ),
            },
            { header: t('engagement.meetings.action.field.owner'), cell: (a) => <Owner a={a} /> },
            { header: t('engagement.calendar.col.meeting'), cell: (a) => <Written texts={a.meeting.title} /> },
            { header: t('engagement.meetings.action.field.status'), cell: (a) => <ActionStatusTag status={a.status} /> },
          ]}
        />
        <p class="field__hint">{t('engagement.calendar.due_hint', { days: tr.formatNumber(60) })}</p>
      </section>
    </Layout>
  );
}

export function FeedPage({ address, lastUsedAt, flash }: { address: string | undefined; lastUsedAt: Date | null | undefined; flash?: string | undefined }) {
  const { t, locale } = usePage();
  const title = t('engagement.calendar.feed_title');
  return (
    <Layout title={title} before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, { href: `/${locale}/calendar`, label: t('engagement.calendar.title') }, { label: title }]} />}>
      {flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.calendar.flash.${flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{t('engagement.calendar.feed_lead')}</p>
      {address ? (
        <>
          <div class="field">
            <label class="field__label" for="f-feed">
              {t('engagement.calendar.feed_address')}
            </label>
            <div class="field__hint" id="f-feed-hint">
              {t('engagement.calendar.feed_private')}
            </div>
            <input class="input input--full" id="f-feed" type="text" readOnly value={address} dir="ltr" aria-describedby="f-feed-hint" spellcheck={false} />
          </div>
          <p>
            <a href={address} data-feed-address>
              {t('engagement.calendar.feed_download')}
            </a>
          </p>
          <p class="muted">
            {lastUsedAt ? (
              <>
                {t('engagement.calendar.feed_last_used')} <DateTimeText value={lastUsedAt} />
              </>
            ) : (
              t('engagement.calendar.feed_never_used')
            )}
          </p>
          <h2>{t('engagement.calendar.feed_renew_title')}</h2>
          <p>{t('engagement.calendar.feed_renew_lead')}</p>
          <PostForm action={`/${locale}/calendar/feed`}>
            <Button variant="warning">{t('engagement.calendar.feed_renew')}</Button>
          </PostForm>
        </>
      ) : (
        <PostForm action={`/${locale}/calendar/feed`}>
          <Button>{t('engagement.calendar.feed_create')}</Button>
        </PostForm>
      )}
    </Layout>
  );
}
