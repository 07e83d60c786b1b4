/** User administration for staff, a State's focal points, and a State user's team. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { isAppError, notFound } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { LANGUAGE_NAMES } from '../../platform/i18n/locales.ts';
import { userListQuery, userSchema } from './account-forms.ts';
import { getBindingOptions, getFocalPoints, getTeam, getUserDetail, getUserRow, listUsersPage, type BindingOptions } from './account-queries.ts';
import { inviteUser, resendInvitation } from './invitation-commands.ts';
import {
  assertCan,
  assignableRoles,
  canAssignRole,
  canDisableUser,
  canInviteUsers,
  canManageUser,
  canViewFocalPoints,
  canViewTeam,
  canViewUsers,
} from './policy.ts';
import type { Principal } from './principal.ts';
import { redirectToLogin } from './route-helpers.ts';
import { ROLES } from './schema.ts';
import { disableUser, enableUser, STALE_CODE, unlockUser, updateUserByStaff } from './user-commands.ts';
import { localized } from './views/common.tsx';
import { ConflictPage } from './views/account.tsx';
import { FocalPointsPage, NewUserPage, TeamPage, USER_NOTICES, UserPage, UsersListPage, type UserFormValues, type UserNotice } from './views/users.tsx';

type IdParams = { Params: { id: string } };

/** Error codes of user commands that are shown on the user's page rather than as an error page. */
const SHOWN_ON_PAGE = new Set(['accounts.users.last_admin', 'accounts.users.already_active', 'accounts.users.disabled_cannot_invite']);

function idSets(options: BindingOptions) {
  return { stateIds: new Set(options.states.map((s) => s.id)), committeeIds: new Set(options.committees.map((c) => c.id)) };
}

export function registerUserRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  /** Staff only: the signed-in user, a redirect to sign-in, or 403. */
  function staff(req: FastifyRequest, reply: FastifyReply): Principal | undefined {
    if (!req.user) {
      void redirectToLogin(req, reply);
      return undefined;
    }
    assertCan(canViewUsers(req.user));
    return req.user;
  }

  app.get('/:locale/admin/users', async (req, reply) => {
    const me = staff(req, reply);
    if (!me) return reply;
    const f = userListQuery.parse(req.query ?? {});
    const [page, options] = await Promise.all([
      listUsersPage(db, { q: f.q, role: f.role, stateIso2: f.state, includeDisabled: f.disabled, page: f.page }),
      getBindingOptions(db),
    ]);
    return reply.page(
      <UsersListPage rows={page.rows} total={page.total} hasNext={page.hasNext} filters={f} options={options} roles={ROLES} canInvite={canInviteUsers(me)} />,
    );
  });

  // ---- Invitation ----
  app.get<{ Querystring: Record<string, string | undefined> }>('/:locale/admin/users/new', async (req, reply) => {
    const me = staff(req, reply);
    if (!me) return reply;
    assertCan(canInviteUsers(me));
    const options = await getBindingOptions(db);
    const q = req.query;
    const state = typeof q.state === 'string' ? q.state.toUpperCase() : undefined;
    const values: UserFormValues = {
      role: typeof q.role === 'string' && canAssignRole(me, q.role) ? q.role : state ? 'state_preparer' : undefined,
      stateIso2: state && options.states.some((s) => s.id === state) ? state : undefined,
      committeeId: typeof q.committee === 'string' && options.committees.some((c) => c.id === q.committee) ? q.committee : undefined,
      locale: req.locale in LANGUAGE_NAMES ? req.locale : 'en',
    };
    return reply.page(<NewUserPage values={values} roles={assignableRoles(me)} options={options} />);
  });

  app.post('/:locale/admin/users/new', async (req, reply) => {
    const me = staff(req, reply);
    if (!me) return reply;
    assertCan(canInviteUsers(me));
    const options = await getBindingOptions(db);
    const form = parseForm(userSchema({ ...idSets(options), withEmail: true, withVersion: false }), req.body, req.tr);
    const roles = assignableRoles(me);
    if (!form.ok) return reply.page(<NewUserPage values={form.values as UserFormValues} errors={form.errors} roles={roles} options={options} />, 422);
    assertCan(canAssignRole(me, form.data.role));
    try {
      const { userId } = await inviteUser(deps, req.actor, me, { ...form.data, email: String(form.data.email) });
      return reply.redirect(`/${req.locale}/admin/users/${userId}?done=invited`, 303);
    } catch (e) {
      if (isAppError(e) && (e.code === 'accounts.users.email_taken' || (e.code === 'db.unique_violation' && e.details?.constraint === 'users_email_unique'))) {
        return reply.page(
          <NewUserPage values={form.data as UserFormValues} errors={{ email: req.tr.t('errors.accounts.users.email_taken') }} roles={roles} options={options} />,
          422,
        );
      }
      throw e;
    }
  });

  // ---- One user ----
  async function renderUser(req: FastifyRequest, reply: FastifyReply, me: Principal, id: string, extra: { values?: UserFormValues; errors?: Record<string, string>; notice?: UserNotice | undefined }, status?: number) {
    const [detail, options] = await Promise.all([getUserDetail(db, id), getBindingOptions(db)]);
    const user = detail.user;
    const roles = assignableRoles(me).filter((r) => me.id !== user.id || r === user.role);
    return reply.page(
      <UserPage
        user={user}
        invitation={detail.invitation}
        canManage={canManageUser(me, user)}
        canDisable={canDisableUser(me, user)}
        roles={roles.includes(user.role) ? roles : [user.role, ...roles]}
        options={options}
        values={extra.values}
        errors={extra.errors}
        notice={extra.notice}
      />,
      status,
    );
  }

  app.get<IdParams & { Querystring: { done?: string } }>('/:locale/admin/users/:id', async (req, reply) => {
    const me = staff(req, reply);
    if (!me) return reply;
    const done = req.query.done;
    const notice = (USER_NOTICES as readonly string[]).includes(done ?? '') ? (done as UserNotice) : undefined;
    return renderUser(req, reply, me, req.params.id, { notice });
  });

  app.post<IdParams>('/:locale/admin/users/:id', async (req, reply) => {
    const me = staff(req, reply);
    if (!me) return reply;
    const target = await getUserRow(db, req.params.id);
    assertCan(canManageUser(me, target));
    const options = await getBindingOptions(db);
    const form = parseForm(userSchema({ ...idSets(options), withEmail: false, withVersion: true }), req.body, req.tr);
    if (!form.ok) return renderUser(req, reply, me, target.id, { values: form.values as UserFormValues, errors: form.errors }, 422);
    try {
      await updateUserByStaff(deps, req.actor, me, { userId: target.id, ...form.data, version: Number(form.data.version), currentSessionId: req.session?.id });
    } catch (e) {
      if (isAppError(e) && e.code === STALE_CODE) return userConflict(req, reply, target.id, form.data, options);
      if (isAppError(e) && SHOWN_ON_PAGE.has(e.code)) {
        return renderUser(req, reply, me, target.id, { values: form.data as UserFormValues, errors: { _form: req.tr.t(`errors.${e.code}`) } }, 422);
      }
      throw e;
    }
    return reply.redirect(`/${req.locale}/admin/users/${target.id}?done=saved`, 303);
  });

  async function userConflict(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    mine: { name: string; role: string; stateIso2?: string | undefined; committeeId?: string | undefined; locale: string; organisation?: string | undefined },
    options: BindingOptions,
  ) {
    const t = req.tr.t;
    const current = await getUserRow(db, id);
    const stateName = (iso2: string | null | undefined) => localized(options.states.find((s) => s.id === iso2)?.names, req.locale) || '—';
    const committeeName = (cid: string | null | undefined) => localized(options.committees.find((c) => c.id === cid)?.names, req.locale) || '—';
    const lang = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l;
    return reply.page(
      <ConflictPage
        rows={[
          { label: t('accounts.fields.name'), yours: <bdi>{mine.name}</bdi>, current: <bdi>{current.name}</bdi> },
          { label: t('accounts.fields.role'), yours: t(`accounts.roles.${mine.role}`), current: t(`accounts.roles.${current.role}`) },
          { label: t('accounts.fields.state'), yours: stateName(mine.stateIso2), current: stateName(current.stateIso2) },
          { label: t('accounts.fields.committee'), yours: committeeName(mine.committeeId), current: committeeName(current.committeeId) },
          { label: t('accounts.fields.locale'), yours: lang(mine.locale), current: lang(current.locale) },
          { label: t('accounts.fields.organisation'), yours: <bdi>{mine.organisation ?? '—'}</bdi>, current: <bdi>{current.organisation ?? '—'}</bdi> },
        ]}
        action={`/${req.locale}/admin/users/${id}`}
        resubmit={{
          name: mine.name,
          role: mine.role,
          stateIso2: mine.stateIso2 ?? '',
          committeeId: mine.committeeId ?? '',
          locale: mine.locale,
          organisation: mine.organisation ?? '',
          version: String(current.version),
        }}
        reloadHref={`/${req.locale}/admin/users/${id}`}
        before={undefined}
      />,
      409,
    );
  }

  /** The one-button actions on a user's page. */
  const actions: Record<string, { run: typeof disableUser; done: UserNotice }> = {
    disable: { run: disableUser, done: 'disabled' },
    enable: { run: enableUser, done: 'enabled' },
    unlock: { run: unlockUser, done: 'unlocked' },
    'resend-invitation': { run: resendInvitation, done: 'resent' },
  };
  for (const [name, action] of Object.entries(actions)) {
    app.post<IdParams>(`/:locale/admin/users/:id/${name}`, async (req, reply) => {
      const me = staff(req, reply);
      if (!me) return reply;
      const target = await getUserRow(db, req.params.id);
      try {
        await action.run(deps, req.actor, me, target.id);
      } catch (e) {
        if (isAppError(e) && SHOWN_ON_PAGE.has(e.code)) return renderUser(req, reply, me, target.id, { errors: { _form: req.tr.t(`errors.${e.code}`) } }, 422);
        throw e;
      }
      return reply.redirect(`/${req.locale}/admin/users/${target.id}?done=${action.done}`, 303);
    });
  }

  // ---- Focal points of a State ----
  app.get<{ Params: { iso2: string } }>('/:locale/admin/states/:iso2/focal-points', async (req, reply) => {
    if (!req.user) return redirectToLogin(req, reply);
    assertCan(canViewFocalPoints(req.user));
    if (!/^[a-zA-Z]{2}$/.test(req.params.iso2)) throw notFound();
    const { state, people } = await getFocalPoints(db, req.params.iso2);
    return reply.page(<FocalPointsPage state={state} people={people} canInvite={canInviteUsers(req.user)} />);
  });

  // ---- A State user's team ----
  app.get('/:locale/my/team', async (req, reply) => {
    if (!req.user) return redirectToLogin(req, reply);
    assertCan(canViewTeam(req.user));
    const { state, people } = await getTeam(db, req.user.stateIso2!);
    return reply.page(<TeamPage state={state} people={people} meId={req.user.id} />);
  });
}
