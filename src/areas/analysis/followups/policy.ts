/**
 * Who may see and do what with follow-up letters — the only place these rules are decided.
 *  - Committee members, ISU staff and administrators see the candidates and the follow-ups
 *    (the analysis pages, canUseAnalysis).
 *  - ISU staff and administrators draft, edit, send and track the letters and edit the templates
 *    (they write to States on the Committee's behalf).
 */
import { isStaff, type Principal } from '../../accounts/index.ts';
import { canUseAnalysis } from '../policy.ts';

type User = Principal | undefined;

export function canViewFollowUps(u: User): boolean {
  return canUseAnalysis(u);
}

/** Drafting, editing, sending, marking answered and closing a follow-up. */
export function canManageFollowUps(u: User): boolean {
  return isStaff(u);
}

export function canViewLetterTemplates(u: User): boolean {
  return isStaff(u);
}

export function canEditLetterTemplates(u: User): boolean {
  return isStaff(u);
}

export { assertCan } from '../policy.ts';
