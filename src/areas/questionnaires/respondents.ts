/**
 * Personal links and shared responses, as circulation (which creates invitations) and answering
 * (which opens them) both understand them.
 *  - A personal link carries a random token; only its SHA-256 is stored, so a database leak gives no
 *    usable link. Links expire and can be revoked.
 *  - Colleagues invited for the same State and audience answer one shared response; someone who
 *    answers for no State has a response of their own.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { randomToken, sha256Hex } from '../../platform/auth/crypto.ts';
import { questionnaireInvitations, type Audience } from './schema.ts';

export type InvitationRow = typeof questionnaireInvitations.$inferSelect;

/** A new personal-link token and the hash to store. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomToken(32);
  return { token, tokenHash: sha256Hex(token) };
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
