/**
 * Who may see and do what in the Committee's engagement records — the only place these rules are
 * decided.
 *  - Work plans: committee members and ISU read every committee's plans (committees coordinate);
 *    ISU staff, administrators and members of the plan's committee edit them.
 *  - State users and the public see none of the work plans.
 *  - Meetings: read according to their confidentiality level — `public` by everyone, `platform` by
 *    committee members and ISU, `committee` by ISU and members of the participating committees,
 *    `participants` by ISU, the people listed as participants and the users of a participating
 *    State. ISU staff, administrators and members of a participating committee record and edit them.
 *    Someone who may not read a meeting gets "not found", never its title.
 *  - The individualised approach: committee members and ISU follow every State's; the State's own
 *    users read its record; the final report, once published, is public on the State's page.
 *  - National mine action platforms: committee members and ISU read and edit; States read their own.
 *  - The conclusions paper: like work plans.
 */
import { forbidden } from '../../platform/errors.ts';
import { isCommitteeMember, isStaff, isStateUser, type Principal } from '../accounts/index.ts';

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

/* ---------------- Meetings ---------------- */

/** A meeting as the policies need it. */
export interface MeetingFacts {
  confidentiality: 'public' | 'platform' | 'committee' | 'participants';
  committeeIds: string[];
  /** Users listed as participants, and the States taking part. */
  participantUserIds: string[];
  participantStates: string[];
}

export function canListMeetings(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

export function canViewMeeting(u: User, m: MeetingFacts): boolean {
  if (m.confidentiality === 'public') return true;
  if (!u) return false;
  if (isStaff(u)) return true;
  switch (m.confidentiality) {
    case 'platform':
      return isCommitteeMember(u);
    case 'committee':
      return isCommitteeMember(u) && m.committeeIds.includes(u.committeeId ?? '');
    case 'participants':
      return m.participantUserIds.includes(u.id) || (isStateUser(u) && m.participantStates.includes(u.stateIso2 ?? ''));
  }
}

export function canCreateMeeting(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

/** Editing a meeting, its participants, documents, outcomes and follow-up actions. */
export function canEditMeeting(u: User, m: Pick<MeetingFacts, 'committeeIds'>): boolean {
  return isStaff(u) || (isCommitteeMember(u) && m.committeeIds.includes(u!.committeeId ?? ''));
}

/** A personal calendar feed: anyone signed in (it lists only the meetings they may read). */
export function canHaveCalendarFeed(u: User): boolean {
  return !!u;
}

/* ---------------- Individualised approach, national platforms, State pages ---------------- */

export function canFollowIndividualisedApproach(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

export function canViewIndividualisedApproach(u: User, ia: { stateIso2: string }): boolean {
  return canFollowIndividualisedApproach(u) || (isStateUser(u) && u!.stateIso2 === ia.stateIso2);
}

export function canEditIndividualisedApproach(u: User): boolean {
  return canFollowIndividualisedApproach(u);
}

export function canViewNationalPlatform(u: User, stateIso2: string): boolean {
  return isStaff(u) || isCommitteeMember(u) || (isStateUser(u) && u!.stateIso2 === stateIso2);
}

export function canEditNationalPlatform(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

/** The internal State page (contacts, meetings, follow-ups, compliance history, indicators). */
export function canViewInternalStatePage(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

/* ---------------- Conclusions paper ---------------- */

export function canViewCommitteePaper(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

export function canEditCommitteePaper(u: User, committeeId: string): boolean {
  return canCreateWorkPlan(u, committeeId);
}

export function assertCan(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
