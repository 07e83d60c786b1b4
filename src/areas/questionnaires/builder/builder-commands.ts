/**
 * What the builder changes, each in one transaction with its audit event: creating and copying a
 * questionnaire, its title and description, its content (sections, questions, translations) on the
 * draft version, and starting the next version once one was circulated (frozen).
 *
 * Content edits carry the version row's `version` (optimistic lock) and a fingerprint of the part
 * of the content the form showed: when someone saved meanwhile but left that part alone, the edit
 * applies to what is stored now; when they changed it, the edit is a conflict and nothing is
 * overwritten. Every result is checked with `contentSchema` and `contentProblems` before it is
 * stored.
 */
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, conflict, isAppError, notFound } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { Principal } from '../../accounts/index.ts';
import { contentProblems, contentSchema, textsOf, type ContentProblem, type QuestionnaireContent, type Texts } from '../content.ts';
import { assertCan, canAssignQuestionnaireTo, canCreateQuestionnaire, canEditQuestionnaire, canViewQuestionnaire } from '../policy.ts';
import { findQuestionnaire, latestVersion, type QuestionnaireRow, type VersionRow } from '../questionnaires-repository.ts';
import * as edits from './editing.ts';
import type { Question, QuestionType } from '../content.ts';
import { insertQuestionnaire, insertVersion, latestVersionForUpdate, updateDraftContent, updateHead } from './builder-repository.ts';

export interface BuilderDeps {
  database: Database;
}

export interface SchemaIssue {
  /** Path in the content, e.g. `sections.0.questions.2.label.en`. */
  path: string;
  message: string;
}

export type ContentEditResult =
  | { kind: 'saved'; version: VersionRow }
  | { kind: 'conflict'; current: VersionRow }
  | { kind: 'invalid'; problems: ContentProblem[]; schemaIssues: SchemaIssue[]; content: QuestionnaireContent };

/** What a content edit needs to know to be safe. */
export interface ContentEditInput {
  questionnaireId: string;
  /** The version row's `version` the form was shown with. */
  expectedVersion: number;
  /** When given: the edit still applies after someone else's save if this part of the content is unchanged. */
  base?: { of: (content: QuestionnaireContent) => string; value: string } | undefined;
}

/** Problems of a content (schema first, then structure). */
export function checkContent(content: QuestionnaireContent): { problems: ContentProblem[]; schemaIssues: SchemaIssue[] } {
  const parsed = contentSchema.safeParse(content);
  const schemaIssues = parsed.success ? [] : parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { schemaIssues, problems: parsed.success ? contentProblems(content) : [] };
}

async function loadForEdit(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], user: Principal, questionnaireId: string): Promise<QuestionnaireRow> {
  const q = await findQuestionnaire(tx, questionnaireId, { forUpdate: true });
  if (!q) throw notFound();
  assertCan(canViewQuestionnaire(user, q));
  assertCan(canEditQuestionnaire(user, q));
  return q;
}

/**
 * Applies an edit to the draft version. `edit` may throw an AppError (e.g. an unknown section) —
 * it is given the content as stored now.
 */
async function changeContent(
  deps: BuilderDeps,
  actor: Actor,
  user: Principal,
  input: ContentEditInput,
  edit: (content: QuestionnaireContent) => QuestionnaireContent,
  audit: { action: string; summary: Record<string, unknown> },
): Promise<ContentEditResult> {
  return withTransaction(deps.database.db, async (tx) => {
    await loadForEdit(tx, user, input.questionnaireId);
    const version = await latestVersionForUpdate(tx, input.questionnaireId);
    if (!version) throw notFound();
    if (version.frozenAt) throw conflict('questionnaires.builder.frozen', { versionNo: version.versionNo });
    if (version.version !== input.expectedVersion) {
      const untouched = input.base && input.base.of(version.content) === input.base.value;
      if (!untouched) return { kind: 'conflict', current: version };
    }
    const content = edit(version.content);
    const { problems, schemaIssues } = checkContent(content);
    if (problems.length || schemaIssues.length) return { kind: 'invalid', problems, schemaIssues, content };
    const saved = await updateDraftContent(tx, version.id, version.version, content);
    if (!saved) return { kind: 'conflict', current: version };
    await recordAudit(tx, actor, { action: audit.action, entityType: 'questionnaire', entityId: input.questionnaireId, summary: { versionNo: version.versionNo, ...audit.summary } });
    return { kind: 'saved', version: saved };
  });
}

/* ---------------- Questionnaires ---------------- */

export interface NewQuestionnaireInput {
  title: string;
  description?: string | undefined;
  sourceLocale: Locale;
  committeeId: string | null;
}

/** A new questionnaire with an empty draft version 1. */
export async function createQuestionnaire(deps: BuilderDeps, actor: Actor, user: Principal, input: NewQuestionnaireInput): Promise<QuestionnaireRow> {
  assertCan(canCreateQuestionnaire(user));
  assertCan(canAssignQuestionnaireTo(user, input.committeeId));
  return withTransaction(deps.database.db, async (tx) => {
    const q = await insertQuestionnaire(tx, {
      title: { [input.sourceLocale]: input.title },
      description: input.description ? { [input.sourceLocale]: input.description } : {},
      sourceLocale: input.sourceLocale,
      committeeId: input.committeeId,
      createdBy: actor.userId,
    });
    await insertVersion(tx, { questionnaireId: q.id, versionNo: 1, content: { sections: [] }, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'questionnaires.questionnaire.created', entityType: 'questionnaire', entityId: q.id, summary: { title: input.title, sourceLocale: input.sourceLocale, committeeId: input.committeeId } });
    return q;
  });
}

/** Title and description in one language (the source language on the details page). */
export async function updateQuestionnaireDetails(
  deps: BuilderDeps,
  actor: Actor,
  user: Principal,
  input: { questionnaireId: string; expectedVersion: number; lang: Locale; title: string; description?: string | undefined },
): Promise<{ kind: 'saved'; questionnaire: QuestionnaireRow } | { kind: 'conflict'; current: QuestionnaireRow }> {
  return withTransaction(deps.database.db, async (tx) => {
    const q = await loadForEdit(tx, user, input.questionnaireId);
    const latest = await latestVersion(tx, q.id);
    if (latest?.frozenAt) throw conflict('questionnaires.builder.frozen', { versionNo: latest.versionNo });
    if (q.version !== input.expectedVersion) return { kind: 'conflict', current: q };
    const title: Texts = { ...q.title, [input.lang]: input.title };
    const description: Texts = { ...q.description };
    if (input.description) description[input.lang] = input.description;
    else delete description[input.lang];
    const saved = await updateHead(tx, q.id, q.version, { title, description });
    if (!saved) return { kind: 'conflict', current: q };
    await recordAudit(tx, actor, { action: 'questionnaires.questionnaire.updated', entityType: 'questionnaire', entityId: q.id, summary: { lang: input.lang, title: input.title } });
    return { kind: 'saved', questionnaire: saved };
  });
}

/**
 * "Copy as new questionnaire": the newest content (draft or frozen) as version 1 of a new draft
 * questionnaire of the same committee and source language. Translations of the title are kept
 * only when the title stays the same.
 */
export async function copyQuestionnaire(deps: BuilderDeps, actor: Actor, user: Principal, input: { questionnaireId: string; title: string }): Promise<QuestionnaireRow> {
  return withTransaction(deps.database.db, async (tx) => {
    const source = await findQuestionnaire(tx, input.questionnaireId);
    if (!source) throw notFound();
    assertCan(canViewQuestionnaire(user, source));
    assertCan(canCreateQuestionnaire(user) && canAssignQuestionnaireTo(user, source.committeeId));
    const version = await latestVersion(tx, source.id);
    const lang = source.sourceLocale as Locale;
    const title: Texts = source.title[lang] === input.title ? { ...source.title } : { [lang]: input.title };
    const q = await insertQuestionnaire(tx, { title, description: { ...source.description }, sourceLocale: source.sourceLocale, committeeId: source.committeeId, createdBy: actor.userId });
    await insertVersion(tx, { questionnaireId: q.id, versionNo: 1, content: structuredClone(version?.content ?? { sections: [] }), createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'questionnaires.questionnaire.copied', entityType: 'questionnaire', entityId: q.id, summary: { from: source.id, fromVersionNo: version?.versionNo ?? null, title: input.title } });
    return q;
  });
}

/**
 * Starts the next version as a copy of the newest frozen one. Starting twice (two people, or a
 * double click) gives the one draft that exists: the one-draft unique index settles a race.
 */
export async function startNextVersion(deps: BuilderDeps, actor: Actor, user: Principal, input: { questionnaireId: string }): Promise<{ versionNo: number; started: boolean }> {
  try {
    return await withTransaction(deps.database.db, async (tx) => {
      await loadForEdit(tx, user, input.questionnaireId);
      const latest = await latestVersionForUpdate(tx, input.questionnaireId);
      if (!latest) throw notFound();
      if (!latest.frozenAt) return { versionNo: latest.versionNo, started: false };
      const created = await insertVersion(tx, { questionnaireId: input.questionnaireId, versionNo: latest.versionNo + 1, content: structuredClone(latest.content), createdBy: actor.userId });
      await recordAudit(tx, actor, { action: 'questionnaires.version.started', entityType: 'questionnaire', entityId: input.questionnaireId, summary: { versionNo: created.versionNo, from: latest.versionNo } });
      return { versionNo: created.versionNo, started: true };
    });
  } catch (e) {
    if (isAppError(e) && e.code === 'db.unique_violation') {
      const latest = await latestVersion(deps.database.db, input.questionnaireId);
      if (latest && !latest.frozenAt) return { versionNo: latest.versionNo, started: false };
    }
    throw e;
  }
}

/* ---------------- Content ---------------- */

function requireSection(content: QuestionnaireContent, sectionId: string) {
  const s = edits.findSection(content, sectionId);
  if (!s) throw notFound('questionnaires.builder.section_not_found');
  return s;
}

function requireQuestion(content: QuestionnaireContent, sectionId: string, questionId: string) {
  const q = edits.findQuestion(content, sectionId, questionId);
  if (!q) throw notFound('questionnaires.builder.question_not_found');
  return q;
}

export async function addSection(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { lang: Locale; title: string; intro?: string | undefined }) {
  let sectionId = '';
  const result = await changeContent(
    deps,
    actor,
    user,
    { ...input, base: { of: () => '', value: '' } },
    (content) => {
      const out = edits.addSection(content, input.lang, input);
      sectionId = out.sectionId;
      return out.content;
    },
    { action: 'questionnaires.section.added', summary: { title: input.title } },
  );
  return { result, sectionId };
}

export async function updateSection(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { sectionId: string; lang: Locale; id: string; title: string; intro?: string | undefined }) {
  return changeContent(
    deps,
    actor,
    user,
    input,
    (content) => {
      requireSection(content, input.sectionId);
      return edits.updateSection(content, input.sectionId, input.lang, input);
    },
    { action: 'questionnaires.section.updated', summary: { section: input.sectionId, code: input.id, title: input.title } },
  );
}

export async function moveSection(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { sectionId: string; direction: edits.Direction }) {
  return changeContent(
    deps,
    actor,
    user,
    input,
    (content) => {
      requireSection(content, input.sectionId);
      return edits.moveSection(content, input.sectionId, input.direction);
    },
    { action: 'questionnaires.section.moved', summary: { section: input.sectionId, direction: input.direction } },
  );
}

export async function deleteSection(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { sectionId: string }) {
  return changeContent(
    deps,
    actor,
    user,
    input,
    (content) => {
      requireSection(content, input.sectionId);
      return edits.deleteSection(content, input.sectionId);
    },
    { action: 'questionnaires.section.deleted', summary: { section: input.sectionId } },
  );
}

export async function addQuestion(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { sectionId: string; lang: Locale; type: QuestionType; label: string }) {
  let questionId = '';
  const result = await changeContent(
    deps,
    actor,
    user,
    { ...input, base: { of: (c) => (edits.findSection(c, input.sectionId) ? 'present' : 'gone'), value: 'present' } },
    (content) => {
      requireSection(content, input.sectionId);
      const out = edits.addQuestion(content, input.sectionId, input.lang, input);
      questionId = out.questionId;
      return out.content;
    },
    { action: 'questionnaires.question.added', summary: { section: input.sectionId, type: input.type, label: input.label } },
  );
  return { result, questionId };
}

/** Saves a question as edited on its page (`question` replaces it; conditions of others follow renamed codes). */
export async function updateQuestion(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { sectionId: string; questionId: string; question: Question }) {
  return changeContent(
    deps,
    actor,
    user,
    input,
    (content) => {
      requireQuestion(content, input.sectionId, input.questionId);
      return edits.replaceQuestion(content, input.sectionId, input.questionId, input.question);
    },
    { action: 'questionnaires.question.updated', summary: { section: input.sectionId, question: input.questionId, code: input.question.id, type: input.question.type } },
  );
}

export async function moveQuestion(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { sectionId: string; questionId: string; direction: edits.Direction }) {
  return changeContent(
    deps,
    actor,
    user,
    input,
    (content) => {
      requireQuestion(content, input.sectionId, input.questionId);
      return edits.moveQuestion(content, input.sectionId, input.questionId, input.direction);
    },
    { action: 'questionnaires.question.moved', summary: { section: input.sectionId, question: input.questionId, direction: input.direction } },
  );
}

export async function deleteQuestion(deps: BuilderDeps, actor: Actor, user: Principal, input: ContentEditInput & { sectionId: string; questionId: string }) {
  return changeContent(
    deps,
    actor,
    user,
    input,
    (content) => {
      requireQuestion(content, input.sectionId, input.questionId);
      return edits.deleteQuestion(content, input.sectionId, input.questionId);
    },
    { action: 'questionnaires.question.deleted', summary: { section: input.sectionId, question: input.questionId } },
  );
}

/* ---------------- Translations ---------------- */

/** The texts of a questionnaire in one language, by path (what the translations page shows and fingerprints). */
export function textsIn(content: QuestionnaireContent, head: { title: Texts; description: Texts }, lang: Locale): Record<string, string> {
  return Object.fromEntries(textsOf(content, head).map((x) => [x.path, x.texts[lang] ?? '']));
}

/**
 * Saves the texts of one language (not the source language: that one is written on the build
 * pages). Paths that no longer exist are ignored; a text left empty is removed.
 */
export async function saveTranslations(
  deps: BuilderDeps,
  actor: Actor,
  user: Principal,
  input: { questionnaireId: string; lang: Locale; expectedVersion: number; expectedHeadVersion: number; base: string; texts: Record<string, string> },
): Promise<{ kind: 'saved'; written: number } | { kind: 'conflict'; current: VersionRow; head: QuestionnaireRow } | { kind: 'invalid'; problems: ContentProblem[]; schemaIssues: SchemaIssue[] }> {
  return withTransaction(deps.database.db, async (tx) => {
    const q = await loadForEdit(tx, user, input.questionnaireId);
    if (q.sourceLocale === input.lang) throw new AppError('bad_request', 'questionnaires.builder.translate_source');
    const version = await latestVersionForUpdate(tx, q.id);
    if (!version) throw notFound();
    if (version.frozenAt) throw conflict('questionnaires.builder.frozen', { versionNo: version.versionNo });
    const stale = version.version !== input.expectedVersion || q.version !== input.expectedHeadVersion;
    if (stale && edits.fingerprint(textsIn(version.content, q, input.lang)) !== input.base) return { kind: 'conflict', current: version, head: q };
    const content = structuredClone(version.content);
    const head = { title: { ...q.title }, description: { ...q.description } };
    let written = 0;
    for (const slot of textsOf(content, head)) {
      const value = input.texts[slot.path];
      if (value === undefined) continue;
      if (value) slot.texts[input.lang] = value;
      else delete slot.texts[input.lang];
      if (value) written++;
    }
    const { problems, schemaIssues } = checkContent(content);
    if (problems.length || schemaIssues.length) return { kind: 'invalid', problems, schemaIssues };
    if (JSON.stringify(content) !== JSON.stringify(version.content)) {
      const saved = await updateDraftContent(tx, version.id, version.version, content);
      if (!saved) return { kind: 'conflict', current: version, head: q };
    }
    if (JSON.stringify(head) !== JSON.stringify({ title: q.title, description: q.description })) {
      const saved = await updateHead(tx, q.id, q.version, head);
      if (!saved) return { kind: 'conflict', current: version, head: q };
    }
    await recordAudit(tx, actor, { action: 'questionnaires.translation.saved', entityType: 'questionnaire', entityId: q.id, summary: { versionNo: version.versionNo, lang: input.lang, written } });
    return { kind: 'saved', written };
  });
}
