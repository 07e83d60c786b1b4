/**
 * Changes to accounts: a user's own profile, and what staff change on other people's accounts
 * (role, State, committee, name, language; disable, enable, unlock).
 */
import { withTransaction } from '../../platform/db/transaction.ts';
import { diffSummary, recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { expireOpenUserTokens } from './credentials-repository.ts';
import { assertCan, canChangeRole, canDisableUser, canManageUser } from './policy.ts';
import type { Principal, Role } from './principal.ts';
import { countOtherActiveAdmins, findUserByIdForUpdate, updateUser, updateUserIfVersion, type UserRow } from './users-repository.ts';
import { roleBinding } from './user-status.ts';

/** Thrown when the record changed since the form was shown; the route shows both values. */
export const STALE_CODE = 'accounts.user.stale';

export interface ProfileInput {
  name: string;
  locale: string;
  organisation?: string | undefined;
}

function profileOf(u: UserRow) {
  return { name: u.name, locale: u.locale, organisation: u.organisation };
}

function editableOf(u: UserRow) {
  return { ...profileOf(u), role: u.role, stateIso2: u.stateIso2, committeeId: u.committeeId };
}

/** A user changes their own name, language and organisation. */
export async function updateOwnProfile(deps: AccountsDeps, actor: Actor, input: ProfileInput & { userId: string; version: number }): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, input.userId);
    if (!user) throw notFound();
    const after = { name: input.name, locale: input.locale, organisation: input.organisation ?? null };
    const diff = diffSummary(profileOf(user), after);
    // Saving what is already saved is not a conflict, whatever the version.
    if (Object.keys(diff.changed as object).length === 0) return;
    if (user.version !== input.version) throw new AppError('conflict', STALE_CODE);
    const updated = await updateUserIfVersion(tx, user.id, input.version, after);
    if (!updated) throw new AppError('conflict', STALE_CODE);
    await recordAudit(tx, actor, { action: 'accounts.user.updated', entityType: 'user', entityId: user.id, summary: { ...diff, self: true } });
  });
}

export interface StaffEditInput extends ProfileInput {
  role: Role;
  stateIso2?: string | undefined;
  committeeId?: string | undefined;
}

/**
 * Staff change someone's account. A stale version is a conflict; changing the role, State or
 * committee ends the user's sessions (their permissions changed); the last active administrator
 * keeps that role.
 */
export async function updateUserByStaff(
  deps: AccountsDeps,
  actor: Actor,
  editor: Principal,
  input: StaffEditInput & { userId: string; version: number; currentSessionId?: string | undefined },
): Promise<{ sessionsEnded: number }> {
  return withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, input.userId);
    if (!user) throw notFound();
    assertCan(canManageUser(editor, user));
    assertCan(canChangeRole(editor, user, input.role));
    const binding = roleBinding(input.role);
    const after = {
      name: input.name,
      locale: input.locale,
      organisation: input.organisation ?? null,
      role: input.role,
      stateIso2: binding === 'state' ? (input.stateIso2 ?? null) : null,
      committeeId: binding === 'committee' ? (input.committeeId ?? null) : null,
    };
    const diff = diffSummary(editableOf(user), after);
    const changed = diff.changed as Record<string, unknown>;
    if (Object.keys(changed).length === 0) return { sessionsEnded: 0 };
    if (user.version !== input.version) throw new AppError('conflict', STALE_CODE);
    if (user.role === 'admin' && after.role !== 'admin' && !user.disabledAt && (await countOtherActiveAdmins(tx, user.id)) === 0) {
      throw new AppError('validation', 'accounts.users.last_admin');
    }
    const updated = await updateUserIfVersion(tx, user.id, input.version, after);
    if (!updated) throw new AppError('conflict', STALE_CODE);
    const scopeChanged = 'role' in changed || 'stateIso2' in changed || 'committeeId' in changed;
    const sessionsEnded = scopeChanged ? await destroyUserSessions(tx, user.id, user.id === editor.id ? input.currentSessionId : undefined) : 0;
    await recordAudit(tx, actor, { action: 'accounts.user.updated', entityType: 'user', entityId: user.id, summary: { ...diff, sessionsEnded } });
    return { sessionsEnded };
  });
}

/** Disables an account: it cannot sign in or use API tokens, its sessions and open links end. */
export async function disableUser(deps: AccountsDeps, actor: Actor, editor: Principal, userId: string): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, userId);
    if (!user) throw notFound();
    assertCan(canDisableUser(editor, user));
    if (user.disabledAt) return;
    if (user.role === 'admin' && (await countOtherActiveAdmins(tx, user.id)) === 0) throw new AppError('validation', 'accounts.users.last_admin');
    const now = new Date();
    await updateUser(tx, user.id, { disabledAt: now });
    const sessionsEnded = await destroyUserSessions(tx, user.id);
    await expireOpenUserTokens(tx, user.id, 'invitation', now);
    await expireOpenUserTokens(tx, user.id, 'password_reset', now);
    await recordAudit(tx, actor, { action: 'accounts.user.disabled', entityType: 'user', entityId: user.id, summary: { email: user.email, sessionsEnded } });
  });
}

export async function enableUser(deps: AccountsDeps, actor: Actor, editor: Principal, userId: string): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, userId);
    if (!user) throw notFound();
    assertCan(canManageUser(editor, user));
    if (!user.disabledAt) return;
    await updateUser(tx, user.id, { disabledAt: null, failedLogins: 0, lockedUntil: null });
    await recordAudit(tx, actor, { action: 'accounts.user.enabled', entityType: 'user', entityId: user.id, summary: { email: user.email } });
  });
}

/** Lifts a lockout after too many wrong passwords or codes. */
export async function unlockUser(deps: AccountsDeps, actor: Actor, editor: Principal, userId: string): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, userId);
    if (!user) throw notFound();
    assertCan(canManageUser(editor, user));
    if (!user.lockedUntil && user.failedLogins === 0) return;
    await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await recordAudit(tx, actor, { action: 'accounts.user.unlocked', entityType: 'user', entityId: user.id, summary: { email: user.email } });
  });
}
