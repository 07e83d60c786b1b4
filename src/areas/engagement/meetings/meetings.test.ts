import { describe, expect, it } from 'vitest';
import { heldProblem, isActionOverdue, isTimeZone, meetingDays, meetingTimes, monthOf, offsetMinutes, wallClock, zonedToUtc } from './meetings.ts';

describe('time zones', () => {
  it('knows IANA zones through Intl and refuses anything else', () => {
    expect(isTimeZone('Europe/Zurich')).toBe(true);
    expect(isTimeZone('Asia/Phnom_Penh')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Europe/Zurich; DROP')).toBe(false);
  });

  it('reads a wall-clock time of the venue as an instant, in winter and in summer', () => {
    expect(zonedToUtc('2023-01-16', '10:00', 'Europe/Zurich').toISOString()).toBe('2023-01-16T09:00:00.000Z');
    expect(zonedToUtc('2023-06-21', '10:00', 'Europe/Zurich').toISOString()).toBe('2023-06-21T08:00:00.000Z');
    expect(zonedToUtc('2023-06-21', '10:00', 'Africa/Dakar').toISOString()).toBe('2023-06-21T10:00:00.000Z');
    expect(zonedToUtc('2023-06-21', '10:00', 'Asia/Kolkata').toISOString()).toBe('2023-06-21T04:30:00.000Z');
    expect(offsetMinutes(new Date('2023-06-21T08:00:00Z'), 'Europe/Zurich')).toBe(120);
  });

  it('reads a time skipped by the change to summer time forward, and a repeated one as its first occurrence', () => {
    expect(zonedToUtc('2023-03-26', '02:30', 'Europe/Zurich').toISOString()).toBe('2023-03-26T01:30:00.000Z');
    expect(zonedToUtc('2023-10-29', '02:30', 'Europe/Zurich').toISOString()).toBe('2023-10-29T00:30:00.000Z');
    expect(wallClock(new Date('2023-10-29T00:30:00Z'), 'Europe/Zurich').time).toBe('02:30');
  });
});

describe('meeting times', () => {
  it('refuses dates in the wrong order, naming the field', () => {
    expect(meetingTimes({ allDay: false, startDate: '2023-06-21', startTime: '10:00', endDate: '2023-06-20', endTime: '12:00', timeZone: 'Europe/Zurich' })).toEqual({ problems: [{ field: 'end_date', code: 'engagement.meetings.dates_order' }] });
    expect(meetingTimes({ allDay: false, startDate: '2023-06-21', startTime: '10:00', endTime: '09:00', timeZone: 'Europe/Zurich' })).toEqual({ problems: [{ field: 'end_time', code: 'engagement.meetings.dates_order' }] });
    expect(meetingTimes({ allDay: true, startDate: '2023-11-24', endDate: '2023-11-20', timeZone: 'Europe/Zurich' })).toEqual({ problems: [{ field: 'end_date', code: 'engagement.meetings.dates_order' }] });
  });

  it('refuses impossible dates, times and unknown zones', () => {
    const r = meetingTimes({ allDay: false, startDate: '2023-02-30', startTime: '25:00', endTime: '', timeZone: 'Nowhere/City' });
    expect('problems' in r && r.problems.map((p) => p.field).sort()).toEqual(['end_time', 'start_date', 'start_time', 'time_zone']);
  });

  it('keeps whole-day meetings as the local midnights of their first and last day', () => {
    const r = meetingTimes({ allDay: true, startDate: '2023-11-20', endDate: '2023-11-24', timeZone: 'europe/zurich' });
    expect(r).toEqual({ startsAt: new Date('2023-11-19T23:00:00Z'), endsAt: new Date('2023-11-23T23:00:00Z') });
    expect(meetingDays({ ...(r as { startsAt: Date; endsAt: Date }), allDay: true, timeZone: 'Europe/Zurich' })).toEqual(['2023-11-20', '2023-11-21', '2023-11-22', '2023-11-23', '2023-11-24']);
  });

  it('lists the days of a timed meeting, not the next one when it ends at midnight', () => {
    expect(meetingDays({ startsAt: new Date('2023-06-19T07:00:00Z'), endsAt: new Date('2023-06-20T22:00:00Z'), allDay: false, timeZone: 'Europe/Zurich' })).toEqual(['2023-06-19', '2023-06-20']);
  });
});

describe('months, held meetings, overdue actions', () => {
  it('reads a month or falls back to this month', () => {
    expect(monthOf('2023-12', '2026-01-05')).toEqual({ month: '2023-12', from: '2023-12-01', to: '2024-01-01', prev: '2023-11', next: '2024-01' });
    expect(monthOf('2023-13', '2026-01-05').month).toBe('2026-01');
    expect(monthOf(undefined, '2026-01-05').prev).toBe('2025-12');
  });

  it('needs a participant before a meeting is held', () => {
    expect(heldProblem({ participants: 0 })).toBe('engagement.meetings.held_without_participants');
    expect(heldProblem({ participants: 1 })).toBeUndefined();
  });

  it('counts open follow-ups past their date as overdue, never outcomes', () => {
    expect(isActionOverdue({ kind: 'follow_up', status: 'open', dueDate: '2023-01-01' }, '2023-02-01')).toBe(true);
    expect(isActionOverdue({ kind: 'outcome', status: 'open', dueDate: '2023-01-01' }, '2023-02-01')).toBe(false);
    expect(isActionOverdue({ kind: 'commitment', status: 'done', dueDate: '2023-01-01' }, '2023-02-01')).toBe(false);
  });
});
