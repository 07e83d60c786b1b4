import { describe, expect, it } from 'vitest';
import { contentProblems, type QuestionnaireContent } from '../content.ts';
import { addQuestion, addSection, conditionCandidates, deleteQuestion, dependentsOf, fingerprint, moved, moveQuestion, nextCode, replaceQuestion, updateSection, withText } from './editing.ts';

const content: QuestionnaireContent = {
  sections: [
    {
      id: 's1',
      title: { en: 'Support', fr: 'Soutien' },
      questions: [
        { id: 'q1', type: 'yesno', label: { en: 'Received?' } },
        { id: 'q2', type: 'single', label: { en: 'Kind' }, options: [{ value: 'funds', label: { en: 'Funds' } }, { value: 'kit', label: { en: 'Equipment' } }] },
        { id: 'q3', type: 'number', label: { en: 'Amount' }, showIf: { question: 'q1', in: ['yes'] } },
        { id: 'q4', type: 'short_text', label: { en: 'Which equipment?' }, showIf: { question: 'q2', in: ['kit', 'funds'] } },
      ],
    },
  ],
};

describe('builder content edits', () => {
  it('makes codes one above the highest used, never reusing a deleted one', () => {
    expect(nextCode('q', [])).toBe('q1');
    expect(nextCode('q', ['q1', 'q7', 'received', 'qx'])).toBe('q8');
    expect(nextCode('o', ['o1', 'o2'])).toBe('o3');
  });

  it('sets a text in one language and keeps the others; empty removes it', () => {
    expect(withText({ en: 'A', fr: 'B' }, 'en', 'C')).toEqual({ en: 'C', fr: 'B' });
    expect(withText({ en: 'A', fr: 'B' }, 'en', '  ')).toEqual({ fr: 'B' });
    expect(withText({ en: 'A' }, 'en', '')).toBeUndefined();
  });

  it('moves within bounds only', () => {
    expect(moved([1, 2, 3], 0, 'up')).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 0, 'down')).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 2, 'down')).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], -1, 'down')).toEqual([1, 2, 3]);
  });

  it('adds sections and questions with valid defaults, leaving the input unchanged', () => {
    const a = addSection(content, 'en', { title: 'Gender', intro: '' });
    expect(a.sectionId).toBe('s2');
    expect(a.content.sections[1]).toEqual({ id: 's2', title: { en: 'Gender' }, questions: [] });
    const b = addQuestion(a.content, 's2', 'en', { type: 'multiple', label: 'Who?' });
    expect(b.questionId).toBe('q5');
    expect(b.content.sections[1]!.questions[0]!.options!.map((o) => o.value)).toEqual(['o1', 'o2']);
    const c = addQuestion(b.content, 's2', 'en', { type: 'table', label: 'Teams' });
    expect(c.content.sections[1]!.questions[1]!.columns).toHaveLength(1);
    expect(contentProblems(c.content)).toEqual([]);
    expect(content.sections).toHaveLength(1);
  });

  it('edits a section in one language', () => {
    const out = updateSection(content, 's1', 'en', { id: 'support', title: 'Support received', intro: 'In 2023' });
    expect(out.sections[0]).toMatchObject({ id: 'support', title: { en: 'Support received', fr: 'Soutien' }, intro: { en: 'In 2023' } });
  });

  it('deletes a question and the conditions that depended on it', () => {
    expect(dependentsOf(content, 's1', 'q1').map((q) => q.id)).toEqual(['q3']);
    const out = deleteQuestion(content, 's1', 'q1');
    expect(out.sections[0]!.questions.map((q) => q.id)).toEqual(['q2', 'q3', 'q4']);
    expect(out.sections[0]!.questions[1]!.showIf).toBeUndefined();
    expect(contentProblems(out)).toEqual([]);
  });

  it('a move that puts a question before the one it depends on is a content problem', () => {
    const out = moveQuestion(content, 's1', 'q3', 'up');
    expect(out.sections[0]!.questions.map((q) => q.id)).toEqual(['q1', 'q3', 'q2', 'q4']);
    expect(contentProblems(moveQuestion(out, 's1', 'q3', 'up')).map((p) => p.message)).toEqual(['questionnaires.content.condition_unknown']);
  });

  it('carries renamed codes and options into the conditions of other questions, dropping answers no longer offered', () => {
    const q2 = content.sections[0]!.questions[1]!;
    const renamed = replaceQuestion(content, 's1', 'q2', { ...q2, id: 'kind', options: [{ value: 'money', label: { en: 'Funds' } }] });
    expect(renamed.sections[0]!.questions[3]!.showIf).toEqual({ question: 'kind', in: ['money'] });
    expect(contentProblems(renamed)).toEqual([]);
    const q1 = content.sections[0]!.questions[0]!;
    expect(replaceQuestion(content, 's1', 'q1', { ...q1, id: 'received' }).sections[0]!.questions[2]!.showIf).toEqual({ question: 'received', in: ['yes'] });
  });

  it('offers earlier yes/no and choice questions as conditions, with their answers', () => {
    const c = conditionCandidates(content.sections[0]!, 'q4');
    expect(c.map((x) => [x.question.id, x.answers.map((a) => a.value)])).toEqual([
      ['q1', ['yes', 'no']],
      ['q2', ['funds', 'kit']],
    ]);
    expect(conditionCandidates(content.sections[0]!, 'q1')).toEqual([]);
  });

  it('fingerprints equal values equally and different values differently', () => {
    expect(fingerprint({ a: 1 })).toBe(fingerprint({ a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint(undefined)).toBe(fingerprint(null));
  });
});
