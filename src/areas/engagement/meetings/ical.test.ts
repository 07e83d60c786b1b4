import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, offsetChanges, vtimezone } from './ical.ts';

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without cutting a UTF-8 character', () => {
    const line = `SUMMARY:${'اجتماع ثنائي مع السنغال '.repeat(6)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const [i, l] of folded.entries()) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
      expect(l).not.toContain('\ufffd');
    }
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});

describe('time zones', () => {
  it('finds the changes of summer time to the minute', () => {
    const changes = offsetChanges('Europe/Zurich', new Date('2023-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    expect(changes.map((c) => [c.at.toISOString(), c.before, c.after])).toEqual([
      ['2023-03-26T01:00:00.000Z', 60, 120],
      ['2023-10-29T01:00:00.000Z', 120, 60],
    ]);
    expect(offsetChanges('Africa/Dakar', new Date('2023-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'))).toEqual([]);
  });

  it('writes a VTIMEZONE with each observance', () => {
    const lines = vtimezone('Europe/Zurich', 2023, 2023);
    expect(lines).toContain('TZID:Europe/Zurich');
    expect(lines).toContain('DTSTART:20230326T020000');
    expect(lines).toContain('DTSTART:20231029T030000');
    expect(lines.filter((l) => l === 'BEGIN:DAYLIGHT')).toHaveLength(1);
  });
});

describe('a calendar', () => {
  const now = new Date('2026-01-02T03:04:05Z');
  const cal = buildCalendar({
    name: 'Meetings',
    now,
    events: [
      { uid: 'a@x', sequence: 2, summary: 'Bilateral: Senegal, Chad; notes', location: 'Geneva, Palais', description: 'Line 1\nLine 2', url: 'https://example.org/en/meetings/a', startsAt: new Date('2023-06-21T08:00:00Z'), endsAt: new Date('2023-06-21T10:00:00Z'), allDay: false, timeZone: 'Europe/Zurich', cancelled: false },
      { uid: 'b@x', sequence: 0, summary: '21MSP', startsAt: new Date('2023-11-19T23:00:00Z'), endsAt: new Date('2023-11-23T23:00:00Z'), allDay: true, timeZone: 'Europe/Zurich', cancelled: true },
    ],
  });

  it('ends every line with CRLF and keeps each under 75 octets', () => {
    expect(cal.endsWith('\r\n')).toBe(true);
    expect(cal.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of cal.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('writes timed events with TZID, whole days as DATE values with an exclusive end, and cancellations', () => {
    expect(cal).toContain('DTSTART;TZID=Europe/Zurich:20230621T100000\r\n');
    expect(cal).toContain('DTEND;TZID=Europe/Zurich:20230621T120000\r\n');
    expect(cal).toContain('DTSTART;VALUE=DATE:20231120\r\n');
    expect(cal).toContain('DTEND;VALUE=DATE:20231125\r\n');
    expect(cal).toContain('SUMMARY:Bilateral: Senegal\\, Chad\\; notes\r\n');
    expect(cal).toContain('DESCRIPTION:Line 1\\nLine 2\r\n');
    expect(cal).toContain('STATUS:CANCELLED');
    expect(cal).toContain('SEQUENCE:2');
    expect(cal).toContain('DTSTAMP:20260102T030405Z');
  });
});
