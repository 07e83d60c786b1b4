/** Inviting people: staff create an account, the invitee chooses a password through a one-time link. */
import type { Tx } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { sha256Hex } from '../../platform/auth/crypto.ts';
import { createSession, destroySession } from '../../platform/auth/sessions.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { INVITATION_TTL_MS, isLinkTokenShape, newLinkToken } from './credentials.ts';
import { consumeUserToken, expireOpenUserTokens, findUserTokenByHash, insertUserToken } from './credentials-repository.ts';
import { invitationEmail } from './emails.ts';
import { assertCan, canAssignRole, canManageUser } from './policy.ts';
import type { Principal, Role } from './principal.ts';
import { findUserByEmail, findUserByIdForUpdate, insertUser, updateUser, type UserRow } from './users-repository.ts';
import { roleBinding } from './user-status.ts';

export interface InviteInput {
  name: string;
  email: string;
  role: Role;
  stateIso2?: string | undefined;
  committeeId?: string | undefined;
  locale: string;
  organisation?: string | undefined;
}

/** Creates the account (no password yet) and e-mails a one-time invitation link valid 7 days. */
export async function inviteUser(deps: AccountsDeps, actor: Actor, inviter: Principal, input: InviteInput): Promise<{ userId: string }> {
  assertCan(canAssignRole(inviter, input.role));
  const binding = roleBinding(input.role);
  return withTransaction(deps.database.db, async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw new AppError('validation', 'accounts.users.email_taken');
    const user = await insertUser(tx, {
      email: input.email.trim(),
      name: input.name,
      role: input.role,
      stateIso2: binding === 'state' ? (input.stateIso2 ?? null) : null,
      committeeId: binding === 'committee' ? (input.committeeId ?? null) : null,
      locale: input.locale,
      organisation: input.organisation ?? null,
      passwordHash: null,
    });
    await issueInvitation(tx, deps, inviter, user);
    await recordAudit(tx, actor, {
      action: 'accounts.user.invited',
      entityType: 'user',
      entityId: user.id,
      summary: { email: user.email, name: user.name, role: user.role, stateIso2: user.stateIso2, committeeId: user.committeeId, locale: user.locale },
    });
    return { userId: user.id };
  });
}

/** Sends a new invitation to someone who has not accepted yet; older links stop working. */
export async function resendInvitation(deps: AccountsDeps, actor: Actor, inviter: Principal, userId: string): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const user = await findUserByIdForUpdate(tx, userId);
    if (!user) throw notFound();
    assertCan(canManageUser(inviter, user));
    if (user.disabledAt) throw new AppError('validation', 'accounts.users.disabled_cannot_invite');
    if (user.passwordHash) throw new AppError('validation', 'accounts.users.already_active');
    await issueInvitation(tx, deps, inviter, user);
    await recordAudit(tx, actor, { action: 'accounts.user.invited', entityType: 'user', entityId: user.id, summary: { email: user.email, resent: true } });
  });
}

async function issueInvitation(tx: Tx, deps: AccountsDeps, inviter: Principal, user: UserRow): Promise<void> {
  const now = new Date();
  await expireOpenUserTokens(tx, user.id, 'invitation', now);
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await insertUserToken(tx, { userId: user.id, purpose: 'invitation', tokenHash: hash, expiresAt, createdBy: inviter.id });
  const tr = deps.translator(user.locale);
  await enqueueEmail(
    tx,
    invitationEmail(tr, {
      to: user.email,
      name: user.name,
      inviterName: inviter.name,
      role: user.role,
      link: `${deps.config.baseUrl}/${user.locale}/invitation/${token}`,
      expiresAt,
    }),
  );
}

/**
 * The invitee chooses a password: the link is used up, other open invitations stop working, and a
 * fresh session is created (any session the browser had is ended: no fixation).
 */
export async function acceptInvitation(
  deps: AccountsDeps,
  actor: Actor,
  input: { token: string; password: string; userAgent?: string | undefined; previousSessionId?: string | undefined },
): Promise<{ sessionToken: string; needsSecondFactor: boolean; userId: string; locale: string }> {
  if (!isLinkTokenShape(input.token)) throw new AppError('conflict', 'accounts.link.invalid');
  const passwordHash = await hashPassword(input.password);
  return withTransaction(deps.database.db, async (tx) => {
    const now = new Date();
    const link = await findUserTokenByHash(tx, sha256Hex(input.token));
    if (!link || link.purpose !== 'invitation') throw new AppError('conflict', 'accounts.link.invalid');
    const user = await findUserByIdForUpdate(tx, link.userId);
    if (!user || user.disabledAt || (user.isDemo && !deps.config.demoMode)) throw new AppError('conflict', 'accounts.link.invalid');
    if (!(await consumeUserToken(tx, link.id, now))) throw new AppError('conflict', 'accounts.link.invalid');
    await expireOpenUserTokens(tx, user.id, 'invitation', now);
    const needsSecondFactor = !!user.totpEnabledAt && !!user.totpSecret;
    await updateUser(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null, ...(needsSecondFactor ? {} : { lastLoginAt: now }) });
    if (input.previousSessionId) await destroySession(tx, input.previousSessionId);
    const { token } = await createSession(tx, user.id, deps.sessionPolicy, { secondFactorDone: !needsSecondFactor, ip: actor.ip ?? undefined, userAgent: input.userAgent });
    await recordAudit(tx, { ...actor, userId: user.id, label: user.email }, { action: 'accounts.invitation.accepted', entityType: 'user', entityId: user.id });
    return { sessionToken: token, needsSecondFactor, userId: user.id, locale: user.locale };
  });
}
