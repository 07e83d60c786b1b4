/** Signing in and out: password check, lockout, second factor, session creation. */
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import { createSession, destroySession, markSecondFactorDone, type SessionPolicy } from '../../platform/auth/sessions.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserByEmail, findUserById, updateUser } from './users-repository.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface SignInDeps {
  database: Database;
  sessionPolicy: SessionPolicy;
  config: { demoMode: boolean };
}

export type SignInResult = { token: string; needsSecondFactor: boolean; userId: string };

export async function signIn(deps: SignInDeps, actor: Actor, input: { email: string; password: string; userAgent?: string | undefined }): Promise<SignInResult> {
  const user = await findUserByEmail(deps.database.db, input.email);
  const usable = user && !user.disabledAt && (!user.isDemo || deps.config.demoMode) && user.passwordHash;
  if (!usable) {
    await verifyPassword(null, input.password);
    throw new AppError('validation', 'accounts.login.invalid');
  }
  const now = Date.now();
  if (user.lockedUntil && user.lockedUntil.getTime() > now) {
    throw new AppError('too_many', 'accounts.login.locked', { until: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await withTransaction(deps.database.db, async (tx) => {
      await updateUser(tx, user.id, { failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now + LOCKOUT_MS) : user.lockedUntil });
      await recordAudit(tx, { ...actor, label: input.email.slice(0, 200) }, {
        action: lock ? 'accounts.user.locked' : 'accounts.user.sign_in_failed',
        entityType: 'user',
        entityId: user.id,
        summary: { failedLogins: failed },
      });
    });
    if (lock) throw new AppError('too_many', 'accounts.login.locked', { until: new Date(now + LOCKOUT_MS).toISOString() });
    throw new AppError('validation', 'accounts.login.invalid');
  }
  const needsSecondFactor = !!user.totpEnabledAt && !!user.totpSecret;
  return withTransaction(deps.database.db, async (tx) => {
    await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, ...(needsSecondFactor ? {} : { lastLoginAt: new Date() }) });
    const { token } = await createSession(tx, user.id, deps.sessionPolicy, { secondFactorDone: !needsSecondFactor, ip: actor.ip ?? undefined, userAgent: input.userAgent });
    await recordAudit(tx, { ...actor, userId: user.id, label: user.email }, {
      action: needsSecondFactor ? 'accounts.user.password_verified' : 'accounts.user.signed_in',
      entityType: 'user',
      entityId: user.id,
    });
    return { token, needsSecondFactor, userId: user.id };
  });
}

/** Completes sign-in with a TOTP code for a session that has passed the password step. */
export async function verifySecondFactor(deps: SignInDeps, actor: Actor, input: { sessionId: string; userId: string; code: string }): Promise<void> {
  const user = await findUserById(deps.database.db, input.userId);
  if (!user || !user.totpSecret || !user.totpEnabledAt) throw new AppError('forbidden', 'accounts.totp.not_enabled');
  const now = Date.now();
  if (user.lockedUntil && user.lockedUntil.getTime() > now) throw new AppError('too_many', 'accounts.login.locked');
  const step = verifyTotp(user.totpSecret, input.code, user.totpLastStep);
  if (step === undefined) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await withTransaction(deps.database.db, async (tx) => {
      await updateUser(tx, user.id, { failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now + LOCKOUT_MS) : user.lockedUntil });
      if (lock) await destroySession(tx, input.sessionId);
      await recordAudit(tx, { ...actor, userId: user.id, label: user.email }, {
        action: lock ? 'accounts.user.locked' : 'accounts.user.totp_failed',
        entityType: 'user',
        entityId: user.id,
        summary: { failedLogins: failed },
      });
    });
    if (lock) throw new AppError('too_many', 'accounts.login.locked');
    throw new AppError('validation', 'accounts.totp.invalid');
  }
  await withTransaction(deps.database.db, async (tx) => {
    await updateUser(tx, user.id, { failedLogins: 0, totpLastStep: step, lastLoginAt: new Date() });
    await markSecondFactorDone(tx, input.sessionId);
    await recordAudit(tx, { ...actor, userId: user.id, label: user.email }, { action: 'accounts.user.signed_in', entityType: 'user', entityId: user.id, summary: { secondFactor: 'totp' } });
  });
}

export async function signOut(deps: { database: Database }, actor: Actor, sessionId: string): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    await destroySession(tx, sessionId);
    await recordAudit(tx, actor, { action: 'accounts.user.signed_out', entityType: 'user', entityId: actor.userId });
  });
}
