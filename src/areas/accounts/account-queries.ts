/** Read models for the account pages, the user administration and the team pages. */
import type { DbOrTx } from '../../platform/db/client.ts';
import { countUserSessions } from '../../platform/auth/sessions.ts';
import { notFound } from '../../platform/errors.ts';
import { countUnusedRecoveryCodes, findLatestInvitation, listApiTokens } from './credentials-repository.ts';
import {
  countUsers,
  findStateOption,
  findUserListRow,
  listCommitteeOptions,
  listStateOptions,
  listStateUsers,
  listUsers,
  type NamedOption,
  type UserFilter,
  type UserListRow,
} from './users-repository.ts';

export type { UserListRow, NamedOption };

/** Everything the account page shows about the signed-in user. */
export async function getAccountOverview(db: DbOrTx, userId: string) {
  const user = await findUserListRow(db, userId);
  if (!user) throw notFound();
  const [sessions, tokens, recoveryCodesLeft] = await Promise.all([countUserSessions(db, userId), listApiTokens(db, userId), countUnusedRecoveryCodes(db, userId)]);
  return { user, sessions, tokens, recoveryCodesLeft };
}
export type AccountOverview = Awaited<ReturnType<typeof getAccountOverview>>;

export async function getUserRow(db: DbOrTx, userId: string): Promise<UserListRow> {
  const user = await findUserListRow(db, userId);
  if (!user) throw notFound();
  return user;
}

export const USERS_PAGE_SIZE = 25;

/** One page of the user list; `hasNext` from one extra row. */
export async function listUsersPage(db: DbOrTx, f: Omit<UserFilter, 'limit' | 'offset'> & { page: number }) {
  const offset = (f.page - 1) * USERS_PAGE_SIZE;
  const [rows, total] = await Promise.all([listUsers(db, { ...f, limit: USERS_PAGE_SIZE + 1, offset }), countUsers(db, f)]);
  return { rows: rows.slice(0, USERS_PAGE_SIZE), hasNext: rows.length > USERS_PAGE_SIZE, total };
}

/** A user's page for staff: the record and its latest invitation. */
export async function getUserDetail(db: DbOrTx, userId: string) {
  const user = await getUserRow(db, userId);
  const invitation = user.hasPassword ? undefined : await findLatestInvitation(db, userId);
  return { user, invitation: invitation ? { createdAt: invitation.createdAt, expiresAt: invitation.expiresAt, usedAt: invitation.usedAt } : undefined };
}

/** States and committees for the selects of user forms (read-only reference data). */
export async function getBindingOptions(db: DbOrTx) {
  const [states, committees] = await Promise.all([listStateOptions(db), listCommitteeOptions(db)]);
  return { states, committees };
}
export type BindingOptions = Awaited<ReturnType<typeof getBindingOptions>>;

/** A State's focal points (preparers and approvers), or 404 for an unknown State. */
export async function getFocalPoints(db: DbOrTx, iso2: string) {
  const state = await findStateOption(db, iso2.toUpperCase());
  if (!state) throw notFound();
  const people = await listStateUsers(db, state.id, { includeDisabled: true });
  return { state, people };
}

/** A State user's colleagues: the active accounts of their own State. */
export async function getTeam(db: DbOrTx, iso2: string) {
  const state = await findStateOption(db, iso2);
  if (!state) throw notFound();
  const people = await listStateUsers(db, state.id, { includeDisabled: false });
  return { state, people };
}
