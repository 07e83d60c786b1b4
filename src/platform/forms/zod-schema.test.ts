import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { FormDef } from './definition.ts';
import { readSubmission } from './values.ts';
import { formValuesSchema, valueIssuesFromZod, valuesForDefinition } from './zod-schema.ts';

const def: FormDef = {
  id: 'T',
  title: { en: 'Test form', fr: 'Formulaire test' },
  sections: [
    {
      id: 'main',
      title: 'main.title',
      fields: [
        { id: 'name', type: 'text', label: 'name.label', required: true, maxLength: 10 },
        { id: 'story', type: 'narrative', label: 'story' },
        { id: 'count', type: 'integer', label: 'count', max: 1000, unit: 'units.m2' },
        { id: 'area', type: 'decimal', label: 'area', scale: 1 },
        { id: 'when', type: 'date', label: 'when' },
        { id: 'kind', type: 'choice', label: 'kind', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
        { id: 'tags', type: 'multichoice', label: 'tags', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'plan', type: 'yesno', label: 'plan' },
        { id: 'mine', type: 'reference', label: 'mine', source: 'mineTypes' },
        { id: 'money', type: 'money', label: 'money' },
        { id: 'people', type: 'people', label: 'people' },
        { id: 'file', type: 'file', label: 'file', accept: ['pdf'] },
        {
          id: 'rows',
          type: 'table',
          label: 'rows',
          maxRows: 2,
          columns: [
            { id: 'where', type: 'text', label: 'where', required: true },
            { id: 'qty', type: 'integer', label: 'qty' },
          ],
        },
      ],
    },
  ],
};

const good = {
  main: {
    name: 'Name',
    story: 'Line one\nLine two',
    count: 12,
    area: 1.5,
    when: '2024-02-29',
    kind: 'y',
    tags: ['a', 'b'],
    plan: true,
    mine: 'PMN-2',
    money: { amount: 1250.5, currency: 'USD' },
    people: { female_child: 1, male_adult: 2, disability_male: 1 },
    file: '0b0e1f36-3b5f-4a8c-9d3e-2a1f0c9b8a7d',
    rows: [{ _id: 'row1', where: 'North', qty: 3 }, { where: 'South', qty: null }],
  },
};

describe('formValuesSchema', () => {
  it('accepts well-typed values, and the engine reads them without issues', () => {
    const schema = formValuesSchema(def);
    expect(schema.safeParse(good).success).toBe(true);
    const read = readSubmission(def, good, { json: true });
    expect(read.issues).toEqual([]);
    // What the engine stores is valid output (every row has its id) and valid input again.
    expect(formValuesSchema(def, { io: 'output' }).safeParse(read.values).success).toBe(true);
    expect(schema.safeParse(read.values).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ main: { name: null, rows: null, people: null } }).success).toBe(true);
  });

  it('requires row ids on output but not on input', () => {
    const values = { main: { rows: [{ where: 'x' }] } };
    expect(formValuesSchema(def).safeParse(values).success).toBe(true);
    expect(formValuesSchema(def, { io: 'output' }).safeParse(values).success).toBe(false);
  });

  it('rejects wrong types and unknown keys with paths and the engine message keys', () => {
    const bad = {
      main: {
        name: 'x'.repeat(11),
        count: 1.5,
        area: 'lots',
        when: '2023-02-30',
        kind: 'z',
        plan: 'yes',
        money: { amount: -1, currency: 'usd' },
        people: { female_child: -2, cats: 3 },
        file: 'not-a-file',
        rows: [{ where: 'a', qty: 'three' }, { where: 'b' }, { where: 'c' }],
        extra: 1,
      },
      other: {},
    };
    const r = formValuesSchema(def).safeParse(bad);
    expect(r.success).toBe(false);
    const issues = valueIssuesFromZod(def, r.error!);
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['main.name']).toMatchObject({ key: 'forms.errors.too_long', values: { max: 10 } });
    expect(byPath['main.count']).toMatchObject({ key: 'forms.errors.not_whole_number' });
    expect(byPath['main.area']).toMatchObject({ key: 'forms.errors.not_number' });
    expect(byPath['main.when']).toMatchObject({ key: 'forms.errors.not_date' });
    expect(byPath['main.kind']).toMatchObject({ key: 'forms.errors.invalid_option' });
    expect(byPath['main.plan']).toMatchObject({ key: 'forms.errors.invalid_option' });
    expect(byPath['main.money.amount']).toMatchObject({ key: 'forms.errors.out_of_range', values: { min: 0 } });
    expect(byPath['main.money.currency']).toMatchObject({ key: 'forms.errors.invalid_currency' });
    expect(byPath['main.people.female_child']).toMatchObject({ key: 'forms.errors.not_count' });
    expect(byPath['main.people.cats']?.key).toBeUndefined();
    expect(byPath['main.file']).toMatchObject({ key: 'forms.errors.invalid_file' });
    expect(byPath['main.extra']).toBeDefined();
    expect(byPath['other']).toBeDefined();
    for (const i of issues) expect(i.zodMessage).toBeTruthy();
  });

  it('maps a table with too many rows to the engine message', () => {
    const r = formValuesSchema(def).safeParse({ main: { rows: [{ where: 'a' }, { where: 'b' }, { where: 'c' }] } });
    expect(valueIssuesFromZod(def, r.error!)).toEqual([expect.objectContaining({ path: 'main.rows', key: 'forms.errors.too_many_rows', values: { max: 2 } })]);
  });

  it('produces a JSON Schema with the real shape, limits and descriptions', () => {
    const json = z.toJSONSchema(formValuesSchema(def, { io: 'output', describe: (t) => (typeof t === 'string' ? `[${t}]` : t.en!) }), { io: 'output' }) as Record<string, any>;
    expect(json.additionalProperties).toBe(false);
    expect(json.description).toContain('Test form');
    const main = json.properties.main;
    expect(main.description).toBe('[main.title]');
    expect(main.properties.name.description).toContain('[name.label]');
    expect(main.properties.name.description).toContain('required for submission');
    expect(JSON.stringify(main.properties.name)).toContain('"maxLength":10');
    expect(main.properties.count.description).toContain('unit: [units.m2]');
    expect(JSON.stringify(main.properties.kind)).toContain('"enum":["x","y"]');
    expect(JSON.stringify(main.properties.people)).toContain('female_child');
    const rows = main.properties.rows.anyOf.find((s: { type: string }) => s.type === 'array');
    expect(rows.maxItems).toBe(2);
    expect(rows.items.required).toEqual(['_id']);
    expect(rows.items.additionalProperties).toBe(false);
  });
});

describe('valuesForDefinition', () => {
  it('keeps only what the definition knows', () => {
    const stored = { main: { name: 'N', gone: 1, rows: [{ _id: 'r1', where: 'x', old: 2 }], people: { male_adult: 1, total: 1 } }, old: { a: 1 } };
    expect(valuesForDefinition(def, stored)).toEqual({ main: { name: 'N', rows: [{ _id: 'r1', where: 'x' }], people: { male_adult: 1 } } });
    expect(valuesForDefinition(def, null)).toEqual({});
  });
});
