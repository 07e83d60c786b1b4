import { describe, expect, it } from 'vitest';
import { readSubmission } from '../../../platform/forms/values.ts';
import { CURRENT_FORMAT } from '../formats.ts';
import { fullValues } from '../../../../tests/integration/reporting-exports/fixtures.ts';
import { formLayout, readScalars, readTableRow, scalarCells, tableRows } from './columns.ts';
import { columnLetter } from './import-file.ts';
import { textDirection } from './context.ts';

describe('flat columns', () => {
  it('give back the same values for every form of the format', () => {
    const all = fullValues();
    for (const def of CURRENT_FORMAT.forms) {
      const values = readSubmission(def, all[def.id] ?? {}, { json: true }).values;
      const layout = formLayout(def);
      const scalars = scalarCells(layout, values);
      const codes = layout.scalars.map((l) => l.code);
      const body = readScalars(layout, (code) => scalars[codes.indexOf(code)] ?? null);
      for (const table of layout.tables) {
        const tcodes = table.leaves.map((l) => l.code);
        body[table.section]![table.field.id] = tableRows(table, values).map((row) => readTableRow(table, (code) => row[tcodes.indexOf(code)] ?? null));
      }
      const back = readSubmission(def, body, { json: true });
      expect(back.issues, def.id).toEqual([]);
      expect(back.values, def.id).toEqual(values);
    }
  });
});

describe('helpers', () => {
  it('names spreadsheet columns', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('finds the direction of a text from its first letter; text without letters is left to right', () => {
    expect(textDirection('مرحبا Hello')).toBe('rtl');
    expect(textDirection('Hello مرحبا')).toBe('ltr');
    expect(textDirection('2023 مرحبا')).toBe('rtl');
    expect(textDirection('+221 33 000')).toBe('ltr');
    expect(textDirection('你好')).toBe('ltr');
    expect(textDirection('')).toBeUndefined();
  });
});
