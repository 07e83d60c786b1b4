/**
 * Named write use cases of Article 7 reporting. Each runs in one transaction with its audit event.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import type { FormDef, FormValues, Issue } from '../../platform/forms/definition.ts';
import { readSubmission, type ParsedSubmission } from '../../platform/forms/values.ts';
import { userText } from '../../platform/http/forms.ts';
import { isEmpty, validateFields, validateForm } from '../../platform/forms/validate.ts';
import { listIsuContacts, listStateContacts, type Principal } from '../accounts/index.ts';
import { states } from '../states/schema.ts';
import { CURRENT_FORMAT, getFormat, getFormDef } from './formats.ts';
import { canTransition, isFormDone, nextStatus, obligationsOf, type FormStatus } from './report.ts';
import {
  canCreateReport,
  canEditReport,
  canReview,
  canStartCorrection,
  canSubmitReport,
  canComment,
  assertCan,
} from './policy.ts';
import * as repo from './reports-repository.ts';
import type { ReportFormRow, ReportRow } from './reports-repository.ts';

/**
 * Free text a person wrote (comments, reasons, explanations), as it is kept whichever way it came
 * (page, API, CLI): the platform's userText, line breaks kept.
 */
const prose = (text: string | undefined): string => (text === undefined ? '' : userText(text, { multiline: true }));

type Deps = Pick<AppDeps, 'database' | 'translator' | 'config'>;

async function stateOf(db: DbOrTx, iso2: string) {
  const [row] = await db.select().from(states).where(eq(states.iso2, iso2)).limit(1);
  return row;
}

/** Values of a form as a snapshot stores them. */
interface FormSnapshot {
  status: FormStatus;
  unchangedSinceYear: number | null;
  values: FormValues;
  explanations: Record<string, string>;
}
export interface ReportSnapshot {
  forms: Record<string, FormSnapshot>;
  /** Ids of the report's attachments when the version was submitted (absent in older versions). */
  attachments?: string[];
}

export function snapshotOf(forms: ReportFormRow[], attachmentIds?: string[]): ReportSnapshot {
  return {
    forms: Object.fromEntries(
      forms.map((f) => [f.formId, { status: f.status, unchangedSinceYear: f.unchangedSinceYear, values: f.values, explanations: f.explanations }]),
    ),
    ...(attachmentIds ? { attachments: attachmentIds } : {}),
  };
}

/** The latest submitted snapshot of the State's previous report, if any. */
export async function previousSnapshot(db: DbOrTx, report: Pick<ReportRow, 'stateIso2' | 'year' | 'kind'>): Promise<{ report: ReportRow; snapshot: ReportSnapshot } | undefined> {
  const prev = await repo.findPreviousSubmitted(db, report.stateIso2, report.kind === 'initial' ? report.year + 1 : report.year);
  if (!prev || (prev.kind === report.kind && prev.year === report.year)) return undefined;
  const version = await repo.findVersion(db, prev.id, prev.currentVersionNo);
  return version ? { report: prev, snapshot: version.snapshot as unknown as ReportSnapshot } : undefined;
}

/* ---------- Creating a report ---------- */

export async function createReport(
  deps: Deps,
  actor: Actor,
  user: Principal | undefined,
  input: { stateIso2: string; kind: 'initial' | 'annual'; year: number; startFromPrevious: boolean; isDemo?: boolean },
): Promise<ReportRow> {
  assertCan(canCreateReport(user, input.stateIso2));
  const db = deps.database.db;
  const state = await stateOf(db, input.stateIso2);
  if (!state) throw notFound();
  const obligation = obligationsOf({ eifDate: state.eifDate, withdrawalEffectiveDate: state.withdrawalEffectiveDate }, new Date().getUTCFullYear()).find(
    (o) => o.kind === input.kind && o.year === input.year,
  );
  if (!obligation) throw new AppError('validation', 'report.no_obligation');
  return withTransaction(db, async (tx) => {
    if (await repo.findReportByObligation(tx, input.stateIso2, input.kind, input.year)) throw conflict('report.exists');
    const report = await repo.insertReport(tx, {
      stateIso2: input.stateIso2,
      kind: input.kind,
      year: input.year,
      periodStart: obligation.periodStart,
      periodEnd: obligation.periodEnd,
      dueDate: obligation.dueDate,
      formatVersion: CURRENT_FORMAT.version,
      language: state.reportingLanguage,
      createdBy: actor.userId,
      isDemo: input.isDemo ?? false,
    });
    const prev = input.startFromPrevious ? await previousSnapshot(tx, report) : undefined;
    await repo.insertForms(
      tx,
      CURRENT_FORMAT.forms.map((def) => {
        const carried = prev?.snapshot.forms[def.id];
        const values = carried ? carried.values : {};
        return {
          reportId: report.id,
          formId: def.id,
          values,
          status: carried && hasContent(values) ? ('in_progress' as const) : ('not_started' as const),
          updatedBy: actor.userId,
        };
      }),
    );
    await recordAudit(tx, actor, {
      action: 'reporting.report.created',
      entityType: 'report',
      entityId: report.id,
      summary: { state: input.stateIso2, kind: input.kind, year: input.year, startedFrom: prev ? `${prev.report.kind}:${prev.report.year}` : null },
    });
    return report;
  });
}

function hasContent(values: FormValues): boolean {
  return Object.values(values).some((section) => Object.values(section ?? {}).some((v) => !isEmpty(v)));
}

/* ---------- Editing forms ---------- */

async function editableReport(db: DbOrTx, user: Principal | undefined, reportId: string): Promise<ReportRow> {
  const report = await repo.findReport(db, reportId);
  if (!report) throw notFound();
  if (!canEditReport(user, report)) {
    if (user?.stateIso2 === report.stateIso2) throw conflict('report.not_editable', { status: report.status });
    throw new AppError('forbidden', 'forbidden');
  }
  return report;
}

/**
 * Inside a write: locks the report row against status changes until the transaction ends, and
 * checks on that row that the user may edit it (not found, forbidden, or no longer editable).
 */
async function lockEditableReport(tx: DbOrTx, user: Principal | undefined, reportId: string): Promise<ReportRow> {
  const report = await repo.shareLockReport(tx, reportId);
  if (!report) throw notFound();
  if (!canEditReport(user, report)) {
    if (user?.stateIso2 === report.stateIso2) throw conflict('report.not_editable', { status: report.status });
    throw new AppError('forbidden', 'forbidden');
  }
  return report;
}

/** Inside a write: the report is still editable, and stays so until the transaction ends. */
async function assertStillEditable(tx: DbOrTx, reportId: string): Promise<void> {
  const locked = await repo.shareLockReport(tx, reportId);
  if (!locked) throw notFound();
  if (locked.status !== 'draft' && locked.status !== 'returned') throw conflict('report.not_editable', { status: locked.status });
}

export type SaveResult =
  | { kind: 'saved'; form: ReportFormRow; issues: Issue[]; newRowIds: Record<string, string> }
  | { kind: 'invalid'; parsed: ParsedSubmission; version: number }
  | { kind: 'conflict'; current: ReportFormRow; mine: FormValues };

export interface SaveInput {
  reportId: string;
  formId: string;
  expectedVersion: number;
  body: unknown;
  json?: boolean;
  /** The preparer says the form is finished (it becomes complete when it has no errors). */
  completed?: boolean;
  /** Remove the table row with this id (`section.table:rowId`). */
  removeRow?: string | undefined;
  /** For conflicts: merge `mine` over the current values for these field paths only (section.field). */
  keepMine?: string[];
}

export async function saveForm(deps: Deps, actor: Actor, user: Principal | undefined, input: SaveInput): Promise<SaveResult> {
  // A save is the most frequent write (autosave): it is authorised on the report row it locks,
  // and replaces the form in one statement that also returns the previous values, so it costs
  // four statements in one transaction (lock, replace, audit, commit) after BEGIN.
  return withTransaction(deps.database.db, async (tx) => {
    const report = await lockEditableReport(tx, user, input.reportId);
    const def = getFormDef(report.formatVersion, input.formId);
    if (!def) throw notFound();
    const parsed = readSubmission(def, input.body, { json: input.json ?? false });
    if (parsed.issues.length) return { kind: 'invalid' as const, parsed, version: input.expectedVersion };
    let values = parsed.values;
    if (input.removeRow) values = removeRow(values, input.removeRow);
    let expected = input.expectedVersion;
    if (input.keepMine) {
      const current = await repo.findForm(tx, report.id, def.id);
      if (!current) throw notFound();
      // The choices were made against the version shown on the conflict page; a save since then
      // is a new conflict, never merged over unseen.
      if (current.version !== input.expectedVersion) return { kind: 'conflict' as const, current, mine: values };
      values = mergeChoices(def, current.values, values, input.keepMine);
      expected = current.version;
    }
    const fieldIssues = validateFields(def, values, { forms: {}, period: { start: report.periodStart, end: report.periodEnd } });
    const status: FormStatus = !hasContent(values) && !input.completed ? 'not_started' : input.completed && !fieldIssues.some((i) => i.severity === 'error') ? 'complete' : 'in_progress';
    const saved = await repo.replaceFormIfVersion(tx, report.id, def.id, expected, { values, status, unchangedSinceYear: null, updatedBy: actor.userId });
    if (!saved) {
      // Someone saved since: what they saved, read now (after their commit), for the conflict page.
      const current = await repo.findForm(tx, report.id, def.id);
      if (!current) throw notFound();
      return { kind: 'conflict' as const, current, mine: values };
    }
    const { previousValues, ...form } = saved;
    await recordAudit(tx, actor, {
      action: 'reporting.form.saved',
      entityType: 'report',
      entityId: report.id,
      summary: { form: def.id, status, version: form.version, changed: changedFields(def, previousValues, values) },
    });
    return { kind: 'saved' as const, form, issues: fieldIssues, newRowIds: parsed.newRowIds };
  });
}

function removeRow(values: FormValues, spec: string): FormValues {
  const [path, rowId] = spec.split(':');
  const [section, table] = (path ?? '').split('.');
  if (!section || !table || !rowId) return values;
  const rows = values[section]?.[table];
  if (!Array.isArray(rows)) return values;
  return { ...values, [section]: { ...values[section], [table]: rows.filter((r) => (r as { _id?: string })._id !== rowId) } };
}

/** Field paths (section.field) whose values differ; an empty answer (no rows, "", nothing chosen) equals no answer. */
export function changedFields(def: FormDef, a: FormValues, b: FormValues): string[] {
  const out: string[] = [];
  const canonical = (v: unknown) => JSON.stringify(v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);
  for (const s of def.sections) for (const f of s.fields) if (canonical(a[s.id]?.[f.id]) !== canonical(b[s.id]?.[f.id])) out.push(`${s.id}.${f.id}`);
  return out;
}

function mergeChoices(def: FormDef, theirs: FormValues, mine: FormValues, keepMine: string[]): FormValues {
  const merged: FormValues = JSON.parse(JSON.stringify(theirs)) as FormValues;
  for (const s of def.sections) {
    for (const f of s.fields) {
      if (!keepMine.includes(`${s.id}.${f.id}`)) continue;
      merged[s.id] ??= {};
      merged[s.id]![f.id] = mine[s.id]?.[f.id] ?? null;
    }
  }
  return merged;
}

/** Marks a form "unchanged since YYYY": its content is taken from the last report that gave it. */
export async function markFormUnchanged(deps: Deps, actor: Actor, user: Principal | undefined, input: { reportId: string; formId: string; expectedVersion: number }) {
  const db = deps.database.db;
  const report = await editableReport(db, user, input.reportId);
  if (!getFormDef(report.formatVersion, input.formId)) throw notFound();
  const prev = await previousSnapshot(db, report);
  const carried = prev?.snapshot.forms[input.formId];
  if (!prev || !carried || carried.status === 'not_applicable' || carried.status === 'not_started') throw new AppError('validation', 'report.no_previous_content');
  const sinceYear = carried.status === 'unchanged' && carried.unchangedSinceYear ? carried.unchangedSinceYear : prev.report.year;
  return withTransaction(db, async (tx) => {
    await assertStillEditable(tx, report.id);
    const saved = await repo.updateFormIfVersion(tx, report.id, input.formId, input.expectedVersion, { values: carried.values, status: 'unchanged', unchangedSinceYear: sinceYear, updatedBy: actor.userId });
    if (!saved) throw conflict('form.stale');
    await recordAudit(tx, actor, { action: 'reporting.form.marked_unchanged', entityType: 'report', entityId: report.id, summary: { form: input.formId, since: sinceYear } });
    return saved;
  });
}

export async function markFormNotApplicable(deps: Deps, actor: Actor, user: Principal | undefined, input: { reportId: string; formId: string; expectedVersion: number }) {
  const db = deps.database.db;
  const report = await editableReport(db, user, input.reportId);
  if (!getFormDef(report.formatVersion, input.formId) || input.formId === 'cover') throw notFound();
  return withTransaction(db, async (tx) => {
    await assertStillEditable(tx, report.id);
    const saved = await repo.updateFormIfVersion(tx, report.id, input.formId, input.expectedVersion, { status: 'not_applicable', unchangedSinceYear: null, updatedBy: actor.userId });
    if (!saved) throw conflict('form.stale');
    await recordAudit(tx, actor, { action: 'reporting.form.marked_not_applicable', entityType: 'report', entityId: report.id, summary: { form: input.formId } });
    return saved;
  });
}

/* ---------- Checking and submitting ---------- */

export interface ReportCheck {
  /** Forms not yet complete, unchanged or not applicable. */
  unfinished: string[];
  errors: (Issue & { formId: string })[];
  warnings: (Issue & { formId: string })[];
}

/** Validates every form of a report with cross-form and year-on-year rules. */
export async function checkReport(db: DbOrTx, report: ReportRow, forms?: ReportFormRow[]): Promise<ReportCheck> {
  const format = getFormat(report.formatVersion);
  if (!format) throw notFound();
  const rows = forms ?? (await repo.listForms(db, report.id));
  const byId = Object.fromEntries(rows.map((r) => [r.formId, r]));
  const prev = await previousSnapshot(db, report);
  const previousForms = prev ? Object.fromEntries(Object.entries(prev.snapshot.forms).map(([k, v]) => [k, v.values])) : undefined;
  const valuesById = Object.fromEntries(rows.map((r) => [r.formId, r.values]));
  const out: ReportCheck = { unfinished: [], errors: [], warnings: [] };
  for (const def of format.forms) {
    const row = byId[def.id];
    if (!row || !isFormDone(row.status)) out.unfinished.push(def.id);
    if (!row || row.status === 'not_applicable' || row.status === 'unchanged') continue;
    const issues = validateForm(def, row.values, {
      forms: valuesById,
      previous: previousForms?.[def.id],
      ...(previousForms ? { previousForms } : {}),
      period: { start: report.periodStart, end: report.periodEnd },
    });
    for (const i of issues) (i.severity === 'error' ? out.errors : out.warnings).push({ ...i, formId: def.id });
  }
  return out;
}

export interface SubmitInput {
  reportId: string;
  expectedVersion: number;
  visibility: 'public' | 'restricted';
  declaration: boolean;
  /** Explanations of warnings, by `formId:path`. */
  explanations: Record<string, string>;
  /** Required for a correction (second and later versions). */
  reason?: string | undefined;
}

export async function submitReport(deps: Deps, actor: Actor, user: Principal | undefined, input: SubmitInput) {
  const db = deps.database.db;
  const report0 = await repo.findReport(db, input.reportId);
  if (!report0) throw notFound();
  assertCan(canSubmitReport(user, report0));
  if (!input.declaration) throw new AppError('validation', 'report.declaration_required');
  const reason = prose(input.reason);
  if (report0.currentVersionNo > 0 && !reason) throw new AppError('validation', 'report.reason_required');
  const result = await withTransaction(db, async (tx) => {
    // Locked first, so no save can change a form between the check and the snapshot.
    const report = await repo.lockReport(tx, input.reportId);
    if (!report) throw notFound();
    if (report.version !== input.expectedVersion) throw conflict('report.stale');
    if (!canTransition(report.status, 'submit')) throw conflict('report.not_editable', { status: report.status });
    const check = await checkReport(tx, report);
    if (check.unfinished.length) throw new AppError('validation', 'report.forms_unfinished', { forms: check.unfinished });
    if (check.errors.length) throw new AppError('validation', 'report.has_errors', { count: check.errors.length });
    const explanation = (w: { formId: string; path: string }) => prose(input.explanations[`${w.formId}:${w.path}`]);
    const missing = check.warnings.filter((w) => !explanation(w));
    if (missing.length) throw new AppError('validation', 'report.explanations_required', { paths: missing.map((w) => `${w.formId}:${w.path}`) });
    // Store the explanations on their forms, then snapshot.
    const byForm: Record<string, Record<string, string>> = {};
    for (const w of check.warnings) (byForm[w.formId] ??= {})[w.path] = explanation(w).slice(0, 2000);
    const forms = await repo.listForms(tx, report.id);
    for (const f of forms) {
      const ex = byForm[f.formId] ?? {};
      if (JSON.stringify(ex) !== JSON.stringify(f.explanations)) {
        await repo.setExplanations(tx, report.id, f.formId, ex);
        f.explanations = ex;
      }
    }
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const versionNo = report.currentVersionNo + 1;
    const nothingNew = forms.every((f) => f.formId === 'cover' || f.status === 'unchanged' || f.status === 'not_applicable');
    await repo.insertVersion(tx, {
      reportId: report.id,
      versionNo,
      reason: reason || null,
      formatVersion: report.formatVersion,
      language: report.language,
      visibility: input.visibility,
      nothingNew,
      snapshot: snapshotOf(
        forms,
        (await repo.listAttachments(tx, report.id)).map((a) => a.id),
      ) as unknown as Record<string, unknown>,
      submittedAt: now,
      submittedBy: actor.userId,
    });
    const updated = await repo.updateReport(tx, report.id, {
      status: nextStatus(report.status, 'submit'),
      currentVersionNo: versionNo,
      submittedAt: now,
      submittedBy: actor.userId,
      // The report's visibility is that of the version the public reads: it follows a new
      // version's choice only once that version is published (or while none is).
      ...(report.publishedVersionNo === null ? { visibility: input.visibility } : {}),
      nothingNew,
    });
    await recordAudit(tx, actor, {
      action: 'reporting.report.submitted',
      entityType: 'report',
      entityId: report.id,
      summary: { version: versionNo, visibility: input.visibility, nothingNew, warningsExplained: check.warnings.length, reason: reason || null },
    });
    if (user) {
      const tr = deps.translator(user.locale);
      await enqueueEmail(tx, {
        to: user.email,
        toName: user.name,
        locale: user.locale,
        kind: 'report_receipt',
        subject: tr.t('reporting.email.receipt_subject', { year: report.year }),
        text: tr.t('reporting.email.receipt_body', {
          name: user.name,
          year: report.year,
          version: versionNo,
          time: now.toISOString().replace('T', ' ').slice(0, 19) + ' UTC',
          link: `${deps.config.baseUrl}/${user.locale}/reports/${report.id}/edit`,
        }),
      });
    }
    return updated;
  });
  return result;
}

/* ---------- Review by the ISU ---------- */

async function transition(deps: Deps, actor: Actor, user: Principal | undefined, reportId: string, expectedVersion: number, action: 'acknowledge' | 'publish' | 'start_correction', allowed: (r: ReportRow) => boolean) {
  return withTransaction(deps.database.db, async (tx) => {
    const report = await repo.lockReport(tx, reportId);
    if (!report) throw notFound();
    assertCan(allowed(report));
    if (report.version !== expectedVersion) throw conflict('report.stale');
    if (!canTransition(report.status, action)) throw conflict('report.wrong_status', { status: report.status });
    const now = new Date();
    const patch: Parameters<typeof repo.updateReport>[2] = { status: nextStatus(report.status, action) };
    if (action === 'acknowledge') {
      patch.acknowledgedAt = now;
      await repo.updateVersion(tx, report.id, report.currentVersionNo, { acknowledgedAt: now });
    }
    if (action === 'publish') {
      const version = await repo.findVersion(tx, report.id, report.currentVersionNo);
      if (!version) throw notFound();
      patch.publishedAt = now;
      patch.publishedVersionNo = report.currentVersionNo;
      patch.visibility = version.visibility;
      await repo.updateVersion(tx, report.id, report.currentVersionNo, { publishedAt: now });
    }
    const updated = await repo.updateReport(tx, report.id, patch);
    const verb = { acknowledge: 'acknowledged', publish: 'published', start_correction: 'correction_started' }[action];
    await recordAudit(tx, actor, { action: `reporting.report.${verb}`, entityType: 'report', entityId: report.id, summary: { from: report.status, to: updated.status, version: report.currentVersionNo } });
    return updated;
  });
}

export const acknowledgeReport = (deps: Deps, actor: Actor, user: Principal | undefined, reportId: string, expectedVersion: number) =>
  transition(deps, actor, user, reportId, expectedVersion, 'acknowledge', () => canReview(user));

export const publishReport = (deps: Deps, actor: Actor, user: Principal | undefined, reportId: string, expectedVersion: number) =>
  transition(deps, actor, user, reportId, expectedVersion, 'publish', () => canReview(user));

export const startCorrection = (deps: Deps, actor: Actor, user: Principal | undefined, reportId: string, expectedVersion: number) =>
  transition(deps, actor, user, reportId, expectedVersion, 'start_correction', (r) => canStartCorrection(user, r));

/** Returns a report to the State with at least one comment (on a form or on the whole report). */
export async function returnForClarification(
  deps: Deps,
  actor: Actor,
  user: Principal | undefined,
  input: { reportId: string; expectedVersion: number; comments: { formId: string | null; body: string }[] },
) {
  const comments = input.comments.map((c) => ({ formId: c.formId, body: prose(c.body) })).filter((c) => c.body);
  if (!comments.length) throw new AppError('validation', 'report.comment_required');
  return withTransaction(deps.database.db, async (tx) => {
    const report = await repo.lockReport(tx, input.reportId);
    if (!report) throw notFound();
    assertCan(canReview(user));
    if (report.version !== input.expectedVersion) throw conflict('report.stale');
    if (!canTransition(report.status, 'return')) throw conflict('report.wrong_status', { status: report.status });
    for (const c of comments) {
      await repo.insertComment(tx, { reportId: report.id, formId: c.formId, authorId: actor.userId, authorName: user?.name ?? actor.label, authorSide: 'isu', body: c.body.slice(0, 5000) });
    }
    const updated = await repo.updateReport(tx, report.id, { status: nextStatus(report.status, 'return'), returnedAt: new Date() });
    await recordAudit(tx, actor, { action: 'reporting.report.returned', entityType: 'report', entityId: report.id, summary: { forms: comments.map((c) => c.formId ?? 'report') } });
    // The State's focal points are told, each in their own language.
    for (const c of await listStateContacts(tx, report.stateIso2)) {
      const tr = deps.translator(c.locale);
      await enqueueEmail(tx, {
        to: c.email,
        toName: c.name,
        locale: c.locale,
        kind: 'report_returned',
        subject: tr.t('reporting.email.returned_subject', { year: report.year }),
        text: tr.t('reporting.email.returned_body', { name: c.name, year: report.year, count: comments.length, link: `${deps.config.baseUrl}/${c.locale}/reports/${report.id}/edit` }),
      });
    }
    return updated;
  });
}

/** A message in a report's clarification thread (ISU or the State). */
export async function addComment(deps: Deps, actor: Actor, user: Principal | undefined, input: { reportId: string; formId: string | null; body: string }) {
  const body = prose(input.body);
  if (!body) throw new AppError('validation', 'report.comment_required');
  return withTransaction(deps.database.db, async (tx) => {
    const report = await repo.findReport(tx, input.reportId);
    if (!report) throw notFound();
    assertCan(canComment(user, report));
    const side = user && (user.role === 'isu_staff' || user.role === 'admin') ? 'isu' : 'state';
    const row = await repo.insertComment(tx, { reportId: report.id, formId: input.formId, authorId: actor.userId, authorName: user?.name ?? actor.label, authorSide: side, body: body.slice(0, 5000) });
    await recordAudit(tx, actor, { action: 'reporting.comment.added', entityType: 'report', entityId: report.id, summary: { form: input.formId, side } });
    // A message from one side is announced to the other side.
    const recipients = side === 'state' ? await listIsuContacts(tx) : await listStateContacts(tx, report.stateIso2);
    for (const c of recipients) {
      const tr = deps.translator(c.locale);
      const path = side === 'state' ? `reports/${report.id}/review` : `reports/${report.id}/forms/${input.formId ?? 'cover'}`;
      await enqueueEmail(tx, {
        to: c.email,
        toName: c.name,
        locale: c.locale,
        kind: 'report_comment',
        subject: tr.t('reporting.email.comment_subject', { year: report.year, state: report.stateIso2 }),
        text: tr.t('reporting.email.comment_body', { name: c.name, author: user?.name ?? actor.label, year: report.year, link: `${deps.config.baseUrl}/${c.locale}/${path}` }),
      });
    }
    return row;
  });
}
