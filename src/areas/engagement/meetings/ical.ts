/**
 * iCalendar (RFC 5545) writing, as pure functions: text escaping, line folding at 75 octets
 * without cutting a UTF-8 character, date and date-time values, the VTIMEZONE of a venue's time zone
 * (its offsets and changes, read from Intl) and a VCALENDAR of events. Lines end with CRLF.
 */
import { offsetMinutes, wallClock, nextDay } from './meetings.ts';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Folds one content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A UTC date-time value: 20230616T080000Z. */
export function utcValue(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** A local date-time value of a time zone: 20230616T100000. */
export function localValue(d: Date, tz: string): string {
  const w = wallClock(d, tz);
  return `${pad(w.y, 4)}${pad(w.m)}${pad(w.d)}T${pad(w.hh)}${pad(w.mm)}${pad(w.ss)}`;
}

/** A DATE value from an ISO date: 20230616. */
export function dateValue(iso: string): string {
  return iso.replace(/-/g, '');
}

function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
}

/** The instants in [from, to) at which a time zone's offset changes, to the minute. */
export function offsetChanges(tz: string, from: Date, to: Date): { at: Date; before: number; after: number }[] {
  const out: { at: Date; before: number; after: number }[] = [];
  const step = 24 * 3600_000;
  let t = from.getTime();
  let off = offsetMinutes(new Date(t), tz);
  while (t < to.getTime()) {
    const u = Math.min(t + step, to.getTime());
    const o = offsetMinutes(new Date(u), tz);
    if (o !== off) {
      let lo = t;
      let hi = u;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000 || lo + 60_000;
        if (offsetMinutes(new Date(mid), tz) === off) lo = mid;
        else hi = mid;
      }
      out.push({ at: new Date(hi), before: off, after: o });
      off = o;
    }
    t = u;
  }
  return out;
}

/** The VTIMEZONE lines of a time zone for the years `fromYear`..`toYear` (each change written out). */
export function vtimezone(tz: string, fromYear: number, toYear: number): string[] {
  const from = new Date(Date.UTC(fromYear, 0, 1));
  const to = new Date(Date.UTC(toYear + 1, 0, 1));
  const changes = offsetChanges(tz, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  const first = offsetMinutes(from, tz);
  // The offset in force at the start of the range, then every change.
  lines.push('BEGIN:STANDARD', `DTSTART:${localValue(from, tz)}`, `TZOFFSETFROM:${offsetText(first)}`, `TZOFFSETTO:${offsetText(first)}`, 'END:STANDARD');
  for (const c of changes) {
    const kind = c.after > c.before ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the local time before the change (RFC 5545 §3.6.5).
    const local = new Date(c.at.getTime() + c.before * 60_000);
    lines.push(`BEGIN:${kind}`, `DTSTART:${utcValue(local).slice(0, -1)}`, `TZOFFSETFROM:${offsetText(c.before)}`, `TZOFFSETTO:${offsetText(c.after)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export interface IcalEvent {
  uid: string;
  /** Bumped with every change (the meeting's version − 1). */
  sequence: number;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  cancelled: boolean;
  lastModified?: Date | undefined;
}

/** A whole calendar: the time zones its events use, then the events. */
export function buildCalendar(opts: { name: string; events: IcalEvent[]; now: Date; prodId?: string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${opts.prodId ?? '-//APMBC//Transparency and Cooperation Platform//EN'}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(opts.name)}`];
  const years = new Map<string, [number, number]>();
  for (const e of opts.events) {
    if (e.allDay) continue;
    const y1 = e.startsAt.getUTCFullYear();
    const y2 = e.endsAt.getUTCFullYear();
    const r = years.get(e.timeZone);
    years.set(e.timeZone, r ? [Math.min(r[0], y1), Math.max(r[1], y2)] : [y1, y2]);
  }
  for (const [tz, [a, b]] of [...years].sort(([x], [y]) => x.localeCompare(y))) lines.push(...vtimezone(tz, a, b));
  const stamp = utcValue(opts.now);
  for (const e of opts.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`, `SEQUENCE:${Math.max(0, e.sequence)}`);
    if (e.allDay) {
      const first = wallClock(e.startsAt, e.timeZone).date;
      const last = wallClock(e.endsAt, e.timeZone).date;
      lines.push(`DTSTART;VALUE=DATE:${dateValue(first)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(last < first ? first : last))}`);
    } else {
      lines.push(`DTSTART;TZID=${e.timeZone}:${localValue(e.startsAt, e.timeZone)}`, `DTEND;TZID=${e.timeZone}:${localValue(e.endsAt, e.timeZone)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${utcValue(e.lastModified)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
