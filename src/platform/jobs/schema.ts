import { pgTable, text, timestamp, integer, jsonb, bigserial, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

/** Queued work, taken with FOR UPDATE SKIP LOCKED so several instances never run a job twice. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queue: text('queue').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    dedupeKey: text('dedupe_key'),
  },
  (t) => [index('jobs_ready_idx').on(t.status, t.runAt), uniqueIndex('jobs_dedupe_key').on(t.dedupeKey)],
);

/** One row per run of a scheduled task and time slot: the primary key makes each slot run once. */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    task: text('task').notNull(),
    slot: text('slot').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    instance: text('instance'),
    result: text('result'),
  },
  (t) => [primaryKey({ columns: [t.task, t.slot] })],
);
