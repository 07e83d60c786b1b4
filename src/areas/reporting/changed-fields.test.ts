import { describe, expect, it } from 'vitest';
import { changedFields } from './reports-commands.ts';
import { getFormDef } from './formats.ts';

describe('changedFields', () => {
  const def = getFormDef('2023', 'J')!;
  it('treats an empty table, an empty text and a missing answer alike', () => {
    expect(changedFields(def, { received: { assistance: [] }, gender: { narrative: '' } }, {})).toEqual([]);
  });
  it('lists the fields whose answers differ', () => {
    expect(changedFields(def, { gender: { narrative: 'a' } }, { gender: { narrative: 'b' }, received: { assistance: [{ partner: 'X' }] } })).toEqual(['received.assistance', 'gender.narrative']);
  });
});
