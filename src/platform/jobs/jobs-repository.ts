/** All SQL for the job queue and the scheduled-task ledger. Takes a database or transaction handle. */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { jobs, scheduledRuns } from './schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  queue: string;
  payload: Record<string, unknown>;
  runAt?: Date | undefined;
  dedupeKey?: string | undefined;
  maxAttempts?: number | undefined;
}

/** Inserts a job; returns its id, or undefined when a job with the same dedupe key exists. */
export async function insertJob(db: DbOrTx, job: NewJob): Promise<number | undefined> {
  const rows = await db
    .insert(jobs)
    .values({
      queue: job.queue,
      payload: job.payload,
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows[0]?.id;
}

/**
 * Takes the next due job of the given queues, in one short statement: the row is locked with
 * FOR UPDATE SKIP LOCKED (so two instances never take the same one), marked running and leased
 * until `now() + leaseMs`. A running job whose lease has expired (its instance died) is taken again.
 */
export async function claimNextJob(db: DbOrTx, queues: string[], leaseMs: number): Promise<JobRow | undefined> {
  if (queues.length === 0) return undefined;
  const queueList = sql.join(
    queues.map((q) => sql`${q}`),
    sql`, `,
  );
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: sql`now() + (${String(leaseMs)})::int * interval '1 millisecond'`,
    })
    .where(
      sql`${jobs.id} = (
        select j.id from jobs j
        where j.queue in (${queueList})
          and ((j.status = 'queued' and j.run_at <= now()) or (j.status = 'running' and j.locked_until < now()))
        order by j.run_at, j.id
        limit 1
        for update skip locked)`,
    )
    .returning();
  return row;
}

/** Marks a claimed job done (only if this claim still holds it). */
export async function completeJob(db: DbOrTx, job: Pick<JobRow, 'id' | 'attempts'>): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', finishedAt: sql`now()`, lockedUntil: null })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Records a failed attempt: queued again after `retryInMs`, or `failed` for good when none is left. */
export async function failJobAttempt(db: DbOrTx, job: Pick<JobRow, 'id' | 'attempts' | 'maxAttempts'>, error: string, retryInMs: number): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set(
      final
        ? { status: 'failed', lastError: error, finishedAt: sql`now()`, lockedUntil: null }
        : { status: 'queued', lastError: error, lockedUntil: null, runAt: sql`now() + (${String(Math.max(0, Math.round(retryInMs)))})::int * interval '1 millisecond'` },
    )
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)));
  return final ? 'failed' : 'retry';
}

export async function findJob(db: DbOrTx, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}

/** Claims one run of a scheduled task: true for the single caller that inserted (task, slot). */
export async function claimScheduledSlot(db: DbOrTx, task: string, slot: string, instance: string): Promise<boolean> {
  const rows = await db.insert(scheduledRuns).values({ task, slot, instance }).onConflictDoNothing().returning({ task: scheduledRuns.task });
  return rows.length > 0;
}

export async function finishScheduledSlot(db: DbOrTx, task: string, slot: string, result: string): Promise<void> {
  await db
    .update(scheduledRuns)
    .set({ finishedAt: sql`now()`, result: result.slice(0, 1000) })
    .where(and(eq(scheduledRuns.task, task), eq(scheduledRuns.slot, slot)));
}

/** Housekeeping: finished jobs and old scheduled-run records. Failed jobs are kept for inspection. */
export async function purgeOldJobs(db: DbOrTx, opts: { doneBefore: Date; runsBefore: Date }): Promise<{ jobs: number; runs: number }> {
  const j = await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ['done']), lt(jobs.finishedAt, opts.doneBefore)))
    .returning({ id: jobs.id });
  const r = await db.delete(scheduledRuns).where(lt(scheduledRuns.startedAt, opts.runsBefore)).returning({ task: scheduledRuns.task });
  return { jobs: j.length, runs: r.length };
}
