/** All SQL for the e-mail outbox: delivery claims and the administrators' views. */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { outboxEmails } from './schema.ts';

export type OutboxEmail = typeof outboxEmails.$inferSelect;
export type OutboxStatus = OutboxEmail['status'];
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['queued', 'sending', 'sent', 'failed', 'stored'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes up to `limit` messages that are due (queued, or `sending` whose lease ran out because an
 * instance died mid-send), with FOR UPDATE SKIP LOCKED so two instances never take the same one.
 * They become `sending`, one attempt is counted, and the lease runs until now() + leaseMs.
 */
export async function claimDueEmails(db: DbOrTx, limit: number, leaseMs: number): Promise<OutboxEmail[]> {
  return db
    .update(outboxEmails)
    .set({
      status: 'sending',
      attempts: sql`${outboxEmails.attempts} + 1`,
      nextAttemptAt: sql`now() + (${String(leaseMs)})::int * interval '1 millisecond'`,
    })
    .where(
      sql`${outboxEmails.id} in (
        select o.id from outbox_emails o
        where o.status in ('queued', 'sending') and o.next_attempt_at <= now()
        order by o.next_attempt_at, o.created_at
        limit ${String(limit)}::int
        for update skip locked)`,
    )
    .returning();
}

/** Without an SMTP server, due messages are kept as `stored` (readable in the outbox, not sent). */
export async function storeDueEmails(db: DbOrTx): Promise<number> {
  const rows = await db
    .update(outboxEmails)
    .set({ status: 'stored' })
    .where(and(eq(outboxEmails.status, 'queued'), sql`${outboxEmails.nextAttemptAt} <= now()`))
    .returning({ id: outboxEmails.id });
  return rows.length;
}

export async function markEmailSent(db: DbOrTx, id: string): Promise<void> {
  await db.update(outboxEmails).set({ status: 'sent', sentAt: sql`now()`, lastError: null }).where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, 'sending')));
}

/** A failed attempt: queued again after `retryInMs`, or `failed` for good. */
export async function markEmailAttemptFailed(db: DbOrTx, id: string, error: string, retryInMs: number | null): Promise<void> {
  await db
    .update(outboxEmails)
    .set(
      retryInMs === null
        ? { status: 'failed', lastError: error.slice(0, 2000) }
        : { status: 'queued', lastError: error.slice(0, 2000), nextAttemptAt: sql`now() + (${String(Math.round(retryInMs))})::int * interval '1 millisecond'` },
    )
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, 'sending')));
}

export interface OutboxFilter {
  status?: OutboxStatus | undefined;
  kind?: string | undefined;
  limit?: number;
  offset?: number;
}

/** Newest first; one row more than `limit` tells whether there is a next page. */
export async function listOutboxEmails(db: DbOrTx, f: OutboxFilter): Promise<{ rows: OutboxEmail[]; hasMore: boolean }> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(outboxEmails.status, f.status));
  if (f.kind) where.push(eq(outboxEmails.kind, f.kind));
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(outboxEmails)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(limit + 1)
    .offset(Math.max(0, f.offset ?? 0));
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function listOutboxKinds(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: outboxEmails.kind }).from(outboxEmails).orderBy(outboxEmails.kind).limit(200);
  return rows.map((r) => r.kind);
}

export async function findOutboxEmail(db: DbOrTx, id: string): Promise<OutboxEmail | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id)).limit(1);
  return row;
}

/** Puts a failed or stored message back in the queue, due now, with a fresh count of attempts. */
export async function requeueEmail(db: DbOrTx, id: string): Promise<OutboxEmail | undefined> {
  const [row] = await db
    .update(outboxEmails)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(outboxEmails.id, id), inArray(outboxEmails.status, ['failed', 'stored'])))
    .returning();
  return row;
}

/** Counts by status (for the outbox page heading). */
export async function countOutboxByStatus(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outboxEmails.status, n: sql<number>`count(*)::int` })
    .from(outboxEmails)
    .groupBy(outboxEmails.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
