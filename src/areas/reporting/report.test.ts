import { describe, expect, it } from 'vitest';
import { annualObligation, canTransition, daysLate, initialObligation, nextStatus, obligationsOf } from './report.ts';

describe('Article 7 obligations', () => {
  it('initial report is due 180 days after entry into force', () => {
    expect(initialObligation({ eifDate: '1999-03-01' }).dueDate).toBe('1999-08-28');
    expect(initialObligation({ eifDate: '2018-06-01' }).dueDate).toBe('2018-11-28');
  });

  it('annual report for year Y covers the calendar year and is due 30 April Y+1', () => {
    expect(annualObligation(2022)).toEqual({ kind: 'annual', year: 2022, periodStart: '2022-01-01', periodEnd: '2022-12-31', dueDate: '2023-04-30' });
  });

  it('starts annual reports after the initial report and stops after withdrawal', () => {
    const sl = obligationsOf({ eifDate: '2018-06-01' }, 2020).map((o) => `${o.kind}:${o.year}`);
    expect(sl).toEqual(['initial:2018', 'annual:2018', 'annual:2019', 'annual:2020']);
    const late = obligationsOf({ eifDate: '2018-12-01' }, 2019).map((o) => `${o.kind}:${o.year}`);
    // EIF in December: the 2018 annual report would fall due before the initial one, so none is owed.
    expect(late).toEqual(['initial:2018', 'annual:2019']);
    // Estonia: withdrawal effective 27 Dec 2025, before the 2025 report falls due (30 April 2026):
    // the last report it owed was 2024's.
    const ee = obligationsOf({ eifDate: '2005-03-01', withdrawalEffectiveDate: '2025-12-27' }, 2026).map((o) => o.year);
    expect(ee.at(-1)).toBe(2024);
    // A withdrawal effective after a due date leaves that report owed.
    expect(obligationsOf({ eifDate: '2005-03-01', withdrawalEffectiveDate: '2026-05-01' }, 2026).map((o) => o.year).at(-1)).toBe(2025);
  });

  it('counts days late', () => {
    expect(daysLate('2023-04-30', new Date('2023-04-30T18:00:00Z'))).toBe(0);
    expect(daysLate('2023-04-30', new Date('2023-05-10T12:00:00Z'))).toBe(10);
  });
});

describe('report status machine', () => {
  it('follows draft → submitted → acknowledged → published', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'acknowledge')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'publish')).toBe('published');
  });
  it('lets ISU return a submitted report and the State resubmit', () => {
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
  });
  it('refuses impossible moves', () => {
    expect(canTransition('draft', 'publish')).toBe(false);
    expect(canTransition('published', 'submit')).toBe(false);
    expect(() => nextStatus('draft', 'acknowledge')).toThrow();
  });
  it('opens a correction on a published report', () => {
    expect(nextStatus('published', 'start_correction')).toBe('draft');
  });
});
