import { describe, expect, it } from 'vitest';
import type { QSection, Question } from '../content.ts';
import { draftOf, parseColumnOptions, problemField, questionFromDraft, readDraft } from './question-form.ts';

const amount: Question = { id: 'amount', type: 'number', label: { en: 'Amount', fr: 'Montant' }, unit: { en: 'USD' }, min: 0, showIf: { question: 'received', in: ['yes'] }, actions: ['OAP-42'] };
const section: QSection = { id: 's', title: { en: 'S' }, questions: [{ id: 'received', type: 'yesno', label: { en: 'Received?' } }, amount] };
const known = new Set(['OAP-42', 'OAP-43']);

describe('the question form', () => {
  it('shows a question as its draft and reads the same draft back', () => {
    const draft = draftOf(amount, 'en');
    expect(draft).toMatchObject({ code: 'amount', label: 'Amount', unit: 'USD', min: '0', condition: 'received', conditionValues: ['received=yes'], actions: ['OAP-42'] });
    const body = { code: 'amount', label: 'Amount', unit: 'USD', min: '0', condition: 'received', conditionValues: 'received=yes', actions: 'OAP-42' };
    const back = questionFromDraft(readDraft(body, 'save'), amount, 'en', { section, knownActions: known });
    expect(back.errors).toEqual({});
    expect(back.question).toEqual(amount);
  });

  it('reads numbers in any digits and refuses bad ones on their field', () => {
    const ok = questionFromDraft(readDraft({ code: 'amount', label: 'Amount', max: '١٬٠٠٠', decimals: '2' }, 'save'), amount, 'en', { section, knownActions: known });
    expect(ok.question).toMatchObject({ max: 1000, decimals: 2 });
    const bad = questionFromDraft(readDraft({ code: '9x', label: '', min: 'abc', decimals: '1.5', actions: ['OAP-42', 'XYZ-1'], condition: 'received' }, 'save'), amount, 'en', { section, knownActions: known });
    expect(Object.keys(bad.errors).sort()).toEqual(['actions', 'code', 'conditionValues', 'decimals', 'label', 'min']);
  });

  it('adds and removes option and column rows', () => {
    const body = { code: 'kind', label: 'Kind', 'options.0.value': 'a', 'options.0.label': 'A', 'options.1.value': 'b', 'options.1.label': 'B' };
    expect(readDraft(body, 'add_option').options.map((o) => o.value)).toEqual(['a', 'b', 'o1']);
    expect(readDraft(body, 'remove_option:0').options.map((o) => o.value)).toEqual(['b']);
    expect(readDraft({ 'columns.0.code': 'c1', 'columns.0.type': 'number', 'columns.0.label': 'N' }, 'add_column').columns.map((c) => c.code)).toEqual(['c1', 'c2']);
  });

  it('reads column options one a line, making codes for bare labels', () => {
    expect(parseColumnOptions('lead = Team leader\nMember\n\n', 'en')).toEqual({
      options: [
        { value: 'lead', label: { en: 'Team leader' } },
        { value: 'o1', label: { en: 'Member' } },
      ],
      bad: false,
    });
    expect(parseColumnOptions('Bad Code = x', 'en').bad).toBe(true);
  });

  it('keeps the other languages of texts edited in the source language', () => {
    const out = questionFromDraft(readDraft({ code: 'amount', label: 'Amount received', unit: '', condition: '' }, 'save'), amount, 'en', { section, knownActions: known });
    expect(out.question.label).toEqual({ en: 'Amount received', fr: 'Montant' });
    expect(out.question.unit).toBeUndefined();
    expect(out.question.showIf).toBeUndefined();
  });

  it('puts content problems on the field they are about', () => {
    expect(problemField({ path: 's.amount', message: 'questionnaires.content.min_above_max' }, 's', 'amount')).toBe('min');
    expect(problemField({ path: 's.amount', message: 'questionnaires.content.condition_unknown' }, 's', 'amount')).toBe('condition');
    expect(problemField({ path: 's.teams.name', message: 'questionnaires.content.duplicate_column' }, 's', 'teams', [{ id: 'x' }, { id: 'name' }])).toBe('columns.1.code');
    expect(problemField({ path: 's.other', message: 'questionnaires.content.no_options' }, 's', 'amount')).toBeUndefined();
  });
});
