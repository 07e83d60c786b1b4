/**
 * Who may see and do what in the Committee's engagement records — the only place these rules are
 * decided.
 *  - Work plans: committee members and ISU read every committee's plans (committees coordinate);
 *    ISU staff, administrators and members of the plan's committee edit them.
 *  - State users and the public see none of the work plans.
 */
import { forbidden } from '../../platform/errors.ts';
import { isCommitteeMember, isStaff, type Principal } from '../accounts/index.ts';

type User = Principal | undefined;

export function canViewWorkPlans(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

/** Creating a plan for a committee. */
export function canCreateWorkPlan(u: User, committeeId: string): boolean {
  return isStaff(u) || (isCommitteeMember(u) && u!.committeeId === committeeId);
}

/** Editing a plan's introduction and items, their status and their evidence. */
export function canEditWorkPlan(u: User, plan: { committeeId: string }): boolean {
  return canCreateWorkPlan(u, plan.committeeId);
}

export function assertCan(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
