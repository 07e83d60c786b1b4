/**
 * Who may use the administration pages of this area. The only place these permissions are decided;
 * routes call assertCan*, the navigation calls can*. (Mirrors canViewAuditLog / canViewOutbox of the
 * accounts policy, which the accounts area does not export.)
 */
import { forbidden } from '../../platform/errors.ts';
import { isAdmin, isStaff, type Principal } from '../accounts/index.ts';

export type MaybeUser = Principal | undefined;

/** ISU staff and administrators read the whole audit log and export it. */
export function canViewAuditLog(u: MaybeUser): boolean {
  return isStaff(u);
}

/** ISU staff and administrators read the e-mail outbox. */
export function canViewOutbox(u: MaybeUser): boolean {
  return isAdmin(u) || u?.role === 'isu_staff';
}

/** Whoever reads the outbox may put a failed (or stored) message back in the queue. */
export function canRetryEmail(u: MaybeUser, email: { status: string }): boolean {
  return canViewOutbox(u) && (email.status === 'failed' || email.status === 'stored');
}

export function assertCan(allowed: boolean, code = 'forbidden'): void {
  if (!allowed) throw forbidden(code);
}
