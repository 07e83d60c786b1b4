/**
 * Invitations: adding people (one, a group, a pasted list), e-mailing their personal links,
 * revoking a link and issuing a new one. Each command is one transaction with its audit event; the
 * e-mails go into the outbox in the same transaction, so they leave only if the change commits.
 *
 * When invitations are e-mailed: at circulation for those added before, and at once for those added
 * later (also before the opening date: the e-mail then says from when answers are accepted).
 */
import { randomUUID } from 'node:crypto';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { isUniqueViolation } from '../../../platform/db/constraints.ts';
import { diffSummary, recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { enqueueEmail } from '../../../platform/mail/outbox.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import type { Translator } from '../../../platform/i18n/messages.ts';
import type { Principal } from '../../accounts/index.ts';
import { findQuestionnaire, type QuestionnaireRow } from '../questionnaires-repository.ts';
import { assertCan, canCirculate } from '../policy.ts';
import { invitationToken, newInvitationLink, type InvitationRow } from '../respondents.ts';
import type { Audience } from '../schema.ts';
import { circulationEmail, type CirculationEmailKind } from './emails.ts';
import { invitationDedupeKey, linkExpiry } from './circulation.ts';
import { peopleOfGroup, type Group } from './circulation-queries.ts';
import { accountsByEmail, findInvitation, insertInvitations, invitedEmails, updateInvitation, type NewInvitationRow } from './circulation-repository.ts';

export interface CirculationDeps {
  database: Database;
  translator: (locale: string) => Translator;
  config: { baseUrl: string; secret: string };
}

export interface Contact {
  name: string;
  email: string;
}

/** Whether invitations are e-mailed now: circulated, not closed, closing date not passed. */
export function sendsNow(q: Pick<QuestionnaireRow, 'circulatedAt' | 'closedAt' | 'closesAt'>, now: Date): boolean {
  return q.circulatedAt !== null && q.closedAt === null && (q.closesAt === null || q.closesAt > now);
}

/** Queues one e-mail with the invitation's personal link (recomputed from its nonce). Returns whether it was queued. */
export async function emailInvitation(
  tx: DbOrTx,
  deps: CirculationDeps,
  q: QuestionnaireRow,
  inv: InvitationRow,
  kind: CirculationEmailKind,
  opts: { now: Date; contact?: Contact | undefined; dedupeKey: string },
): Promise<boolean> {
  const tr = deps.translator(isLocale(inv.locale) ? inv.locale : 'en');
  const token = invitationToken(deps.config.secret, inv.id, inv.linkNonce);
  const email = circulationEmail(tr, { kind, invitee: inv, questionnaire: q, token, baseUrl: deps.config.baseUrl, contact: opts.contact, now: opts.now });
  return (await enqueueEmail(tx, { ...email, dedupeKey: opts.dedupeKey })) !== undefined;
}

/** E-mails the invitation (first link) and records when. */
export async function sendInvitation(tx: DbOrTx, deps: CirculationDeps, q: QuestionnaireRow, inv: InvitationRow, now: Date, contact?: Contact): Promise<InvitationRow> {
  await emailInvitation(tx, deps, q, inv, 'invitation', { now, contact, dedupeKey: invitationDedupeKey(inv.id, inv.linkNonce) });
  return (await updateInvitation(tx, inv.id, { sentAt: now })) ?? inv;
}

export interface PersonInput {
  audience: Audience;
  stateIso2: string | null;
  name: string;
  email: string;
  organisation?: string | null | undefined;
  locale: Locale;
}

function contactOf(user: Principal): Contact {
  return { name: user.name, email: user.email };
}

async function lockForCirculation(tx: DbOrTx, user: Principal | undefined, questionnaireId: string): Promise<QuestionnaireRow> {
  const q = await findQuestionnaire(tx, questionnaireId, { forUpdate: true });
  if (!q) throw notFound('questionnaires.circulation.not_found');
  assertCan(canCirculate(user, q));
  return q;
}

export interface AddResult {
  added: InvitationRow[];
  /** E-mails queued now (0 before circulation). */
  sent: number;
  /** People left out because their address was already invited (groups only). */
  skipped: number;
}

/**
 * Adds people to a questionnaire. `onDuplicate: 'refuse'` (one person, a pasted list): an address
 * already invited is an error and nothing is stored; `'skip'` (groups): such people are left out.
 */
export async function addInvitations(
  deps: CirculationDeps,
  actor: Actor,
  user: Principal | undefined,
  input: { questionnaireId: string; people: PersonInput[]; source: 'one' | 'directors' | 'donors' | 'committee' | 'list'; onDuplicate: 'refuse' | 'skip'; now?: Date },
): Promise<AddResult> {
  const now = input.now ?? new Date();
  try {
    return await withTransaction(deps.database.db, async (tx) => {
      const q = await lockForCirculation(tx, user, input.questionnaireId);
      const invited = await invitedEmails(tx, q.id);
      const seen = new Set<string>();
      const people: PersonInput[] = [];
      let skipped = 0;
      for (const p of input.people) {
        const key = p.email.toLowerCase();
        if (invited.has(key) || seen.has(key)) {
          if (input.onDuplicate === 'refuse') throw new AppError('conflict', 'questionnaires.circulation.duplicate_email', { email: p.email });
          skipped++;
          continue;
        }
        seen.add(key);
        people.push(p);
      }
      const accounts = await accountsByEmail(tx, people.map((p) => p.email));
      const expiresAt = linkExpiry(q.closesAt, now);
      const rows: NewInvitationRow[] = people.map((p) => {
        const id = randomUUID();
        const link = newInvitationLink(deps.config.secret, id);
        return {
          id,
          questionnaireId: q.id,
          audience: p.audience,
          stateIso2: p.stateIso2,
          userId: accounts.get(p.email.toLowerCase()) ?? null,
          name: p.name,
          email: p.email,
          organisation: p.organisation ?? null,
          locale: p.locale,
          linkNonce: link.linkNonce,
          tokenHash: link.tokenHash,
          expiresAt,
          createdBy: user?.id ?? null,
        };
      });
      let added = await insertInvitations(tx, rows);
      let sent = 0;
      if (sendsNow(q, now) && user) {
        const contact = contactOf(user);
        added = await Promise.all(added.map((inv) => sendInvitation(tx, deps, q, inv, now, contact)));
        sent = added.length;
      }
      if (added.length) {
        await recordAudit(tx, actor, {
          action: 'questionnaires.invitations.added',
          entityType: 'questionnaire',
          entityId: q.id,
          summary: { source: input.source, count: added.length, sent, skipped, people: added.slice(0, 50).map((i) => ({ id: i.id, audience: i.audience, state: i.stateIso2, email: i.email })) },
        });
      }
      return { added, sent, skipped };
    });
  } catch (e) {
    // Two people adding the same address at the same moment: the unique index decides.
    if (isUniqueViolation(e, 'questionnaire_invitations_email') || (e instanceof AppError && e.code === 'db.unique_violation' && e.details?.constraint === 'questionnaire_invitations_email')) {
      throw new AppError('conflict', 'questionnaires.circulation.duplicate_email');
    }
    throw e;
  }
}

async function lockInvitation(tx: DbOrTx, user: Principal | undefined, questionnaireId: string, invitationId: string) {
  const q = await lockForCirculation(tx, user, questionnaireId);
  const inv = await findInvitation(tx, q.id, invitationId, { forUpdate: true });
  if (!inv) throw notFound('questionnaires.circulation.invitation_not_found');
  return { q, inv };
}

/** Ends a personal link at once (answering refuses it with a clear page). */
export async function revokeInvitation(deps: CirculationDeps, actor: Actor, user: Principal | undefined, input: { questionnaireId: string; invitationId: string; now?: Date }): Promise<InvitationRow> {
  const now = input.now ?? new Date();
  return withTransaction(deps.database.db, async (tx) => {
    const { q, inv } = await lockInvitation(tx, user, input.questionnaireId, input.invitationId);
    if (inv.revokedAt) return inv;
    const row = (await updateInvitation(tx, inv.id, { revokedAt: now }))!;
    await recordAudit(tx, actor, { action: 'questionnaires.invitation.revoked', entityType: 'questionnaire_invitation', entityId: inv.id, summary: { questionnaireId: q.id, email: inv.email } });
    return row;
  });
}

/**
 * Replaces the link of an invitation: a new nonce (the old link stops working), a fresh expiry,
 * revocation lifted; e-mailed again when the questionnaire is circulated and not closed.
 */
export async function issueNewLink(deps: CirculationDeps, actor: Actor, user: Principal | undefined, input: { questionnaireId: string; invitationId: string; now?: Date }): Promise<{ invitation: InvitationRow; sent: boolean }> {
  const now = input.now ?? new Date();
  return withTransaction(deps.database.db, async (tx) => {
    const { q, inv } = await lockInvitation(tx, user, input.questionnaireId, input.invitationId);
    const link = newInvitationLink(deps.config.secret, inv.id);
    let row = (await updateInvitation(tx, inv.id, { linkNonce: link.linkNonce, tokenHash: link.tokenHash, revokedAt: null, expiresAt: linkExpiry(q.closesAt, now) }))!;
    let sent = false;
    if (sendsNow(q, now) && user) {
      const kind: CirculationEmailKind = inv.sentAt ? 'new_link' : 'invitation';
      sent = await emailInvitation(tx, deps, q, row, kind, { now, contact: contactOf(user), dedupeKey: invitationDedupeKey(row.id, row.linkNonce) });
      row = (await updateInvitation(tx, inv.id, { sentAt: now }))!;
    }
    await recordAudit(tx, actor, {
      action: 'questionnaires.invitation.link_replaced',
      entityType: 'questionnaire_invitation',
      entityId: inv.id,
      summary: { questionnaireId: q.id, email: inv.email, wasRevoked: inv.revokedAt !== null, sent },
    });
    return { invitation: row, sent };
  });
}

/**
 * Invites a group: the focal points of affected States (national mine action directors), of chosen
 * donor States, or the committee members. People already invited are left out (counted as skipped).
 */
export async function inviteGroup(
  deps: CirculationDeps,
  actor: Actor,
  user: Principal | undefined,
  input: { questionnaireId: string; group: Group; states?: string[]; now?: Date },
): Promise<AddResult & { statesWithoutContacts: string[] }> {
  const q = await findQuestionnaire(deps.database.db, input.questionnaireId);
  if (!q) throw notFound('questionnaires.circulation.not_found');
  assertCan(canCirculate(user, q));
  const { people, statesWithoutContacts } = await peopleOfGroup(deps.database.db, input.group, { states: input.states });
  const source = input.group;
  const result = await addInvitations(deps, actor, user, { questionnaireId: q.id, people, source, onDuplicate: 'skip', ...(input.now ? { now: input.now } : {}) });
  return { ...result, statesWithoutContacts };
}

export interface InvitationChange {
  questionnaireId: string;
  invitationId: string;
  name: string;
  email: string;
  organisation: string | null;
  locale: Locale;
  now?: Date;
}

/**
 * Corrects an invitee's name, address, organisation or language. A new address gets a new link (the
 * old one may have gone to the wrong person) and, once circulated, the invitation again at the new
 * address; the account the address belongs to is named again.
 */
export async function changeInvitation(deps: CirculationDeps, actor: Actor, user: Principal | undefined, input: InvitationChange): Promise<{ invitation: InvitationRow; resent: boolean }> {
  const now = input.now ?? new Date();
  try {
    return await withTransaction(deps.database.db, async (tx) => {
      const { q, inv } = await lockInvitation(tx, user, input.questionnaireId, input.invitationId);
      const emailChanged = inv.email.toLowerCase() !== input.email.toLowerCase();
      if (emailChanged && (await invitedEmails(tx, q.id)).has(input.email.toLowerCase())) throw new AppError('conflict', 'questionnaires.circulation.duplicate_email');
      const patch: Parameters<typeof updateInvitation>[2] = { name: input.name, email: input.email, organisation: input.organisation, locale: input.locale };
      if (emailChanged) {
        const link = newInvitationLink(deps.config.secret, inv.id);
        Object.assign(patch, { linkNonce: link.linkNonce, tokenHash: link.tokenHash, userId: (await accountsByEmail(tx, [input.email])).get(input.email.toLowerCase()) ?? null });
      }
      let row = (await updateInvitation(tx, inv.id, patch))!;
      let resent = false;
      if (emailChanged && inv.sentAt && !row.revokedAt && sendsNow(q, now) && user) {
        row = await sendInvitation(tx, deps, q, row, now, contactOf(user));
        resent = true;
      }
      const before = { name: inv.name, email: inv.email, organisation: inv.organisation, locale: inv.locale };
      const after = { name: row.name, email: row.email, organisation: row.organisation, locale: row.locale };
      await recordAudit(tx, actor, { action: 'questionnaires.invitation.changed', entityType: 'questionnaire_invitation', entityId: inv.id, summary: { questionnaireId: q.id, ...diffSummary(before, after), newLink: emailChanged, resent } });
      return { invitation: row, resent };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'questionnaire_invitations_email') || (e instanceof AppError && e.code === 'db.unique_violation' && e.details?.constraint === 'questionnaire_invitations_email')) {
      throw new AppError('conflict', 'questionnaires.circulation.duplicate_email');
    }
    throw e;
  }
}
