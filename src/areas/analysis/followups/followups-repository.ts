/**
 * All SQL of the follow-ups: the candidates of a year (one query over the indicator values, the
 * reviewer's decision applied), the follow-up letters with the State's next report, the letter
 * templates, and what a letter needs to know about a State and its report (language of
 * submission, cover-page contacts).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { genderInCooperation } from '../indicators/indicators-repository.ts';
import type { LocalizedText } from '../../states/index.ts';
import { followUps, letterTemplates, type FollowUpStatus } from '../schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

/** A text[] as either driver returns it from raw SQL. */
function textArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || v === '{}' || !v) return [];
  return v.slice(1, -1).split(',').map((s) => s.replace(/^"|"$/g, ''));
}

const bool = (v: unknown) => v === true || v === 't';

const asDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/* ---------- Candidates ---------- */

export interface CandidateRow {
  stateIso2: string;
  /** The State's names in the six languages (localise with `localized(names, locale)`). */
  stateNames: LocalizedText;
  /** The State's report for the year that a letter refers to (the annual report when there are two). */
  reportId: string;
  reportIds: string[];
  /** Some cooperation & assistance indicator counts as yes (the reviewer's decision wins). */
  cooperation: boolean;
  /** The report says how gender & diversity are integrated in its C&A (GENDER_IN_COOPERATION is yes). */
  gender: boolean;
  /** Indicators whose value that counts is yes in at least one of the State's reports of the year. */
  yes: string[];
  /** Indicators analysed for the State's reports of the year. */
  analysed: string[];
}

/**
 * Per State with an analysed, submitted report for the year: whether any cooperation indicator
 * and a GENDER_IN_COOPERATION indicator count as yes (the reviewer's decision wins over the automatic value),
 * and which indicators are yes. One query.
 */
export async function listCandidateRows(db: DbOrTx, year: number): Promise<CandidateRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select r.state_iso2 as "stateIso2", s.names as "stateNames",
        (array_agg(r.id::text order by (r.kind = 'annual') desc, r.submitted_at desc))[1] as "reportId",
        array_agg(distinct r.id::text) as "reportIds",
        coalesce(bool_or(i."group" = 'cooperation' and coalesce(a.decision, a.auto_value) = 'yes'), false) as "cooperation",
        coalesce(bool_or(a.indicator_id in (${genderInCooperation()}) and coalesce(a.decision, a.auto_value) = 'yes'), false) as "gender",
        coalesce(array_agg(distinct a.indicator_id) filter (where coalesce(a.decision, a.auto_value) = 'yes'), '{}'::text[]) as "yes",
        array_agg(distinct a.indicator_id) as "analysed"
      from reports r
      join analysis_report_indicators a on a.report_id = r.id
      join analysis_indicators i on i.id = a.indicator_id and i.active
      join states s on s.iso2 = r.state_iso2
      where r.current_version_no > 0 and r.year = ${year}
      group by r.state_iso2, s.names
      order by r.state_iso2`),
  );
  return rows.map((r) => ({
    stateIso2: String(r.stateIso2),
    stateNames: r.stateNames as LocalizedText,
    reportId: String(r.reportId),
    reportIds: textArray(r.reportIds),
    cooperation: bool(r.cooperation),
    gender: bool(r.gender),
    yes: textArray(r.yes),
    analysed: textArray(r.analysed),
  }));
}

/* ---------- Follow-ups ---------- */

export type FollowUpRecord = typeof followUps.$inferSelect;

export interface NextReport {
  id: string;
  year: number;
  kind: 'initial' | 'annual';
  submittedAt: Date | null;
  /** Whether the next report has been analysed yet, and whether it now addresses gender & diversity. */
  analysed: boolean;
  addressesGender: boolean;
}

export interface FollowUpListRow extends FollowUpRecord {
  stateNames: LocalizedText;
  nextReport: NextReport | null;
}

/**
 * Follow-ups (of a year, a State, or one by id) with the State's next report: the one recorded
 * in next_report_id, otherwise the State's first submitted report for a later year.
 */
export async function listFollowUpRows(db: DbOrTx, f: { year?: number; stateIso2?: string; id?: string }): Promise<FollowUpListRow[]> {
  if (f.id !== undefined && !isUuid(f.id)) return [];
  const where = [sql`true`];
  if (f.year !== undefined) where.push(sql`f.year = ${f.year}`);
  if (f.stateIso2 !== undefined) where.push(sql`f.state_iso2 = ${f.stateIso2}`);
  if (f.id !== undefined) where.push(sql`f.id = ${f.id}`);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select f.id::text as "id", f.state_iso2 as "stateIso2", f.year, f.report_id::text as "reportId", f.gaps, f.locale,
        f.template_key as "templateKey", f.subject, f.body, f.status, f.outbox_email_id::text as "outboxEmailId",
        f.sent_at as "sentAt", f.answered_at as "answeredAt", f.answer_note as "answerNote", f.closed_at as "closedAt",
        f.next_report_id::text as "nextReportId", f.created_at as "createdAt", f.created_by::text as "createdBy",
        f.updated_at as "updatedAt", f.version, s.names as "stateNames",
        nr.id as "nrId", nr.year as "nrYear", nr.kind as "nrKind", nr.submitted_at as "nrSubmittedAt", nr.analysed as "nrAnalysed", nr.gender as "nrGender"
      from analysis_follow_ups f
      join states s on s.iso2 = f.state_iso2
      left join lateral (
        select r.id::text as id, r.year, r.kind, r.submitted_at,
          exists (select 1 from analysis_report_indicators a where a.report_id = r.id) as analysed,
          exists (select 1 from analysis_report_indicators a join analysis_indicators i on i.id = a.indicator_id and i.active
                  where a.report_id = r.id and a.indicator_id in (${genderInCooperation()}) and coalesce(a.decision, a.auto_value) = 'yes') as gender
        from reports r
        where r.state_iso2 = f.state_iso2 and r.current_version_no > 0
          and (r.id = f.next_report_id or (f.next_report_id is null and r.year > f.year))
        order by r.year asc, (r.kind = 'annual') desc
        limit 1
      ) nr on true
      where ${sql.join(where, sql` and `)}
      order by f.created_at desc, f.id`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    stateIso2: String(r.stateIso2),
    year: Number(r.year),
    reportId: (r.reportId as string | null) ?? null,
    gaps: textArray(r.gaps),
    locale: String(r.locale),
    templateKey: (r.templateKey as string | null) ?? null,
    subject: String(r.subject),
    body: String(r.body),
    status: r.status as FollowUpStatus,
    outboxEmailId: (r.outboxEmailId as string | null) ?? null,
    sentAt: asDate(r.sentAt),
    answeredAt: asDate(r.answeredAt),
    answerNote: (r.answerNote as string | null) ?? null,
    closedAt: asDate(r.closedAt),
    nextReportId: (r.nextReportId as string | null) ?? null,
    createdAt: asDate(r.createdAt)!,
    createdBy: (r.createdBy as string | null) ?? null,
    updatedAt: asDate(r.updatedAt)!,
    version: Number(r.version),
    stateNames: r.stateNames as LocalizedText,
    nextReport: r.nrId
      ? { id: String(r.nrId), year: Number(r.nrYear), kind: r.nrKind as 'initial' | 'annual', submittedAt: asDate(r.nrSubmittedAt), analysed: bool(r.nrAnalysed), addressesGender: bool(r.nrGender) }
      : null,
  }));
}

export async function findFollowUp(db: DbOrTx, id: string): Promise<FollowUpRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(followUps).where(eq(followUps.id, id)).limit(1);
  return row;
}

/**
 * Serialises drafting for one State and year until the transaction ends, so two reviewers who
 * click "Draft letter" at the same moment get one follow-up, not two.
 */
export async function lockStateYear(tx: DbOrTx, stateIso2: string, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`analysis.follow_up:${stateIso2}:${year}`}))`);
}

/** The open (not closed) follow-up of a State for a year, if any. */
export async function findOpenFollowUp(db: DbOrTx, stateIso2: string, year: number): Promise<FollowUpRecord | undefined> {
  const [row] = await db
    .select()
    .from(followUps)
    .where(and(eq(followUps.stateIso2, stateIso2), eq(followUps.year, year), sql`${followUps.status} <> 'closed'`))
    .orderBy(asc(followUps.createdAt))
    .limit(1);
  return row;
}

export async function insertFollowUp(tx: DbOrTx, v: typeof followUps.$inferInsert): Promise<FollowUpRecord> {
  const [row] = await tx.insert(followUps).values(v).returning();
  return row!;
}

/**
 * Changes a follow-up if nobody changed it since `expectedVersion` and it is in one of the given
 * statuses; undefined otherwise (the caller tells which).
 */
export async function updateFollowUpIf(
  tx: DbOrTx,
  id: string,
  expected: { version: number; statuses: FollowUpStatus[] },
  patch: Partial<Pick<FollowUpRecord, 'subject' | 'body' | 'locale' | 'templateKey' | 'status' | 'outboxEmailId' | 'sentAt' | 'answeredAt' | 'answerNote' | 'closedAt' | 'nextReportId'>>,
): Promise<FollowUpRecord | undefined> {
  const t = followUps;
  const [row] = await tx
    .update(t)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${t.version} + 1` })
    .where(and(eq(t.id, id), eq(t.version, expected.version), sql`${t.status} in (${sql.join(expected.statuses.map((s) => sql`${s}`), sql`, `)})`))
    .returning();
  return row;
}

/* ---------- Templates ---------- */

export type LetterTemplateRow = typeof letterTemplates.$inferSelect;

export async function listTemplates(db: DbOrTx): Promise<LetterTemplateRow[]> {
  return db.select().from(letterTemplates).orderBy(asc(letterTemplates.key), asc(letterTemplates.locale));
}

export async function findTemplate(db: DbOrTx, key: string, locale: string): Promise<LetterTemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(letterTemplates)
    .where(and(eq(letterTemplates.key, key), eq(letterTemplates.locale, locale)))
    .limit(1);
  return row;
}

/** Inserts templates that do not exist yet (ISU's edits are never overwritten). Returns how many. */
export async function insertMissingTemplates(tx: DbOrTx, rows: { key: string; locale: string; subject: string; body: string }[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await tx.insert(letterTemplates).values(rows).onConflictDoNothing().returning({ key: letterTemplates.key });
  return inserted.length;
}

export async function updateTemplateIfVersion(tx: DbOrTx, key: string, locale: string, expectedVersion: number, patch: { subject: string; body: string; updatedBy: string | null }): Promise<LetterTemplateRow | undefined> {
  const t = letterTemplates;
  const [row] = await tx
    .update(t)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${t.version} + 1` })
    .where(and(eq(t.key, key), eq(t.locale, locale), eq(t.version, expectedVersion)))
    .returning();
  return row;
}

/* ---------- What a letter needs to know ---------- */

export interface LetterFacts {
  stateIso2: string;
  stateNames: LocalizedText;
  /** states.reporting_language: the official language the State usually reports in. */
  stateLanguage: string | null;
  /** The language of submission on the report's cover page (latest submitted version). */
  coverLanguage: string | null;
  /** The people on the report's cover page (latest submitted version). */
  coverPeople: unknown;
}

export async function findLetterFacts(db: DbOrTx, stateIso2: string, reportId: string | null): Promise<LetterFacts | undefined> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select s.iso2 as "stateIso2", s.names as "stateNames", s.reporting_language as "stateLanguage",
        v.snapshot #>> '{forms,cover,values,general,language}' as "coverLanguage",
        v.snapshot #> '{forms,cover,values,contacts,people}' as "coverPeople"
      from states s
      left join reports r on r.id = ${reportId && isUuid(reportId) ? reportId : null}::uuid and r.state_iso2 = s.iso2
      left join report_versions v on v.report_id = r.id and v.version_no = r.current_version_no
      where s.iso2 = ${stateIso2}`),
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    stateIso2: String(r.stateIso2),
    stateNames: r.stateNames as LocalizedText,
    stateLanguage: (r.stateLanguage as string | null) ?? null,
    coverLanguage: (r.coverLanguage as string | null) ?? null,
    coverPeople: r.coverPeople ?? null,
  };
}

export async function findCommitteeNames(db: DbOrTx, committeeId: string): Promise<LocalizedText | undefined> {
  const rows = rowsOf<{ names: LocalizedText }>(await db.execute(sql`select names from committees where id = ${committeeId}`));
  return rows[0]?.names;
}
