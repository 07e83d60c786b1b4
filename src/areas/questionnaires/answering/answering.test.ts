import { describe, expect, it } from 'vitest';
import { toFormDef, type QuestionnaireContent } from '../content.ts';
import {
  addRowTarget,
  changedFields,
  errorsOf,
  localizeDef,
  mergeChoices,
  parseVersionToken,
  pickText,
  receiptReference,
  sectionDef,
  sectionFingerprint,
  sectionProgress,
  unknownFiles,
  versionToken,
  withBlankRow,
  withSection,
  withoutFile,
  withoutRow,
} from './answering.ts';

const CONTENT: QuestionnaireContent = {
  sections: [
    {
      id: 'a',
      title: { en: 'Support', fr: 'Soutien' },
      questions: [
        { id: 'received', type: 'yesno', label: { en: 'Received?' }, required: true },
        { id: 'amount', type: 'number', label: { en: 'Amount', ar: 'المبلغ' }, showIf: { question: 'received', in: ['yes'] }, required: true },
        { id: 'doc', type: 'file', label: { en: 'Document' } },
      ],
    },
    {
      id: 'b',
      title: { en: 'Teams' },
      questions: [
        { id: 'note', type: 'short_text', label: { en: 'Note' } },
        { id: 'teams', type: 'table', label: { en: 'Teams' }, columns: [{ id: 'name', type: 'short_text', label: { en: 'Name' } }] },
      ],
    },
  ],
};
const def = toFormDef(CONTENT, { id: 'q', title: { en: 'Q', fr: 'Q fr' } });

describe('texts in the respondent’s language', () => {
  it('falls back to the source language, then English, and says which language the text is in', () => {
    expect(pickText({ en: 'Hello', fr: 'Bonjour' }, 'fr', 'en')).toEqual({ text: 'Bonjour', lang: 'fr' });
    expect(pickText({ en: 'Hello', es: 'Hola' }, 'zh', 'es')).toEqual({ text: 'Hola', lang: 'es' });
    expect(pickText({ en: 'Hello', fr: '  ' }, 'fr', 'ar')).toEqual({ text: 'Hello', lang: 'en' });
    expect(pickText({ ru: 'Привет' }, 'fr', 'ar')).toEqual({ text: 'Привет', lang: 'ru' });
    expect(pickText(undefined, 'fr', 'en')).toEqual({ text: '', lang: 'fr' });
  });

  it('localises every text of the definition, the source language filling gaps', () => {
    const ar = localizeDef(def, 'ar', 'fr');
    expect(ar.sections[0]!.title).toEqual({ ar: 'Soutien' });
    expect(ar.sections[0]!.fields[1]!.label).toEqual({ ar: 'المبلغ' });
    expect(ar.sections[0]!.fields[0]!.label).toEqual({ ar: 'Received?' });
    const table = ar.sections[1]!.fields[1]!;
    expect(table.type === 'table' && table.columns[0]!.label).toEqual({ ar: 'Name' });
  });
});

describe('sections', () => {
  it('reduces the definition to one section and reports progress', () => {
    expect(sectionDef(def, 'b')!.sections.map((s) => s.id)).toEqual(['b']);
    expect(sectionDef(def, 'zz')).toBeUndefined();
    expect(sectionProgress(def, 'a', {})).toBe('not_started');
    expect(sectionProgress(def, 'a', { a: { received: true } })).toBe('in_progress');
    expect(sectionProgress(def, 'a', { a: { received: true, amount: 5 } })).toBe('completed');
    expect(sectionProgress(def, 'a', { a: { received: false, amount: 5 } })).toBe('completed');
    // Only a hidden answer: nothing answered that counts.
    expect(sectionProgress(def, 'b', { b: { teams: [] } })).toBe('not_started');
  });

  it('requires the required visible answers only', () => {
    expect(errorsOf(def, {}).map((i) => i.path)).toEqual(['a.received']);
    expect(errorsOf(def, { a: { received: true } }).map((i) => i.path)).toEqual(['a.amount']);
    expect(errorsOf(def, { a: { received: false } })).toEqual([]);
  });

  it('replaces one section, removes a row by id, adds a blank row', () => {
    const values = { a: { received: true }, b: { note: 'x', teams: [{ _id: 'r1', name: 'A' }, { _id: 'r2', name: 'B' }] } };
    expect(withSection(values, 'a', { a: { received: false } })).toEqual({ ...values, a: { received: false } });
    expect(withoutRow(values, 'b.teams:r1').b!.teams).toEqual([{ _id: 'r2', name: 'B' }]);
    expect(withoutRow(values, 'b.teams')).toBe(values);
    expect(withoutRow(values, '../x:r1')).toBe(values);
    expect(addRowTarget(def, 'b.teams')).toEqual({ section: 'b', table: 'teams' });
    expect(addRowTarget(def, 'b.note')).toBeUndefined();
    expect(addRowTarget(def, '<script>')).toBeUndefined();
    expect((withBlankRow(values, { section: 'b', table: 'teams' }).b!.teams as unknown[]).length).toBe(3);
  });
});

describe('co-editing', () => {
  it('finds the questions that differ (empty equals unanswered) and merges the chosen ones', () => {
    const theirs = { a: { received: true, amount: 10 }, b: { note: '' } };
    const mine = { a: { received: true, amount: 20 }, b: { note: null } };
    expect(changedFields(def, theirs, mine)).toEqual(['a.amount']);
    expect(mergeChoices(def, theirs, mine, ['a.amount']).a!.amount).toBe(20);
    expect(mergeChoices(def, theirs, mine, []).a!.amount).toBe(10);
  });

  it('fingerprints a section regardless of key order and empty answers; the version token carries it', () => {
    const f = sectionFingerprint({ a: { received: true, amount: 3 } }, 'a');
    expect(sectionFingerprint({ a: { amount: 3, received: true, doc: null } }, 'a')).toBe(f);
    expect(sectionFingerprint({ a: { received: false } }, 'a')).not.toBe(f);
    expect(sectionFingerprint({}, 'a')).toBe(sectionFingerprint({ a: {} }, 'a'));
    const token = versionToken(7, { a: { received: true, amount: 3 } }, 'a');
    expect(parseVersionToken(token)).toEqual({ version: 7, fingerprint: f });
    expect(parseVersionToken('0')).toEqual({ version: 0, fingerprint: undefined });
    expect(parseVersionToken('7.short')).toBeUndefined();
    expect(parseVersionToken('-1')).toBeUndefined();
    expect(parseVersionToken(undefined)).toBeUndefined();
    expect(parseVersionToken('99999999999')).toBeUndefined();
  });
});

describe('files and receipts', () => {
  it('finds answers pointing at files the response does not have, and clears answers to a removed file', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    expect(unknownFiles(def, { a: { doc: id } }, [])).toEqual(['a.doc']);
    expect(unknownFiles(def, { a: { doc: id } }, [id])).toEqual([]);
    expect(withoutFile(def, { a: { doc: id, received: true } }, id)).toEqual({ a: { doc: null, received: true } });
  });

  it('makes receipt references like Q2023-SN-7K3D from unambiguous characters', () => {
    let i = 0;
    expect(receiptReference(2023, 'SN', () => i++)).toBe('Q2023-SN-3467');
    expect(receiptReference(2023, null)).toMatch(/^Q2023-XX-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    expect(receiptReference(2023, 'sn; drop')).toMatch(/^Q2023-XX-/);
  });
});
