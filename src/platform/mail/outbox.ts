/**
 * Every e-mail goes into the outbox table inside the caller's transaction (so it is sent only if
 * the change commits). A job delivers queued messages through SMTP when configured.
 */
import type { DbOrTx } from '../db/client.ts';
import { outboxEmails } from './schema.ts';

export interface EmailInput {
  to: string;
  toName?: string | null | undefined;
  subject: string;
  text: string;
  html?: string | null | undefined;
  locale: string;
  /** invitation, password_reset, reminder, receipt, … */
  kind: string;
  /** A message with the same key is queued only once (e.g. one reminder per State, year and step). */
  dedupeKey?: string | undefined;
}

/** Queues a message; returns its id, or undefined when a message with the same dedupe key exists. */
export async function enqueueEmail(tx: DbOrTx, e: EmailInput): Promise<string | undefined> {
  const rows = await tx
    .insert(outboxEmails)
    .values({
      toAddress: e.to,
      toName: e.toName ?? null,
      subject: e.subject,
      textBody: e.text,
      htmlBody: e.html ?? null,
      locale: e.locale,
      kind: e.kind,
      dedupeKey: e.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: outboxEmails.id });
  return rows[0]?.id;
}
