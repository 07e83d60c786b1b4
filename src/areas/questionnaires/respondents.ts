/**
 * Personal links and shared responses, as circulation (which creates invitations) and answering
 * (which opens them) both understand them.
 *  - A personal link carries a signed token: HMAC(application secret, invitation id + a random
 *    nonce). The database keeps the nonce and the token's SHA-256 (for lookup), never the token, so
 *    a database leak gives no usable link, while reminders can repeat the link the person already
 *    has. A new nonce replaces the link; links also expire and can be revoked.
 *  - Colleagues invited for the same State and audience answer one shared response; someone who
 *    answers for no State has a response of their own.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { createHmac } from 'node:crypto';
import { randomToken, sha256Hex } from '../../platform/auth/crypto.ts';
import { questionnaireInvitations, type Audience } from './schema.ts';

export type InvitationRow = typeof questionnaireInvitations.$inferSelect;

/** The personal-link token of an invitation (the same every time for the same nonce). */
export function invitationToken(secret: string, invitationId: string, linkNonce: string): string {
  return createHmac('sha256', secret).update(`questionnaire-invitation|${invitationId}|${linkNonce}`).digest('base64url');
}

/** A new link for an invitation: the nonce and token hash to store, and the token to e-mail. */
export function newInvitationLink(secret: string, invitationId: string): { linkNonce: string; tokenHash: string; token: string } {
  const linkNonce = randomToken(16);
  const token = invitationToken(secret, invitationId, linkNonce);
  return { linkNonce, tokenHash: sha256Hex(token), token };
}

/** The shape of a token in a URL (checked before any query). */
export function isInvitationTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

/** The invitation a personal link belongs to, whatever its state (expiry and revocation are the policy's business). */
export async function findInvitationByToken(db: DbOrTx, token: string): Promise<InvitationRow | undefined> {
  if (!isInvitationTokenShape(token)) return undefined;
  const [row] = await db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.tokenHash, sha256Hex(token)));
  return row;
}

/** Which response an invitee answers: shared by State and audience, or personal. */
export function respondentKeyOf(inv: { id: string; audience: Audience; stateIso2: string | null }): string {
  return inv.stateIso2 ? `${inv.audience}:${inv.stateIso2}` : `invitation:${inv.id}`;
}

/** The path of the respondent's pages for a personal link. */
export function answerPath(locale: string, token: string): string {
  return `/${locale}/answer/${token}`;
}
