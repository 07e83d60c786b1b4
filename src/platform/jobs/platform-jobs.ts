/**
 * The background work every instance knows about: e-mail delivery (a poller), purging expired
 * sessions (hourly) and housekeeping of finished jobs (daily). Areas add their own queues and
 * tasks to the same runner from the composition root.
 */
import type { Config } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import { createMailDelivery, type MailDelivery } from '../mail/delivery.ts';
import { purgeOldJobs } from './jobs-repository.ts';
import { JobRunner, type JobLogger } from './runner.ts';

export const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

export interface BackgroundJobs {
  runner: JobRunner;
  mail: MailDelivery;
  /** Starts polling when the configuration allows jobs in this instance; returns whether it did. */
  startIfEnabled(): boolean;
  /** Stops polling, waits for the work in progress, closes the SMTP transport. */
  stop(): Promise<void>;
}

export interface BackgroundJobsOptions {
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'jobsEnabled'>;
  database: Database;
  log?: JobLogger;
  pollMs?: number;
}

export function createBackgroundJobs(opts: BackgroundJobsOptions): BackgroundJobs {
  const { config, database, log } = opts;
  const runner = new JobRunner({ database, ...(opts.pollMs ? { pollMs: opts.pollMs } : {}), ...(log ? { log } : {}) });
  const mail = createMailDelivery({ database, smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, ...(log ? { log } : {}) });

  runner.poll('mail.deliver', () => mail.deliver());
  runner.schedule('auth.purge_expired_sessions', HOUR_MS, async () => `${await purgeExpiredSessions(database.db)} expired sessions removed`);
  runner.schedule('jobs.housekeeping', '03:30', async () => {
    const now = Date.now();
    const r = await purgeOldJobs(database.db, { doneBefore: new Date(now - 30 * DAY_MS), runsBefore: new Date(now - 90 * DAY_MS) });
    return `${r.jobs} finished jobs and ${r.runs} scheduled-run records removed`;
  });

  return {
    runner,
    mail,
    startIfEnabled() {
      if (!config.jobsEnabled) return false;
      runner.start();
      return true;
    },
    async stop() {
      await runner.stop();
      mail.close();
    },
  };
}
