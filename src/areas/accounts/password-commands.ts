/** Passwords: forgotten-password links, resetting through them, and changing one's own password. */
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { sha256Hex } from '../../platform/auth/crypto.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { isLinkTokenShape, newLinkToken, PASSWORD_RESET_TTL_MS } from './credentials.ts';
import { consumeUserToken, expireOpenUserTokens, findUserTokenByHash, insertUserToken } from './credentials-repository.ts';
import { passwordResetEmail } from './emails.ts';
import { findUserByEmail, findUserById, findUserByIdForUpdate, updateUser } from './users-repository.ts';

/**
 * Sends a reset link valid one hour when an active account has this address, and does nothing
 * otherwise. The caller answers the same either way, so the form never reveals who has an account.
 */
export async function requestPasswordReset(deps: AccountsDeps, actor: Actor, input: { email: string }): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.disabledAt || (user.isDemo && !deps.config.demoMode)) return;
    const now = new Date();
    await expireOpenUserTokens(tx, user.id, 'password_reset', now);
    const { token, hash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    await insertUserToken(tx, { userId: user.id, purpose: 'password_reset', tokenHash: hash, expiresAt, createdBy: null });
    const tr = deps.translator(user.locale);
    await enqueueEmail(tx, passwordResetEmail(tr, { to: user.email, name: user.name, link: `${deps.config.baseUrl}/${user.locale}/password/reset/${token}`, expiresAt }));
    await recordAudit(tx, actor, {
      action: 'accounts.user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

/** Sets a new password through a reset link: ends every session of the user and clears a lockout. */
export async function resetPassword(deps: AccountsDeps, actor: Actor, input: { token: string; password: string }): Promise<{ userId: string; sessionsEnded: number }> {
  if (!isLinkTokenShape(input.token)) throw new AppError('conflict', 'accounts.link.invalid');
  const passwordHash = await hashPassword(input.password);
  return withTransaction(deps.database.db, async (tx) => {
    const now = new Date();
    const link = await findUserTokenByHash(tx, sha256Hex(input.token));
    if (!link || link.purpose !== 'password_reset') throw new AppError('conflict', 'accounts.link.invalid');
    const user = await findUserByIdForUpdate(tx, link.userId);
    if (!user || user.disabledAt || (user.isDemo && !deps.config.demoMode)) throw new AppError('conflict', 'accounts.link.invalid');
    if (!(await consumeUserToken(tx, link.id, now))) throw new AppError('conflict', 'accounts.link.invalid');
    await expireOpenUserTokens(tx, user.id, 'password_reset', now);
    // Someone who never accepted their invitation has now chosen a password: the invitation is spent.
    await expireOpenUserTokens(tx, user.id, 'invitation', now);
    await updateUser(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null });
    const sessionsEnded = await destroyUserSessions(tx, user.id);
    await recordAudit(tx, { ...actor, userId: user.id, label: user.email }, {
      action: 'accounts.user.password_changed',
      entityType: 'user',
      entityId: user.id,
      summary: { via: 'reset_link', sessionsEnded },
    });
    return { userId: user.id, sessionsEnded };
  });
}

/** Changes one's own password (the current one is checked); every other session ends. */
export async function changePassword(
  deps: AccountsDeps,
  actor: Actor,
  input: { userId: string; currentSessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const before = await findUserById(deps.database.db, input.userId);
  if (!before) throw notFound();
  if (!(await verifyPassword(before.passwordHash, input.currentPassword))) throw new AppError('validation', 'accounts.password.current_wrong');
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, input.userId);
    if (!user) throw notFound();
    // The password may have changed between the check and the lock: check against the locked row.
    if (user.passwordHash !== before.passwordHash) throw new AppError('conflict', 'db.serialization_failure');
    await updateUser(tx, user.id, { passwordHash });
    const sessionsEnded = await destroyUserSessions(tx, user.id, input.currentSessionId);
    await recordAudit(tx, actor, { action: 'accounts.user.password_changed', entityType: 'user', entityId: user.id, summary: { via: 'account_page', sessionsEnded } });
  });
}
