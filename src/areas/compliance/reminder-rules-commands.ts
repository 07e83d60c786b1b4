/** ISU's changes to the reminder schedule, each audited in its own transaction. */
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../accounts/index.ts';
import { DEFAULT_OFFSETS, MAX_OFFSET, MIN_OFFSET } from './compliance.ts';
import { deleteReminderRule as deleteRow, insertDefaultRulesIfEmpty, insertReminderRule, updateReminderRuleEnabled, type ReminderRuleRow } from './compliance-repository.ts';
import { assertCan, canManageReminders } from './policy.ts';

type Deps = { database: Database };

/** Adds a step to the schedule (days from the due date); an offset already in it is refused. */
export async function addReminderRule(deps: Deps, actor: Actor, user: Principal | undefined, input: { offsetDays: number }): Promise<ReminderRuleRow> {
  assertCan(canManageReminders(user));
  if (!Number.isInteger(input.offsetDays) || input.offsetDays < MIN_OFFSET || input.offsetDays > MAX_OFFSET) throw new AppError('validation', 'compliance.rules.offset_invalid');
  return withTransaction(deps.database.db, async (tx) => {
    const row = await insertReminderRule(tx, { offsetDays: input.offsetDays, createdBy: actor.userId });
    if (!row) throw new AppError('validation', 'compliance.rules.exists');
    await recordAudit(tx, actor, { action: 'compliance.reminder_rule.created', entityType: 'reminder_rule', entityId: row.id, summary: { offsetDays: row.offsetDays, enabled: row.enabled } });
    return row;
  });
}

/** Turns a step of the schedule on or off (a rule turned off sends nothing; it stays listed). */
export async function setReminderRuleEnabled(deps: Deps, actor: Actor, user: Principal | undefined, id: string, enabled: boolean): Promise<ReminderRuleRow> {
  assertCan(canManageReminders(user));
  return withTransaction(deps.database.db, async (tx) => {
    const changed = await updateReminderRuleEnabled(tx, id, enabled);
    if (!changed) throw notFound('compliance.rules.not_found');
    if (changed.before.enabled !== enabled) {
      await recordAudit(tx, actor, {
        action: enabled ? 'compliance.reminder_rule.enabled' : 'compliance.reminder_rule.disabled',
        entityType: 'reminder_rule',
        entityId: id,
        summary: { offsetDays: changed.after.offsetDays, changed: { enabled: { before: changed.before.enabled, after: enabled } } },
      });
    }
    return changed.after;
  });
}

/** Removes a step from the schedule. Reminders already queued stay in the outbox. */
export async function deleteReminderRule(deps: Deps, actor: Actor, user: Principal | undefined, id: string): Promise<ReminderRuleRow> {
  assertCan(canManageReminders(user));
  return withTransaction(deps.database.db, async (tx) => {
    const row = await deleteRow(tx, id);
    if (!row) throw notFound('compliance.rules.not_found');
    await recordAudit(tx, actor, { action: 'compliance.reminder_rule.deleted', entityType: 'reminder_rule', entityId: id, summary: { offsetDays: row.offsetDays, enabled: row.enabled } });
    return row;
  });
}

/**
 * Reference data: the default schedule (60, 30 and 7 days before the due date, 7 days after),
 * inserted when the schedule is empty — at the first start. Idempotent, and safe when several
 * instances start at once; rules ISU removed or turned off later are left as they are (to stop
 * every reminder, turn the rules off rather than deleting them all).
 */
export async function seedReminderRules(db: DbOrTx): Promise<number> {
  return withTransaction(db, (tx) => insertDefaultRulesIfEmpty(tx, DEFAULT_OFFSETS));
}
