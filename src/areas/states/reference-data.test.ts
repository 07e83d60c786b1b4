import { describe, expect, it } from 'vitest';
import { article5OriginalDeadline, countsAsParty, eifFromDeposit, isIsoDate, isPartyOn, membershipStatus, REGIONS } from './membership.ts';
import { REFERENCE_ARTICLE5_DEADLINES, REFERENCE_COMMITTEE_MEMBERSHIPS, REFERENCE_STATES } from './reference-data.ts';

const withEif = REFERENCE_STATES.map((s) => ({
  ...s,
  eifDate: eifFromDeposit(s.consentDate),
  withdrawalNotifiedDate: s.withdrawalNotifiedDate ?? null,
  withdrawalEffectiveDate: s.withdrawalEffectiveDate ?? null,
  suspensionNotifiedDate: s.suspensionNotifiedDate ?? null,
}));
const partiesOn = (date: string) => withEif.filter((s) => isPartyOn(s, date)).map((s) => s.iso2);

/** The 33 UN members that were not party on 20 November 2023 (domain notes §6.1b). */
const NOT_PARTY_2023 = 'AM AZ BH CN CU EG GE IN IR IL KZ KP KR KG LA LB LY MH FM MN MA MM NP PK RU SA SG SY TO AE US UZ VN'.split(' ');

describe('reference States', () => {
  it('has 164 States Parties on 20 November 2023', () => {
    const parties = partiesOn('2023-11-20');
    expect(parties).toHaveLength(164);
    for (const iso2 of ['PS', 'VA', 'CK', 'NU', 'EE', 'FI', 'PL', 'UA', 'LK']) expect(parties).toContain(iso2);
    for (const iso2 of NOT_PARTY_2023) expect(parties).not.toContain(iso2);
  });

  it('has 164 + 2 − 5 = 161 States Parties on 1 March 2026', () => {
    const parties = partiesOn('2026-03-01');
    expect(parties).toHaveLength(161);
    for (const iso2 of ['MH', 'TO', 'UA']) expect(parties).toContain(iso2);
    for (const iso2 of ['EE', 'LV', 'LT', 'FI', 'PL']) expect(parties).not.toContain(iso2);
    expect(withEif.filter((s) => countsAsParty(membershipStatus(s, '2026-03-01')))).toHaveLength(161);
  });

  it('had 40 instruments deposited by the time the Convention entered into force', () => {
    // Burkina Faso's was the 40th, on 16 September 1998, the day Equatorial Guinea acceded.
    expect(withEif.filter((s) => s.consentDate <= '1998-09-16')).toHaveLength(40);
    expect(withEif.filter((s) => s.consentDate <= '1998-09-16').every((s) => s.eifDate === '1999-03-01')).toBe(true);
  });

  it('has well-formed, unique codes, dates and names in six languages', () => {
    expect(new Set(REFERENCE_STATES.map((s) => s.iso2)).size).toBe(REFERENCE_STATES.length);
    expect(new Set(REFERENCE_STATES.map((s) => s.iso3)).size).toBe(REFERENCE_STATES.length);
    for (const s of REFERENCE_STATES) {
      expect(s.iso2).toMatch(/^[A-Z]{2}$/);
      expect(s.iso3).toMatch(/^[A-Z]{3}$/);
      expect(REGIONS).toContain(s.region);
      expect(isIsoDate(s.consentDate)).toBe(true);
      if (s.signatureDate) expect(s.signatureDate <= s.consentDate).toBe(true);
      for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) expect(s.names[l].length).toBeGreaterThan(1);
      expect(s.names.ar).toMatch(/[\u0600-\u06ff]/);
      expect(s.names.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.names.ru).toMatch(/[\u0400-\u04ff]/);
    }
  });

  it('uses the UN short names', () => {
    const en = (iso2: string) => REFERENCE_STATES.find((s) => s.iso2 === iso2)?.names.en;
    expect(en('TR')).toBe('Türkiye');
    expect(en('PS')).toBe('State of Palestine');
    expect(en('VA')).toBe('Holy See');
    expect(en('CD')).toBe('Democratic Republic of the Congo');
    expect(en('BO')).toBe('Bolivia (Plurinational State of)');
  });

  it('works out the notified date of a withdrawal as six months before it takes effect', () => {
    for (const s of withEif.filter((x) => x.withdrawalEffectiveDate)) {
      expect(s.withdrawalNotifiedDate).not.toBeNull();
      const [y, m, d] = s.withdrawalNotifiedDate!.split('-').map(Number) as [number, number, number];
      const expected = new Date(Date.UTC(y, m - 1 + 6, d)).toISOString().slice(0, 10);
      expect(s.withdrawalEffectiveDate).toBe(expected);
    }
  });
});

describe('reference Article 5 deadlines', () => {
  it('refers to known States and marks original deadlines consistently with entry into force', () => {
    for (const a of REFERENCE_ARTICLE5_DEADLINES) {
      const s = withEif.find((x) => x.iso2 === a.iso2);
      expect(s, a.iso2).toBeDefined();
      const original = article5OriginalDeadline(s!.eifDate);
      if (a.status === 'original') expect(a.deadline, a.iso2).toBe(original);
      if (a.status === 'extended' || a.status === 'requested') expect(a.deadline > original, a.iso2).toBe(true);
    }
  });

  it('has one current row for each of the 33 States of the list, and history for Cambodia', () => {
    expect(new Set(REFERENCE_ARTICLE5_DEADLINES.map((a) => a.iso2)).size).toBe(33);
    expect(REFERENCE_ARTICLE5_DEADLINES.filter((a) => a.iso2 === 'KH').length).toBeGreaterThan(1);
  });
});

describe('reference committee memberships', () => {
  it('records the 2023 Committee on Cooperation and Assistance, chaired by Thailand', () => {
    const ca = REFERENCE_COMMITTEE_MEMBERSHIPS.filter((m) => m.committeeId === 'cooperation-assistance' && m.year === 2023);
    expect(ca.map((m) => m.iso2).sort()).toEqual(['DZ', 'JP', 'NL', 'TH']);
    expect(ca.find((m) => m.role === 'chair')?.iso2).toBe('TH');
  });
});
