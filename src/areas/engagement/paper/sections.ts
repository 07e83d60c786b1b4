/**
 * The sections of a committee's paper on its activities and priorities, and the first draft of
 * their text written from the recorded facts in the language asked for. The editor then keeps and
 * changes each language's text; the draft can be written again from the facts at any time.
 */
import type { Translator } from '../../../platform/i18n/messages.ts';
import { intlTag } from '../../../platform/i18n/locales.ts';
import { localized } from '../../states/index.ts';
import { textIn } from '../texts.ts';
import type { PaperFacts, PaperItem, PaperMeeting } from './paper-facts.ts';

export const SECTION_IDS = ['introduction', 'activities', 'gender', 'individualised', 'priorities'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export type SectionTexts = Record<SectionId, string>;

/** Longest text of one section, in characters. */
export const SECTION_MAX = 30_000;

/** "A, B and C" in the language. */
export function listText(lang: string, items: string[]): string {
  return new Intl.ListFormat(intlTag(lang), { style: 'long', type: 'conjunction' }).format(items);
}

function counts(items: PaperItem[]) {
  return {
    total: items.length,
    done: items.filter((i) => i.status === 'done').length,
    inProgress: items.filter((i) => i.status === 'in_progress').length,
    planned: items.filter((i) => i.status === 'planned').length,
    dropped: items.filter((i) => i.status === 'dropped').length,
  };
}

/** A meeting's dates as the language writes them (one day, or a span). */
export function meetingDates(tr: Translator, m: Pick<PaperMeeting, 'startsAt' | 'endsAt'>): string {
  const a = m.startsAt.toISOString().slice(0, 10);
  const b = m.endsAt.toISOString().slice(0, 10);
  if (a === b) return tr.formatDate(a, 'long');
  return new Intl.DateTimeFormat(intlTag(tr.locale), { dateStyle: 'long', timeZone: 'UTC' }).formatRange(new Date(`${a}T12:00:00Z`), new Date(`${b}T12:00:00Z`));
}

/** The first draft of every section in `tr`'s language, from the facts. */
export function draftTexts(tr: Translator, f: PaperFacts): SectionTexts {
  const t = tr.t;
  const lang = tr.locale;
  const n = (x: number) => tr.formatNumber(x);
  const state = (iso2: string) => (f.stateNames.get(iso2) ? localized(f.stateNames.get(iso2)!, lang) : iso2);
  const committee = localized(f.committee.names, lang);
  const year = tr.formatNumber(f.year, { useGrouping: false });
  const paras = (list: string[]) => list.filter(Boolean).join('\n\n');

  const chair = f.members.find((m) => m.role === 'chair');
  const introduction = paras([
    f.members.length
      ? t('engagement.paper.draft.composition', { year, committee, members: listText(lang, f.members.map((m) => state(m.iso2))), chair: chair ? state(chair.iso2) : '', hasChair: chair ? 'yes' : 'no' })
      : t('engagement.paper.draft.composition_unknown', { year, committee }),
    t('engagement.paper.draft.purpose', { year }),
  ]);

  const held = f.meetings;
  const wp = counts(f.workPlan);
  const activities = paras([
    held.length ? t('engagement.paper.draft.meetings_intro', { count: held.length, n: n(held.length), year }) : t('engagement.paper.draft.meetings_none', { year }),
    ...held.map((m) => {
      const parts = [
        t('engagement.paper.draft.meeting', { date: meetingDates(tr, m), title: textIn(m.title, lang), kind: t(`engagement.paper.kind.${m.kind}`), presidency: m.withPresidency ? 'yes' : 'no' }),
        m.states.length ? t('engagement.paper.draft.meeting_states', { states: listText(lang, m.states.map(state)) }) : '',
        m.outcomes || m.followUps.total ? t('engagement.paper.draft.meeting_outcomes', { outcomes: m.outcomes, o: n(m.outcomes), actions: m.followUps.total, a: n(m.followUps.total), done: n(m.followUps.done) }) : '',
      ];
      return `– ${parts.filter(Boolean).join(' ')}`;
    }),
    wp.total ? t('engagement.paper.draft.work_plan', { total: wp.total, n: n(wp.total), done: n(wp.done), inProgress: n(wp.inProgress), planned: n(wp.planned), dropped: n(wp.dropped) }) : '',
  ]);

  const gp = counts(f.genderPlan);
  const withQuestions = held.filter((m) => m.genderQuestions?.trim());
  const gender = paras([
    gp.total ? t('engagement.paper.draft.gender_plan', { total: gp.total, n: n(gp.total), done: n(gp.done), inProgress: n(gp.inProgress), planned: n(gp.planned) }) : t('engagement.paper.draft.gender_plan_none', { year }),
    ...f.genderPlan.map((i) => `– ${t('engagement.paper.draft.item', { position: n(i.position), title: textIn(i.title, lang), status: t(`engagement.items.status.${i.status}`) })}`),
    withQuestions.length ? t('engagement.paper.draft.gender_questions', { count: withQuestions.length, n: n(withQuestions.length) }) : '',
    ...withQuestions.map((m) => `– ${t('engagement.paper.draft.gender_question', { date: meetingDates(tr, m), title: textIn(m.title, lang), questions: m.genderQuestions!.trim().replace(/\s*\n+\s*/g, ' ') })}`),
  ]);

  const individualised = paras([
    f.individualised.length ? t('engagement.paper.draft.ia_intro', { count: f.individualised.length, n: n(f.individualised.length), year }) : t('engagement.paper.draft.ia_none', { year }),
    ...f.individualised.map((ia) => {
      const bits = [t('engagement.paper.draft.ia_interest', { state: state(ia.stateIso2), date: tr.formatDate(ia.interestOn, 'long'), event: ia.intendedEvent ?? '', hasEvent: ia.intendedEvent ? 'yes' : 'no' })];
      if (ia.meetingOn) bits.push(t('engagement.paper.draft.ia_meeting', { date: tr.formatDate(ia.meetingOn, 'long') }));
      if (ia.publishedAt) bits.push(t('engagement.paper.draft.ia_published', { date: tr.formatDate(ia.publishedAt, 'long') }));
      return `– ${bits.join(' ')}`;
    }),
  ]);

  const open = [...f.workPlan, ...f.genderPlan].filter((i) => i.status === 'planned' || i.status === 'in_progress');
  const nextYear = tr.formatNumber(f.year + 1, { useGrouping: false });
  const priorities = paras([
    f.nextYearPlan.length ? t('engagement.paper.draft.next_plan', { year: nextYear, count: f.nextYearPlan.length, n: n(f.nextYearPlan.length) }) : t('engagement.paper.draft.next_plan_none', { year: nextYear }),
    ...f.nextYearPlan.map((i) => `– ${textIn(i.title, lang)}`),
    open.length ? t('engagement.paper.draft.carried_over', { count: open.length, n: n(open.length) }) : '',
    ...open.map((i) => `– ${textIn(i.title, lang)}`),
  ]);

  return { introduction, activities, gender, individualised, priorities };
}

/** The texts of a language: those saved, or the draft written from the facts when none are. */
export function textsFor(content: Partial<Record<string, Record<string, string>>>, tr: Translator, facts: PaperFacts): { texts: SectionTexts; saved: boolean } {
  const saved = content[tr.locale];
  if (!saved) return { texts: draftTexts(tr, facts), saved: false };
  const texts = {} as SectionTexts;
  for (const s of SECTION_IDS) texts[s] = typeof saved[s] === 'string' ? saved[s] : '';
  return { texts, saved: true };
}
