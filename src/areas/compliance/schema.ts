import { pgTable, integer, boolean, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The reminder schedule for Article 7 reports, editable by ISU: one row per offset in days from
 * the due date (negative before it, positive after). Each reminder e-mail is queued in the outbox
 * with a dedupe key (State, obligation, offset, recipient), so it is sent exactly once even across
 * restarts and several app instances.
 */
export const reminderRules = pgTable('compliance_reminder_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  offsetDays: integer('offset_days').notNull().unique(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
