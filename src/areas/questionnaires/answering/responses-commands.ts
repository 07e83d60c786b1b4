/**
 * Named write use cases of answering a questionnaire: saving a section (shared with colleagues of
 * the same State, optimistic lock on the response's version), submitting with a receipt, late
 * changes recorded as history, files attached to a response, and the first use of a link. Each
 * runs in one transaction with its audit event; whether the respondent may answer is decided by
 * the policy, re-checked inside the transaction.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/deps.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { enqueueEmail } from '../../../platform/mail/outbox.ts';
import { storeFile } from '../../../platform/files/files.ts';
import type { FormDef, FormValues, Issue } from '../../../platform/forms/definition.ts';
import { readSubmission, type ParsedSubmission } from '../../../platform/forms/values.ts';
import { toFormDef } from '../content.ts';
import { canAnswer } from '../policy.ts';
import { currentVersion, findQuestionnaire, findVersion, type QuestionnaireRow, type VersionRow } from '../questionnaires-repository.ts';
import { respondentKeyOf, type InvitationRow } from '../respondents.ts';
import { questionnaireInvitations } from '../schema.ts';
import { changedFields, errorsOf, mergeChoices, pickText, receiptReference, sectionDef, sectionFingerprint, unknownFiles, withSection, withoutFile, withoutRow } from './answering.ts';
import * as repo from './responses-repository.ts';
import type { ResponseRow } from './responses-repository.ts';

type Deps = Pick<AppDeps, 'database' | 'translator' | 'config'>;

/** Who answers: the invitation used, and the person acting through it (the invitee, or the signed-in account). */
export interface Respondent {
  invitation: InvitationRow;
  actor: Actor;
  name: string;
  email: string;
  /** The account acting, when signed in. */
  userId: string | null;
}

/** The most files one response keeps. */
export const MAX_RESPONSE_FILES = 20;
/** What a file question accepts (content-detected). */
export const RESPONSE_FILE_KINDS = ['pdf', 'image', 'spreadsheet', 'document'] as const;

/** The form definition a version compiles to. */
export function defOf(q: Pick<QuestionnaireRow, 'id' | 'title'>, version: VersionRow): FormDef {
  return toFormDef(version.content, { id: q.id, title: q.title });
}

async function invitationNow(tx: DbOrTx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.id, id));
  return row;
}

/** The questionnaire and invitation as they are now, and whether answers are accepted (checked in the caller's transaction). */
async function answerable(tx: DbOrTx, r: Respondent, now: Date): Promise<{ q: QuestionnaireRow; open: boolean }> {
  const q = await findQuestionnaire(tx, r.invitation.questionnaireId, { forUpdate: false });
  const inv = await invitationNow(tx, r.invitation.id);
  if (!q || !inv) throw notFound();
  return { q, open: canAnswer(inv, q, now) };
}

/** The version a response is (or will be) on: the one it was started on, or the newest frozen one. */
async function versionFor(tx: DbOrTx, q: QuestionnaireRow, response: ResponseRow | undefined): Promise<VersionRow> {
  const v = response ? await findVersion(tx, response.versionId) : await currentVersion(tx, q.id);
  if (!v) throw new AppError('conflict', 'questionnaires.answering.not_open');
  return v;
}

/** The response of a respondent, created (empty, on the newest frozen version) if there is none yet. */
async function ensureResponse(tx: DbOrTx, r: Respondent, q: QuestionnaireRow, locale: string): Promise<{ row: ResponseRow; created: boolean }> {
  const key = respondentKeyOf(r.invitation);
  const existing = await repo.findResponse(tx, q.id, key, { forUpdate: true });
  if (existing) return { row: existing, created: false };
  const v = await versionFor(tx, q, undefined);
  return repo.insertResponseIfAbsent(tx, { questionnaireId: q.id, versionId: v.id, respondentKey: key, audience: r.invitation.audience, stateIso2: r.invitation.stateIso2, locale, updatedByName: r.name });
}

/* ---------------- Opening a link ---------------- */

/** Stamps the invitation as used; its first use is audited (later ones only move lastUsedAt). */
export async function recordLinkOpened(deps: Deps, r: Respondent, now = new Date()): Promise<void> {
  // Opening the same link again within a few minutes changes nothing worth a write.
  if (r.invitation.lastUsedAt && now.getTime() - r.invitation.lastUsedAt.getTime() < 5 * 60_000) return;
  await withTransaction(deps.database.db, async (tx) => {
    const { first } = await repo.touchInvitation(tx, r.invitation.id, now);
    if (first) await recordAudit(tx, r.actor, { action: 'questionnaires.invitation.opened', entityType: 'questionnaire', entityId: r.invitation.questionnaireId, summary: { invitation: r.invitation.id } });
  });
}

/* ---------------- Saving a section ---------------- */

export type SaveResult =
  | { kind: 'saved'; response: ResponseRow; newRowIds: Record<string, string>; afterSubmission: boolean }
  | { kind: 'invalid'; parsed: ParsedSubmission }
  | { kind: 'conflict'; current: ResponseRow; mine: FormValues }
  | { kind: 'closed'; mine: FormValues };

export interface SaveInput {
  sectionId: string;
  /** The response's version the page was shown with (0: no response yet). */
  expectedVersion: number;
  /** The section's fingerprint when the page was shown: a save on another section since is no conflict. */
  fingerprint?: string | undefined;
  body: unknown;
  locale: string;
  /** Remove the table row `section.table:rowId`. */
  removeRow?: string | undefined;
  /** Resolving a conflict: these questions (section.question) take my answer, the others the colleague's. */
  keepMine?: string[] | undefined;
}

export async function saveSection(deps: Deps, r: Respondent, input: SaveInput, now = new Date()): Promise<SaveResult> {
  return withTransaction(deps.database.db, async (tx) => {
    const { q, open } = await answerable(tx, r, now);
    const key = respondentKeyOf(r.invitation);
    let response = await repo.findResponse(tx, q.id, key, { forUpdate: true });
    const version = await versionFor(tx, q, response);
    const full = defOf(q, version);
    const one = sectionDef(full, input.sectionId);
    if (!one) throw notFound();
    const parsed = readSubmission(one, input.body);
    if (!open) return { kind: 'closed' as const, mine: parsed.values };
    const fileIds = response ? (await repo.listFiles(tx, response.id)).map((f) => f.fileId) : [];
    for (const path of unknownFiles(one, parsed.values, fileIds)) parsed.issues.push({ path, severity: 'error', message: 'forms.errors.invalid_file' });
    if (parsed.issues.length) return { kind: 'invalid' as const, parsed };
    let created = false;
    if (!response) {
      if (input.expectedVersion !== 0) throw notFound();
      ({ row: response, created } = await ensureResponse(tx, r, q, input.locale));
    }
    if (!created && response.version !== input.expectedVersion) {
      // Someone saved since this page was shown. Saves of other sections (the section is as it was
      // shown) and saves of exactly these answers are no conflict; anything else is shown to choose
      // from, never overwritten. Choices made on a conflict page are made against one version only.
      // A page shown before the response existed saw the section empty.
      const shown = input.fingerprint ?? (input.expectedVersion === 0 ? sectionFingerprint({}, input.sectionId) : undefined);
      const untouched = shown !== undefined && shown === sectionFingerprint(response.values, input.sectionId);
      const same = changedFields(one, response.values, withSection(response.values, input.sectionId, parsed.values)).length === 0;
      if (input.keepMine || !(untouched || same)) return { kind: 'conflict' as const, current: response, mine: parsed.values };
    }
    let values = withSection(response.values, input.sectionId, parsed.values);
    if (input.keepMine) values = withSection(response.values, input.sectionId, mergeChoices(one, response.values, parsed.values, input.keepMine));
    if (input.removeRow) values = withoutRow(values, input.removeRow);
    const changed = changedFields(one, response.values, values);
    const saved = await repo.updateValuesIfVersion(tx, response.id, response.version, { values, locale: input.locale, updatedByName: r.name });
    if (!saved) throw new AppError('conflict', 'questionnaires.answering.stale');
    const afterSubmission = response.status === 'submitted';
    if (afterSubmission && changed.length) {
      await repo.insertEvent(tx, { responseId: response.id, kind: 'changed', actorName: r.name, invitationId: r.invitation.id, userId: r.userId, values, at: now });
    }
    await recordAudit(tx, r.actor, {
      action: 'questionnaires.response.saved',
      entityType: 'questionnaire_response',
      entityId: response.id,
      summary: { questionnaire: q.id, section: input.sectionId, version: saved.version, changed, afterSubmission, invitation: r.invitation.id },
    });
    return { kind: 'saved' as const, response: saved, newRowIds: parsed.newRowIds, afterSubmission };
  });
}

/* ---------------- Submitting ---------------- */

export type SubmitResult =
  | { kind: 'submitted'; response: ResponseRow }
  | { kind: 'already'; response: ResponseRow }
  | { kind: 'stale' }
  | { kind: 'closed' }
  | { kind: 'invalid'; issues: Issue[] };

export async function submitResponse(deps: Deps, r: Respondent, input: { expectedVersion: number; locale: string; receiptLink: string }, now = new Date()): Promise<SubmitResult> {
  return withTransaction(deps.database.db, async (tx) => {
    const { q, open } = await answerable(tx, r, now);
    const key = respondentKeyOf(r.invitation);
    let response = await repo.findResponse(tx, q.id, key, { forUpdate: true });
    if (response?.status === 'submitted') return { kind: 'already' as const, response };
    if (!open) return { kind: 'closed' as const };
    if ((response?.version ?? 0) !== input.expectedVersion) return { kind: 'stale' as const };
    const version = await versionFor(tx, q, response);
    const def = defOf(q, version);
    const issues = errorsOf(def, response?.values ?? {});
    if (issues.length) return { kind: 'invalid' as const, issues };
    response ??= (await ensureResponse(tx, r, q, input.locale)).row;
    const year = (q.circulatedAt ?? now).getUTCFullYear();
    const done = await repo.markSubmitted(tx, response.id, response.version, { at: now, byName: r.name, receipt: receiptReference(year, r.invitation.stateIso2), locale: input.locale });
    if (!done) return { kind: 'stale' as const };
    await repo.insertEvent(tx, { responseId: done.id, kind: 'submitted', actorName: r.name, invitationId: r.invitation.id, userId: r.userId, values: done.values, at: now });
    await recordAudit(tx, r.actor, {
      action: 'questionnaires.response.submitted',
      entityType: 'questionnaire_response',
      entityId: done.id,
      summary: { questionnaire: q.id, receipt: done.receipt, version: done.version, first: done.firstSubmittedAt?.getTime() === now.getTime(), invitation: r.invitation.id },
    });
    const tr = deps.translator(input.locale);
    const title = pickText(q.title, input.locale, q.sourceLocale).text;
    await enqueueEmail(tx, {
      to: r.email,
      toName: r.name,
      locale: input.locale,
      kind: 'questionnaire_receipt',
      dedupeKey: `questionnaire-receipt:${done.id}:${done.version}`,
      subject: tr.t('questionnaires.answering.email.receipt_subject', { title, receipt: done.receipt ?? '' }),
      text: tr.t('questionnaires.answering.email.receipt_body', { name: r.name, title, receipt: done.receipt ?? '', time: tr.formatDateTime(now), link: input.receiptLink }),
    });
    return { kind: 'submitted' as const, response: done };
  });
}

/* ---------------- Files ---------------- */

export async function addResponseFile(deps: Deps, r: Respondent, input: { filename: string; data: Buffer; locale: string }, now = new Date()) {
  return withTransaction(deps.database.db, async (tx) => {
    const { q, open } = await answerable(tx, r, now);
    if (!open) throw new AppError('conflict', 'questionnaires.answering.closed');
    const { row: response } = await ensureResponse(tx, r, q, input.locale);
    if ((await repo.listFiles(tx, response.id)).length >= MAX_RESPONSE_FILES) throw new AppError('validation', 'questionnaires.answering.too_many_files', { max: MAX_RESPONSE_FILES });
    const file = await storeFile(tx, { filename: input.filename, data: input.data, createdBy: r.userId, accept: [...RESPONSE_FILE_KINDS], maxBytes: deps.config.uploadLimit });
    await repo.insertFile(tx, { responseId: response.id, fileId: file.id, createdByName: r.name });
    await recordAudit(tx, r.actor, { action: 'questionnaires.response_file.added', entityType: 'questionnaire_response', entityId: response.id, summary: { questionnaire: q.id, file: file.filename, size: file.size, type: file.contentType } });
    return file;
  });
}

/** Removes a file; answers that pointed at it are cleared (a change recorded in the history once submitted). */
export async function removeResponseFile(deps: Deps, r: Respondent, input: { fileId: string }, now = new Date()): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const { q, open } = await answerable(tx, r, now);
    if (!open) throw new AppError('conflict', 'questionnaires.answering.closed');
    const response = await repo.findResponse(tx, q.id, respondentKeyOf(r.invitation), { forUpdate: true });
    if (!response) throw notFound();
    if (!(await repo.deleteFile(tx, response.id, input.fileId))) throw notFound();
    const version = await versionFor(tx, q, response);
    const def = defOf(q, version);
    const values = withoutFile(def, response.values, input.fileId.toLowerCase());
    const changed = changedFields(def, response.values, values);
    if (changed.length) {
      await repo.updateValuesIfVersion(tx, response.id, response.version, { values, locale: response.locale, updatedByName: r.name });
      if (response.status === 'submitted') await repo.insertEvent(tx, { responseId: response.id, kind: 'changed', actorName: r.name, invitationId: r.invitation.id, userId: r.userId, values, at: now });
    }
    await recordAudit(tx, r.actor, { action: 'questionnaires.response_file.removed', entityType: 'questionnaire_response', entityId: response.id, summary: { questionnaire: q.id, file: input.fileId, cleared: changed } });
  });
}
