/** What other areas may use from accounts. */
export type { Principal, Role } from './principal.ts';
export { STATE_ROLES, STAFF_ROLES, actingAs } from './principal.ts';
export { requireUser, isStaff, isAdmin, isStateUser, isCommitteeMember } from './policy.ts';
export { loadPrincipal } from './principal-queries.ts';
export { authenticateApiToken } from './api-tokens.ts';
export { listStateContacts, listIsuContacts, type Contact } from './contacts-queries.ts';
export { registerAccountsRoutes, accountsNavigation } from './register.ts';
