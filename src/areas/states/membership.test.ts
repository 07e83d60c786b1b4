import { describe, expect, it } from 'vitest';
import {
  addMonths,
  article5OriginalDeadline,
  article5Standing,
  checkMembershipDates,
  eifFromDeposit,
  initialReportDueDate,
  isIsoDate,
  isPartyOn,
  membershipStatus,
  withdrawalEffectiveFrom,
  type MembershipDates,
} from './membership.ts';

const base: MembershipDates = {
  signatureDate: '1997-12-03',
  consentDate: '2004-05-12',
  eifDate: '2004-11-01',
  withdrawalNotifiedDate: null,
  withdrawalEffectiveDate: null,
  suspensionNotifiedDate: null,
};

describe('entry into force (Article 17)', () => {
  it('is the first day of the sixth month after the month of deposit', () => {
    expect(eifFromDeposit('2017-12-13')).toBe('2018-06-01');
    expect(eifFromDeposit('2017-12-29')).toBe('2018-06-01');
    expect(eifFromDeposit('2007-08-15')).toBe('2008-02-01');
    expect(eifFromDeposit('2012-01-09')).toBe('2012-07-01');
    expect(eifFromDeposit('2003-09-01')).toBe('2004-03-01');
  });

  it('is never before the Convention entered into force on 1 March 1999', () => {
    expect(eifFromDeposit('1997-12-03')).toBe('1999-03-01');
    expect(eifFromDeposit('1998-09-16')).toBe('1999-03-01');
    expect(eifFromDeposit('1998-10-08')).toBe('1999-04-01');
  });
});

describe('derived deadlines', () => {
  it('puts the initial report 180 days after entry into force', () => {
    expect(initialReportDueDate('1999-03-01')).toBe('1999-08-28');
    expect(initialReportDueDate('2018-06-01')).toBe('2018-11-28');
  });

  it('puts the original Article 5 deadline ten years after entry into force', () => {
    expect(article5OriginalDeadline('2018-06-01')).toBe('2028-06-01');
    expect(article5OriginalDeadline('2011-07-09')).toBe('2021-07-09');
  });

  it('adds months without running past the end of a month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(withdrawalEffectiveFrom('2025-06-27')).toBe('2025-12-27');
  });
});

describe('membership on a date', () => {
  const estonia: MembershipDates = { ...base, signatureDate: null, withdrawalNotifiedDate: '2025-06-27', withdrawalEffectiveDate: '2025-12-27' };

  it('counts a party from entry into force until the withdrawal takes effect (that day excluded)', () => {
    expect(isPartyOn(estonia, '2004-10-31')).toBe(false);
    expect(isPartyOn(estonia, '2004-11-01')).toBe(true);
    expect(isPartyOn(estonia, '2025-12-26')).toBe(true);
    expect(isPartyOn(estonia, '2025-12-27')).toBe(false);
  });

  it('distinguishes withdrawing from withdrawn', () => {
    expect(membershipStatus(estonia, '2025-06-26')).toBe('party');
    expect(membershipStatus(estonia, '2025-06-27')).toBe('withdrawing');
    expect(membershipStatus(estonia, '2025-12-26')).toBe('withdrawing');
    expect(membershipStatus(estonia, '2025-12-27')).toBe('withdrawn');
  });

  it('keeps a State that notified a suspension a party, with a status of its own', () => {
    const ukraine: MembershipDates = { ...base, consentDate: '2005-12-27', eifDate: '2006-06-01', suspensionNotifiedDate: '2025-07-18' };
    expect(membershipStatus(ukraine, '2025-07-17')).toBe('party');
    expect(membershipStatus(ukraine, '2025-07-18')).toBe('suspension_notified');
    expect(isPartyOn(ukraine, '2026-03-01')).toBe(true);
  });

  it('tells a signatory that has not yet joined from a State whose instrument awaits entry into force', () => {
    const marshall: MembershipDates = { ...base, signatureDate: '1997-12-04', consentDate: '2025-03-12', eifDate: '2025-09-01' };
    expect(membershipStatus(marshall, '1997-12-03')).toBe('not_yet_in_force');
    expect(membershipStatus(marshall, '2023-11-20')).toBe('signatory_not_party');
    expect(membershipStatus(marshall, '2025-03-12')).toBe('not_yet_in_force');
    expect(membershipStatus(marshall, '2025-09-01')).toBe('party');
  });
});

describe('Article 5 standing', () => {
  it('classifies the current deadline on a date', () => {
    expect(article5Standing(null, '2026-01-01')).toBe('none');
    expect(article5Standing({ deadline: '2028-06-01', status: 'original' }, '2026-01-01')).toBe('has_deadline');
    expect(article5Standing({ deadline: '2025-12-31', status: 'extended' }, '2026-01-01')).toBe('expired');
    expect(article5Standing({ deadline: '2023-03-01', status: 'expired' }, '2020-01-01')).toBe('expired');
    expect(article5Standing({ deadline: '2020-12-31', status: 'completed' }, '2026-01-01')).toBe('completed');
  });
});

describe('date rules', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('20230101')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('reports each ordering rule that is broken', () => {
    expect(checkMembershipDates(base)).toEqual([]);
    const codes = checkMembershipDates({
      signatureDate: '2005-01-01',
      consentDate: '2004-05-12',
      eifDate: '2004-01-01',
      withdrawalNotifiedDate: '2025-06-27',
      withdrawalEffectiveDate: '2025-06-01',
      suspensionNotifiedDate: null,
    }).map((v) => v.code);
    expect(codes).toEqual(['states.rules.signature_after_consent', 'states.rules.eif_before_consent', 'states.rules.withdrawal_effective_before_notice']);
    expect(checkMembershipDates({ ...base, withdrawalEffectiveDate: '2026-01-01' })).toEqual([
      { field: 'withdrawalNotifiedDate', code: 'states.rules.withdrawal_effective_without_notice' },
    ]);
  });
});
