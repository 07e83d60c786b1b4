/**
 * Who may see and do what in the compliance area — the only place these rules are decided.
 *  - Everyone reads the public compliance pages, the trends and each State's history.
 *  - Committee members, ISU staff and administrators read the internal view: drafts in progress
 *    and reminders sent (never the content of a report).
 *  - ISU staff and administrators edit the reminder schedule and run the reminders now.
 */
import { forbidden } from '../../platform/errors.ts';
import { isCommitteeMember, isStaff, type Principal } from '../accounts/index.ts';

type User = Principal | undefined;

export function canViewInternalCompliance(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

export function canManageReminders(u: User): boolean {
  return isStaff(u);
}

export function canRunReminders(u: User): boolean {
  return isStaff(u);
}

export function assertCan(allowed: boolean, code = 'forbidden'): void {
  if (!allowed) throw forbidden(code);
}
