/**
 * Who may do what in the accounts area. The only place these permissions are decided; routes call
 * assertCan*, navigation calls can*.
 */
import { forbidden, AppError } from '../../platform/errors.ts';
import type { Principal, Role } from './principal.ts';
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

/** A user record as far as permissions care. */
export interface UserFacts {
  id: string;
  role: string;
  stateIso2?: string | null;
}

/** Administrators manage every account; ISU staff manage States' focal points and committee members. */
/** A State's focal points and their e-mail addresses, on the State's internal page: committee members and ISU. */
export function canViewStateContacts(u: MaybeUser): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

export function canManageUsers(u: MaybeUser): boolean {
  return isStaff(u);
}

/** Who may open the user list and a user's page (read-only where canManageUser is false). */
export function canViewUsers(u: MaybeUser): boolean {
  return isStaff(u);
}

export function canManageUser(actor: MaybeUser, target: { role: string; id: string }): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role === 'isu_staff') return target.role !== 'admin' && target.role !== 'isu_staff';
  return false;
}

/** Which roles an actor may give to others. */
export function assignableRoles(actor: MaybeUser): Role[] {
  if (actor?.role === 'admin') return ['state_preparer', 'state_approver', 'committee_member', 'isu_staff', 'admin'];
  if (actor?.role === 'isu_staff') return ['state_preparer', 'state_approver', 'committee_member'];
  return [];
}

export function canInviteUsers(actor: MaybeUser): boolean {
  return assignableRoles(actor).length > 0;
}

export function canAssignRole(actor: MaybeUser, role: string): boolean {
  return (assignableRoles(actor) as string[]).includes(role);
}

/**
 * Changing a user's role, State or committee: the actor must manage the user and be allowed to give
 * the new role. Nobody changes their own role (an administrator could lock everyone out).
 */
export function canChangeRole(actor: MaybeUser, target: UserFacts, newRole: string): boolean {
  if (!canManageUser(actor, target)) return false;
  if (actor!.id === target.id) return newRole === target.role;
  return canAssignRole(actor, newRole);
}

/** Nobody disables their own account. (The last active administrator is protected by the command.) */
export function canDisableUser(actor: MaybeUser, target: UserFacts): boolean {
  return canManageUser(actor, target) && actor!.id !== target.id;
}

export function canViewFocalPoints(u: MaybeUser): boolean {
  return isStaff(u);
}

/** State users see their own State's colleagues (read-only). */
export function canViewTeam(u: MaybeUser): boolean {
  return isStateUser(u) && !!u?.stateIso2;
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

/** When staff must use two-step verification, they cannot remove it. */
export function canDisableTotp(u: MaybeUser, opts: { requireStaffTotp: boolean }): boolean {
  return !!u && !(opts.requireStaffTotp && isStaff(u));
}

/** Staff without a second factor must set one up before they can do anything else. */
export function mustSetUpTotp(u: MaybeUser, opts: { requireStaffTotp: boolean }): boolean {
  return opts.requireStaffTotp && isStaff(u) && !u!.totpEnabled;
}

export function assertCan(allowed: boolean, code = 'forbidden'): void {
  if (!allowed) throw forbidden(code);
}
