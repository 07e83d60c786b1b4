/** Two-step verification (TOTP): turning it on with recovery codes, and off with the password. */
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import { hmac, safeEqual } from '../../platform/auth/crypto.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { hashRecoveryCode, newRecoveryCodes } from './credentials.ts';
import { deleteRecoveryCodes, replaceRecoveryCodes } from './credentials-repository.ts';
import { findUserById, findUserByIdForUpdate, updateUser } from './users-repository.ts';

/**
 * The set-up form carries the proposed secret back with a signature bound to the user, so nothing is
 * stored until the user proves their app works (no write on GET, no half-enabled state).
 */
export function signTotpSetup(secretKey: string, userId: string, totpSecret: string): string {
  return hmac(secretKey, `totp-setup|${userId}|${totpSecret}`);
}

export function verifyTotpSetupSignature(secretKey: string, userId: string, totpSecret: string, signature: string): boolean {
  return /^[A-Z2-7]{16,64}$/.test(totpSecret) && safeEqual(signTotpSetup(secretKey, userId, totpSecret), signature);
}

/** Turns TOTP on after a correct code; returns the ten recovery codes (shown once, stored hashed). */
export async function enableTotp(
  deps: AccountsDeps,
  actor: Actor,
  input: { userId: string; secret: string; signature: string; code: string; currentSessionId: string },
): Promise<{ recoveryCodes: string[] }> {
  if (!verifyTotpSetupSignature(deps.config.secret, input.userId, input.secret, input.signature)) throw new AppError('bad_request', 'accounts.totp.setup_invalid');
  const step = verifyTotp(input.secret, input.code, null);
  if (step === undefined) throw new AppError('validation', 'accounts.totp.invalid');
  return withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, input.userId);
    if (!user) throw notFound();
    if (user.totpEnabledAt) throw new AppError('conflict', 'accounts.totp.already_enabled');
    await updateUser(tx, user.id, { totpSecret: input.secret, totpEnabledAt: new Date(), totpLastStep: step });
    const recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(hashRecoveryCode));
    const sessionsEnded = await destroyUserSessions(tx, user.id, input.currentSessionId);
    await recordAudit(tx, actor, { action: 'accounts.totp.enabled', entityType: 'user', entityId: user.id, summary: { sessionsEnded } });
    return { recoveryCodes };
  });
}

/** Turns TOTP off; the current password is required. */
export async function disableTotp(deps: AccountsDeps, actor: Actor, input: { userId: string; password: string }): Promise<void> {
  const before = await findUserById(deps.database.db, input.userId);
  if (!before) throw notFound();
  if (!(await verifyPassword(before.passwordHash, input.password))) throw new AppError('validation', 'accounts.password.current_wrong');
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, input.userId);
    if (!user) throw notFound();
    if (!user.totpEnabledAt) return;
    await updateUser(tx, user.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await deleteRecoveryCodes(tx, user.id);
    await recordAudit(tx, actor, { action: 'accounts.totp.disabled', entityType: 'user', entityId: user.id });
  });
}
