/**
 * Named write use cases of the follow-ups: seeding the letter templates, drafting a letter for a
 * State from the template in its language, editing it, redrafting it in another language,
 * sending it through the outbox, marking it answered and closing it, and editing a template.
 * Each runs in one transaction with its audit event; every change of an existing row checks the
 * version the user saw (a stale edit is refused with `analysis.followups.stale`, nothing changed).
 */
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { enqueueEmail } from '../../../platform/mail/outbox.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { listStateContacts, type Principal } from '../../accounts/index.ts';
import { listIndicators } from '../indicators/indicators-queries.ts';
import type { FollowUpStatus } from '../schema.ts';
import * as repo from './followups-repository.ts';
import { followUpCandidates } from './followups-queries.ts';
import { focalPoints, letterLocale, renderLetter, REPLY_DAYS, SIGNING_COMMITTEE, templateKeyFor, templateProblems, type Recipient, type TemplateKey } from './letters.ts';
import { assertCan, canEditLetterTemplates, canManageFollowUps } from './policy.ts';
import { defaultTemplateRows } from './seed-templates.ts';

type Db = Pick<Database, 'db'>;

/** Reference data: the starting templates in the six languages; ISU's edits are kept (idempotent). */
export async function seedLetterTemplates(db: DbOrTx, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  return withTransaction(db, async (tx) => {
    const n = await repo.insertMissingTemplates(tx, defaultTemplateRows());
    if (n) await recordAudit(tx, actor, { action: 'analysis.letter_templates.seeded', entityType: 'letter_template', summary: { inserted: n } });
    return n;
  });
}

export function defaultReplyBy(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + REPLY_DAYS));
}

/** The letter for a State, year and gaps from the template in the given language. */
export async function composeLetter(db: DbOrTx, input: { stateIso2: string; reportId: string | null; year: number; gaps: readonly string[]; locale?: Locale | undefined; replyBy?: Date | undefined }) {
  const facts = await repo.findLetterFacts(db, input.stateIso2, input.reportId);
  if (!facts) throw notFound();
  const locale = input.locale ?? letterLocale(facts);
  const templateKey = templateKeyFor(input.gaps);
  const template = (await repo.findTemplate(db, templateKey, locale)) ?? (await repo.findTemplate(db, templateKey, 'en'));
  if (!template) throw conflict('analysis.followups.no_template');
  const [indicators, committeeNames] = await Promise.all([listIndicators(db, { activeOnly: false }), repo.findCommitteeNames(db, SIGNING_COMMITTEE)]);
  const titles = new Map(indicators.map((i) => [i.id, i.title]));
  const letter = renderLetter({
    template,
    locale,
    stateNames: facts.stateNames,
    committeeNames,
    year: input.year,
    gaps: input.gaps,
    replyBy: input.replyBy ?? defaultReplyBy(),
    indicatorTitle: (id) => titles.get(id),
  });
  return { ...letter, locale, templateKey };
}

export type DraftOutcome = { kind: 'drafted'; followUp: repo.FollowUpRecord } | { kind: 'exists'; followUp: repo.FollowUpRecord };

/**
 * Drafts a follow-up letter for a State with the chosen gaps in its report for `year` (the gaps
 * must be ones the State has). A State has at most one open follow-up per year: when one exists,
 * it is returned instead.
 */
export async function draftFollowUp(database: Db, actor: Actor, user: Principal | undefined, input: { stateIso2: string; year: number; gaps: string[]; locale?: Locale | undefined; replyBy?: Date | undefined }): Promise<DraftOutcome> {
  assertCan(canManageFollowUps(user));
  const candidate = (await followUpCandidates(database.db, input.year, { gaps: input.gaps })).find((c) => c.stateIso2 === input.stateIso2);
  if (!candidate) throw notFound('analysis.followups.not_candidate');
  return withTransaction(database.db, async (tx) => {
    await repo.lockStateYear(tx, input.stateIso2, input.year);
    const open = await repo.findOpenFollowUp(tx, input.stateIso2, input.year);
    if (open) return { kind: 'exists', followUp: open };
    const letter = await composeLetter(tx, { stateIso2: input.stateIso2, reportId: candidate.reportId, year: input.year, gaps: candidate.gaps, locale: input.locale, replyBy: input.replyBy });
    const row = await repo.insertFollowUp(tx, {
      stateIso2: input.stateIso2,
      year: input.year,
      reportId: candidate.reportId,
      gaps: candidate.gaps,
      locale: letter.locale,
      templateKey: letter.templateKey,
      subject: letter.subject,
      body: letter.body,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'analysis.follow_up.drafted', entityType: 'follow_up', entityId: row.id, summary: { state: row.stateIso2, year: row.year, gaps: row.gaps, locale: row.locale, template: row.templateKey } });
    return { kind: 'drafted', followUp: row };
  });
}

/** Loads a follow-up for a change: 404 for unknown ids, stale or wrong status explained. */
async function loadForChange(tx: DbOrTx, id: string, expectedVersion: number, statuses: FollowUpStatus[], wrongStatus: string): Promise<repo.FollowUpRecord> {
  const row = await repo.findFollowUp(tx, id);
  if (!row) throw notFound();
  if (!statuses.includes(row.status)) throw conflict(wrongStatus, { status: row.status });
  if (row.version !== expectedVersion) throw conflict('analysis.followups.stale');
  return row;
}

async function change(tx: DbOrTx, row: repo.FollowUpRecord, statuses: FollowUpStatus[], patch: Parameters<typeof repo.updateFollowUpIf>[3]): Promise<repo.FollowUpRecord> {
  const updated = await repo.updateFollowUpIf(tx, row.id, { version: row.version, statuses }, patch);
  if (!updated) throw conflict('analysis.followups.stale');
  return updated;
}

/** ISU edits the subject and body of a draft. */
export async function saveLetter(database: Db, actor: Actor, user: Principal | undefined, input: { id: string; expectedVersion: number; subject: string; body: string }) {
  assertCan(canManageFollowUps(user));
  return withTransaction(database.db, async (tx) => {
    const row = await loadForChange(tx, input.id, input.expectedVersion, ['draft'], 'analysis.followups.not_draft');
    const updated = await change(tx, row, ['draft'], { subject: input.subject, body: input.body });
    await recordAudit(tx, actor, { action: 'analysis.follow_up.edited', entityType: 'follow_up', entityId: row.id, summary: { state: row.stateIso2, year: row.year, subjectChanged: row.subject !== input.subject, bodyChanged: row.body !== input.body } });
    return updated;
  });
}

/** ISU drafts the letter again from the template, in another language (the edits are replaced). */
export async function redraftLetter(database: Db, actor: Actor, user: Principal | undefined, input: { id: string; expectedVersion: number; locale: Locale; replyBy?: Date | undefined }) {
  assertCan(canManageFollowUps(user));
  return withTransaction(database.db, async (tx) => {
    const row = await loadForChange(tx, input.id, input.expectedVersion, ['draft'], 'analysis.followups.not_draft');
    const letter = await composeLetter(tx, { stateIso2: row.stateIso2, reportId: row.reportId, year: row.year, gaps: row.gaps, locale: input.locale, replyBy: input.replyBy });
    const updated = await change(tx, row, ['draft'], { subject: letter.subject, body: letter.body, locale: letter.locale, templateKey: letter.templateKey });
    await recordAudit(tx, actor, { action: 'analysis.follow_up.redrafted', entityType: 'follow_up', entityId: row.id, summary: { state: row.stateIso2, year: row.year, from: row.locale, to: letter.locale } });
    return updated;
  });
}

/** The State's focal points for a follow-up: its preparer and approver users and the report's cover-page contacts. */
export async function followUpRecipients(db: DbOrTx, row: Pick<repo.FollowUpRecord, 'stateIso2' | 'reportId'>): Promise<Recipient[]> {
  const [users, facts] = await Promise.all([listStateContacts(db, row.stateIso2), repo.findLetterFacts(db, row.stateIso2, row.reportId)]);
  return focalPoints(users, facts?.coverPeople);
}

/**
 * Sends a draft: one message per focal point into the outbox (each at most once, even if sending
 * were tried twice), and the follow-up becomes "sent". Without any recipient nothing changes.
 */
export async function sendFollowUp(database: Db, actor: Actor, user: Principal | undefined, input: { id: string; expectedVersion: number }) {
  assertCan(canManageFollowUps(user));
  return withTransaction(database.db, async (tx) => {
    const row = await loadForChange(tx, input.id, input.expectedVersion, ['draft'], 'analysis.followups.already_sent');
    const recipients = await followUpRecipients(tx, row);
    if (!recipients.length) throw conflict('analysis.followups.no_recipients');
    const ids: string[] = [];
    for (const r of recipients) {
      const id = await enqueueEmail(tx, { to: r.email, toName: r.name, subject: row.subject, text: row.body, locale: row.locale, kind: 'follow_up', dedupeKey: `follow_up:${row.id}:${r.email.toLowerCase()}` });
      if (id) ids.push(id);
    }
    if (!ids.length) throw conflict('analysis.followups.already_sent');
    const updated = await change(tx, row, ['draft'], { status: 'sent', sentAt: new Date(), outboxEmailId: ids[0]! });
    await recordAudit(tx, actor, { action: 'analysis.follow_up.sent', entityType: 'follow_up', entityId: row.id, summary: { state: row.stateIso2, year: row.year, recipients: recipients.length, locale: row.locale } });
    return { followUp: updated, recipients };
  });
}

/** The State answered (a note says how, e.g. "letter of 3 May; will report in 2025"). */
export async function markAnswered(database: Db, actor: Actor, user: Principal | undefined, input: { id: string; expectedVersion: number; note: string }) {
  assertCan(canManageFollowUps(user));
  return withTransaction(database.db, async (tx) => {
    const row = await loadForChange(tx, input.id, input.expectedVersion, ['sent'], 'analysis.followups.not_sent');
    const updated = await change(tx, row, ['sent'], { status: 'answered', answeredAt: new Date(), answerNote: input.note });
    await recordAudit(tx, actor, { action: 'analysis.follow_up.answered', entityType: 'follow_up', entityId: row.id, summary: { state: row.stateIso2, year: row.year, note: input.note } });
    return updated;
  });
}

/** Closes a follow-up (answered, no longer needed, or a draft dropped). */
export async function closeFollowUp(database: Db, actor: Actor, user: Principal | undefined, input: { id: string; expectedVersion: number }) {
  assertCan(canManageFollowUps(user));
  return withTransaction(database.db, async (tx) => {
    const row = await loadForChange(tx, input.id, input.expectedVersion, ['draft', 'sent', 'answered'], 'analysis.followups.already_closed');
    const updated = await change(tx, row, ['draft', 'sent', 'answered'], { status: 'closed', closedAt: new Date() });
    await recordAudit(tx, actor, { action: 'analysis.follow_up.closed', entityType: 'follow_up', entityId: row.id, summary: { state: row.stateIso2, year: row.year, from: row.status } });
    return updated;
  });
}

/** ISU edits a template in one language; only the known placeholders are accepted. */
export async function saveLetterTemplate(database: Db, actor: Actor, user: Principal | undefined, input: { key: TemplateKey; locale: Locale; expectedVersion: number; subject: string; body: string }) {
  assertCan(canEditLetterTemplates(user));
  const problems = [...templateProblems(input.subject), ...templateProblems(input.body)];
  if (problems.length) throw new AppError('validation', 'analysis.followups.unknown_placeholder', { problems });
  return withTransaction(database.db, async (tx) => {
    const row = await repo.findTemplate(tx, input.key, input.locale);
    if (!row) throw notFound();
    if (row.version !== input.expectedVersion) throw conflict('analysis.followups.stale');
    const updated = await repo.updateTemplateIfVersion(tx, input.key, input.locale, input.expectedVersion, { subject: input.subject, body: input.body, updatedBy: actor.userId });
    if (!updated) throw conflict('analysis.followups.stale');
    await recordAudit(tx, actor, { action: 'analysis.letter_template.edited', entityType: 'letter_template', entityId: `${input.key}:${input.locale}`, summary: { key: input.key, locale: input.locale, subjectChanged: row.subject !== input.subject, bodyChanged: row.body !== input.body } });
    return updated;
  });
}
