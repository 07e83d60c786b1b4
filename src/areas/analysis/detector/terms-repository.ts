/** All SQL for the detector's term lists (analysis_detector_terms). */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { detectorTerms } from '../schema.ts';
import type { TermInput } from './detector.ts';

export type TermRow = typeof detectorTerms.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TermFilter {
  indicatorId?: string | undefined;
  locale?: string | undefined;
  kind?: 'term' | 'negation' | undefined;
}

export async function listTerms(db: DbOrTx, f: TermFilter = {}): Promise<TermRow[]> {
  const t = detectorTerms;
  return db
    .select()
    .from(t)
    .where(and(f.indicatorId ? eq(t.indicatorId, f.indicatorId) : undefined, f.locale ? eq(t.locale, f.locale) : undefined, f.kind ? eq(t.kind, f.kind) : undefined))
    .orderBy(asc(t.indicatorId), asc(t.kind), asc(t.locale), asc(t.phrase));
}

/** Every term and cue, as the detector compiles them. */
export async function allTermInputs(db: DbOrTx): Promise<TermInput[]> {
  const t = detectorTerms;
  return db.select({ indicatorId: t.indicatorId, locale: t.locale, kind: t.kind, phrase: t.phrase }).from(t).orderBy(asc(t.indicatorId), asc(t.phrase));
}

/** How many terms and cues each indicator has, by language and kind. */
export async function countTerms(db: DbOrTx) {
  const t = detectorTerms;
  return db.select({ indicatorId: t.indicatorId, locale: t.locale, kind: t.kind, n: count() }).from(t).groupBy(t.indicatorId, t.locale, t.kind);
}

export async function findTerm(db: DbOrTx, id: string): Promise<TermRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(detectorTerms).where(eq(detectorTerms.id, id)).limit(1);
  return row;
}

/** Inserts terms; those already listed (same indicator, language, kind and phrase) are skipped. */
export async function insertTerms(tx: DbOrTx, rows: (TermInput & { note?: string | null; createdBy?: string | null })[]): Promise<TermRow[]> {
  if (!rows.length) return [];
  return tx
    .insert(detectorTerms)
    .values(rows.map((r) => ({ indicatorId: r.indicatorId, locale: r.locale, kind: r.kind, phrase: r.phrase, note: r.note ?? null, createdBy: r.createdBy ?? null })))
    .onConflictDoNothing()
    .returning();
}

export async function updateTerm(tx: DbOrTx, id: string, patch: { phrase: string; kind: 'term' | 'negation'; note: string | null }): Promise<TermRow | undefined> {
  const [row] = await tx
    .update(detectorTerms)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(detectorTerms.id, id))
    .returning();
  return row;
}

export async function deleteTerm(tx: DbOrTx, id: string): Promise<TermRow | undefined> {
  const [row] = await tx.delete(detectorTerms).where(eq(detectorTerms.id, id)).returning();
  return row;
}

/** The indicators that have no term or cue at all (the seed fills only those). */
export async function indicatorsWithoutTerms(db: DbOrTx, ids: string[]): Promise<string[]> {
  const rows = await db.selectDistinct({ id: detectorTerms.indicatorId }).from(detectorTerms);
  const have = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !have.has(id));
}
