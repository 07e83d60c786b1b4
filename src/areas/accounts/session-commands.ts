/** Signing in and out: password check, lockout, second factor, session creation. */
import type { Database, Tx } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import { createSession, destroySession, destroyUserSessions, type SessionPolicy } from '../../platform/auth/sessions.ts';
import { AppError } from '../../platform/errors.ts';
import { hashRecoveryCode, isTotpCodeShape, normaliseRecoveryCode } from './credentials.ts';
import { consumeRecoveryCode, countUnusedRecoveryCodes } from './credentials-repository.ts';
import { acceptTotpStep, findUserByEmail, findUserById, findUnlockedUserForUpdate, recordFailedLogin, updateUser, type UserRow } from './users-repository.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface SignInDeps {
  database: Database;
  sessionPolicy: SessionPolicy;
  config: { demoMode: boolean };
}

export type SignInResult = { token: string; needsSecondFactor: boolean; userId: string };

/**
 * Checks e-mail and password and opens a new session. Any session the browser already had is
 * ended, so the session id is always new after sign-in (no fixation).
 */
export async function signIn(
  deps: SignInDeps,
  actor: Actor,
  input: { email: string; password: string; userAgent?: string | undefined; previousSessionId?: string | undefined },
): Promise<SignInResult> {
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
    await recordFailure(deps, user, 'accounts.user.sign_in_failed', { ...actor, label: input.email.slice(0, 200) });
    throw new AppError('validation', 'accounts.login.invalid');
  }
  const needsSecondFactor = !!user.totpEnabledAt && !!user.totpSecret;
  return withTransaction(deps.database.db, async (tx) => {
    // Guesses sent together: one of them may have locked the account while this one was checked.
    if (!(await findUnlockedUserForUpdate(tx, user.id))) throw new AppError('too_many', 'accounts.login.locked');
    await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, ...(needsSecondFactor ? {} : { lastLoginAt: new Date() }) });
    if (input.previousSessionId) await destroySession(tx, input.previousSessionId);
    const { token } = await createSession(tx, user.id, deps.sessionPolicy, { secondFactorDone: !needsSecondFactor, ip: actor.ip ?? undefined, userAgent: input.userAgent });
    await recordAudit(tx, { ...actor, userId: user.id, label: user.email }, {
      action: needsSecondFactor ? 'accounts.user.password_verified' : 'accounts.user.signed_in',
      entityType: 'user',
      entityId: user.id,
    });
    return { token, needsSecondFactor, userId: user.id };
  });
}

/**
 * Counts a failed password or code (in one statement, so a burst of guesses all count); the fifth
 * in a row locks the account for 15 minutes and ends the half-signed-in session.
 */
async function recordFailure(deps: SignInDeps, user: UserRow, action: string, auditActor: Actor, sessionId?: string): Promise<void> {
  const until = new Date(Date.now() + LOCKOUT_MS);
  const { locked } = await withTransaction(deps.database.db, async (tx) => {
    const result = await recordFailedLogin(tx, user.id, MAX_FAILED_LOGINS, until);
    if (result.locked && sessionId) await destroySession(tx, sessionId);
    await recordAudit(tx, auditActor, { action: result.locked ? 'accounts.user.locked' : action, entityType: 'user', entityId: user.id, summary: { failedLogins: result.failed } });
    return result;
  });
  if (locked) throw new AppError('too_many', 'accounts.login.locked', { until: until.toISOString() });
}

/**
 * Completes sign-in for a session that has passed the password step, with a 6-digit TOTP code
 * (each time step accepted once) or a single-use recovery code. The half-signed-in session is
 * replaced by a new one; the new session token is returned.
 */
export async function verifySecondFactor(
  deps: SignInDeps,
  actor: Actor,
  input: { sessionId: string; userId: string; code: string; userAgent?: string | undefined },
): Promise<{ token: string; method: 'totp' | 'recovery_code' }> {
  const user = await findUserById(deps.database.db, input.userId);
  if (!user || !user.totpSecret || !user.totpEnabledAt || user.disabledAt || (user.isDemo && !deps.config.demoMode)) {
    throw new AppError('forbidden', 'accounts.totp.not_enabled');
  }
  const now = Date.now();
  if (user.lockedUntil && user.lockedUntil.getTime() > now) throw new AppError('too_many', 'accounts.login.locked');
  const auditActor = { ...actor, userId: user.id, label: user.email };
  const fail = async () => {
    await recordFailure(deps, user, 'accounts.user.totp_failed', auditActor, input.sessionId);
    throw new AppError('validation', 'accounts.totp.invalid');
  };

  if (isTotpCodeShape(input.code)) {
    const step = verifyTotp(user.totpSecret, input.code, user.totpLastStep);
    if (step === undefined) return fail();
    const result = await withTransaction(deps.database.db, async (tx) => {
      // Codes sent together: one of them may have locked the account while this one was checked.
      if (!(await findUnlockedUserForUpdate(tx, user.id))) throw new AppError('too_many', 'accounts.login.locked');
      // Conditional on the last step, so two requests with the same code cannot both pass.
      if (!(await acceptTotpStep(tx, user.id, step))) return undefined;
      return openFullSession(tx, deps, auditActor, user, input, { secondFactor: 'totp' });
    });
    if (!result) return fail();
    return { token: result, method: 'totp' };
  }

  const normalised = normaliseRecoveryCode(input.code);
  if (!normalised) return fail();
  const result = await withTransaction(deps.database.db, async (tx) => {
    if (!(await findUnlockedUserForUpdate(tx, user.id))) throw new AppError('too_many', 'accounts.login.locked');
    if (!(await consumeRecoveryCode(tx, user.id, hashRecoveryCode(normalised), new Date()))) return undefined;
    await updateUser(tx, user.id, { failedLogins: 0, lastLoginAt: new Date() });
    const remaining = await countUnusedRecoveryCodes(tx, user.id);
    return openFullSession(tx, deps, auditActor, user, input, { secondFactor: 'recovery_code', remaining });
  });
  if (!result) return fail();
  return { token: result, method: 'recovery_code' };
}

async function openFullSession(
  tx: Tx,
  deps: SignInDeps,
  auditActor: Actor,
  user: UserRow,
  input: { sessionId: string; userAgent?: string | undefined },
  summary: Record<string, unknown>,
): Promise<string> {
  await destroySession(tx, input.sessionId);
  const { token } = await createSession(tx, user.id, deps.sessionPolicy, { secondFactorDone: true, ip: auditActor.ip ?? undefined, userAgent: input.userAgent });
  await recordAudit(tx, auditActor, { action: 'accounts.user.signed_in', entityType: 'user', entityId: user.id, summary });
  return token;
}

export async function signOut(deps: { database: Database }, actor: Actor, sessionId: string): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    await destroySession(tx, sessionId);
    await recordAudit(tx, actor, { action: 'accounts.user.signed_out', entityType: 'user', entityId: actor.userId });
  });
}

/** Signs a user out of their other sessions (keepSessionId) or of all of them. */
export async function endUserSessions(deps: { database: Database }, actor: Actor, input: { userId: string; keepSessionId?: string | undefined }): Promise<number> {
  return withTransaction(deps.database.db, async (tx) => {
    const ended = await destroyUserSessions(tx, input.userId, input.keepSessionId);
    await recordAudit(tx, actor, {
      action: 'accounts.sessions.ended',
      entityType: 'user',
      entityId: input.userId,
      summary: { ended, keptCurrent: !!input.keepSessionId },
    });
    return ended;
  });
}
