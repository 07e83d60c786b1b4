/** Read models of the audit-log pages: the filter as typed, resolved to listAuditEvents' filter. */
import type { DbOrTx } from '../../platform/db/client.ts';
import { listAuditEvents, type AuditFilter } from '../../platform/audit/audit.ts';
import { findUserIdByEmail } from './admin-repository.ts';

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number];

export interface AuditFilterInput {
  q?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** An e-mail address or a user id. */
  actor?: string | undefined;
  /** YYYY-MM-DD, inclusive, UTC. */
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The platform filter, or `unknownActor` when the actor names no account. */
export async function resolveAuditFilter(db: DbOrTx, f: AuditFilterInput): Promise<{ filter: AuditFilter; unknownActor: boolean }> {
  let actorUserId: string | undefined;
  let unknownActor = false;
  if (f.actor) {
    actorUserId = UUID.test(f.actor) ? f.actor.toLowerCase() : await findUserIdByEmail(db, f.actor);
    unknownActor = !actorUserId;
  }
  return {
    unknownActor,
    filter: {
      q: f.q,
      action: f.action,
      entityType: f.entityType,
      entityId: f.entityId,
      actorUserId,
      from: f.from ? new Date(`${f.from}T00:00:00.000Z`) : undefined,
      to: f.to ? new Date(`${f.to}T23:59:59.999Z`) : undefined,
      beforeId: f.before,
    },
  };
}

export const AUDIT_PAGE_SIZE = 50;

export function listAuditPage(db: DbOrTx, filter: AuditFilter) {
  return listAuditEvents(db, { ...filter, limit: AUDIT_PAGE_SIZE });
}

/** Every matching event, newest first, a page at a time (for the CSV export), up to `max`. */
export async function* allAuditEvents(db: DbOrTx, filter: AuditFilter, max: number): AsyncGenerator<AuditEventRow> {
  let beforeId = filter.beforeId;
  let count = 0;
  for (;;) {
    const page = await listAuditEvents(db, { ...filter, beforeId, limit: 200 });
    for (const row of page.rows) {
      if (count >= max) return;
      count++;
      yield row;
    }
    if (!page.nextBeforeId) return;
    beforeId = page.nextBeforeId;
  }
}
