/** Read models of the outbox pages. */
import type { DbOrTx } from '../../platform/db/client.ts';
import { countOutboxByStatus, findOutboxEmail, listOutboxEmails, listOutboxKinds, type OutboxStatus } from '../../platform/mail/outbox-repository.ts';
import { notFound } from '../../platform/errors.ts';

export const OUTBOX_PAGE_SIZE = 50;

export async function outboxListing(db: DbOrTx, f: { status?: OutboxStatus | undefined; kind?: string | undefined; page: number }) {
  const [list, kinds, counts] = await Promise.all([
    listOutboxEmails(db, { status: f.status, kind: f.kind, limit: OUTBOX_PAGE_SIZE, offset: (f.page - 1) * OUTBOX_PAGE_SIZE }),
    listOutboxKinds(db),
    countOutboxByStatus(db),
  ]);
  return { ...list, kinds, counts };
}

export async function getOutboxEmail(db: DbOrTx, id: string) {
  const email = await findOutboxEmail(db, id);
  if (!email) throw notFound();
  return email;
}
