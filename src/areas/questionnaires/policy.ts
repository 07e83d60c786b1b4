/**
 * Who may do what with questionnaires — the only place these rules are decided.
 *  - Building: ISU staff and administrators, and members of the committee that owns the
 *    questionnaire (any committee member for one owned by no committee).
 *  - Circulating (invitations, dates, reminders, closing): the same people.
 *  - Results (answers, tags, exports): the same people. Responses are never public.
 *  - Answering: a respondent holding a valid invitation (a personal link that is neither expired
 *    nor revoked, or a signed-in account the invitation names) while the questionnaire is open.
 *    Colleagues of one State and audience share one response.
 */
import { forbidden } from '../../platform/errors.ts';
import { isCommitteeMember, isStaff, type Principal } from '../accounts/index.ts';

type User = Principal | undefined;

/** A questionnaire as the policies need it. */
export interface QuestionnaireFacts {
  committeeId: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  circulatedAt: Date | null;
  closedAt: Date | null;
}

/** An invitation as the policies need it. */
export interface InvitationFacts {
  userId: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** The questionnaires pages at all (list, new). */
export function canUseQuestionnaires(u: User): boolean {
  return isStaff(u) || isCommitteeMember(u);
}

function owns(u: User, q: Pick<QuestionnaireFacts, 'committeeId'>): boolean {
  if (isStaff(u)) return true;
  return isCommitteeMember(u) && (q.committeeId === null || u!.committeeId === q.committeeId);
}

export function canCreateQuestionnaire(u: User): boolean {
  return canUseQuestionnaires(u);
}

export function canViewQuestionnaire(u: User, q: Pick<QuestionnaireFacts, 'committeeId'>): boolean {
  return owns(u, q);
}

/** Editing content, translations and settings (a circulated version is never edited: a new version is started). */
export function canEditQuestionnaire(u: User, q: Pick<QuestionnaireFacts, 'committeeId' | 'closedAt'>): boolean {
  return owns(u, q) && q.closedAt === null;
}

export function canCirculate(u: User, q: Pick<QuestionnaireFacts, 'committeeId' | 'closedAt'>): boolean {
  return owns(u, q) && q.closedAt === null;
}

export function canViewResults(u: User, q: Pick<QuestionnaireFacts, 'committeeId'>): boolean {
  return owns(u, q);
}

export function canTagAnswers(u: User, q: Pick<QuestionnaireFacts, 'committeeId'>): boolean {
  return owns(u, q);
}

/** Whether answers are accepted now. */
export function isOpen(q: QuestionnaireFacts, now: Date = new Date()): boolean {
  if (!q.circulatedAt || q.closedAt) return false;
  if (q.opensAt && now < q.opensAt) return false;
  if (q.closesAt && now >= q.closesAt) return false;
  return true;
}

/** Why an invitation cannot be used now, or null when it can. */
export function invitationProblem(inv: InvitationFacts, now: Date = new Date()): 'revoked' | 'expired' | null {
  if (inv.revokedAt) return 'revoked';
  if (now >= inv.expiresAt) return 'expired';
  return null;
}

/** Reading one's own response (also after closing, to see what was sent). */
export function canReadResponse(inv: InvitationFacts, now: Date = new Date()): boolean {
  return invitationProblem(inv, now) === null;
}

/** Saving answers and submitting: a usable invitation on an open questionnaire. Submitted responses may be changed while it stays open (with history). */
export function canAnswer(inv: InvitationFacts, q: QuestionnaireFacts, now: Date = new Date()): boolean {
  return invitationProblem(inv, now) === null && isOpen(q, now);
}

/** An invitation naming an account is used by that account once signed in. */
export function canUseInvitationAs(u: User, inv: InvitationFacts): boolean {
  return !!u && inv.userId === u.id;
}

export function assertCan(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

/**
 * A signed-in account answers through an invitation that names it, or — when the invitation names
 * no account — one sent to the account's own e-mail address (the address the link went to).
 */
export function canAnswerAsAccount(u: User, inv: InvitationFacts & { email: string }): boolean {
  if (!u) return false;
  if (inv.userId !== null) return inv.userId === u.id;
  return inv.email.trim().toLowerCase() === u.email.trim().toLowerCase();
}

/**
 * Reopening a questionnaire closed by hand (moving its closing date, which clears closedAt): the
 * people who circulate it. canCirculate refuses everything once closed, so this is its own rule.
 */
export function canReopenQuestionnaire(u: User, q: Pick<QuestionnaireFacts, 'committeeId' | 'circulatedAt' | 'closedAt'>): boolean {
  return owns(u, q) && q.circulatedAt !== null && q.closedAt !== null;
}

/**
 * Which committee a new (or copied) questionnaire may be given to: ISU staff and administrators
 * any committee or none; a committee member their own committee or none (giving it to another
 * committee would take it out of their hands at once).
 */
export function canAssignQuestionnaireTo(u: User, committeeId: string | null): boolean {
  if (!canCreateQuestionnaire(u)) return false;
  if (isStaff(u)) return true;
  return committeeId === null || u!.committeeId === committeeId;
}
