import { describe, expect, it } from 'vitest';
import {
  annualRow,
  cycleYearOf,
  daysLate,
  dueReminderOffset,
  dueReminders,
  endOfDueDate,
  initialRow,
  isOnTime,
  ReportLookup,
  reminderDedupeKey,
  summarise,
  yearRange,
  type ReportFacts,
  type StateFacts,
} from './compliance.ts';
import { daysLate as reportingDaysLate } from '../reporting/report.ts';

const state = (iso2: string, eifDate: string, extra: Partial<StateFacts> = {}): StateFacts => ({
  iso2,
  signatureDate: null,
  consentDate: eifDate,
  eifDate,
  withdrawalNotifiedDate: null,
  withdrawalEffectiveDate: null,
  suspensionNotifiedDate: null,
  ...extra,
});

const report = (stateIso2: string, year: number, firstSubmittedAt: string | null, kind: 'annual' | 'initial' = 'annual'): ReportFacts => ({
  id: `${stateIso2}-${kind}-${year}`,
  stateIso2,
  kind,
  year,
  status: firstSubmittedAt ? 'submitted' : 'draft',
  visibility: 'public',
  currentVersionNo: firstSubmittedAt ? 1 : 0,
  publishedVersionNo: null,
  createdAt: new Date('2020-01-01T00:00:00Z'),
  firstSubmittedAt: firstSubmittedAt ? new Date(firstSubmittedAt) : null,
});

describe('on time and days late', () => {
  it('is on time up to the last millisecond of the due date (UTC)', () => {
    expect(endOfDueDate('2024-04-30').toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(isOnTime('2024-04-30', new Date('2024-04-30T23:59:59.999Z'))).toBe(true);
    expect(isOnTime('2024-04-30', new Date('2024-05-01T00:00:00.000Z'))).toBe(false);
    expect(daysLate('2024-04-30', new Date('2024-04-30T23:59:59.999Z'))).toBe(0);
  });

  it('counts calendar days from the due date to the day of submission', () => {
    expect(daysLate('2024-04-30', new Date('2024-05-01T00:00:00Z'))).toBe(1);
    expect(daysLate('2024-04-30', new Date('2024-05-01T23:00:00Z'))).toBe(1);
    expect(daysLate('2023-04-30', new Date('2023-06-14T11:00:00Z'))).toBe(45);
    expect(daysLate('2025-04-30', new Date('2025-07-02T12:45:00Z'))).toBe(63);
    // Across a leap day.
    expect(daysLate('2024-02-28', new Date('2024-03-01T08:00:00Z'))).toBe(2);
  });

  it('agrees with the reporting area for submissions on whole seconds', () => {
    for (const at of ['2023-04-30T18:00:00Z', '2023-05-10T12:00:00Z', '2023-06-14T11:00:00Z', '2023-05-01T00:00:00Z']) {
      expect(daysLate('2023-04-30', new Date(at))).toBe(Math.max(0, reportingDaysLate('2023-04-30', new Date(at))));
    }
  });
});

describe('where a State stands for a year', () => {
  const today = '2026-11-29';
  const sn = state('SN', '1999-03-01');
  it('on time, late, not submitted, not yet due', () => {
    const lookup = new ReportLookup([report('SN', 2022, '2023-04-30T13:15:00Z'), report('SN', 2023, '2024-05-20T10:20:00Z'), report('SN', 2024, null)]);
    expect(annualRow(sn, 2022, lookup, today)).toMatchObject({ status: 'on_time', daysLate: 0, dueDate: '2023-04-30' });
    expect(annualRow(sn, 2023, lookup, today)).toMatchObject({ status: 'late', daysLate: 20 });
    expect(annualRow(sn, 2024, lookup, today).status).toBe('not_submitted');
    expect(annualRow(sn, 2026, lookup, today).status).toBe('pending');
    expect(annualRow(sn, 2024, lookup, '2025-04-30').status).toBe('pending');
  });

  it('counts only States that are parties on the due date and owe the report', () => {
    const lookup = new ReportLookup([]);
    // Withdrawal effective 27 December 2025: not a party on 30 April 2026.
    const ee = state('EE', '2004-11-01', { withdrawalNotifiedDate: '2025-06-27', withdrawalEffectiveDate: '2025-12-27' });
    expect(annualRow(ee, 2025, lookup, today)).toMatchObject({ status: 'not_party', membership: 'withdrawn' });
    expect(annualRow(ee, 2024, lookup, today).status).toBe('not_submitted');
    // A notified suspension leaves the State a party, still counted.
    const ua = state('UA', '2006-06-01', { suspensionNotifiedDate: '2025-07-18' });
    expect(annualRow(ua, 2025, lookup, today)).toMatchObject({ status: 'not_submitted', membership: 'suspension_notified' });
    // In force on 1 December 2025: the initial report (due 30 May 2026) comes first, no annual report for 2025.
    const to = state('TO', '2025-12-01');
    expect(annualRow(to, 2025, lookup, today).status).toBe('not_required');
    expect(annualRow(to, 2026, lookup, today).status).toBe('pending');
    // Not yet in force on the due date.
    expect(annualRow(to, 2024, lookup, today).status).toBe('not_party');
  });

  it('initial reports: owed, overdue, submitted', () => {
    const mh = state('MH', '2025-09-01');
    expect(initialRow(mh, new ReportLookup([]), '2026-01-15')).toMatchObject({ status: 'pending', dueDate: '2026-02-28', kind: 'initial' });
    expect(initialRow(mh, new ReportLookup([]), today).status).toBe('not_submitted');
    expect(initialRow(mh, new ReportLookup([report('MH', 2025, '2026-03-03T09:00:00Z', 'initial')]), today)).toMatchObject({ status: 'late', daysLate: 3 });
    expect(cycleYearOf('2026-02-28')).toBe(2025);
    expect(cycleYearOf('2026-05-30')).toBe(2026);
    expect(cycleYearOf('2026-04-30')).toBe(2025);
  });

  it('summarises counts and rates over the States counted', () => {
    const lookup = new ReportLookup([report('A1', 2022, '2023-04-01T00:00:00Z'), report('A2', 2022, '2023-05-03T00:00:00Z')]);
    const rows = ['A1', 'A2', 'A3'].map((c) => annualRow(state(c, '2000-01-01'), 2022, lookup, today));
    rows.push(annualRow(state('A4', '2024-01-01'), 2022, lookup, today));
    const s = summarise(2022, rows);
    expect(s).toMatchObject({ counted: 3, onTime: 1, late: 1, notSubmitted: 1, pending: 0, meanDaysLate: 3 });
    expect(s.onTimeRate).toBeCloseTo(1 / 3);
    expect(s.submittedRate).toBeCloseTo(2 / 3);
  });

  it('offers the years from the first on the platform to the current calendar year', () => {
    expect(yearRange(2022, '2026-11-29')).toEqual({ first: 2022, last: 2026 });
    expect(yearRange(null, '2026-11-29')).toEqual({ first: 2025, last: 2026 });
  });
});

describe('reminders', () => {
  const offsets = [-60, -30, -7, 7];
  const due = '2026-04-30';
  it('sends each step on its day, and only the latest after a pause', () => {
    expect(dueReminderOffset(offsets, due, '2026-02-28')).toBeUndefined();
    expect(dueReminderOffset(offsets, due, '2026-03-01')).toBe(-60);
    expect(dueReminderOffset(offsets, due, '2026-03-15')).toBe(-60);
    expect(dueReminderOffset(offsets, due, '2026-03-31')).toBe(-30);
    // Down from 1 March to 24 April: -7 is due; -60 and -30 are superseded.
    expect(dueReminderOffset(offsets, due, '2026-04-24')).toBe(-7);
    expect(dueReminderOffset(offsets, due, '2026-04-30')).toBe(-7);
  });

  it('never sends a reminder "before the due date" once it has passed, nor one more than 30 days late', () => {
    expect(dueReminderOffset([-60], due, '2026-05-01')).toBeUndefined();
    expect(dueReminderOffset(offsets, due, '2026-05-06')).toBeUndefined();
    expect(dueReminderOffset(offsets, due, '2026-05-07')).toBe(7);
    expect(dueReminderOffset(offsets, due, '2026-06-06')).toBe(7);
    expect(dueReminderOffset(offsets, due, '2026-06-07')).toBeUndefined();
    expect(dueReminderOffset([0], due, '2026-04-30')).toBe(0);
  });

  it('finds the reports due a reminder: parties, not yet submitted', () => {
    const lookup = new ReportLookup([report('NO', 2025, '2026-02-01T08:00:00Z')]);
    const states = [
      state('SN', '1999-03-01'),
      state('NO', '1999-03-01'),
      state('EE', '2004-11-01', { withdrawalNotifiedDate: '2025-06-27', withdrawalEffectiveDate: '2025-12-27' }),
      state('MH', '2025-09-01'),
    ];
    expect(dueReminders(states, lookup, offsets, '2026-03-01')).toEqual([{ iso2: 'SN', kind: 'annual', year: 2025, dueDate: '2026-04-30', offset: -60 }, { iso2: 'MH', kind: 'annual', year: 2025, dueDate: '2026-04-30', offset: -60 }]);
    // The Marshall Islands' initial report (due 28 February 2026), a week after.
    expect(dueReminders(states, lookup, offsets, '2026-03-07')).toContainEqual({ iso2: 'MH', kind: 'initial', year: 2025, dueDate: '2026-02-28', offset: 7 });
    expect(dueReminders(states, lookup, [], '2026-03-01')).toEqual([]);
  });

  it('names each message by State, report, step and recipient', () => {
    expect(reminderDedupeKey({ iso2: 'SN', kind: 'annual', year: 2025, offset: -60, recipient: 'Focal.Point@Example.org' })).toBe('reminder:SN:annual:2025:-60:focal.point@example.org');
  });
});
