import { describe, expect, it } from 'vitest';
import type { FormDef } from './definition.ts';
import { diffValues } from './diff.ts';

const def: FormDef = {
  id: 'X',
  title: 'x',
  sections: [
    {
      id: 's',
      title: 's',
      fields: [
        { id: 'n', type: 'integer', label: 'n' },
        { id: 'note', type: 'narrative', label: 'note' },
        { id: 't', type: 'table', label: 't', columns: [{ id: 'a', type: 'text', label: 'a' }, { id: 'q', type: 'integer', label: 'q' }] },
      ],
    },
  ],
};

describe('diffValues', () => {
  it('finds changed answers, changed cells, added and removed rows', () => {
    const before = { s: { n: 1, note: null, t: [{ _id: 'r1', a: 'North', q: 5 }, { _id: 'r2', a: 'South', q: 2 }] } };
    const after = { s: { n: 2, note: '', t: [{ _id: 'r1', a: 'North', q: 7 }, { _id: 'r3', a: 'East', q: 1 }] } };
    const d = diffValues(def, before, after).map((c) => [c.kind, c.fieldId, c.column?.id ?? '', c.before, c.after]);
    expect(d).toEqual([
      ['changed', 'n', '', 1, 2],
      ['changed', 't', 'q', 5, 7],
      ['row_added', 't', '', null, { _id: 'r3', a: 'East', q: 1 }],
      ['row_removed', 't', '', { _id: 'r2', a: 'South', q: 2 }, null],
    ]);
  });
  it('finds nothing between equal values', () => {
    const v = { s: { n: 1, t: [{ _id: 'a', a: 'x' }] } };
    expect(diffValues(def, v, JSON.parse(JSON.stringify(v)))).toEqual([]);
  });
});
