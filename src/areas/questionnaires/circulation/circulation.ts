/**
 * Pure rules of circulation: the dates a questionnaire is answered between, how long personal links
 * live, when a reminder is due, what a pasted list of people means, and the tracking status of an
 * invitation. No database, HTTP or view code here.
 *
 * Dates are calendar days typed in date inputs (`YYYY-MM-DD`, UTC). The opening day opens at 00:00
 * UTC; the closing day is the LAST day answers are accepted, so the stored `closesAt` (exclusive)
 * is 00:00 UTC of the day after.
 */
import { LOCALES, isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { AUDIENCES, type Audience } from '../schema.ts';
import { contentProblems, translationStatus, type ContentProblem, type QuestionnaireContent, type Texts } from '../content.ts';

export const DAY_MS = 86_400_000;
/** Links keep working this long after the closing date, so people can still read what they sent. */
export const LINK_GRACE_DAYS = 60;
/** Without a closing date, links live this long from their issue. */
export const LINK_DAYS_WITHOUT_CLOSING = 365;
export const REMINDER_MIN_DAYS = 1;
export const REMINDER_MAX_DAYS = 90;
/** Lines accepted in one pasted list. */
export const MAX_PASTED_LINES = 500;
export const MAX_NAME = 200;
export const MAX_EMAIL = 320;
export const MAX_ORGANISATION = 200;

export type IsoDay = string;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A typed calendar day (any digits), or undefined when it is not a real date (or not between 2000 and 2999). */
export function parseDay(raw: string): IsoDay | undefined {
  const s = normaliseDigits(raw).trim();
  if (!ISO_DAY.test(s) || s < '2000' || s >= '3000') return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return undefined;
  return s;
}

export function isoDay(d: Date): IsoDay {
  return d.toISOString().slice(0, 10);
}

/** 00:00 UTC of a day. */
export function startOfDay(day: IsoDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The stored (exclusive) end of answering for a last day. */
export function closesAtFor(lastDay: IsoDay): Date {
  return new Date(startOfDay(lastDay).getTime() + DAY_MS);
}

/** The last day answers are accepted, for a stored closesAt. */
export function lastDayOf(closesAt: Date): IsoDay {
  return isoDay(new Date(closesAt.getTime() - 1));
}

export type SettingsProblem = { field: 'opensOn' | 'closesOn'; code: 'closes_in_past' | 'dates_order' };

/** What is wrong with an opening and a closing day, or nothing. */
export function datesProblems(d: { opensOn?: IsoDay | undefined; closesOn?: IsoDay | undefined }, today: IsoDay): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (d.closesOn && d.closesOn < today) out.push({ field: 'closesOn', code: 'closes_in_past' });
  if (d.opensOn && d.closesOn && d.closesOn < d.opensOn) out.push({ field: 'closesOn', code: 'dates_order' });
  return out;
}

/** When personal links stop working: some time after the closing date, so respondents can still read what they sent. */
export function linkExpiry(closesAt: Date | null, now: Date): Date {
  if (closesAt) return new Date(Math.max(closesAt.getTime(), now.getTime()) + LINK_GRACE_DAYS * DAY_MS);
  return new Date(now.getTime() + LINK_DAYS_WITHOUT_CLOSING * DAY_MS);
}

/** The facts of an invitation the reminder rule looks at. */
export interface ReminderFacts {
  sentAt: Date | null;
  lastRemindedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** Whether `everyDays` have passed since the invitation was sent or last reminded, and its link still works. */
export function reminderDue(inv: ReminderFacts, everyDays: number | null, now: Date): boolean {
  if (!everyDays || !inv.sentAt || inv.revokedAt || now >= inv.expiresAt) return false;
  const since = inv.lastRemindedAt ?? inv.sentAt;
  return now.getTime() - since.getTime() >= everyDays * DAY_MS;
}

/** The outbox key of reminder number `n` of an invitation: queued once, whatever runs it. */
export function reminderDedupeKey(invitationId: string, n: number): string {
  return `questionnaire-reminder:${invitationId}:${n}`;
}

/** The outbox key of the invitation e-mail for one link of an invitation. */
export function invitationDedupeKey(invitationId: string, linkNonce: string): string {
  return `questionnaire-invitation:${invitationId}:${linkNonce}`;
}

const EMAIL = /^[^\s@;,<>"()[\]\\]+@[^\s@;,<>"()[\]\\]+\.[^\s@;,<>"()[\]\\]{2,}$/;

export function isEmail(s: string): boolean {
  return s.length <= MAX_EMAIL && EMAIL.test(s);
}

/** One person read from a pasted line. */
export interface PastedPerson {
  line: number;
  name: string;
  email: string;
  stateIso2: string | null;
  locale: Locale;
}

export interface PastedProblem {
  line: number;
  /** Message key of the circulation catalogue. */
  code: string;
  values?: Record<string, string | number>;
}

/**
 * A pasted list, one person per line: `name; e-mail; ISO2 or empty; language` (tabs or commas
 * also separate, as spreadsheets paste them). Empty lines are skipped. The language may be left
 * empty: the State's reporting language, else English. All-or-nothing: the caller stores nothing
 * when any line has a problem.
 */
export function parsePastedList(
  text: string,
  ctx: { stateLanguage: (iso2: string) => Locale | undefined; alreadyInvited: (emailLower: string) => boolean },
): { people: PastedPerson[]; problems: PastedProblem[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const people: PastedPerson[] = [];
  const problems: PastedProblem[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    count++;
    if (count > MAX_PASTED_LINES) {
      if (count === MAX_PASTED_LINES + 1) problems.push({ line, code: 'questionnaires.circulation.paste.too_many', values: { max: MAX_PASTED_LINES } });
      return;
    }
    const sep = raw.includes(';') ? ';' : raw.includes('\t') ? '\t' : ',';
    const parts = raw.split(sep).map((p) => p.trim());
    if (parts.length < 2 || parts.length > 4) {
      problems.push({ line, code: 'questionnaires.circulation.paste.columns' });
      return;
    }
    const [name = '', email = '', iso = '', lang = ''] = parts;
    let bad = false;
    if (!name) {
      problems.push({ line, code: 'questionnaires.circulation.paste.name_missing' });
      bad = true;
    } else if (name.length > MAX_NAME) {
      problems.push({ line, code: 'questionnaires.circulation.paste.name_long', values: { max: MAX_NAME } });
      bad = true;
    }
    const emailLower = email.toLowerCase();
    if (!isEmail(email)) {
      problems.push({ line, code: 'questionnaires.circulation.paste.email_invalid', values: { email: email.slice(0, 80) } });
      bad = true;
    } else if (seen.has(emailLower)) {
      problems.push({ line, code: 'questionnaires.circulation.paste.email_repeated', values: { email, first: seen.get(emailLower)! } });
      bad = true;
    } else if (ctx.alreadyInvited(emailLower)) {
      problems.push({ line, code: 'questionnaires.circulation.paste.email_invited', values: { email } });
      bad = true;
    }
    if (isEmail(email) && !seen.has(emailLower)) seen.set(emailLower, line);
    const iso2 = iso.toUpperCase();
    let stateLocale: Locale | undefined;
    if (iso2) {
      stateLocale = /^[A-Z]{2}$/.test(iso2) ? ctx.stateLanguage(iso2) : undefined;
      if (!stateLocale) {
        problems.push({ line, code: 'questionnaires.circulation.paste.state_unknown', values: { code: iso.slice(0, 10) } });
        bad = true;
      }
    }
    const l = lang.toLowerCase();
    if (l && !isLocale(l)) {
      problems.push({ line, code: 'questionnaires.circulation.paste.language_unknown', values: { code: lang.slice(0, 10), codes: LOCALES.join(', ') } });
      bad = true;
    }
    if (!bad) people.push({ line, name, email, stateIso2: iso2 || null, locale: (l as Locale) || stateLocale || 'en' });
  });
  if (count === 0) problems.push({ line: 0, code: 'questionnaires.circulation.paste.empty' });
  return { people, problems };
}

export const TRACKING_STATUSES = ['not_started', 'in_progress', 'submitted'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** Where the response an invitee answers stands. */
export function trackingStatus(response: { status: string } | undefined): TrackingStatus {
  if (!response) return 'not_started';
  return response.status === 'submitted' ? 'submitted' : 'in_progress';
}

export function isAudience(v: unknown): v is Audience {
  return typeof v === 'string' && (AUDIENCES as readonly string[]).includes(v);
}

/** Counts per audience on the tracking page (each invitation once). */
export interface AudienceCounts {
  audience: Audience;
  invited: number;
  started: number;
  submitted: number;
}

export function countByAudience(rows: { audience: Audience; status: TrackingStatus; revoked: boolean }[]): AudienceCounts[] {
  return AUDIENCES.map((audience) => {
    const mine = rows.filter((r) => r.audience === audience && !r.revoked);
    return {
      audience,
      invited: mine.length,
      started: mine.filter((r) => r.status !== 'not_started').length,
      submitted: mine.filter((r) => r.status === 'submitted').length,
    };
  }).filter((c) => c.invited > 0);
}

/** What stops a version from being circulated, and the languages still incomplete (a warning). */
export interface Readiness {
  /** Message keys (with values) of what must be fixed first. */
  blocking: { code: string; values?: Record<string, string | number> }[];
  problems: ContentProblem[];
  /** Other languages with texts missing: circulating is allowed after confirming. */
  incomplete: { locale: Locale; missing: number; total: number }[];
}

export function readiness(content: QuestionnaireContent, head: { title: Texts; description: Texts; sourceLocale: string }): Readiness {
  const blocking: Readiness['blocking'] = [];
  const questions = content.sections.reduce((n, s) => n + s.questions.length, 0);
  if (questions === 0) blocking.push({ code: 'questionnaires.circulation.ready.no_question' });
  const problems = contentProblems(content);
  if (problems.length) blocking.push({ code: 'questionnaires.circulation.ready.problems', values: { count: problems.length } });
  const status = translationStatus(content, head);
  const source = status.find((s) => s.locale === head.sourceLocale);
  if (source && source.missing.length) blocking.push({ code: 'questionnaires.circulation.ready.source_incomplete', values: { count: source.missing.length, language: head.sourceLocale } });
  const incomplete = status.filter((s) => s.locale !== head.sourceLocale && s.missing.length > 0).map((s) => ({ locale: s.locale, missing: s.missing.length, total: s.total }));
  return { blocking, problems, incomplete };
}
