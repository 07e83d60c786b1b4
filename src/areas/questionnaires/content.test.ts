import { describe, expect, it } from 'vitest';
import { contentProblems, contentSchema, countedValues, hiddenAnswers, toFormDef, translationStatus, type QuestionnaireContent } from './content.ts';
import { assertValidDefinition } from '../../platform/forms/definition.ts';
import { validateFields } from '../../platform/forms/validate.ts';

const content: QuestionnaireContent = {
  sections: [
    {
      id: 'support',
      title: { en: 'Support received', ar: 'الدعم المتلقى' },
      questions: [
        { id: 'received', type: 'yesno', label: { en: 'Did you receive support?', ar: 'هل تلقيتم دعمًا؟' }, required: true },
        { id: 'amount', type: 'number', label: { en: 'How much?' }, unit: { en: 'USD' }, decimals: 2, min: 0, showIf: { question: 'received', in: ['yes'] }, required: true, actions: ['OAP-42'] },
        { id: 'kinds', type: 'multiple', label: { en: 'Kinds' }, options: [{ value: 'funds', label: { en: 'Funds' } }, { value: 'equipment', label: { en: 'Equipment' } }] },
        { id: 'why', type: 'long_text', label: { en: 'Why not?' }, showIf: { question: 'received', in: ['no'] } },
        { id: 'partners', type: 'table', label: { en: 'Partners' }, columns: [{ id: 'name', type: 'short_text', label: { en: 'Name' } }, { id: 'since', type: 'date', label: { en: 'Since' } }], maxRows: 20 },
      ],
    },
  ],
};

describe('questionnaire content', () => {
  it('is valid content with no structural problems', () => {
    expect(contentSchema.safeParse(content).success).toBe(true);
    expect(contentProblems(content)).toEqual([]);
  });

  it('compiles to a valid form definition, yes/no conditions as booleans', () => {
    const def = toFormDef(content, { id: 'q', title: { en: 'Q' } });
    assertValidDefinition(def);
    const fields = def.sections[0]!.fields;
    expect(fields.map((f) => f.type)).toEqual(['yesno', 'decimal', 'multichoice', 'narrative', 'table']);
    expect(fields[1]!.showIf).toEqual({ field: 'received', in: [true] });
    expect(fields[1]!.actions).toEqual(['OAP-42']);
    // A hidden required question is not required.
    expect(validateFields(def, { support: { received: false } }, { forms: {} }).map((i) => i.path)).toEqual([]);
    expect(validateFields(def, { support: { received: true } }, { forms: {} }).map((i) => i.path)).toEqual(['support.amount']);
  });

  it('finds answers given to hidden questions and leaves them out of what counts', () => {
    const def = toFormDef(content, { id: 'q', title: { en: 'Q' } });
    const values = { support: { received: true, amount: 1000, why: 'No partner came' } };
    expect(hiddenAnswers(def, values)).toEqual(['support.why']);
    expect(countedValues(def, values)).toEqual({ support: { received: true, amount: 1000 } });
  });

  it('reports broken conditions, options and duplicates', () => {
    const broken: QuestionnaireContent = {
      sections: [
        {
          id: 's',
          title: { en: 'S' },
          questions: [
            { id: 'a', type: 'single', label: { en: 'A' }, options: [] },
            { id: 'b', type: 'short_text', label: { en: 'B' }, showIf: { question: 'later', in: ['x'] } },
            { id: 'c', type: 'short_text', label: { en: 'C' }, showIf: { question: 'b', in: ['x'] } },
            { id: 'c', type: 'number', label: { en: 'C' }, min: 5, max: 1 },
            { id: 'later', type: 'yesno', label: { en: 'L' } },
          ],
        },
      ],
    };
    expect(contentProblems(broken).map((p) => `${p.path}:${p.message.split('.').pop()}`)).toEqual([
      's.a:no_options',
      's.b:condition_unknown',
      's.c:condition_type',
      's.c:duplicate_question',
      's.c:min_above_max',
    ]);
  });

  it('counts what is written in each language', () => {
    const status = translationStatus(content, { title: { en: 'Q', ar: 'س' } });
    const en = status.find((s) => s.locale === 'en')!;
    const ar = status.find((s) => s.locale === 'ar')!;
    expect(en.missing).toEqual([]);
    expect(ar.done).toBe(3);
    expect(ar.missing).toContain('support.amount.label');
    expect(ar.missing).toContain('support.kinds.options.funds');
    expect(ar.total).toBe(en.total);
  });
});
