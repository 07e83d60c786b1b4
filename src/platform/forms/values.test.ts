import { describe, expect, it } from 'vitest';
import type { FormDef } from './definition.ts';
import { assertValidDefinition } from './definition.ts';
import { cleanText, peopleTotals, readSubmission } from './values.ts';
import { validateForm } from './validate.ts';

const def: FormDef = {
  id: 'T',
  title: 'test',
  sections: [
    {
      id: 'main',
      title: 'main',
      fields: [
        { id: 'name', type: 'text', label: 'n', required: true, maxLength: 10 },
        { id: 'count', type: 'integer', label: 'c', max: 1000 },
        { id: 'area', type: 'decimal', label: 'a', scale: 2 },
        { id: 'when', type: 'date', label: 'w', withinPeriod: true },
        { id: 'kind', type: 'choice', label: 'k', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
        { id: 'plan', type: 'yesno', label: 'p' },
        { id: 'planText', type: 'narrative', label: 'pt', showIf: { field: 'plan', in: [true] }, required: true },
        { id: 'money', type: 'money', label: 'm' },
        { id: 'people', type: 'people', label: 'pp' },
        {
          id: 'rows',
          type: 'table',
          label: 'r',
          columns: [
            { id: 'where', type: 'text', label: 'w', required: true },
            { id: 'qty', type: 'integer', label: 'q' },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'count-vs-rows',
      severity: 'warning',
      check: (v) => {
        const rows = (v.main?.rows as { qty?: number }[]) ?? [];
        const sum = rows.reduce((a, r) => a + (r.qty ?? 0), 0);
        return typeof v.main?.count === 'number' && v.main.count !== sum ? [{ path: 'main.count', message: 'mismatch' }] : [];
      },
    },
  ],
};

describe('form engine: reading submissions', () => {
  it('is a valid definition', () => expect(() => assertValidDefinition(def)).not.toThrow());

  it('reads typed values, Arabic-Indic digits and locale separators', () => {
    const r = readSubmission(def, {
      's.main.name': '  Demo  ',
      's.main.count': '١٢٣',
      's.main.area': '1 250,75',
      's.main.when': '2023-05-01',
      's.main.kind': 'y',
      's.main.plan': 'yes',
      's.main.money.amount': '۱۰۰۰',
      's.main.money.currency': 'usd',
      's.main.people.female_child': '3',
      's.main.people.male_adult': '4',
      's.main.people.disability_male': '1',
      's.main.rows.0._id': 'abc',
      's.main.rows.0.where': 'North',
      's.main.rows.0.qty': '5',
      's.main.rows.1.where': '',
      's.main.rows.1.qty': '',
    });
    expect(r.issues).toEqual([]);
    expect(r.values.main).toMatchObject({
      name: 'Demo',
      count: 123,
      area: 1250.75,
      when: '2023-05-01',
      kind: 'y',
      plan: true,
      money: { amount: 1000, currency: 'USD' },
      people: { female_child: 3, male_adult: 4, disability_male: 1 },
    });
    expect(r.values.main!.rows).toEqual([{ _id: 'abc', where: 'North', qty: 5 }]);
    expect(r.newRowIds).toEqual({});
  });

  it('tells which id each new kept row got, by the name of its id field', () => {
    const r = readSubmission(def, {
      's.main.rows.0._id': 'abc',
      's.main.rows.0.where': 'North',
      's.main.rows.2._id': '',
      's.main.rows.2.where': '',
      's.main.rows.5._id': '',
      's.main.rows.5.where': 'South',
    });
    const rows = r.values.main!.rows as { _id: string; where: string }[];
    expect(rows.map((x) => x.where)).toEqual(['North', 'South']);
    expect(r.newRowIds).toEqual({ 's.main.rows.5._id': rows[1]!._id });
    expect(rows[1]!._id).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it('keeps what was typed when a value cannot be read, with an error on that field', () => {
    const r = readSubmission(def, { 's.main.count': '12.5', 's.main.when': '2023-02-30', 's.main.kind': 'zzz', 's.main.name': 'x'.repeat(11) });
    expect(r.issues.map((i) => [i.path, i.message])).toEqual([
      ['main.name', 'forms.errors.too_long'],
      ['main.count', 'forms.errors.not_whole_number'],
      ['main.when', 'forms.errors.not_date'],
      ['main.kind', 'forms.errors.invalid_option'],
    ]);
    expect(r.raw['main.count']).toBe('12.5');
    expect(r.raw['main.when']).toBe('2023-02-30');
    expect(r.values.main).not.toHaveProperty('count');
  });

  it('refuses negative, absurd and fractional counts', () => {
    for (const bad of ['-1', '1e30', '99999999999999999']) {
      const r = readSubmission(def, { 's.main.count': bad });
      expect(r.issues.length, bad).toBe(1);
    }
    const p = readSubmission(def, { 's.main.people.female_adult': '2.5' });
    expect(p.issues[0]!.path).toBe('main.people.female_adult');
  });

  it('strips bidi overrides and control characters, normalises Word line endings', () => {
    expect(cleanText('a\u202Eb\u0007c\r\nd\u2029e')).toBe('abc\nd\ne');
  });

  it('reads the same values from JSON (API) bodies', () => {
    const r = readSubmission(def, { main: { name: 'A', count: 7, plan: false, rows: [{ _id: 'r1', where: 'X', qty: 2 }], people: { male_child: 2 } } }, { json: true });
    expect(r.issues).toEqual([]);
    expect(r.values.main).toMatchObject({ name: 'A', count: 7, plan: false, rows: [{ _id: 'r1', where: 'X', qty: 2 }], people: { male_child: 2 } });
  });

  it('derives people totals', () => {
    expect(peopleTotals({ female_child: 1, female_adult: 2, male_unknown: 3, disability_female: 1 })).toEqual({
      bySex: { female: 3, male: 3, unknown: 0 },
      byAge: { child: 1, adult: 2, unknown: 3 },
      disability: 1,
      total: 6,
    });
  });
});

describe('form engine: validation', () => {
  it('reports required answers, conditional fields, disability above totals and rule warnings', () => {
    const r = readSubmission(def, { 's.main.plan': 'yes', 's.main.count': '3', 's.main.people.female_adult': '1', 's.main.people.disability_female': '2', 's.main.rows.0.qty': '1' });
    const issues = validateForm(def, r.values, { forms: {} });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, `${i.severity}:${i.message}`]));
    expect(byPath).toMatchObject({
      'main.name': 'error:forms.errors.required',
      'main.planText': 'error:forms.errors.required',
      'main.people.disability_female': 'error:forms.errors.disability_exceeds',
      'main.rows.0.where': 'error:forms.errors.required',
      'main.count': 'warning:mismatch',
    });
  });

  it('does not ask for a hidden conditional field', () => {
    const r = readSubmission(def, { 's.main.name': 'x', 's.main.plan': 'no' });
    expect(validateForm(def, r.values, { forms: {} }).filter((i) => i.path === 'main.planText')).toEqual([]);
  });

  it('warns about dates outside the reporting period', () => {
    const r = readSubmission(def, { 's.main.name': 'x', 's.main.when': '2022-12-31' });
    const issues = validateForm(def, r.values, { forms: {}, period: { start: '2023-01-01', end: '2023-12-31' } });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'main.when', severity: 'warning' }));
  });
});
