/**
 * Who may do what with the action plans — the only place these permissions are decided. Reading
 * the plans (pages and API) is public; ISU staff and administrators edit them (titles in the six
 * languages, sections, actions, indicators and their order).
 */
import { AppError } from '../../platform/errors.ts';
import { isStaff, type Principal } from '../accounts/index.ts';

export type MaybeUser = Principal | undefined;

/** The public plan pages and API: everyone, signed in or not. */
export function canViewPlans(_u: MaybeUser): boolean {
  return true;
}

/** The editing pages, the translation status and every change to a plan. */
export function canEditPlans(u: MaybeUser): boolean {
  return isStaff(u);
}

/** Throws 401 for nobody signed in (routes turn it into a redirect to sign-in) and 403 when not allowed. */
export function assertCan(u: MaybeUser, allowed: (u: MaybeUser) => boolean): asserts u is Principal {
  if (!u) throw new AppError('unauthenticated', 'unauthenticated');
  if (!allowed(u)) throw new AppError('forbidden', 'forbidden');
}
