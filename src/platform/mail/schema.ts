import { pgTable, text, uuid, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** Every e-mail the platform sends goes through this outbox (visible to administrators). */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    locale: text('locale').notNull(),
    /** What kind of message (invitation, password_reset, reminder, ...). */
    kind: text('kind').notNull(),
    /** queued → sent | failed; `stored` when no SMTP server is configured. */
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'stored'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Makes a message unique (e.g. one reminder per State, year and step). */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    index('outbox_emails_status_idx').on(t.status, t.nextAttemptAt),
    index('outbox_emails_created_idx').on(t.createdAt),
    uniqueIndex('outbox_emails_dedupe_key').on(t.dedupeKey),
  ],
);
