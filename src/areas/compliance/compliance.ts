/**
 * Reporting compliance under Article 7: pure rules, no database, HTTP or view code.
 *
 * The rules (the same on every page, export and reminder):
 *  - **Who is counted for year Y**: a State counts for the annual report covering calendar year Y
 *    when it is a State Party on that report's due date, 30 April Y+1 (`isPartyOn`: from its entry
 *    into force until its withdrawal takes effect), and the report is one of its obligations
 *    (`obligationsOf` of the reporting area: the first annual report owed is the first whose due
 *    date falls after the initial report's). A State whose withdrawal took effect before the due
 *    date is not counted ("not a party on the due date"); a State that notified a suspension
 *    (Ukraine, July 2025) or a withdrawal not yet in effect is still a party and still counted.
 *  - **On time**: the report's *first* submission (version 1 in report_versions; later versions are
 *    corrections) was made at or before the end of the due date in UTC, i.e. before 00:00 UTC on
 *    1 May Y+1. A report submitted on 30 April at 23:59:59 UTC is on time.
 *  - **Late by N days**: N is the number of calendar days (UTC) from the due date to the day of the
 *    first submission: submitted on 1 May → 1 day late; 14 June → 45 days late.
 *  - **Not submitted**: no submission yet and the due date has passed; **not yet due** before that.
 *  - **Initial reports** are due 180 days after entry into force. The page for year Y lists the
 *    initial reports that fall due in Y's reporting cycle: from 1 May Y to 30 April Y+1 (the annual
 *    report for Y closes the cycle); owed while not yet due, overdue after.
 *  - Rates are over the States counted: on time ÷ counted, submitted (on time or late) ÷ counted.
 */
import { annualObligation, initialObligation, obligationsOf, type Obligation } from '../reporting/index.ts';
import { isPartyOn, membershipStatus, type IsoDate, type MembershipDates, type MembershipStatus } from '../states/index.ts';

export const COMPLIANCE_STATUSES = ['on_time', 'late', 'not_submitted', 'pending', 'not_required', 'not_party'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** The map's categories: the statuses, with "no report owed" (not required, not a party) as one. */
export const MAP_CATEGORIES = ['on_time', 'late', 'not_submitted', 'pending', 'none'] as const;
export type MapCategory = (typeof MAP_CATEGORIES)[number];

export function mapCategory(status: ComplianceStatus): MapCategory {
  return status === 'not_required' || status === 'not_party' ? 'none' : status;
}

/** Statuses of a report that is owed (the State is counted for it). */
export function isCounted(status: ComplianceStatus): boolean {
  return status !== 'not_required' && status !== 'not_party';
}

const DAY_MS = 86_400_000;

function utcDay(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** The first instant after the due date (00:00 UTC the next day): a submission before it is on time. */
export function endOfDueDate(dueDate: IsoDate): Date {
  return new Date(utcDay(dueDate) + DAY_MS);
}

export function isOnTime(dueDate: IsoDate, submittedAt: Date): boolean {
  return submittedAt.getTime() < endOfDueDate(dueDate).getTime();
}

/** Calendar days (UTC) from the due date to the day of submission; 0 when on time. */
export function daysLate(dueDate: IsoDate, submittedAt: Date): number {
  if (isOnTime(dueDate, submittedAt)) return 0;
  const day = Date.UTC(submittedAt.getUTCFullYear(), submittedAt.getUTCMonth(), submittedAt.getUTCDate());
  return Math.round((day - utcDay(dueDate)) / DAY_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcDay(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** The reporting cycle of year Y, in which initial reports are listed: 1 May Y – 30 April Y+1. */
export function reportingCycle(year: number): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-05-01`, to: annualObligation(year).dueDate };
}

/** The reporting year whose cycle contains a due date. */
export function cycleYearOf(dueDate: IsoDate): number {
  const y = Number(dueDate.slice(0, 4));
  return dueDate.slice(5) >= '05-01' ? y : y - 1;
}

export interface StatusInput {
  dueDate: IsoDate;
  /** The first submission (version 1), if any. */
  firstSubmittedAt: Date | null;
  today: IsoDate;
}

/** On time, late, not submitted or not yet due, for a report that is owed. */
export function owedStatus(i: StatusInput): Extract<ComplianceStatus, 'on_time' | 'late' | 'not_submitted' | 'pending'> {
  if (i.firstSubmittedAt) return isOnTime(i.dueDate, i.firstSubmittedAt) ? 'on_time' : 'late';
  return i.today <= i.dueDate ? 'pending' : 'not_submitted';
}

/** What compliance needs to know about a State. */
export interface StateFacts extends MembershipDates {
  iso2: string;
}

/** What compliance needs to know about one report (read through the reporting area). */
export interface ReportFacts {
  id: string;
  stateIso2: string;
  kind: 'initial' | 'annual';
  year: number;
  status: string;
  visibility: 'public' | 'restricted';
  currentVersionNo: number;
  publishedVersionNo: number | null;
  createdAt: Date;
  /** When version 1 was submitted; null while never submitted. */
  firstSubmittedAt: Date | null;
}

export interface ObligationRow {
  iso2: string;
  kind: 'initial' | 'annual';
  /** Annual: the year covered; initial: the year of entry into force. */
  year: number;
  dueDate: IsoDate;
  status: ComplianceStatus;
  /** Membership on the due date (e.g. suspension notified, withdrawing). */
  membership: MembershipStatus;
  firstSubmittedAt: Date | null;
  daysLate: number;
  report: ReportFacts | undefined;
}

function reportIndex(reports: readonly ReportFacts[]): Map<string, ReportFacts> {
  const m = new Map<string, ReportFacts>();
  for (const r of reports) m.set(r.kind === 'initial' ? `${r.stateIso2}:initial` : `${r.stateIso2}:annual:${r.year}`, r);
  return m;
}

export class ReportLookup {
  private readonly byKey: Map<string, ReportFacts>;
  constructor(reports: readonly ReportFacts[]) {
    this.byKey = reportIndex(reports);
  }
  annual(iso2: string, year: number): ReportFacts | undefined {
    return this.byKey.get(`${iso2}:annual:${year}`);
  }
  initial(iso2: string): ReportFacts | undefined {
    return this.byKey.get(`${iso2}:initial`);
  }
}

function row(state: StateFacts, o: Obligation, status: ComplianceStatus, report: ReportFacts | undefined): ObligationRow {
  const first = report?.firstSubmittedAt ?? null;
  return {
    iso2: state.iso2,
    kind: o.kind,
    year: o.year,
    dueDate: o.dueDate,
    status,
    membership: membershipStatus(state, o.dueDate),
    firstSubmittedAt: first,
    daysLate: first ? daysLate(o.dueDate, first) : 0,
    report,
  };
}

/** Where one State stands for the annual report covering `year`. */
export function annualRow(state: StateFacts, year: number, lookup: ReportLookup, today: IsoDate): ObligationRow {
  const o = annualObligation(year);
  const report = lookup.annual(state.iso2, year);
  if (!isPartyOn(state, o.dueDate)) return row(state, o, 'not_party', report);
  const owed = obligationsOf({ eifDate: state.eifDate, withdrawalEffectiveDate: state.withdrawalEffectiveDate }, year).some((x) => x.kind === 'annual' && x.year === year);
  if (!owed) return row(state, o, 'not_required', report);
  return row(state, o, owedStatus({ dueDate: o.dueDate, firstSubmittedAt: report?.firstSubmittedAt ?? null, today }), report);
}

/** Where one State stands for its initial report. */
export function initialRow(state: StateFacts, lookup: ReportLookup, today: IsoDate): ObligationRow {
  const o = initialObligation({ eifDate: state.eifDate });
  const report = lookup.initial(state.iso2);
  if (!isPartyOn(state, o.dueDate)) return row(state, o, 'not_party', report);
  return row(state, o, owedStatus({ dueDate: o.dueDate, firstSubmittedAt: report?.firstSubmittedAt ?? null, today }), report);
}

/** The initial reports falling due in year Y's reporting cycle (see reportingCycle). */
export function initialRowsOfCycle(states: readonly StateFacts[], year: number, lookup: ReportLookup, today: IsoDate): ObligationRow[] {
  const { from, to } = reportingCycle(year);
  return states
    .map((s) => initialRow(s, lookup, today))
    .filter((r) => r.dueDate >= from && r.dueDate <= to && r.status !== 'not_party')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.iso2 < b.iso2 ? -1 : 1));
}

export interface Summary {
  year: number;
  /** States counted (parties on the due date that owe the report). */
  counted: number;
  onTime: number;
  late: number;
  notSubmitted: number;
  pending: number;
  /** On time ÷ counted, submitted ÷ counted (0 when nobody is counted). */
  onTimeRate: number;
  submittedRate: number;
  /** Mean days late of the late reports (0 when none). */
  meanDaysLate: number;
}

export function summarise(year: number, rows: readonly ObligationRow[]): Summary {
  let onTime = 0;
  let late = 0;
  let notSubmitted = 0;
  let pending = 0;
  let lateDays = 0;
  for (const r of rows) {
    if (r.status === 'on_time') onTime++;
    else if (r.status === 'late') {
      late++;
      lateDays += r.daysLate;
    } else if (r.status === 'not_submitted') notSubmitted++;
    else if (r.status === 'pending') pending++;
  }
  const counted = onTime + late + notSubmitted + pending;
  return {
    year,
    counted,
    onTime,
    late,
    notSubmitted,
    pending,
    onTimeRate: counted ? onTime / counted : 0,
    submittedRate: counted ? (onTime + late) / counted : 0,
    meanDaysLate: late ? lateDays / late : 0,
  };
}

/** The reporting year whose reports fall due this calendar year (the default year of the pages). */
export function currentReportingYear(today: IsoDate): number {
  return Number(today.slice(0, 4)) - 1;
}

/**
 * The years the pages offer: from the earliest year any annual report on the platform covers (the
 * platform's records start there; earlier years would show every State as not submitted) up to the
 * current calendar year, whose reports are not yet due.
 */
export function yearRange(earliestReportYear: number | null, today: IsoDate): { first: number; last: number } {
  const current = currentReportingYear(today);
  const last = current + 1;
  const first = Math.min(earliestReportYear ?? current, current);
  return { first: Math.max(first, 1999), last };
}

/* ------------------------------------------------------------------------------------------ */
/* Reminders                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** Reminder offsets are whole days from the due date, within a year either side. */
export const MIN_OFFSET = -365;
export const MAX_OFFSET = 365;
/** Default schedule: 60, 30 and 7 days before the due date, 7 days after. */
export const DEFAULT_OFFSETS = [-60, -30, -7, 7] as const;
/**
 * A reminder whose day passed while no instance ran the task is still sent ("caught up") if its day
 * is at most this many days ago. Older ones are dropped (a rule added today does not write about
 * reports that fell due long ago).
 */
export const CATCH_UP_DAYS = 30;

/**
 * Which reminder of the schedule is due today for an obligation not yet submitted, if any:
 * the latest offset whose day has come (due date + offset ≤ today) and is no more than
 * CATCH_UP_DAYS ago; a reminder before the due date (negative offset) only while the due date has
 * not passed. When several are due after a pause, only the latest is sent: the earlier ones are
 * superseded and never sent afterwards (the latest applicable offset only moves forward).
 */
export function dueReminderOffset(offsets: readonly number[], dueDate: IsoDate, today: IsoDate): number | undefined {
  let best: number | undefined;
  for (const offset of offsets) {
    const day = addDays(dueDate, offset);
    if (day > today) continue;
    if (daysBetween(day, today) > CATCH_UP_DAYS) continue;
    if (offset < 0 && today > dueDate) continue;
    if (best === undefined || offset > best) best = offset;
  }
  return best;
}

/**
 * The outbox dedupe key of one reminder: one message per State, obligation, step of the schedule
 * and recipient, ever — so it is queued once however many times and instances evaluate it.
 * The recipient is identified by their e-mail address (lower case).
 */
export function reminderDedupeKey(r: { iso2: string; kind: 'initial' | 'annual'; year: number; offset: number; recipient: string }): string {
  return `reminder:${r.iso2}:${r.kind}:${r.year}:${r.offset}:${r.recipient.toLowerCase()}`;
}

/** The prefix of the dedupe keys of one obligation's reminders (for counting them). */
export function reminderKeyPrefix(iso2: string, kind: 'initial' | 'annual', year: number): string {
  return `reminder:${iso2}:${kind}:${year}:`;
}

export interface DueReminder {
  iso2: string;
  kind: 'initial' | 'annual';
  year: number;
  dueDate: IsoDate;
  offset: number;
}

/**
 * Every reminder due today: for each State that is a party today and on the due date, each of its
 * obligations (initial report, annual reports) not yet submitted, the offset due (see
 * dueReminderOffset).
 */
export function dueReminders(states: readonly StateFacts[], lookup: ReportLookup, offsets: readonly number[], today: IsoDate): DueReminder[] {
  if (!offsets.length) return [];
  const out: DueReminder[] = [];
  const thisYear = Number(today.slice(0, 4));
  for (const s of states) {
    if (!isPartyOn(s, today)) continue;
    for (const o of obligationsOf({ eifDate: s.eifDate, withdrawalEffectiveDate: s.withdrawalEffectiveDate }, thisYear)) {
      if (!isPartyOn(s, o.dueDate)) continue;
      // Only obligations whose reminders can still fall on a day within reach.
      if (daysBetween(o.dueDate, today) > MAX_OFFSET + CATCH_UP_DAYS || daysBetween(today, o.dueDate) > -MIN_OFFSET) continue;
      const report = o.kind === 'initial' ? lookup.initial(s.iso2) : lookup.annual(s.iso2, o.year);
      if (report?.firstSubmittedAt) continue;
      const offset = dueReminderOffset(offsets, o.dueDate, today);
      if (offset !== undefined) out.push({ iso2: s.iso2, kind: o.kind, year: o.year, dueDate: o.dueDate, offset });
    }
  }
  return out;
}
