/** All SQL of committee papers. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { committeePapers, meetings, workPlans } from '../schema.ts';

export type CommitteePaperRow = typeof committeePapers.$inferSelect;

export async function findPaper(db: DbOrTx, committeeId: string, year: number): Promise<CommitteePaperRow | undefined> {
  const [row] = await db
    .select()
    .from(committeePapers)
    .where(and(eq(committeePapers.committeeId, committeeId), eq(committeePapers.year, year)));
  return row;
}

/** Inserts the paper unless one exists (then undefined: someone created it meanwhile). */
export async function insertPaper(tx: DbOrTx, values: typeof committeePapers.$inferInsert): Promise<CommitteePaperRow | undefined> {
  const [row] = await tx.insert(committeePapers).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updatePaperIfVersion(tx: DbOrTx, id: string, version: number, patch: Partial<typeof committeePapers.$inferInsert>): Promise<CommitteePaperRow | undefined> {
  const [row] = await tx
    .update(committeePapers)
    .set({ ...patch, updatedAt: new Date(), version: sql`${committeePapers.version} + 1` })
    .where(and(eq(committeePapers.id, id), eq(committeePapers.version, version)))
    .returning();
  return row;
}

/** Committee and year pairs with something recorded (a plan, a paper, a meeting), newest first. */
export async function listPaperYears(db: DbOrTx): Promise<{ committeeId: string; year: number; status: 'draft' | 'final' | null }[]> {
  const [plans, papers, meetingRows] = await Promise.all([
    db.selectDistinct({ committeeId: workPlans.committeeId, year: workPlans.year }).from(workPlans),
    db.select({ committeeId: committeePapers.committeeId, year: committeePapers.year, status: committeePapers.status }).from(committeePapers),
    db.selectDistinct({ committeeIds: meetings.committeeIds, year: sql<number>`extract(year from ${meetings.startsAt})::int` }).from(meetings),
  ]);
  const out = new Map<string, { committeeId: string; year: number; status: 'draft' | 'final' | null }>();
  const add = (committeeId: string, year: number, status: 'draft' | 'final' | null = null) => {
    const key = `${committeeId}|${year}`;
    const cur = out.get(key);
    if (!cur || status) out.set(key, { committeeId, year, status: status ?? cur?.status ?? null });
  };
  for (const p of plans) add(p.committeeId, p.year);
  for (const m of meetingRows) for (const c of m.committeeIds) add(c, m.year);
  for (const p of papers) add(p.committeeId, p.year, p.status);
  return [...out.values()].sort((a, b) => b.year - a.year || a.committeeId.localeCompare(b.committeeId));
}

