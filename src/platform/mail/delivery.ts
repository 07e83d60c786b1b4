/**
 * Delivers the e-mail outbox. Run on every round of the job runner (several instances may run it at
 * once: messages are claimed with FOR UPDATE SKIP LOCKED). Each message is sent through SMTP
 * (config.smtpUrl) from config.mailFrom and marked `sent`, or queued again with exponential backoff,
 * or `failed` after the last attempt or a permanent (5xx) refusal. With no SMTP server configured,
 * due messages are marked `stored`: administrators read them in the outbox; nothing leaves.
 *
 * Delivery is at-least-once: an instance that dies between the SMTP server's acceptance and the
 * `sent` mark leaves the message `sending`; it is sent again when its lease (5 minutes) runs out.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { exponentialBackoff } from '../jobs/schedule.ts';
import { claimDueEmails, markEmailAttemptFailed, markEmailSent, storeDueEmails, type OutboxEmail } from './outbox-repository.ts';

export interface MailLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface MailDeliveryOptions {
  database: Database;
  /** smtp://user:pass@host:port or smtps://…; undefined keeps messages in the outbox (`stored`). */
  smtpUrl?: string | undefined;
  mailFrom: string;
  /** Messages sent per round (default 20). */
  batchSize?: number;
  /** Attempts before a message is marked failed (default 8: about 2 hours of retries). */
  maxAttempts?: number;
  /** Delay before retry n (default 1 min doubling up to 2 h). */
  backoff?: (attempt: number) => number;
  /** How long a claimed message stays `sending` before another instance may take it (default 5 min). */
  leaseMs?: number;
  log?: MailLogger;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  stored: number;
}

export interface MailDelivery {
  deliver(): Promise<DeliveryReport>;
  close(): void;
}

const silent: MailLogger = { info() {}, warn() {}, error() {} };

export function createMailDelivery(opts: MailDeliveryOptions): MailDelivery {
  const batchSize = opts.batchSize ?? 20;
  const maxAttempts = opts.maxAttempts ?? 8;
  const backoff = opts.backoff ?? exponentialBackoff(60_000, 2 * 3600_000);
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const log = opts.log ?? silent;
  let transporter: Transporter | undefined;

  function transport(): Transporter {
    transporter ??= nodemailer.createTransport({
      url: opts.smtpUrl!,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return transporter;
  }

  async function sendOne(email: OutboxEmail): Promise<void> {
    await transport().sendMail({
      from: opts.mailFrom,
      to: email.toName ? { name: email.toName, address: email.toAddress } : email.toAddress,
      subject: email.subject,
      text: email.textBody,
      ...(email.htmlBody ? { html: email.htmlBody } : {}),
      headers: { 'Content-Language': email.locale, 'Auto-Submitted': 'auto-generated', 'X-Outbox-Id': email.id },
    });
  }

  return {
    async deliver() {
      const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, stored: 0 };
      if (!opts.smtpUrl) {
        report.stored = await storeDueEmails(opts.database.db);
        if (report.stored) log.info({ stored: report.stored }, 'e-mails stored in the outbox (no SMTP server configured)');
        return report;
      }
      const batch = await claimDueEmails(opts.database.db, batchSize, leaseMs);
      for (const email of batch) {
        try {
          await sendOne(email);
          await markEmailSent(opts.database.db, email.id);
          report.sent++;
          log.info({ email: email.id, kind: email.kind, attempt: email.attempts }, 'e-mail sent');
        } catch (e) {
          const message = smtpErrorText(e);
          const final = isPermanent(e) || email.attempts >= maxAttempts;
          const delay = final ? null : backoff(email.attempts);
          await markEmailAttemptFailed(opts.database.db, email.id, message, delay);
          if (final) {
            report.failed++;
            log.error({ email: email.id, kind: email.kind, attempt: email.attempts, err: message }, 'e-mail failed for good');
          } else {
            report.retried++;
            log.warn({ email: email.id, kind: email.kind, attempt: email.attempts, retryInMs: delay, err: message }, 'e-mail attempt failed; will retry');
          }
        }
      }
      return report;
    },
    close() {
      transporter?.close();
      transporter = undefined;
    },
  };
}

/** A 5xx answer (mailbox unknown, message refused) or an unusable address will not improve by retrying. */
function isPermanent(e: unknown): boolean {
  const err = e as { responseCode?: number; code?: string };
  if (typeof err.responseCode === 'number') return err.responseCode >= 500 && err.responseCode < 600;
  return err.code === 'EENVELOPE';
}

/** The error as stored in last_error: no credentials, bounded length. */
export function smtpErrorText(e: unknown): string {
  const text = e instanceof Error ? e.message || e.name : String(e);
  return text.replace(/(smtps?:\/\/)[^@\s/]*@/gi, '$1').slice(0, 1000);
}
