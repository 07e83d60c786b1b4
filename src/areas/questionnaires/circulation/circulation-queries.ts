/** Read models of circulation: the States to choose from, the people of a group, the tracking table. */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { listStateContacts } from '../../accounts/index.ts';
import { countsAsParty, listStates, stateName, todayIso } from '../../states/index.ts';
import { invitationProblem } from '../policy.ts';
import { respondentKeyOf, type InvitationRow } from '../respondents.ts';
import type { Audience } from '../schema.ts';
import { countByAudience, trackingStatus, type AudienceCounts, type TrackingStatus } from './circulation.ts';
import { activeCommitteeMembers, findInvitation, invitedEmails, listInvitations, responseStatuses, type ResponseStatusRow } from './circulation-repository.ts';
import type { PersonInput } from './invitation-commands.ts';

export interface StateOption {
  iso2: string;
  name: string;
  reportingLanguage: Locale;
  /** Article 5 clearance not completed (newest deadline row not `completed`). */
  affected: boolean;
}

/** Current States Parties, sorted by name in the page's language. */
export async function stateOptions(db: DbOrTx, locale: string): Promise<StateOption[]> {
  const items = await listStates(db, { locale, on: todayIso() });
  return items
    .filter((i) => countsAsParty(i.status))
    .map((i) => ({
      iso2: i.state.iso2,
      name: stateName(i.state, locale),
      reportingLanguage: isLocale(i.state.reportingLanguage) ? i.state.reportingLanguage : 'en',
      affected: i.article5 !== null && i.article5.status !== 'completed',
    }));
}

export type Group = 'directors' | 'donors' | 'committee';

/** The people of a group: focal points of affected States, of chosen donor States, or the committee members. */
export async function peopleOfGroup(db: DbOrTx, group: Group, opts: { states?: string[] } = {}): Promise<{ people: PersonInput[]; statesWithoutContacts: string[] }> {
  if (group === 'committee') {
    const members = await activeCommitteeMembers(db);
    return { people: members.map((m) => ({ audience: 'committee_member', stateIso2: null, name: m.name, email: m.email, locale: isLocale(m.locale) ? m.locale : 'en' })), statesWithoutContacts: [] };
  }
  const options = await stateOptions(db, 'en');
  const chosen = group === 'directors' ? options.filter((s) => s.affected) : options.filter((s) => opts.states?.includes(s.iso2));
  const audience: Audience = group === 'directors' ? 'mine_action_director' : 'donor';
  const people: PersonInput[] = [];
  const statesWithoutContacts: string[] = [];
  for (const s of chosen) {
    const contacts = await listStateContacts(db, s.iso2);
    if (!contacts.length) statesWithoutContacts.push(s.iso2);
    for (const c of contacts) people.push({ audience, stateIso2: s.iso2, name: c.name, email: c.email, locale: isLocale(c.locale) ? c.locale : s.reportingLanguage });
  }
  return { people, statesWithoutContacts };
}

export interface TrackingRow {
  invitation: InvitationRow;
  status: TrackingStatus;
  submittedAt: Date | null;
  /** 'revoked' or 'expired' when the link no longer works. */
  linkProblem: 'revoked' | 'expired' | null;
}

export interface TrackingFilter {
  audience?: Audience | undefined;
  status?: TrackingStatus | undefined;
  /** 1-based page of TRACKING_PAGE_SIZE rows. */
  page?: number | undefined;
}

/** Rows per page of the tracking table (pages stay small on slow connections). */
export const TRACKING_PAGE_SIZE = 100;

export interface Tracking {
  /** The rows of the page asked for. */
  rows: TrackingRow[];
  /** Rows matching the filter (all pages). */
  matching: number;
  page: number;
  pages: number;
  /** Before filtering. */
  total: number;
  counts: AudienceCounts[];
}

/** Every invitation with where its respondent's response stands, filtered; counts over all. */
export async function tracking(db: DbOrTx, questionnaireId: string, filter: TrackingFilter, now: Date = new Date()): Promise<Tracking> {
  const [invitations, statuses] = await Promise.all([listInvitations(db, questionnaireId), responseStatuses(db, questionnaireId)]);
  const all: TrackingRow[] = invitations.map((invitation) => {
    const response = statuses.get(respondentKeyOf(invitation));
    return { invitation, status: trackingStatus(response), submittedAt: response?.submittedAt ?? null, linkProblem: invitationProblem(invitation, now) };
  });
  const counts = countByAudience(all.map((r) => ({ audience: r.invitation.audience, status: r.status, revoked: r.invitation.revokedAt !== null })));
  const matching = all.filter((r) => (!filter.audience || r.invitation.audience === filter.audience) && (!filter.status || r.status === filter.status));
  const pages = Math.max(1, Math.ceil(matching.length / TRACKING_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = matching.slice((page - 1) * TRACKING_PAGE_SIZE, page * TRACKING_PAGE_SIZE);
  return { rows, matching: matching.length, page, pages, total: all.length, counts };
}

/** The addresses already invited to a questionnaire (lower case). */
export async function alreadyInvited(db: DbOrTx, questionnaireId: string): Promise<Set<string>> {
  return invitedEmails(db, questionnaireId);
}

/** One invitation of a questionnaire with its respondent's response, or undefined (unknown, or another questionnaire's). */
export async function invitationOf(db: DbOrTx, questionnaireId: string, invitationId: string): Promise<{ invitation: InvitationRow; response: ResponseStatusRow | undefined } | undefined> {
  const invitation = await findInvitation(db, questionnaireId, invitationId);
  if (!invitation) return undefined;
  const statuses = await responseStatuses(db, questionnaireId);
  return { invitation, response: statuses.get(respondentKeyOf(invitation)) };
}

/** Invitations that circulating would e-mail now: not sent, not revoked, not expired. */
export async function unsentInvitations(db: DbOrTx, questionnaireId: string, now: Date): Promise<number> {
  return (await listInvitations(db, questionnaireId)).filter((i) => !i.sentAt && !i.revokedAt && i.expiresAt > now).length;
}
