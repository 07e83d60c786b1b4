/**
 * The job runner on a real database: a job is taken by one runner only (two runners on the same
 * database — on the PostgreSQL server through two connection pools, which exercises FOR UPDATE
 * SKIP LOCKED; on PGlite interleaved on its single connection), retries with backoff, `failed`
 * after max attempts, scheduled slots that run once across instances and restarts, and a stop that
 * waits for the job in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { withTransaction } from '../../../src/platform/db/transaction.ts';
import { JobRunner, enqueueJob } from '../../../src/platform/jobs/runner.ts';
import { findJob } from '../../../src/platform/jobs/jobs-repository.ts';
import { jobs, scheduledRuns } from '../../../src/platform/jobs/schema.ts';
import { sessions } from '../../../src/platform/auth/schema.ts';
import { createBackgroundJobs } from '../../../src/platform/jobs/platform-jobs.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { createUser } from '../../support/app.ts';

let testDb: TestDatabase;
let database: Database;
/** A second handle on the same database: its own pool on the server, the same PGlite otherwise. */
let second: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  second = testDb.url ? await openDatabase({ url: testDb.url, poolSize: 3 }) : database;
});
afterAll(async () => {
  if (second !== database) await second.close();
  await testDb.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('queued jobs', () => {
  it('runs every job exactly once when two runners work the same queue at the same time', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueueJob(database.db, 'test.once', { n: i }))!);
    const seen: { id: number; by: string }[] = [];
    const handler = (by: string) => async (_payload: Record<string, unknown>, ctx: { job: { id: number } }) => {
      seen.push({ id: ctx.job.id, by });
      await sleep(3);
    };
    const a = new JobRunner({ database, instanceId: 'a' }).register('test.once', handler('a'));
    const b = new JobRunner({ database: second, instanceId: 'b' }).register('test.once', handler('b'));
    await Promise.all([a.drain(), b.drain()]);
    const handled = seen.map((s) => s.id).sort((x, y) => x - y);
    expect(handled).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(handled).size).toBe(30);
    // On the server the two runners really ran side by side and shared the work.
    if (testDb.url) expect(new Set(seen.map((s) => s.by))).toEqual(new Set(['a', 'b']));
    const statuses = await database.db.select({ status: jobs.status, attempts: jobs.attempts }).from(jobs).where(eq(jobs.queue, 'test.once'));
    expect(statuses.every((s) => s.status === 'done' && s.attempts === 1)).toBe(true);
  });

  it('retries a failing job and marks it failed with its last error after max attempts', async () => {
    const id = (await enqueueJob(database.db, 'test.broken', { x: 1 }, { maxAttempts: 3 }))!;
    let calls = 0;
    const runner = new JobRunner({ database, backoff: () => 0 }).register('test.broken', async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    await runner.drain();
    expect(calls).toBe(3);
    const job = (await findJob(database.db, id))!;
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(3);
    expect(job.lastError).toBe('boom 3');
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it('waits the backoff delay before a retry, and succeeds on a later attempt', async () => {
    const id = (await enqueueJob(database.db, 'test.flaky', {}))!;
    let calls = 0;
    const runner = new JobRunner({ database, backoff: () => 60_000 }).register('test.flaky', async () => {
      calls++;
      if (calls === 1) throw new Error('temporary');
    });
    await runner.drain();
    expect(calls).toBe(1);
    let job = (await findJob(database.db, id))!;
    expect(job.status).toBe('queued');
    expect(job.lastError).toBe('temporary');
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Time passes: make it due again.
    await database.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));
    await runner.drain();
    job = (await findJob(database.db, id))!;
    expect(calls).toBe(2);
    expect(job.status).toBe('done');
    expect(job.attempts).toBe(2);
  });

  it('takes again a job whose runner died (lease expired), and leaves other queues alone', async () => {
    const id = (await enqueueJob(database.db, 'test.orphan', {}))!;
    const other = (await enqueueJob(database.db, 'test.nobody', {}))!;
    await database.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 minute'` }).where(eq(jobs.id, id));
    let ran = 0;
    await new JobRunner({ database }).register('test.orphan', async () => void ran++).drain();
    expect(ran).toBe(1);
    expect((await findJob(database.db, id))!.status).toBe('done');
    expect((await findJob(database.db, id))!.attempts).toBe(2);
    expect((await findJob(database.db, other))!.status).toBe('queued');
  });

  it('queues a job with a dedupe key once, and only when the command commits', async () => {
    expect(await enqueueJob(database.db, 'test.dedupe', {}, { dedupeKey: 'reminder:SN:2026' })).toBeTypeOf('number');
    expect(await enqueueJob(database.db, 'test.dedupe', {}, { dedupeKey: 'reminder:SN:2026' })).toBeUndefined();
    await expect(
      withTransaction(database.db, async (tx) => {
        await enqueueJob(tx, 'test.rolled_back', {});
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    const rows = await database.db.select().from(jobs).where(eq(jobs.queue, 'test.rolled_back'));
    expect(rows).toHaveLength(0);
  });

  it('does not run a job before its runAt', async () => {
    const id = (await enqueueJob(database.db, 'test.later', {}, { runAt: new Date(Date.now() + 3600_000) }))!;
    let ran = 0;
    await new JobRunner({ database }).register('test.later', async () => void ran++).drain();
    expect(ran).toBe(0);
    expect((await findJob(database.db, id))!.status).toBe('queued');
  });

  it('stop() waits for the job in progress', async () => {
    const id = (await enqueueJob(database.db, 'test.slow', {}))!;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = false;
    const runner = new JobRunner({ database, pollMs: 10 }).register('test.slow', async () => {
      started = true;
      await gate;
    });
    runner.start();
    for (let i = 0; i < 200 && !started; i++) await sleep(10);
    expect(started).toBe(true);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await findJob(database.db, id))!.status).toBe('done');
    expect(runner.isRunning).toBe(false);
  });
});

describe('scheduled tasks', () => {
  it('runs a slot once across two instances and across a restart, then once per new slot', async () => {
    let clock = new Date('2026-05-04T10:15:00Z');
    const now = () => clock;
    let runs = 0;
    const task = async () => {
      runs++;
      await sleep(5);
      return 'counted';
    };
    const a = new JobRunner({ database, now, instanceId: 'a' }).schedule('test.hourly', 3600_000, task);
    const b = new JobRunner({ database: second, now, instanceId: 'b' }).schedule('test.hourly', 3600_000, task);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(1);
    // A restarted instance (new runner, no memory) does not run the slot again.
    await new JobRunner({ database, now, instanceId: 'c' }).schedule('test.hourly', 3600_000, task).tick();
    expect(runs).toBe(1);
    const rows = await database.db.select().from(scheduledRuns).where(eq(scheduledRuns.task, 'test.hourly'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slot).toBe('2026-05-04T10:00:00.000Z');
    expect(rows[0]!.result).toBe('counted');
    expect(rows[0]!.finishedAt).toBeInstanceOf(Date);
    expect(['a', 'b']).toContain(rows[0]!.instance);

    clock = new Date('2026-05-04T11:00:01Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(2);
  });

  it('records a failing task as an error and does not run that slot again', async () => {
    const now = () => new Date('2026-05-05T08:00:00Z');
    let runs = 0;
    const runner = new JobRunner({ database, now }).schedule('test.daily', '07:00', async () => {
      runs++;
      throw new Error('no luck');
    });
    await runner.tick();
    await new JobRunner({ database, now }).schedule('test.daily', '07:00', async () => void runs++).tick();
    expect(runs).toBe(1);
    const [row] = await database.db.select().from(scheduledRuns).where(eq(scheduledRuns.task, 'test.daily'));
    expect(row!.slot).toBe('2026-05-05T07:00:00.000Z');
    expect(row!.result).toBe('error: no luck');
  });
});

describe('built-in background work', () => {
  it('purges expired sessions hourly and keeps live ones', async () => {
    const user = await createUser(database, { role: 'isu_staff' });
    await database.db.insert(sessions).values([
      { id: 'expired-session-hash', userId: user.id, expiresAt: new Date(Date.now() - 60_000) },
      { id: 'live-session-hash', userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
    ]);
    const background = createBackgroundJobs({ config: { smtpUrl: undefined, mailFrom: 'x@example.org', jobsEnabled: true }, database });
    const report = await background.runner.tick();
    expect(report.tasks).toContain('auth.purge_expired_sessions');
    const left = await database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.id)).toEqual(['live-session-hash']);
    const [run] = await database.db.select().from(scheduledRuns).where(eq(scheduledRuns.task, 'auth.purge_expired_sessions'));
    expect(run!.result).toMatch(/^\d+ expired sessions removed$/);
    await background.stop();
  });

  it('does not start polling when JOBS_ENABLED is false', async () => {
    const background = createBackgroundJobs({ config: { smtpUrl: undefined, mailFrom: 'x@example.org', jobsEnabled: false }, database });
    expect(background.startIfEnabled()).toBe(false);
    expect(background.runner.isRunning).toBe(false);
    await background.stop();
  });
});
