/**
 * Who may do what in the accounts area. The only place these permissions are decided; routes call
 * assertCan*, navigation calls can*.
 */
import { forbidden, AppError } from '../../platform/errors.ts';
import type { Principal } from './principal.ts';
import { STAFF_ROLES } from './principal.ts';

export type MaybeUser = Principal | undefined;

export function requireUser(user: MaybeUser): Principal {
  if (!user) throw new AppError('unauthenticated', 'unauthenticated');
  return user;
}

export const isStaff = (u: MaybeUser): boolean => !!u && STAFF_ROLES.includes(u.role);
export const isAdmin = (u: MaybeUser): boolean => u?.role === 'admin';
export const isStateUser = (u: MaybeUser): boolean => u?.role === 'state_preparer' || u?.role === 'state_approver';
export const isCommitteeMember = (u: MaybeUser): boolean => u?.role === 'committee_member';

/** Administrators manage every account; ISU staff manage States' focal points (not staff or admins). */
export function canManageUsers(u: MaybeUser): boolean {
  return isStaff(u);
}

export function canManageUser(actor: MaybeUser, target: { role: string; id: string }): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role === 'isu_staff') return target.role !== 'admin' && target.role !== 'isu_staff';
  return false;
}

/** Which roles an actor may give to others. */
export function assignableRoles(actor: MaybeUser): string[] {
  if (actor?.role === 'admin') return ['state_preparer', 'state_approver', 'committee_member', 'isu_staff', 'admin'];
  if (actor?.role === 'isu_staff') return ['state_preparer', 'state_approver', 'committee_member'];
  return [];
}

export function canViewAuditLog(u: MaybeUser): boolean {
  return isStaff(u);
}

export function canViewOutbox(u: MaybeUser): boolean {
  return isAdmin(u) || u?.role === 'isu_staff';
}

/** A signed-in user may manage their own account, tokens and second factor. */
export function canUseApiTokens(u: MaybeUser): boolean {
  return !!u;
}

export function assertCan(allowed: boolean, code = 'forbidden'): void {
  if (!allowed) throw forbidden(code);
}
