/**
 * The respondent context every answering handler starts from, whichever way the person came:
 *  - a personal link `/:locale/answer/:token` (no account; the invitation is the credential), or
 *  - a signed-in account `/:locale/questionnaires/:id/respond` that an invitation names (or that an
 *    invitation was sent to by e-mail).
 * Both resolve to the same context, so the pages, commands and checks are shared.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Actor } from '../../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { FormDef } from '../../../platform/forms/definition.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { findState, stateName } from '../../states/index.ts';
import { canAnswerAsAccount, invitationProblem, isOpen } from '../policy.ts';
import { currentVersion, findQuestionnaire, findVersion, type QuestionnaireRow, type VersionRow } from '../questionnaires-repository.ts';
import { answerPath, findInvitationByToken, respondentKeyOf, type InvitationRow } from '../respondents.ts';
import { localizeDef, pickText } from './answering.ts';
import { defOf, type Respondent } from './responses-commands.ts';
import * as repo from './responses-repository.ts';
import type { ResponseRow } from './responses-repository.ts';

/** Where the questionnaire stands for answering. */
export type Availability = 'not_open' | 'open' | 'closed';

export interface RespondentContext {
  via: 'link' | 'account';
  /** Path of the respondent's start page; every other page is below it. */
  base: string;
  /** Absolute link to the start page in a given language (e-mails). */
  link: (locale: string) => string;
  invitation: InvitationRow;
  questionnaire: QuestionnaireRow;
  respondent: Respondent;
  /** Why the invitation cannot be used (revoked, expired), or null. */
  problem: 'revoked' | 'expired' | null;
  availability: Availability;
  /** The shared response, once someone has saved. */
  response: ResponseRow | undefined;
  /** The version answered: the response's, or the newest frozen one. */
  version: VersionRow | undefined;
  /** The form in the page's language (missing texts in the source language). */
  def: FormDef | undefined;
  title: { text: string; lang: string };
  description: { text: string; lang: string };
  stateName: string | null;
  now: Date;
}

export function availabilityOf(q: QuestionnaireRow, now: Date): Availability {
  if (isOpen(q, now)) return 'open';
  if (q.circulatedAt && (q.closedAt || (q.closesAt && now >= q.closesAt))) return 'closed';
  return 'not_open';
}

/** The audit actor of a personal-link holder: no account, so named by the invitation's name and e-mail. */
export function linkActor(req: FastifyRequest, inv: InvitationRow): Actor {
  return { userId: null, label: `${inv.email} (${inv.name}; questionnaire link)`.slice(0, 300), ip: req.ip, requestId: req.id };
}

async function complete(deps: AppDeps, req: FastifyRequest, parts: { via: 'link' | 'account'; base: string; link: (l: string) => string; invitation: InvitationRow; questionnaire: QuestionnaireRow; respondent: Respondent }): Promise<RespondentContext> {
  const db = deps.database.db;
  const now = new Date();
  const q = parts.questionnaire;
  const response = await repo.findResponse(db, q.id, respondentKeyOf(parts.invitation));
  const version = response ? await findVersion(db, response.versionId) : await currentVersion(db, q.id);
  const def = version ? localizeDef(defOf(q, version), req.locale, q.sourceLocale) : undefined;
  const state = parts.invitation.stateIso2 ? await findState(db, parts.invitation.stateIso2) : undefined;
  return {
    ...parts,
    problem: invitationProblem(parts.invitation, now),
    availability: version ? availabilityOf(q, now) : 'not_open',
    response,
    version,
    def,
    title: pickText(q.title, req.locale, q.sourceLocale),
    description: pickText(q.description, req.locale, q.sourceLocale),
    stateName: state ? stateName(state, req.locale) : null,
    now,
  };
}

/** The context of a personal link; an unknown link is a 404 with its own message. */
export async function resolveByToken(deps: AppDeps, req: FastifyRequest, token: string): Promise<RespondentContext> {
  const db = deps.database.db;
  const invitation = await findInvitationByToken(db, token);
  if (!invitation) throw notFound('questionnaires.answering.link_unknown');
  const questionnaire = await findQuestionnaire(db, invitation.questionnaireId);
  if (!questionnaire) throw notFound('questionnaires.answering.link_unknown');
  const respondent: Respondent = { invitation, actor: linkActor(req, invitation), name: invitation.name, email: invitation.email, userId: null };
  return complete(deps, req, {
    via: 'link',
    base: answerPath(req.locale, token),
    link: (l) => `${deps.config.baseUrl}${answerPath(l, token)}`,
    invitation,
    questionnaire,
    respondent,
  });
}

/**
 * The context of a signed-in invitee, or undefined after answering with a redirect to sign in.
 * Signed in but not invited: 403.
 */
export async function resolveByAccount(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, questionnaireId: string): Promise<RespondentContext | undefined> {
  if (!req.user) {
    signInRedirect(req, reply, req.method === 'GET' ? req.url : `/${req.locale}/questionnaires/${questionnaireId}/respond`);
    return undefined;
  }
  const db = deps.database.db;
  const questionnaire = await findQuestionnaire(db, questionnaireId);
  if (!questionnaire) throw notFound();
  const user = req.user;
  const rows = (await repo.listInvitationsOfAccount(db, user, questionnaire.id)).map((r) => r.invitation).filter((i) => canAnswerAsAccount(user, i));
  // An invitation naming the account wins over one only sent to its address.
  const invitation = rows.find((i) => i.userId === user.id) ?? rows[0];
  if (!invitation) throw forbidden();
  const respondent: Respondent = { invitation, actor: req.actor, name: user.name, email: user.email, userId: user.id };
  return complete(deps, req, {
    via: 'account',
    base: `/${req.locale}/questionnaires/${questionnaire.id}/respond`,
    link: (l) => `${deps.config.baseUrl}/${l}/questionnaires/${questionnaire.id}/respond`,
    invitation,
    questionnaire,
    respondent,
  });
}

/** The version token's absence or a malformed one: a request no page sends. */
export function badRequest(): AppError {
  return new AppError('bad_request', 'request.invalid');
}
