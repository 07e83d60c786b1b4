/**
 * Pure edits of a questionnaire's content, as the builder makes them: each takes the content and
 * returns a new one (the input is never changed), so commands can check the result with
 * `contentSchema` + `contentProblems` before anything is stored. Texts are edited in one language
 * (the questionnaire's source language on the build pages); other languages are kept.
 */
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { QSection, Question, QuestionnaireContent, QuestionType, Texts } from '../content.ts';

export type Direction = 'up' | 'down';

/** `<prefix><n>` with n one above the highest number already used with that prefix, so a deleted item's code is not given again (codes are stable in exports). */
export function nextCode(prefix: string, taken: Iterable<string>): string {
  let max = 0;
  const re = new RegExp(`^${prefix}(\\d{1,6})$`);
  for (const code of taken) {
    const m = re.exec(code);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

/** A text with its value in one language set (or removed when empty); undefined when no language is left. */
export function withText(texts: Texts | undefined, lang: Locale, value: string | undefined): Texts | undefined {
  const out: Texts = { ...(texts ?? {}) };
  if (value && value.trim()) out[lang] = value;
  else delete out[lang];
  return Object.values(out).some((v) => v?.trim()) ? out : undefined;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

export function findSection(content: QuestionnaireContent, sectionId: string): QSection | undefined {
  return content.sections.find((s) => s.id === sectionId);
}

export function findQuestion(content: QuestionnaireContent, sectionId: string, questionId: string): Question | undefined {
  return findSection(content, sectionId)?.questions.find((q) => q.id === questionId);
}

/** Moves the item at `index` one place up or down; unchanged at either end. */
export function moved<T>(list: readonly T[], index: number, direction: Direction): T[] {
  const out = [...list];
  const to = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || index >= out.length || to < 0 || to >= out.length) return out;
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export function addSection(content: QuestionnaireContent, lang: Locale, input: { title: string; intro?: string | undefined }): { content: QuestionnaireContent; sectionId: string } {
  const sectionId = nextCode('s', content.sections.map((s) => s.id));
  const intro = withText(undefined, lang, input.intro);
  const section: QSection = { id: sectionId, title: { [lang]: input.title }, ...(intro ? { intro } : {}), questions: [] };
  return { content: { ...clone(content), sections: [...clone(content.sections), section] }, sectionId };
}

/** Changes a section's code, title and intro (in `lang`). */
export function updateSection(content: QuestionnaireContent, sectionId: string, lang: Locale, input: { id: string; title: string; intro?: string | undefined }): QuestionnaireContent {
  const out = clone(content);
  const s = findSection(out, sectionId);
  if (!s) return out;
  s.id = input.id;
  s.title = withText(s.title, lang, input.title) ?? {};
  const intro = withText(s.intro, lang, input.intro);
  if (intro) s.intro = intro;
  else delete s.intro;
  return out;
}

export function moveSection(content: QuestionnaireContent, sectionId: string, direction: Direction): QuestionnaireContent {
  const out = clone(content);
  out.sections = moved(out.sections, out.sections.findIndex((s) => s.id === sectionId), direction);
  return out;
}

export function deleteSection(content: QuestionnaireContent, sectionId: string): QuestionnaireContent {
  const out = clone(content);
  out.sections = out.sections.filter((s) => s.id !== sectionId);
  return out;
}

/** A new question of a type with its label; choice questions start with two options and tables with one column, so the result is valid content. */
export function addQuestion(content: QuestionnaireContent, sectionId: string, lang: Locale, input: { type: QuestionType; label: string }): { content: QuestionnaireContent; questionId: string } {
  const out = clone(content);
  const s = findSection(out, sectionId);
  if (!s) return { content: out, questionId: '' };
  const taken = out.sections.flatMap((x) => x.questions.map((q) => q.id));
  const questionId = nextCode('q', taken);
  const q: Question = { id: questionId, type: input.type, label: { [lang]: input.label } };
  if (input.type === 'single' || input.type === 'multiple') q.options = [{ value: 'o1', label: {} }, { value: 'o2', label: {} }];
  if (input.type === 'table') q.columns = [{ id: 'c1', type: 'short_text', label: {} }];
  s.questions.push(q);
  return { content: out, questionId };
}

export function moveQuestion(content: QuestionnaireContent, sectionId: string, questionId: string, direction: Direction): QuestionnaireContent {
  const out = clone(content);
  const s = findSection(out, sectionId);
  if (s) s.questions = moved(s.questions, s.questions.findIndex((q) => q.id === questionId), direction);
  return out;
}

/** Questions of the same section shown only on an answer to this one. */
export function dependentsOf(content: QuestionnaireContent, sectionId: string, questionId: string): Question[] {
  return findSection(content, sectionId)?.questions.filter((q) => q.showIf?.question === questionId) ?? [];
}

/** Deletes a question; questions that were shown only on its answers lose that condition (the confirmation page names them). */
export function deleteQuestion(content: QuestionnaireContent, sectionId: string, questionId: string): QuestionnaireContent {
  const out = clone(content);
  const s = findSection(out, sectionId);
  if (!s) return out;
  s.questions = s.questions.filter((q) => q.id !== questionId);
  for (const q of s.questions) if (q.showIf?.question === questionId) delete q.showIf;
  return out;
}

/**
 * Puts an edited question in place of the old one. Conditions of other questions follow a changed
 * code, and renamed options (same row, new code); answers no longer offered are dropped from them.
 */
export function replaceQuestion(content: QuestionnaireContent, sectionId: string, questionId: string, question: Question): QuestionnaireContent {
  const out = clone(content);
  const s = findSection(out, sectionId);
  if (!s) return out;
  const index = s.questions.findIndex((q) => q.id === questionId);
  if (index < 0) return out;
  const before = s.questions[index]!;
  s.questions[index] = clone(question);
  const renamed = new Map<string, string>();
  (before.options ?? []).forEach((o, i) => {
    const now = question.options?.[i]?.value;
    if (now !== undefined) renamed.set(o.value, now);
  });
  const offered = question.type === 'yesno' ? ['yes', 'no'] : (question.options ?? []).map((o) => o.value);
  for (const q of s.questions) {
    if (q === s.questions[index] || q.showIf?.question !== questionId) continue;
    q.showIf = { question: question.id, in: [...new Set(q.showIf.in.map((v) => (before.type === 'yesno' ? v : renamed.get(v) ?? v)))].filter((v) => offered.includes(v)) };
  }
  return out;
}

/** Earlier questions of the section a question may depend on (yes/no and choice questions), with their answers. */
export function conditionCandidates(section: QSection, questionId: string): { question: Question; answers: { value: string; label: Texts | undefined }[] }[] {
  const index = section.questions.findIndex((q) => q.id === questionId);
  const earlier = index < 0 ? section.questions : section.questions.slice(0, index);
  return earlier
    .filter((q) => q.type === 'yesno' || q.type === 'single' || q.type === 'multiple')
    .map((question) => ({
      question,
      answers: question.type === 'yesno' ? [{ value: 'yes', label: undefined }, { value: 'no', label: undefined }] : (question.options ?? []).map((o) => ({ value: o.value, label: o.label })),
    }));
}

/** Every action id the content links to. */
export function linkedActions(content: QuestionnaireContent): string[] {
  return [...new Set(content.sections.flatMap((s) => s.questions.flatMap((q) => q.actions ?? [])))];
}

/**
 * A fingerprint of part of the content, carried by an edit form next to the version number: when
 * someone else saved meanwhile but did not touch that part, the edit still applies; when they did,
 * it is a conflict.
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(36)}${h2.toString(36)}`;
}
