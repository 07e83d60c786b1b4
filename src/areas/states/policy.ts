/**
 * Who may do what in the States area — the only place these permissions are decided. Reading the
 * States pages and API is public; ISU staff and administrators record Article 5 deadlines; only
 * administrators change membership dates or add a State.
 */
import { AppError } from '../../platform/errors.ts';
import { isAdmin, isStaff, type Principal } from '../accounts/index.ts';

export type MaybeUser = Principal | undefined;

/** The States administration list. */
export function canAdministerStates(u: MaybeUser): boolean {
  return isStaff(u);
}

export function canRecordArticle5Deadline(u: MaybeUser): boolean {
  return isStaff(u);
}

export function canEditMembership(u: MaybeUser): boolean {
  return isAdmin(u);
}

/** A State's internal page (contacts, meetings, follow-ups, compliance, indicators): committee members and ISU. */
export function canViewInternalStatePage(u: MaybeUser): boolean {
  return isStaff(u) || u?.role === 'committee_member';
}

export function canAddState(u: MaybeUser): boolean {
  return isAdmin(u);
}

/** Throws 401 for nobody signed in (routes turn it into a redirect to sign-in) and 403 when not allowed. */
export function assertCan(u: MaybeUser, allowed: (u: MaybeUser) => boolean): asserts u is Principal {
  if (!u) throw new AppError('unauthenticated', 'unauthenticated');
  if (!allowed(u)) throw new AppError('forbidden', 'forbidden');
}
