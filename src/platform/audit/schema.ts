import { pgTable, text, uuid, timestamp, jsonb, bigserial, index } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. A trigger (migration 0001) rejects UPDATE and DELETE; the application has
 * no route that edits it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** Who acted, as text (e-mail, "system", "cli"), kept even if the user is renamed. */
    actorLabel: text('actor_label').notNull(),
    /** `<area>.<entity>.<past tense>`, e.g. `accounts.user.invited`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Short before/after summary; never passwords, tokens or secrets. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_action_idx').on(t.action),
  ],
);
