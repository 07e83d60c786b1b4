/**
 * Who may see and do what in the committee's analysis — the only place these rules are decided.
 *  - Committee members, ISU staff and administrators read the indicators of every submitted report
 *    (the analysis only ever reads submitted versions, which committee members may read anyway)
 *    and record their decisions on them.
 *  - ISU staff and administrators run the analysis again and edit the detector's term lists;
 *    committee members read the term lists (the detector is meant to be transparent).
 *  - Nobody else: State users and the public see none of these pages.
 */
import { forbidden } from '../../platform/errors.ts';
import { isCommitteeMember, isStaff, type Principal } from '../accounts/index.ts';

type User = Principal | undefined;

/** A report as the analysis policies need it. */
export interface AnalysedReportFacts {
  currentVersionNo: number;
}

/** The committee's analysis pages (indicators, and the later dashboard, follow-ups, paper, search). */
export function canUseAnalysis(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

/** The indicators of one report: only once a version has been submitted. */
export function canViewReportIndicators(u: User, r: AnalysedReportFacts): boolean {
  return canUseAnalysis(u) && r.currentVersionNo > 0;
}

/** Confirming or overriding an indicator of a report. */
export function canDecideIndicator(u: User, r: AnalysedReportFacts): boolean {
  return canViewReportIndicators(u, r);
}

/** Running the analysis of a report (or of a year) again, e.g. after the term lists changed. */
export function canReanalyse(u: User): boolean {
  return isStaff(u);
}

export function canViewDetectorTerms(u: User): boolean {
  return canUseAnalysis(u);
}

export function canEditDetectorTerms(u: User): boolean {
  return isStaff(u);
}

/** Trying the detector on a text of one's own (nothing is stored). */
export function canTryDetector(u: User): boolean {
  return canViewDetectorTerms(u);
}

export function assertCan(allowed: boolean, code = 'forbidden'): void {
  if (!allowed) throw forbidden(code);
}
