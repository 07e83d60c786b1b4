/**
 * All SQL of the compliance area: the reminder schedule (compliance_reminder_rules), the facts it
 * reads about reports (the reporting area's tables, read only, through its index) and the
 * reminders queued in the e-mail outbox.
 */
import { and, asc, eq, like, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { outboxEmails } from '../../platform/mail/schema.ts';
import { reportsTable as reports, reportVersionsTable as reportVersions } from '../reporting/index.ts';
import type { ReportFacts } from './compliance.ts';
import { reminderRules } from './schema.ts';

export type ReminderRuleRow = typeof reminderRules.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/* ---------- Reports, as compliance sees them ---------- */

/**
 * Every report with the time its first version was submitted (version 1 in report_versions; the
 * report row's submitted_at is the latest submission, which moves with corrections).
 */
export async function selectReportFacts(db: DbOrTx, filter: { stateIso2?: string } = {}): Promise<ReportFacts[]> {
  const first = db
    .select({ reportId: reportVersions.reportId, at: min(reportVersions.submittedAt).as('first_at') })
    .from(reportVersions)
    .where(eq(reportVersions.versionNo, 1))
    .groupBy(reportVersions.reportId)
    .as('first_version');
  const rows = await db
    .select({
      id: reports.id,
      stateIso2: reports.stateIso2,
      kind: reports.kind,
      year: reports.year,
      status: reports.status,
      visibility: reports.visibility,
      currentVersionNo: reports.currentVersionNo,
      publishedVersionNo: reports.publishedVersionNo,
      createdAt: reports.createdAt,
      firstSubmittedAt: first.at,
    })
    .from(reports)
    .leftJoin(first, eq(first.reportId, reports.id))
    .where(filter.stateIso2 ? eq(reports.stateIso2, filter.stateIso2) : undefined);
  return rows.map((r) => ({ ...r, firstSubmittedAt: r.firstSubmittedAt ? new Date(r.firstSubmittedAt) : null }));
}

/** The earliest year an annual report on the platform covers, or null when there is none. */
export async function selectEarliestAnnualYear(db: DbOrTx): Promise<number | null> {
  const [row] = await db.select({ year: min(reports.year) }).from(reports).where(eq(reports.kind, 'annual'));
  return row?.year ?? null;
}

/**
 * A cheap fingerprint of what the compliance pages are built from (reports and their first
 * submissions): changes whenever a report is created, submitted or changes status.
 */
export async function selectReportsStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, at: sql<string>`coalesce(max(${reports.updatedAt})::text, '')` })
    .from(reports);
  return `${row?.n ?? 0}:${row?.at ?? ''}`;
}

/* ---------- Reminder rules ---------- */

export async function selectReminderRules(db: DbOrTx): Promise<ReminderRuleRow[]> {
  return db.select().from(reminderRules).orderBy(asc(reminderRules.offsetDays));
}

export async function findReminderRule(db: DbOrTx, id: string): Promise<ReminderRuleRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(reminderRules).where(eq(reminderRules.id, id)).limit(1);
  return row;
}

/** Inserts a rule; undefined when the offset is already in the schedule. */
export async function insertReminderRule(tx: DbOrTx, values: { offsetDays: number; enabled?: boolean; createdBy: string | null }): Promise<ReminderRuleRow | undefined> {
  const [row] = await tx
    .insert(reminderRules)
    .values({ offsetDays: values.offsetDays, enabled: values.enabled ?? true, createdBy: values.createdBy })
    .onConflictDoNothing({ target: reminderRules.offsetDays })
    .returning();
  return row;
}

/** Sets a rule on or off; returns the row as it was before, or undefined when it does not exist. */
export async function updateReminderRuleEnabled(tx: DbOrTx, id: string, enabled: boolean): Promise<{ before: ReminderRuleRow; after: ReminderRuleRow } | undefined> {
  if (!UUID.test(id)) return undefined;
  const [before] = await tx.select().from(reminderRules).where(eq(reminderRules.id, id)).for('update').limit(1);
  if (!before) return undefined;
  const [after] = await tx.update(reminderRules).set({ enabled, updatedAt: new Date() }).where(eq(reminderRules.id, id)).returning();
  return { before, after: after! };
}

export async function deleteReminderRule(tx: DbOrTx, id: string): Promise<ReminderRuleRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await tx.delete(reminderRules).where(eq(reminderRules.id, id)).returning();
  return row;
}

/** Inserts the default schedule when the table is empty (first start); never re-adds deleted rules. */
export async function insertDefaultRulesIfEmpty(tx: DbOrTx, offsets: readonly number[]): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(reminderRules);
  if (Number(row?.n ?? 0) > 0) return 0;
  const inserted = await tx
    .insert(reminderRules)
    .values(offsets.map((offsetDays) => ({ offsetDays, enabled: true })))
    .onConflictDoNothing({ target: reminderRules.offsetDays })
    .returning({ id: reminderRules.id });
  return inserted.length;
}

/* ---------- Reminders in the outbox ---------- */

export interface ReminderCount {
  iso2: string;
  count: number;
  lastAt: Date;
}

/** Reminders queued for one obligation (kind and year; any year for initial reports), per State (from the dedupe keys). */
export async function selectReminderCounts(db: DbOrTx, kind: 'initial' | 'annual', year: number | null): Promise<ReminderCount[]> {
  const pattern = year === null ? `reminder:%:${kind}:%` : `reminder:%:${kind}:${year}:%`;
  const rows = await db
    .select({
      iso2: sql<string>`split_part(${outboxEmails.dedupeKey}, ':', 2)`,
      count: sql<number>`count(*)::int`,
      lastAt: sql<string>`max(${outboxEmails.createdAt})`,
    })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.kind, 'reminder'), like(outboxEmails.dedupeKey, pattern)))
    .groupBy(sql`1`);
  return rows.map((r) => ({ iso2: r.iso2, count: Number(r.count), lastAt: new Date(r.lastAt) }));
}

export interface StateReminderRow {
  kind: string;
  year: number;
  offset: number;
  count: number;
  lastAt: Date;
}

/** The reminders queued to one State, per obligation and step. */
export async function selectRemindersOfState(db: DbOrTx, iso2: string): Promise<StateReminderRow[]> {
  const rows = await db
    .select({
      kind: sql<string>`split_part(${outboxEmails.dedupeKey}, ':', 3)`,
      year: sql<string>`split_part(${outboxEmails.dedupeKey}, ':', 4)`,
      offset: sql<string>`split_part(${outboxEmails.dedupeKey}, ':', 5)`,
      count: sql<number>`count(*)::int`,
      lastAt: sql<string>`max(${outboxEmails.createdAt})`,
    })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.kind, 'reminder'), like(outboxEmails.dedupeKey, `reminder:${iso2}:%`)))
    .groupBy(sql`1`, sql`2`, sql`3`);
  return rows
    .map((r) => ({ kind: r.kind, year: Number(r.year), offset: Number(r.offset), count: Number(r.count), lastAt: new Date(r.lastAt) }))
    .filter((r) => Number.isInteger(r.year) && Number.isInteger(r.offset));
}

/** The latest reminders queued, newest first (the admin page's recent activity). */
export async function selectRecentReminders(db: DbOrTx, limit: number) {
  return db
    .select({ id: outboxEmails.id, createdAt: outboxEmails.createdAt, toAddress: outboxEmails.toAddress, toName: outboxEmails.toName, subject: outboxEmails.subject, status: outboxEmails.status, locale: outboxEmails.locale, dedupeKey: outboxEmails.dedupeKey })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.kind, 'reminder'), like(outboxEmails.dedupeKey, 'reminder:%')))
    .orderBy(sql`${outboxEmails.createdAt} desc`, sql`${outboxEmails.id} desc`)
    .limit(limit);
}
