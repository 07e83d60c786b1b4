/**
 * Background work that is safe with several app instances on one database:
 *
 * - **Queued jobs** (`jobs` table): `enqueueJob(tx, queue, payload)` inside a command's transaction;
 *   a runner takes due jobs one at a time with `FOR UPDATE SKIP LOCKED`, runs the handler registered
 *   for the queue, and marks the job done, or queued again with exponential backoff, or `failed`
 *   (with its last error) after `max_attempts`.
 * - **Scheduled tasks**: `schedule(name, everyMs | 'HH:MM', fn)`. Each run first inserts
 *   (task, slot) into `scheduled_runs` with ON CONFLICT DO NOTHING, so a slot runs exactly once
 *   across restarts and instances.
 * - **Pollers**: functions run on every tick that do their own safe claiming (the e-mail outbox).
 *
 * Transactions stay short: claiming is one statement and a handler runs outside it, because the
 * embedded database (PGlite) has a single connection shared with the web requests.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Database, DbOrTx } from '../db/client.ts';
import type { Actor } from '../audit/audit.ts';
import { claimNextJob, claimScheduledSlot, completeJob, failJobAttempt, finishScheduledSlot, insertJob, type JobRow } from './jobs-repository.ts';
import { exponentialBackoff, parseSchedule, slotFor, type ParsedSchedule, type ScheduleSpec } from './schedule.ts';

export type { JobRow } from './jobs-repository.ts';
export type { ScheduleSpec } from './schedule.ts';

/** The subset of a pino/Fastify logger the runner writes to. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silentLogger: JobLogger = { info() {}, warn() {}, error() {} };

export interface JobContext {
  job: JobRow;
  database: Database;
  /** For audit events written by the handler: `job:<queue>`. */
  actor: Actor;
  log: JobLogger;
}

export interface TaskContext {
  task: string;
  slot: string;
  database: Database;
  actor: Actor;
  log: JobLogger;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;
/** A scheduled task may return a short result text, stored in scheduled_runs.result. */
export type TaskFn = (ctx: TaskContext) => Promise<string | void>;

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date | undefined;
  /** A job with the same key is queued only once, ever (e.g. `reminder:SN:2026:first`). */
  dedupeKey?: string | undefined;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number | undefined;
}

/** Queues a job; call it inside the transaction of the command that causes it. */
export function enqueueJob(tx: DbOrTx, queue: string, payload: Record<string, unknown> = {}, opts: EnqueueOptions = {}): Promise<number | undefined> {
  return insertJob(tx, { queue, payload, runAt: opts.runAt, dedupeKey: opts.dedupeKey, maxAttempts: opts.maxAttempts });
}

export interface JobRunnerOptions {
  database: Database;
  /** Pause between rounds when there is nothing more to do (default 2000 ms). */
  pollMs?: number;
  /** How long a claimed job is leased before another instance may take it again (default 10 min). */
  leaseMs?: number;
  /** Jobs run per round at most, so scheduled tasks and pollers get their turn (default 20). */
  batchSize?: number;
  /** Delay before retry number n (default 30 s doubling up to 1 h). */
  backoff?: (attempt: number) => number;
  instanceId?: string;
  log?: JobLogger;
  /** The clock used for scheduled slots (tests move it). */
  now?: () => Date;
}

export interface TickReport {
  /** Scheduled tasks this runner ran in this round. */
  tasks: string[];
  /** Jobs finished (done) and attempts that failed in this round. */
  done: number;
  failed: number;
}

interface Task {
  name: string;
  schedule: ParsedSchedule;
  fn: TaskFn;
  lastSlot?: string;
}

export class JobRunner {
  readonly instanceId: string;
  private readonly database: Database;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly backoff: (attempt: number) => number;
  private readonly log: JobLogger;
  private readonly now: () => Date;
  private readonly handlers = new Map<string, { fn: JobHandler; backoff?: ((attempt: number) => number) | undefined }>();
  private readonly tasks: Task[] = [];
  private readonly pollers: { name: string; fn: () => Promise<unknown> }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<TickReport> | undefined;
  private started = false;
  private stopping = false;

  constructor(opts: JobRunnerOptions) {
    this.database = opts.database;
    this.pollMs = opts.pollMs ?? 2000;
    this.leaseMs = opts.leaseMs ?? 10 * 60_000;
    this.batchSize = opts.batchSize ?? 20;
    this.backoff = opts.backoff ?? exponentialBackoff(30_000, 3600_000);
    this.log = opts.log ?? silentLogger;
    this.now = opts.now ?? (() => new Date());
    this.instanceId = opts.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Registers the handler of a queue. Only queues with a handler are taken by this runner. */
  register(queue: string, fn: JobHandler, opts: { backoff?: (attempt: number) => number } = {}): this {
    if (this.handlers.has(queue)) throw new Error(`A handler for queue "${queue}" is already registered`);
    this.handlers.set(queue, { fn, backoff: opts.backoff });
    return this;
  }

  /** Runs `fn` once per slot: every `spec` milliseconds, or daily at `'HH:MM'` UTC. */
  schedule(name: string, spec: ScheduleSpec, fn: TaskFn): this {
    if (this.tasks.some((t) => t.name === name)) throw new Error(`A task named "${name}" is already scheduled`);
    this.tasks.push({ name, schedule: parseSchedule(spec), fn });
    return this;
  }

  /** Runs `fn` on every round; it must itself be safe when several instances run it at once. */
  poll(name: string, fn: () => Promise<unknown>): this {
    this.pollers.push({ name, fn });
    return this;
  }

  get isRunning(): boolean {
    return this.started;
  }

  /** Starts polling. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.log.info({ instance: this.instanceId, pollMs: this.pollMs, queues: [...this.handlers.keys()], tasks: this.tasks.map((t) => t.name) }, 'job runner started');
    this.arm(0);
  }

  /** Stops polling and waits for the job (or task) in progress to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.current) await this.current.catch(() => undefined);
    if (this.started) this.log.info({ instance: this.instanceId }, 'job runner stopped');
    this.started = false;
    this.stopping = false;
  }

  /** One round: due scheduled tasks, pollers, then due jobs. Concurrent calls share one round. */
  tick(): Promise<TickReport> {
    if (!this.current) {
      this.current = this.round().finally(() => {
        this.current = undefined;
      });
    }
    return this.current;
  }

  /** Runs rounds until no job is due (tests and the CLI). */
  async drain(maxRounds = 100): Promise<TickReport> {
    const total: TickReport = { tasks: [], done: 0, failed: 0 };
    for (let i = 0; i < maxRounds; i++) {
      const r = await this.tick();
      total.tasks.push(...r.tasks);
      total.done += r.done;
      total.failed += r.failed;
      if (r.done + r.failed === 0) break;
    }
    return total;
  }

  private arm(delay: number): void {
    if (!this.started || this.stopping) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick().then(
        (r) => this.arm(r.done + r.failed >= this.batchSize ? 0 : this.pollMs),
        () => this.arm(this.pollMs),
      );
    }, delay);
    this.timer.unref();
  }

  private async round(): Promise<TickReport> {
    const report: TickReport = { tasks: [], done: 0, failed: 0 };
    try {
      for (const task of this.tasks) {
        if (this.stopping) return report;
        await this.runTask(task, report);
      }
      for (const p of this.pollers) {
        if (this.stopping) return report;
        try {
          await p.fn();
        } catch (e) {
          this.log.error({ poller: p.name, err: errorText(e) }, 'poller failed');
        }
      }
      for (let i = 0; i < this.batchSize && !this.stopping; i++) {
        const outcome = await this.runNextJob();
        if (outcome === 'none') break;
        if (outcome === 'done') report.done++;
        else report.failed++;
      }
    } catch (e) {
      // The database went away, most likely: log it and try again next round.
      this.log.error({ instance: this.instanceId, err: errorText(e) }, 'job round failed');
    }
    return report;
  }

  private async runTask(task: Task, report: TickReport): Promise<void> {
    const slot = slotFor(task.schedule, this.now());
    if (task.lastSlot === slot) return;
    const claimed = await claimScheduledSlot(this.database.db, task.name, slot, this.instanceId);
    task.lastSlot = slot;
    if (!claimed) return;
    report.tasks.push(task.name);
    const ctx: TaskContext = { task: task.name, slot, database: this.database, actor: { userId: null, label: `job:${task.name}` }, log: this.log };
    const started = Date.now();
    let result: string;
    try {
      result = (await task.fn(ctx)) || 'ok';
      this.log.info({ task: task.name, slot, ms: Date.now() - started, result }, 'scheduled task done');
    } catch (e) {
      result = `error: ${errorText(e)}`;
      this.log.error({ task: task.name, slot, err: errorText(e) }, 'scheduled task failed');
    }
    await finishScheduledSlot(this.database.db, task.name, slot, result);
  }

  private async runNextJob(): Promise<'none' | 'done' | 'failed'> {
    const job = await claimNextJob(this.database.db, [...this.handlers.keys()], this.leaseMs);
    if (!job) return 'none';
    const handler = this.handlers.get(job.queue)!;
    const ctx: JobContext = { job, database: this.database, actor: { userId: null, label: `job:${job.queue}` }, log: this.log };
    const started = Date.now();
    try {
      await handler.fn(job.payload, ctx);
      await completeJob(this.database.db, job);
      this.log.info({ job: job.id, queue: job.queue, attempt: job.attempts, ms: Date.now() - started }, 'job done');
      return 'done';
    } catch (e) {
      const message = errorText(e);
      const delay = (handler.backoff ?? this.backoff)(job.attempts);
      const outcome = await failJobAttempt(this.database.db, job, message, delay);
      const log = { job: job.id, queue: job.queue, attempt: job.attempts, maxAttempts: job.maxAttempts, err: message, ...(outcome === 'retry' ? { retryInMs: delay } : {}) };
      if (outcome === 'failed') this.log.error(log, 'job failed for good');
      else this.log.warn(log, 'job attempt failed; will retry');
      return 'failed';
    }
  }
}

export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message || e.name : String(e);
  return text.slice(0, 2000);
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  return new JobRunner(opts);
}
