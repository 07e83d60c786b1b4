import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { fillTemplate, focalPoints, gapList, letterLocale, renderLetter, templateKeyFor, templateProblems, PLACEHOLDERS } from './letters.ts';
import { DEFAULT_TEMPLATES } from './seed-templates.ts';

const names = { en: 'Tajikistan', fr: 'Tadjikistan', es: 'Tayikistán', ru: 'Таджикистан', ar: 'طاجيكستان', zh: '塔吉克斯坦' };
const committee = { en: 'Committee on the Enhancement of Cooperation and Assistance', fr: 'Comité', es: 'Comité', ru: 'Комитет', ar: 'اللجنة', zh: '委员会' };
const titles = (id: string) => (id === 'gd.disaggregated' ? { en: 'Disaggregated data', fr: 'Données ventilées', es: 'Datos desglosados', ru: 'Дезагрегированные данные', ar: 'بيانات مصنفة', zh: '分类数据' } : undefined);

describe('follow-up letters', () => {
  it('drafts in the cover-page language, then the State’s reporting language, then English', () => {
    expect(letterLocale({ coverLanguage: 'ru', stateLanguage: 'en' })).toBe('ru');
    expect(letterLocale({ coverLanguage: null, stateLanguage: 'fr' })).toBe('fr');
    expect(letterLocale({ coverLanguage: 'xx', stateLanguage: 'de' })).toBe('en');
  });

  it('uses the C&A-without-G&D template when that gap is among the gaps', () => {
    expect(templateKeyFor(['cooperation_without_gender', 'gd.disaggregated'])).toBe('cooperation_without_gender');
    expect(templateKeyFor(['ca.resource_plan'])).toBe('gaps');
  });

  it('fills each placeholder once and never reads a value as template syntax', () => {
    const out = fillTemplate('{state} / {year} / {unknown} / {committee}', { state: '{year} <b>x</b> {a, plural, other {#}}', year: '2024', gaps: '', committee: 'C', reply_by: '' });
    expect(out).toBe('{year} <b>x</b> {a, plural, other {#}} / 2024 / {unknown} / C');
  });

  it('reports unknown placeholders and stray braces in a template', () => {
    expect(templateProblems('Dear {state}, {year} {reply_by}')).toEqual([]);
    expect(templateProblems('{stat} {count, plural, other {#}} }')).toEqual(['{stat}', '{', '{#}', '}']);
  });

  it('lists the gaps in the letter’s language', () => {
    expect(gapList(['cooperation_without_gender', 'gd.disaggregated'], 'fr', titles)).toMatch(/^• la manière dont le genre.*\n• Données ventilées$/s);
  });

  it('every default template, in the six languages, uses only known placeholders and names the State, the gaps and the date', () => {
    for (const texts of Object.values(DEFAULT_TEMPLATES)) {
      for (const l of LOCALES) {
        const t = texts[l];
        expect(templateProblems(t.subject + t.body), `${l}`).toEqual([]);
        for (const p of ['state', 'gaps', 'reply_by', 'committee', 'year'] as const) expect(t.body, `${l} ${p}`).toContain(`{${p}}`);
        const letter = renderLetter({ template: t, locale: l, stateNames: names, committeeNames: committee, year: 2023, gaps: ['cooperation_without_gender', 'gd.disaggregated'], replyBy: new Date(Date.UTC(2025, 5, 30)), indicatorTitle: titles });
        expect(letter.body).toContain(names[l]);
        expect(letter.body).toContain(titles('gd.disaggregated')![l]);
        expect(letter.body).not.toMatch(new RegExp(`\\{(${PLACEHOLDERS.join('|')})\\}`));
        expect(letter.subject).toContain('2023');
      }
    }
  });

  it('finds the focal points: users first, then cover-page contacts with a valid e-mail, each address once', () => {
    const r = focalPoints([{ email: 'Prep@Example.org', name: 'Preparer' }], [{ name: 'A', email: 'prep@example.org' }, { name: 'B', email: 'not an email' }, { name: 'C' }, { name: 'D', email: 'd@example.org' }, 'junk', null]);
    expect(r).toEqual([
      { email: 'Prep@Example.org', name: 'Preparer' },
      { email: 'd@example.org', name: 'D' },
    ]);
    expect(focalPoints([], undefined)).toEqual([]);
  });
});
