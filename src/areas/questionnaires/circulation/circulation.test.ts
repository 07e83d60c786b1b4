import { describe, expect, it } from 'vitest';
import {
  closesAtFor,
  countByAudience,
  datesProblems,
  DAY_MS,
  isEmail,
  lastDayOf,
  linkExpiry,
  parseDay,
  parsePastedList,
  readiness,
  reminderDue,
  reminderDedupeKey,
  trackingStatus,
  LINK_GRACE_DAYS,
} from './circulation.ts';
import type { QuestionnaireContent } from '../content.ts';

describe('days typed in date inputs', () => {
  it('accepts real dates in any digits and refuses the rest', () => {
    expect(parseDay('2023-05-01')).toBe('2023-05-01');
    expect(parseDay('٢٠٢٣-٠٥-٠١')).toBe('2023-05-01');
    expect(parseDay(' 2023-05-01 ')).toBe('2023-05-01');
    expect(parseDay('2023-02-30')).toBeUndefined();
    expect(parseDay('01/05/2023')).toBeUndefined();
    expect(parseDay('2023-5-1')).toBeUndefined();
    expect(parseDay('9999-12-31')).toBeUndefined();
    expect(parseDay('1999-12-31')).toBeUndefined();
  });

  it('stores the closing day as the exclusive end of that day and shows it back', () => {
    expect(closesAtFor('2023-06-30').toISOString()).toBe('2023-07-01T00:00:00.000Z');
    expect(lastDayOf(closesAtFor('2023-06-30'))).toBe('2023-06-30');
  });

  it('refuses a closing day in the past or before the opening day; the same day is fine', () => {
    expect(datesProblems({ closesOn: '2023-04-30' }, '2023-05-01')).toEqual([{ field: 'closesOn', code: 'closes_in_past' }]);
    expect(datesProblems({ opensOn: '2023-06-01', closesOn: '2023-05-31' }, '2023-05-01')).toEqual([{ field: 'closesOn', code: 'dates_order' }]);
    expect(datesProblems({ opensOn: '2023-06-01', closesOn: '2023-06-01' }, '2023-05-01')).toEqual([]);
    expect(datesProblems({ closesOn: '2023-05-01' }, '2023-05-01')).toEqual([]);
    expect(datesProblems({}, '2023-05-01')).toEqual([]);
  });
});

describe('links and reminders', () => {
  const now = new Date('2023-05-10T07:00:00Z');

  it('links live until some time after the closing date, or a year without one', () => {
    const closes = closesAtFor('2023-06-30');
    expect(linkExpiry(closes, now).getTime()).toBe(closes.getTime() + LINK_GRACE_DAYS * DAY_MS);
    expect(linkExpiry(null, now).getTime()).toBe(now.getTime() + 365 * DAY_MS);
    // A closing date already passed (reopening): counted from now.
    expect(linkExpiry(new Date('2023-01-01T00:00:00Z'), now).getTime()).toBe(now.getTime() + LINK_GRACE_DAYS * DAY_MS);
  });

  it('a reminder is due once the interval has passed since sending or the last reminder', () => {
    const base = { revokedAt: null, expiresAt: new Date('2023-12-31T00:00:00Z') };
    const sent = new Date('2023-05-03T07:00:00Z');
    expect(reminderDue({ ...base, sentAt: sent, lastRemindedAt: null }, 7, now)).toBe(true);
    expect(reminderDue({ ...base, sentAt: sent, lastRemindedAt: null }, 8, now)).toBe(false);
    expect(reminderDue({ ...base, sentAt: sent, lastRemindedAt: new Date('2023-05-09T07:00:00Z') }, 7, now)).toBe(false);
    expect(reminderDue({ ...base, sentAt: null, lastRemindedAt: null }, 1, now)).toBe(false);
    expect(reminderDue({ ...base, sentAt: sent, lastRemindedAt: null }, null, now)).toBe(false);
    expect(reminderDue({ ...base, revokedAt: now, sentAt: sent, lastRemindedAt: null }, 1, now)).toBe(false);
    expect(reminderDue({ ...base, expiresAt: now, sentAt: sent, lastRemindedAt: null }, 1, now)).toBe(false);
    expect(reminderDedupeKey('abc', 2)).toBe('questionnaire-reminder:abc:2');
  });
});

describe('a pasted list', () => {
  const ctx = {
    stateLanguage: (iso2: string) => (({ SN: 'fr', IQ: 'ar', NO: 'en' }) as Record<string, 'fr' | 'ar' | 'en'>)[iso2],
    alreadyInvited: (e: string) => e === 'old@example.org',
  };

  it('reads names, addresses, States and languages; the State gives the language when none is written', () => {
    const r = parsePastedList('Aminata Diallo; a.diallo@example.org; sn; \n\nJohn Smith\tj.smith@example.org\t\ten\nAli; ali@example.org; IQ; ar\nSolo; solo@example.org', ctx);
    expect(r.problems).toEqual([]);
    expect(r.people).toEqual([
      { line: 1, name: 'Aminata Diallo', email: 'a.diallo@example.org', stateIso2: 'SN', locale: 'fr' },
      { line: 3, name: 'John Smith', email: 'j.smith@example.org', stateIso2: null, locale: 'en' },
      { line: 4, name: 'Ali', email: 'ali@example.org', stateIso2: 'IQ', locale: 'ar' },
      { line: 5, name: 'Solo', email: 'solo@example.org', stateIso2: null, locale: 'en' },
    ]);
  });

  it('names every problem with its line', () => {
    const r = parsePastedList(
      ['; nobody@example.org', 'Bad; not-an-address', 'Twice; a@example.org', 'Again; A@example.org', 'Old; old@example.org', 'State; s@example.org; XX', 'Lang; l@example.org; ; de', 'Too; many; parts; here; really'].join('\n'),
      ctx,
    );
    expect(r.problems.map((p) => [p.line, p.code.split('.').pop()])).toEqual([
      [1, 'name_missing'],
      [2, 'email_invalid'],
      [4, 'email_repeated'],
      [5, 'email_invited'],
      [6, 'state_unknown'],
      [7, 'language_unknown'],
      [8, 'columns'],
    ]);
    expect(r.problems.find((p) => p.line === 4)?.values).toMatchObject({ first: 3 });
  });

  it('an empty list is a problem', () => {
    expect(parsePastedList('  \n \n', ctx).problems.map((p) => p.code)).toEqual(['questionnaires.circulation.paste.empty']);
  });

  it('checks addresses', () => {
    expect(isEmail('name@example.org')).toBe(true);
    expect(isEmail('name@localhost')).toBe(false);
    expect(isEmail('a b@example.org')).toBe(false);
    expect(isEmail(`${'a'.repeat(320)}@example.org`)).toBe(false);
  });
});

describe('readiness to circulate', () => {
  const head = { title: { en: 'Q' }, description: {}, sourceLocale: 'en' };
  const one: QuestionnaireContent = { sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'q', type: 'yesno', label: { en: 'Yes?' } }] }] };

  it('needs a question, no structural problem and the source language complete; other languages only warn', () => {
    expect(readiness({ sections: [] }, head).blocking.map((b) => b.code)).toContain('questionnaires.circulation.ready.no_question');
    const broken: QuestionnaireContent = { sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'q', type: 'single', label: { en: 'Which?' } }] }] };
    expect(readiness(broken, head).blocking.map((b) => b.code)).toEqual(['questionnaires.circulation.ready.problems']);
    expect(readiness(one, { ...head, sourceLocale: 'fr' }).blocking.map((b) => b.code)).toEqual(['questionnaires.circulation.ready.source_incomplete']);
    const ok = readiness(one, head);
    expect(ok.blocking).toEqual([]);
    expect(ok.incomplete.map((l) => l.locale)).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
  });
});

describe('tracking', () => {
  it('says where a response stands and counts per audience, revoked invitations left out', () => {
    expect(trackingStatus(undefined)).toBe('not_started');
    expect(trackingStatus({ status: 'in_progress' })).toBe('in_progress');
    expect(trackingStatus({ status: 'submitted' })).toBe('submitted');
    expect(
      countByAudience([
        { audience: 'donor', status: 'submitted', revoked: false },
        { audience: 'donor', status: 'in_progress', revoked: false },
        { audience: 'donor', status: 'not_started', revoked: true },
        { audience: 'mine_action_director', status: 'not_started', revoked: false },
      ]),
    ).toEqual([
      { audience: 'mine_action_director', invited: 1, started: 0, submitted: 0 },
      { audience: 'donor', invited: 2, started: 2, submitted: 1 },
    ]);
  });
});
