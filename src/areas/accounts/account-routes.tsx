/** The signed-in user's own account. Every page here needs a session; none needs a role. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { isAppError, notFound } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { clearSessionCookie } from '../../platform/http/cookies.ts';
import { newTotpSecret, totpUri } from '../../platform/auth/totp.ts';
import { LANGUAGE_NAMES } from '../../platform/i18n/locales.ts';
import { apiTokenSchema, changePasswordSchema, currentPasswordSchema, profileSchema, totpConfirmSchema } from './account-forms.ts';
import { getAccountOverview, getUserRow } from './account-queries.ts';
import { createApiToken, revokeApiToken } from './api-token-commands.ts';
import { groupSecret } from './credentials.ts';
import { changePassword } from './password-commands.ts';
import { assertCan, canDisableTotp, canUseApiTokens, mustSetUpTotp } from './policy.ts';
import type { Principal } from './principal.ts';
import { redirectToLogin } from './route-helpers.ts';
import { endUserSessions } from './session-commands.ts';
import { countUnusedRecoveryCodes } from './credentials-repository.ts';
import { disableTotp, enableTotp, signTotpSetup } from './totp-commands.ts';
import { STALE_CODE, updateOwnProfile } from './user-commands.ts';
import { ACCOUNT_NOTICES, AccountPage, ChangePasswordPage, ConflictPage, ProfilePage, type AccountNotice } from './views/account.tsx';
import { ApiTokenCreatedPage, NewApiTokenPage } from './views/api-tokens.tsx';
import { RecoveryCodesPage, TotpRemovePage, TotpSetupPage, TotpStatusPage } from './views/totp.tsx';

const SENSITIVE_RATE = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export function registerAccountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;
  const totpOpts = { requireStaffTotp: deps.config.requireStaffTotp };

  /** The signed-in user and their session, or a redirect to sign-in. */
  function signedIn(req: FastifyRequest): { user: Principal; sessionId: string } | undefined {
    return req.user && req.session ? { user: req.user, sessionId: req.session.id } : undefined;
  }

  app.get<{ Querystring: { done?: string } }>('/:locale/account', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    const data = await getAccountOverview(db, me.user.id);
    const notice = (ACCOUNT_NOTICES as readonly string[]).includes(req.query.done ?? '') ? (req.query.done as AccountNotice) : undefined;
    return reply.page(<AccountPage data={data} notice={notice} canDisableTotp={canDisableTotp(me.user, totpOpts)} />);
  });

  // ---- Profile ----
  app.get('/:locale/account/profile', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    const u = await getUserRow(db, me.user.id);
    return reply.page(<ProfilePage values={{ name: u.name, locale: u.locale, organisation: u.organisation, version: u.version }} />);
  });

  app.post('/:locale/account/profile', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    const form = parseForm(profileSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<ProfilePage values={form.values as Record<string, string>} errors={form.errors} />, 422);
    try {
      await updateOwnProfile(deps, req.actor, { userId: me.user.id, ...form.data });
    } catch (e) {
      if (isAppError(e) && e.code === STALE_CODE) return profileConflict(req, reply, me.user.id, form.data);
      throw e;
    }
    return reply.redirect(`/${req.locale}/account?done=profile`, 303);
  });

  async function profileConflict(req: FastifyRequest, reply: FastifyReply, userId: string, mine: { name: string; locale: string; organisation?: string | undefined }) {
    const t = req.tr.t;
    const current = await getUserRow(db, userId);
    const lang = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l;
    return reply.page(
      <ConflictPage
        rows={[
          { label: t('accounts.fields.name'), yours: <bdi>{mine.name}</bdi>, current: <bdi>{current.name}</bdi> },
          { label: t('accounts.fields.locale'), yours: lang(mine.locale), current: lang(current.locale) },
          { label: t('accounts.fields.organisation'), yours: <bdi>{mine.organisation ?? '—'}</bdi>, current: <bdi>{current.organisation ?? '—'}</bdi> },
        ]}
        action={`/${req.locale}/account/profile`}
        resubmit={{ name: mine.name, locale: mine.locale, organisation: mine.organisation ?? '', version: String(current.version) }}
        reloadHref={`/${req.locale}/account/profile`}
      />,
      409,
    );
  }

  // ---- Password ----
  app.get('/:locale/account/password', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    return reply.page(<ChangePasswordPage email={me.user.email} />);
  });

  app.post('/:locale/account/password', { config: SENSITIVE_RATE }, async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    const form = parseForm(changePasswordSchema(me.user.email), req.body, req.tr);
    if (!form.ok) return reply.page(<ChangePasswordPage email={me.user.email} errors={form.errors} />, 422);
    try {
      await changePassword(deps, req.actor, { userId: me.user.id, currentSessionId: me.sessionId, currentPassword: form.data.current, newPassword: form.data.password });
    } catch (e) {
      if (isAppError(e) && e.code === 'accounts.password.current_wrong') {
        return reply.page(<ChangePasswordPage email={me.user.email} errors={{ current: req.tr.t('errors.accounts.password.current_wrong') }} />, 422);
      }
      throw e;
    }
    return reply.redirect(`/${req.locale}/account?done=password`, 303);
  });

  // ---- Two-step verification ----
  function setupPage(req: FastifyRequest, user: Principal, secret: string, errors?: Record<string, string>) {
    return (
      <TotpSetupPage
        secret={secret}
        groupedSecret={groupSecret(secret)}
        uri={totpUri(secret, user.email)}
        signature={signTotpSetup(deps.config.secret, user.id, secret)}
        required={mustSetUpTotp(user, totpOpts)}
        errors={errors}
      />
    );
  }

  app.get('/:locale/account/two-step', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    if (me.user.totpEnabled) {
      const u = await getUserRow(db, me.user.id);
      const left = await countUnusedRecoveryCodes(db, me.user.id);
      return reply.page(<TotpStatusPage since={u.totpEnabledAt ?? new Date()} codesLeft={left} canDisable={canDisableTotp(me.user, totpOpts)} />);
    }
    return reply.page(setupPage(req, me.user, newTotpSecret()));
  });

  app.post('/:locale/account/two-step', { config: SENSITIVE_RATE }, async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    if (me.user.totpEnabled) return reply.redirect(`/${req.locale}/account/two-step`, 303);
    const form = parseForm(totpConfirmSchema, req.body, req.tr);
    const secret = form.ok ? form.data.secret : String(form.values.secret ?? '');
    if (!form.ok) {
      if (!/^[A-Z2-7]{16,64}$/.test(secret)) return reply.redirect(`/${req.locale}/account/two-step`, 303);
      return reply.page(setupPage(req, me.user, secret, form.errors), 422);
    }
    try {
      const { recoveryCodes } = await enableTotp(deps, req.actor, { userId: me.user.id, secret, signature: form.data.signature, code: form.data.code, currentSessionId: me.sessionId });
      return reply.page(<RecoveryCodesPage codes={recoveryCodes} />);
    } catch (e) {
      if (isAppError(e) && e.code === 'accounts.totp.invalid') return reply.page(setupPage(req, me.user, secret, { code: req.tr.t('errors.accounts.totp.setup_code_invalid') }), 422);
      if (isAppError(e) && e.code === 'accounts.totp.setup_invalid') return reply.redirect(`/${req.locale}/account/two-step`, 303);
      throw e;
    }
  });

  app.get('/:locale/account/two-step/remove', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    if (!me.user.totpEnabled) return reply.redirect(`/${req.locale}/account`, 303);
    assertCan(canDisableTotp(me.user, totpOpts), 'accounts.totp.required');
    return reply.page(<TotpRemovePage email={me.user.email} />);
  });

  app.post('/:locale/account/two-step/remove', { config: SENSITIVE_RATE }, async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    assertCan(canDisableTotp(me.user, totpOpts), 'accounts.totp.required');
    const form = parseForm(currentPasswordSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<TotpRemovePage email={me.user.email} errors={form.errors} />, 422);
    try {
      await disableTotp(deps, req.actor, { userId: me.user.id, password: form.data.password });
    } catch (e) {
      if (isAppError(e) && e.code === 'accounts.password.current_wrong') {
        return reply.page(<TotpRemovePage email={me.user.email} errors={{ password: req.tr.t('errors.accounts.password.current_wrong') }} />, 422);
      }
      throw e;
    }
    return reply.redirect(`/${req.locale}/account?done=totp_off`, 303);
  });

  // ---- Sessions ----
  app.post('/:locale/account/sessions/others', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    await endUserSessions(deps, req.actor, { userId: me.user.id, keepSessionId: me.sessionId });
    return reply.redirect(`/${req.locale}/account?done=sessions`, 303);
  });

  app.post('/:locale/account/sessions/all', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    await endUserSessions(deps, req.actor, { userId: me.user.id });
    clearSessionCookie(reply, deps.config);
    return reply.redirect(`/${req.locale}/login?signed_out=1`, 303);
  });

  // ---- API tokens ----
  app.get('/:locale/account/api-tokens/new', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    assertCan(canUseApiTokens(me.user));
    return reply.page(<NewApiTokenPage />);
  });

  app.post('/:locale/account/api-tokens/new', { config: SENSITIVE_RATE }, async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    assertCan(canUseApiTokens(me.user));
    const form = parseForm(apiTokenSchema, req.body, req.tr);
    if (!form.ok) {
      const v = form.values;
      return reply.page(<NewApiTokenPage values={{ name: String(v.name ?? '').slice(0, 100), expiresInDays: String(v.expiresInDays ?? '').slice(0, 10) }} errors={form.errors} />, 422);
    }
    const created = await createApiToken(deps, req.actor, { userId: me.user.id, name: form.data.name, expiresInDays: form.data.expiresInDays });
    return reply.page(<ApiTokenCreatedPage name={form.data.name} token={created.token} expiresAt={created.expiresAt} />);
  });

  app.post<{ Params: { id: string } }>('/:locale/account/api-tokens/:id/revoke', async (req, reply) => {
    const me = signedIn(req);
    if (!me) return redirectToLogin(req, reply);
    if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) throw notFound();
    await revokeApiToken(deps, req.actor, { userId: me.user.id, tokenId: req.params.id });
    return reply.redirect(`/${req.locale}/account?done=token_revoked`, 303);
  });
}
