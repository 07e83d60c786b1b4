/**
 * The Committee's engagement with a State, on the State's internal page (states area,
 * `state-internal` slot): its meetings (those the reader may read), the follow-up actions and
 * commitments still open, its individualised-approach records and its national mine action platform.
 */
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { usePage } from '../../platform/views/context.ts';
import { DateText, SummaryList, Table, Tag } from '../../platform/views/components.tsx';
import { canFollowIndividualisedApproach, canListMeetings, canViewMeeting, canViewNationalPlatform, type MeetingFacts } from './policy.ts';
import { individualisedApproaches, meetingActions, meetingParticipants, meetings, nationalPlatformMembers, nationalPlatforms } from './schema.ts';
import { textIn } from './texts.ts';

type MeetingRow = typeof meetings.$inferSelect;
type ActionRow = typeof meetingActions.$inferSelect;

async function meetingsWithState(db: DbOrTx, iso2: string): Promise<{ meeting: MeetingRow; facts: MeetingFacts }[]> {
  const ids = (await db.selectDistinct({ id: meetingParticipants.meetingId }).from(meetingParticipants).where(eq(meetingParticipants.stateIso2, iso2))).map((r) => r.id);
  if (!ids.length) return [];
  const [rows, participants] = await Promise.all([
    db.select().from(meetings).where(inArray(meetings.id, ids)).orderBy(desc(meetings.startsAt)),
    db.select({ meetingId: meetingParticipants.meetingId, userId: meetingParticipants.userId, stateIso2: meetingParticipants.stateIso2 }).from(meetingParticipants).where(inArray(meetingParticipants.meetingId, ids)),
  ]);
  return rows.map((meeting) => {
    const mine = participants.filter((p) => p.meetingId === meeting.id);
    return {
      meeting,
      facts: {
        confidentiality: meeting.confidentiality,
        committeeIds: meeting.committeeIds,
        participantUserIds: mine.flatMap((p) => (p.userId ? [p.userId] : [])),
        participantStates: mine.flatMap((p) => (p.stateIso2 ? [p.stateIso2] : [])),
      },
    };
  });
}

interface SectionProps {
  iso2: string;
  meetings: MeetingRow[];
  actions: (ActionRow & { meetingTitle: MeetingRow['title'] })[];
  approaches: (typeof individualisedApproaches.$inferSelect)[] | undefined;
  platform: { row: typeof nationalPlatforms.$inferSelect; members: (typeof nationalPlatformMembers.$inferSelect)[] } | null | undefined;
}

function StateEngagementSection(p: SectionProps) {
  const { t, locale, tr } = usePage();
  const women = p.platform?.members.reduce((s, m) => s + (m.women ?? 0), 0) ?? 0;
  const people = p.platform?.members.reduce((s, m) => s + (m.women ?? 0) + (m.men ?? 0) + (m.otherGender ?? 0), 0) ?? 0;
  return (
    <section aria-labelledby="state-engagement">
      <h2 id="state-engagement">{t('engagement.state.title')}</h2>
      <Table
        caption={t('engagement.state.meetings_caption')}
        rows={p.meetings}
        empty={t('engagement.state.no_meetings')}
        columns={[
          { header: t('engagement.state.col.date'), cell: (m) => <DateText value={m.startsAt} style="medium" /> },
          {
            header: t('engagement.state.col.meeting'),
            cell: (m) => (
              <a href={`/${locale}/meetings/${m.id}`}>
                <bdi>{textIn(m.title, locale)}</bdi>
              </a>
            ),
          },
          { header: t('engagement.state.col.kind'), cell: (m) => t(`engagement.paper.kind.${m.kind}`) },
          { header: t('engagement.state.col.status'), cell: (m) => <Tag tone={m.status === 'held' ? 'green' : m.status === 'cancelled' ? 'grey' : 'blue'}>{t(`engagement.state.meeting_status.${m.status}`)}</Tag> },
        ]}
      />
      <Table
        caption={t('engagement.state.actions_caption')}
        rows={p.actions}
        empty={t('engagement.state.no_actions')}
        columns={[
          { header: t('engagement.state.col.action'), cell: (a) => <span dir="auto">{a.text}</span> },
          { header: t('engagement.state.col.from'), cell: (a) => <a href={`/${locale}/meetings/${a.meetingId}`}><bdi>{textIn(a.meetingTitle, locale)}</bdi></a> },
          { header: t('engagement.state.col.due'), cell: (a) => <DateText value={a.dueDate} style="medium" /> },
          { header: t('engagement.state.col.status'), cell: (a) => t(`engagement.state.action_status.${a.status}`) },
        ]}
      />
      {p.approaches ? (
        <>
          <h3>{t('engagement.state.ia_title')}</h3>
          {p.approaches.length ? (
            <ul class="compact-list">
              {p.approaches.map((ia) => (
                <li key={ia.id}>
                  <a href={`/${locale}/individualised-approach/${ia.id}`}>{t('engagement.state.ia_item', { date: tr.formatDate(ia.interestOn, 'medium') })}</a> <Tag tone={ia.status === 'published' ? 'green' : 'blue'}>{t(`engagement.state.ia_status.${ia.status}`)}</Tag>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('engagement.state.ia_none')}</p>
          )}
        </>
      ) : null}
      {p.platform !== undefined ? (
        <>
          <h3>{t('engagement.state.platform_title')}</h3>
          {p.platform ? (
            <SummaryList
              rows={[
                { key: t('engagement.state.platform_exists'), value: t(`engagement.state.platform.${p.platform.row.exists}`) },
                { key: t('engagement.state.platform_last_met'), value: <DateText value={p.platform.row.lastMetOn} /> },
                { key: t('engagement.state.platform_members'), value: t('engagement.state.platform_balance', { organisations: tr.formatNumber(p.platform.members.length), women: tr.formatNumber(women), people: tr.formatNumber(people) }) },
              ]}
            />
          ) : (
            <p class="muted">{t('engagement.state.platform_none')}</p>
          )}
          <p>
            <a href={`/${locale}/national-platforms/${p.iso2.toLowerCase()}`}>{t('engagement.state.platform_link')}</a>
          </p>
        </>
      ) : null}
    </section>
  );
}

/** Contributes the Committee's engagement with the State to its internal page. */
export function provideStateEngagement(deps: AppDeps): void {
  deps.slots.provide('state-internal', async (req, { iso2 }) => {
    if (!canListMeetings(req.user) && !canFollowIndividualisedApproach(req.user)) return null;
    const db = deps.database.db;
    const visible = (await meetingsWithState(db, iso2)).filter((m) => canViewMeeting(req.user, m.facts)).map((m) => m.meeting);
    const ids = visible.map((m) => m.id);
    const actionRows = await db
      .select({ action: meetingActions, meetingTitle: meetings.title })
      .from(meetingActions)
      .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
      .where(and(inArray(meetingActions.status, ['open', 'in_progress']), inArray(meetingActions.kind, ['follow_up', 'commitment']), ids.length ? or(inArray(meetingActions.meetingId, ids), eq(meetingActions.stateIso2, iso2)) : eq(meetingActions.stateIso2, iso2)))
      .orderBy(asc(meetingActions.dueDate));
    // A commitment recorded at a meeting the reader may not read stays hidden with its meeting.
    const actions = actionRows.filter((r) => ids.includes(r.action.meetingId)).map((r) => ({ ...r.action, meetingTitle: r.meetingTitle }));
    const approaches = canFollowIndividualisedApproach(req.user) ? await db.select().from(individualisedApproaches).where(eq(individualisedApproaches.stateIso2, iso2)).orderBy(desc(individualisedApproaches.interestOn)) : undefined;
    let platform: SectionProps['platform'];
    if (canViewNationalPlatform(req.user, iso2)) {
      const [row] = await db.select().from(nationalPlatforms).where(eq(nationalPlatforms.stateIso2, iso2));
      platform = row ? { row, members: await db.select().from(nationalPlatformMembers).where(eq(nationalPlatformMembers.stateIso2, iso2)) } : null;
    }
    return <StateEngagementSection iso2={iso2} meetings={visible} actions={actions} approaches={approaches} platform={platform} />;
  });
}
