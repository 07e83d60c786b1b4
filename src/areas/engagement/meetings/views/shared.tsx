/** Pieces shared by the meeting pages: when a meeting takes place (in the venue's time zone), its tags, breadcrumbs. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Tag } from '../../../../platform/views/components.tsx';
import { intlTag } from '../../../../platform/i18n/locales.ts';
import { langOf, textIn } from '../../texts.ts';
import type { Texts } from '../../schema.ts';
import type { MeetingRow } from '../meetings-repository.ts';

const STATUS_TONE = { planned: 'blue', held: 'green', cancelled: 'grey' } as const;
const CONF_TONE = { public: 'green', platform: 'blue', committee: 'yellow', participants: 'red' } as const;
const ACTION_TONE = { open: 'blue', in_progress: 'yellow', done: 'green', dropped: 'grey' } as const;

export function MeetingStatusTag({ status }: { status: MeetingRow['status'] }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`engagement.meetings.status.${status}`)}</Tag>;
}

export function ConfidentialityTag({ level }: { level: MeetingRow['confidentiality'] }) {
  const { t } = usePage();
  return <Tag tone={CONF_TONE[level]}>{t(`engagement.meetings.confidentiality.${level}`)}</Tag>;
}

export function ActionStatusTag({ status }: { status: keyof typeof ACTION_TONE }) {
  const { t } = usePage();
  return <Tag tone={ACTION_TONE[status]}>{t(`engagement.meetings.action_status.${status}`)}</Tag>;
}

/** Text written by users, with the language it is in. */
export function Written({ texts }: { texts: Texts }) {
  const { locale } = usePage();
  return (
    <span lang={langOf(texts, locale)} dir="auto">
      {textIn(texts, locale)}
    </span>
  );
}

/** When a meeting takes place, in the reader's language and the venue's time zone. */
export function whenText(locale: string, m: Pick<MeetingRow, 'startsAt' | 'endsAt' | 'allDay' | 'timeZone'>, style: 'long' | 'medium' = 'long'): string {
  const tag = intlTag(locale);
  if (m.allDay) {
    const f = new Intl.DateTimeFormat(tag, { dateStyle: style, timeZone: m.timeZone });
    return m.startsAt.getTime() === m.endsAt.getTime() ? f.format(m.startsAt) : f.formatRange(m.startsAt, m.endsAt);
  }
  const f = new Intl.DateTimeFormat(tag, { dateStyle: style, timeStyle: 'short', timeZone: m.timeZone });
  return `${f.formatRange(m.startsAt, m.endsAt)} (${m.timeZone})`;
}

export function When({ meeting, style = 'long' }: { meeting: Pick<MeetingRow, 'startsAt' | 'endsAt' | 'allDay' | 'timeZone'>; style?: 'long' | 'medium' }) {
  const { locale } = usePage();
  return <time datetime={meeting.startsAt.toISOString()}>{whenText(locale, meeting, style)}</time>;
}

export function crumbs(locale: string, t: (k: string) => string, rest: { href?: string; label: ComponentChildren }[] = []) {
  return [{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, { href: `/${locale}/meetings`, label: t('engagement.meetings.list_title') }, ...rest];
}

/** The owner of an action: a platform user (marked when disabled since), a label, or nobody. */
export function Owner({ a }: { a: { ownerName: string | null; ownerLabel: string | null; ownerDisabled: boolean } }) {
  const { t } = usePage();
  if (!a.ownerName && !a.ownerLabel) return <span class="muted">{t('engagement.meetings.no_owner')}</span>;
  return (
    <>
      {a.ownerName ? <bdi>{a.ownerName}</bdi> : null}
      {a.ownerName && a.ownerDisabled ? (
        <>
          {' '}
          <Tag tone="red">{t('engagement.meetings.owner_inactive_tag')}</Tag>
        </>
      ) : null}
      {a.ownerName && a.ownerLabel ? ' · ' : null}
      {a.ownerLabel ? <bdi>{a.ownerLabel}</bdi> : null}
    </>
  );
}
