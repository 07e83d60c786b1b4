/**
 * Who may read and edit the observations paper — decided only here (on top of the analysis rules).
 *  - Committee members, ISU staff and administrators read the paper and download it (canUseAnalysis).
 *  - ISU staff and administrators edit it: texts, examples of good practice, marking it final and
 *    opening it again as a draft. A final paper is not edited until it is opened again.
 */
import { isStaff, type Principal } from '../../accounts/index.ts';
import { canUseAnalysis } from '../policy.ts';

type User = Principal | undefined;

export function canViewPaper(u: User): boolean {
  return canUseAnalysis(u);
}

/** Writing the texts and choosing examples: ISU and administrators, on a draft only. */
export function canEditPaper(u: User, paper: { status: 'draft' | 'final' } | undefined): boolean {
  return isStaff(u) && (paper?.status ?? 'draft') === 'draft';
}

/** Marking the paper final, or opening a final paper again as a draft. */
export function canChangePaperStatus(u: User): boolean {
  return isStaff(u);
}
