/** What other areas may use from the States area (queries and pure rules; no repository). */
export { registerStatesRoutes, statesNavigation } from './register.ts';
export { seedStates } from './seed.ts';
export type { LocalizedText } from './names.ts';
export { stateName, localized } from './names.ts';
export {
  eifFromDeposit,
  isPartyOn,
  membershipStatus,
  countsAsParty,
  initialReportDueDate,
  article5OriginalDeadline,
  todayIso,
  isIsoDate,
  REGIONS,
  MEMBERSHIP_STATUSES,
  ARTICLE5_STATUSES,
  type IsoDate,
  type Region,
  type MembershipStatus,
  type MembershipDates,
  type Article5Status,
  type ConsentType,
} from './membership.ts';
export {
  findState,
  getState,
  stateNamesByIso2,
  listStates,
  currentArticle5Deadline,
  article5History,
  listCommittees,
  committeeMembershipsOfState,
  committeeMembershipsByYear,
  type State,
  type StateFilter,
  type StateListItem,
  type Article5Deadline,
  type Committee,
  type CommitteeMembership,
} from './states-queries.ts';
