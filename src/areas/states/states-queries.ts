/** Read models of the States area, for pages, the API and other areas. */
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { intlTag } from '../../platform/i18n/locales.ts';
import {
  article5Standing,
  initialReportDueDate,
  membershipStatus,
  isPartyOn,
  MEMBERSHIP_STATUSES,
  todayIso,
  type Article5Standing,
  type IsoDate,
  type MembershipStatus,
  type Region,
} from './membership.ts';
import { stateName } from './names.ts';
import {
  selectAllStates,
  selectArticle5History,
  selectCommitteeMembershipsOfState,
  selectCommitteeMembershipsOfYear,
  selectCommittees,
  selectCurrentArticle5Deadlines,
  selectState,
  selectStateNames,
  type Article5Row,
  type CommitteeMembershipRow,
  type CommitteeRow,
  type StateRow,
} from './states-repository.ts';

export type State = StateRow;
export type Article5Deadline = Article5Row;
export type Committee = CommitteeRow;
export type CommitteeMembership = CommitteeMembershipRow;

const ISO2 = /^[A-Za-z]{2}$/;

/** A State by its ISO 3166 alpha-2 code, in any letter case; undefined when unknown. */
export async function findState(db: DbOrTx, iso2: string): Promise<State | undefined> {
  if (!ISO2.test(iso2)) return undefined;
  return selectState(db, iso2.toUpperCase());
}

/** Every State's names in the six languages, by ISO code: one light query, for naming States in lists. */
export async function stateNamesByIso2(db: DbOrTx): Promise<Map<string, State['names']>> {
  return new Map((await selectStateNames(db)).map((r) => [r.iso2, r.names]));
}

/** Like findState, but an unknown code is a 404. */
export async function getState(db: DbOrTx, iso2: string): Promise<State> {
  const state = await findState(db, iso2);
  if (!state) throw new AppError('not_found', 'states.not_found');
  return state;
}

export interface StateFilter {
  region?: Region | undefined;
  /** Membership status on `on`. */
  status?: MembershipStatus | undefined;
  /** Article 5 standing on `on`. */
  article5?: Article5Standing | undefined;
  /** Only States that were parties on this date. */
  partyOn?: IsoDate | undefined;
  /** The date statuses are computed for; today (UTC) by default. */
  on?: IsoDate | undefined;
  /** Sort by name in this language (Intl.Collator); English by default. */
  locale?: string | undefined;
}

export interface StateListItem {
  state: State;
  status: MembershipStatus;
  article5: Article5Deadline | null;
  article5Standing: Article5Standing;
}

async function allStateItems(db: DbOrTx, on: IsoDate, locale: string): Promise<StateListItem[]> {
  const [all, current] = await Promise.all([selectAllStates(db), selectCurrentArticle5Deadlines(db)]);
  const byState = new Map(current.map((a) => [a.stateIso2, a]));
  const collator = new Intl.Collator(intlTag(locale));
  return all
    .map((state) => {
      const article5 = byState.get(state.iso2) ?? null;
      return { state, status: membershipStatus(state, on), article5, article5Standing: article5Standing(article5, on) };
    })
    .sort((a, b) => collator.compare(stateName(a.state, locale), stateName(b.state, locale)));
}

function matches(filter: StateFilter) {
  return (i: StateListItem) =>
    (!filter.region || i.state.region === filter.region) &&
    (!filter.status || i.status === filter.status) &&
    (!filter.article5 || i.article5Standing === filter.article5) &&
    (!filter.partyOn || isPartyOn(i.state, filter.partyOn));
}

/** Every State that is or was a party, with its status and current Article 5 deadline, filtered and sorted by name. */
export async function listStates(db: DbOrTx, filter: StateFilter = {}): Promise<StateListItem[]> {
  const items = await allStateItems(db, filter.on ?? todayIso(), filter.locale ?? 'en');
  return items.filter(matches(filter));
}

export interface StatesOverview {
  items: StateListItem[];
  /** All States that are or were parties, before filtering. */
  total: number;
  /** How many States (before filtering) have each membership status on the date. */
  statusCounts: Record<MembershipStatus, number>;
}

/** The list page: the filtered States plus counts over all of them. */
export async function statesOverview(db: DbOrTx, filter: StateFilter = {}): Promise<StatesOverview> {
  const all = await allStateItems(db, filter.on ?? todayIso(), filter.locale ?? 'en');
  const statusCounts = Object.fromEntries(MEMBERSHIP_STATUSES.map((s) => [s, 0])) as Record<MembershipStatus, number>;
  for (const i of all) statusCounts[i.status]++;
  return { items: all.filter(matches(filter)), total: all.length, statusCounts };
}

/** The current (most recently recorded) Article 5 deadline of a State, or null. */
export async function currentArticle5Deadline(db: DbOrTx, iso2: string): Promise<Article5Deadline | null> {
  const history = await article5History(db, iso2);
  return history[0] ?? null;
}

/** All Article 5 deadlines recorded for a State, newest first. */
export async function article5History(db: DbOrTx, iso2: string): Promise<Article5Deadline[]> {
  if (!ISO2.test(iso2)) return [];
  return selectArticle5History(db, iso2.toUpperCase());
}

export async function listCommittees(db: DbOrTx): Promise<Committee[]> {
  return selectCommittees(db);
}

/** The committees a State sat on, newest year first. */
export async function committeeMembershipsOfState(db: DbOrTx, iso2: string): Promise<CommitteeMembership[]> {
  if (!ISO2.test(iso2)) return [];
  return selectCommitteeMembershipsOfState(db, iso2.toUpperCase());
}

/** Who sat on which committee in a year, chairs first. */
export async function committeeMembershipsByYear(db: DbOrTx, year: number): Promise<CommitteeMembership[]> {
  return selectCommitteeMembershipsOfYear(db, year);
}

export interface StateProfile {
  state: State;
  status: MembershipStatus;
  initialReportDue: IsoDate;
  article5: Article5Deadline | null;
  article5Standing: Article5Standing;
  article5History: Article5Deadline[];
  committees: CommitteeMembership[];
}

/** Everything the State page shows. */
export async function getStateProfile(db: DbOrTx, iso2: string, on: IsoDate = todayIso()): Promise<StateProfile> {
  const state = await getState(db, iso2);
  const [history, memberships] = await Promise.all([selectArticle5History(db, state.iso2), selectCommitteeMembershipsOfState(db, state.iso2)]);
  const article5 = history[0] ?? null;
  return {
    state,
    status: membershipStatus(state, on),
    initialReportDue: initialReportDueDate(state.eifDate),
    article5,
    article5Standing: article5Standing(article5, on),
    article5History: history,
    committees: memberships,
  };
}
