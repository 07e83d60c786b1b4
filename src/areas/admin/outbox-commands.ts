/** Administrators' actions on the e-mail outbox. */
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findOutboxEmail, requeueEmail } from '../../platform/mail/outbox-repository.ts';
import { assertCan, canRetryEmail, canViewOutbox, type MaybeUser } from './policy.ts';

/** Puts a failed (or stored) message back in the queue; the delivery job sends it on its next round. */
export async function retryEmail(deps: { database: Database }, actor: Actor, user: MaybeUser, emailId: string): Promise<void> {
  assertCan(canViewOutbox(user));
  await withTransaction(deps.database.db, async (tx) => {
    const email = await findOutboxEmail(tx, emailId);
    if (!email) throw notFound();
    if (!canRetryEmail(user, email)) throw new AppError('conflict', 'admin.email.not_retryable');
    const requeued = await requeueEmail(tx, email.id);
    if (!requeued) throw new AppError('conflict', 'admin.email.not_retryable');
    await recordAudit(tx, actor, {
      action: 'admin.email.retried',
      entityType: 'outbox_email',
      entityId: email.id,
      summary: { to: email.toAddress, kind: email.kind, previousStatus: email.status, previousAttempts: email.attempts, lastError: email.lastError },
    });
  });
}
