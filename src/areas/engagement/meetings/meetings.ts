/**
 * Meetings as the Committee records them: times written in the venue's time zone, kept as instants;
 * whole-day meetings; the month a calendar page shows; what a meeting must have before it counts as
 * held. Pure rules, no database or HTTP.
 */

/** Whether `tz` is an IANA time zone this runtime knows (checked with Intl). */
export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a time zone name ("europe/zurich" → "Europe/Zurich"). */
export function canonicalTimeZone(tz: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsCache.set(tz, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a time zone. */
export function wallClock(instant: Date, tz: string): { date: string; time: string; y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const p = Object.fromEntries(partsFormat(tz).formatToParts(instant).map((x) => [x.type, x.value])) as Record<string, string>;
  const y = Number(p.year);
  const m = Number(p.month);
  const d = Number(p.day);
  const hh = Number(p.hour) % 24;
  const mm = Number(p.minute);
  const ss = Number(p.second);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return { date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, time: `${pad(hh)}:${pad(mm)}`, y, m, d, hh, mm, ss };
}

/** The offset of a time zone from UTC at an instant, in minutes (Zurich in summer: 120). */
export function offsetMinutes(instant: Date, tz: string): number {
  const w = wallClock(instant, tz);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export function isClockTime(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

/**
 * The instant at which the clocks of `tz` show `date` `time`. A time skipped by a change to summer
 * time is read as the same time of the offset before the change (02:30 → 03:30); a time that occurs
 * twice is read as its first occurrence.
 */
export function zonedToUtc(date: string, time: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const before = offsetMinutes(new Date(naive - 36 * 3600_000), tz);
  const after = offsetMinutes(new Date(naive + 36 * 3600_000), tz);
  // Try the larger offset first (the earlier instant): the first occurrence of a repeated time.
  for (const off of [...new Set([Math.max(before, after), Math.min(before, after)])]) {
    const candidate = new Date(naive - off * 60_000);
    if (offsetMinutes(candidate, tz) === off) return candidate;
  }
  return new Date(naive - before * 60_000);
}

/** The day after an ISO date. */
export function nextDay(date: string, days = 1): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface MeetingTimesInput {
  allDay: boolean;
  startDate: string;
  startTime?: string | undefined;
  endDate?: string | undefined;
  endTime?: string | undefined;
  timeZone: string;
}

export type TimesProblem = { field: 'start_date' | 'start_time' | 'end_date' | 'end_time' | 'time_zone'; code: string };

/**
 * Reads a meeting's times as typed: a whole-day meeting from its first to its last day (kept as the
 * local midnights of those days), otherwise a start and an end time in the venue's time zone. The
 * end defaults to the start day; dates in the wrong order are refused.
 */
export function meetingTimes(input: MeetingTimesInput): { startsAt: Date; endsAt: Date } | { problems: TimesProblem[] } {
  const problems: TimesProblem[] = [];
  if (!isTimeZone(input.timeZone)) problems.push({ field: 'time_zone', code: 'engagement.meetings.time_zone_invalid' });
  if (!isIsoDate(input.startDate)) problems.push({ field: 'start_date', code: 'engagement.meetings.date_invalid' });
  const endDate = input.endDate || input.startDate;
  if (input.endDate && !isIsoDate(input.endDate)) problems.push({ field: 'end_date', code: 'engagement.meetings.date_invalid' });
  if (!input.allDay) {
    if (!input.startTime || !isClockTime(input.startTime)) problems.push({ field: 'start_time', code: 'engagement.meetings.time_invalid' });
    if (!input.endTime || !isClockTime(input.endTime)) problems.push({ field: 'end_time', code: 'engagement.meetings.time_invalid' });
  }
  if (problems.length) return { problems };
  const tz = canonicalTimeZone(input.timeZone);
  if (input.allDay) {
    if (endDate < input.startDate) return { problems: [{ field: 'end_date', code: 'engagement.meetings.dates_order' }] };
    return { startsAt: zonedToUtc(input.startDate, '00:00', tz), endsAt: zonedToUtc(endDate, '00:00', tz) };
  }
  const startsAt = zonedToUtc(input.startDate, input.startTime!, tz);
  const endsAt = zonedToUtc(endDate, input.endTime!, tz);
  if (endsAt.getTime() < startsAt.getTime()) return { problems: [{ field: endDate < input.startDate ? 'end_date' : 'end_time', code: 'engagement.meetings.dates_order' }] };
  return { startsAt, endsAt };
}

/** The days (ISO dates, venue time) a meeting covers. */
export function meetingDays(m: { startsAt: Date; endsAt: Date; allDay: boolean; timeZone: string }): string[] {
  const first = wallClock(m.startsAt, m.timeZone).date;
  let last = wallClock(m.endsAt, m.timeZone).date;
  // A timed meeting ending exactly at midnight does not take up the next day.
  if (!m.allDay && last > first && wallClock(m.endsAt, m.timeZone).time === '00:00') last = nextDay(last, -1);
  const out: string[] = [];
  for (let d = first; d <= last && out.length < 366; d = nextDay(d)) out.push(d);
  return out;
}

/** A month as YYYY-MM, with its first day, the first day of the next month and its neighbours. */
export function monthOf(text: string | undefined, today: string): { month: string; from: string; to: string; prev: string; next: string } {
  const month = text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) && Number(text.slice(0, 4)) >= 1999 && Number(text.slice(0, 4)) <= 2100 ? text : today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const fmt = (yy: number, mm: number) => `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}`;
  const prev = m === 1 ? fmt(y - 1, 12) : fmt(y, m - 1);
  const next = m === 12 ? fmt(y + 1, 1) : fmt(y, m + 1);
  return { month, from: `${month}-01`, to: `${next}-01`, prev, next };
}

/** Why a meeting cannot be marked held (a message key), if it cannot. */
export function heldProblem(m: { participants: number }): string | undefined {
  return m.participants === 0 ? 'engagement.meetings.held_without_participants' : undefined;
}

/** A follow-up action still to be done whose due date has passed. */
export function isActionOverdue(a: { kind: string; status: string; dueDate: string | null }, today: string): boolean {
  return a.kind !== 'outcome' && (a.status === 'open' || a.status === 'in_progress') && a.dueDate !== null && a.dueDate < today;
}
