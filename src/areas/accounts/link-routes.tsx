/**
 * Pages reached from e-mailed links and the forgotten-password form. The routes that carry a token
 * in their path log only warnings, so tokens never reach the request log.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { isAppError } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { setSessionCookie } from '../../platform/http/cookies.ts';
import { forgotSchema, newPasswordSchema } from './account-forms.ts';
import { acceptInvitation } from './invitation-commands.ts';
import { checkLinkToken } from './link-queries.ts';
import { requestPasswordReset, resetPassword } from './password-commands.ts';
import { ForgotPasswordPage, ForgotPasswordSentPage, InvitationPage, LinkProblemPage, ResetPasswordPage } from './views/links.tsx';

const TOKEN_ROUTE = { logLevel: 'warn' as const };
/** The forgotten-password form sends e-mail: a few tries per address and window only. */
const FORGOT_RATE = { rateLimit: { max: 5, timeWindow: '15 minutes' } };
const LINK_RATE = { rateLimit: { max: 20, timeWindow: '1 minute' } };

type TokenParams = { Params: { token: string } };

export function registerLinkRoutes(app: FastifyInstance, deps: AppDeps): void {
  const opts = { demoMode: deps.config.demoMode };

  // ---- Invitation ----
  app.get<TokenParams>('/:locale/invitation/:token', TOKEN_ROUTE, async (req, reply) => {
    const check = await checkLinkToken(deps.database.db, req.params.token, 'invitation', opts);
    if (check.state !== 'valid') return reply.page(<LinkProblemPage purpose="invitation" state={check.state} />, check.state === 'unknown' ? 404 : 410);
    return reply.page(<InvitationPage token={req.params.token} name={check.user.name} email={check.user.email} />);
  });

  app.post<TokenParams>('/:locale/invitation/:token', { ...TOKEN_ROUTE, config: LINK_RATE }, async (req, reply) => {
    const check = await checkLinkToken(deps.database.db, req.params.token, 'invitation', opts);
    if (check.state !== 'valid') return reply.page(<LinkProblemPage purpose="invitation" state={check.state} />, check.state === 'unknown' ? 404 : 410);
    const form = parseForm(newPasswordSchema(check.user.email), req.body, req.tr);
    if (!form.ok) return reply.page(<InvitationPage token={req.params.token} name={check.user.name} email={check.user.email} errors={form.errors} />, 422);
    try {
      const result = await acceptInvitation(deps, req.actor, {
        token: req.params.token,
        password: form.data.password,
        userAgent: req.headers['user-agent'],
        previousSessionId: req.session?.id,
      });
      setSessionCookie(reply, deps.config, result.sessionToken);
      if (result.needsSecondFactor) return reply.redirect(`/${req.locale}/login/two-factor`, 303);
      return reply.redirect(`/${req.locale}/account?welcome=1`, 303);
    } catch (e) {
      if (isAppError(e) && e.code === 'accounts.link.invalid') return reply.page(<LinkProblemPage purpose="invitation" state="used" />, 410);
      throw e;
    }
  });

  // ---- Forgotten password ----
  app.get('/:locale/password/forgot', async (_req, reply) => reply.page(<ForgotPasswordPage />));

  app.post('/:locale/password/forgot', { config: FORGOT_RATE }, async (req, reply) => {
    const form = parseForm(forgotSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<ForgotPasswordPage email={String(form.values.email ?? '').slice(0, 320)} errors={form.errors} />, 422);
    await requestPasswordReset(deps, req.actor, { email: form.data.email });
    return reply.redirect(`/${req.locale}/password/forgot/sent`, 303);
  });

  app.get('/:locale/password/forgot/sent', async (_req, reply) => reply.page(<ForgotPasswordSentPage />));

  // ---- Reset through the e-mailed link ----
  app.get<TokenParams>('/:locale/password/reset/:token', TOKEN_ROUTE, async (req, reply) => {
    const check = await checkLinkToken(deps.database.db, req.params.token, 'password_reset', opts);
    if (check.state !== 'valid') return reply.page(<LinkProblemPage purpose="password_reset" state={check.state} />, check.state === 'unknown' ? 404 : 410);
    return reply.page(<ResetPasswordPage token={req.params.token} email={check.user.email} />);
  });

  app.post<TokenParams>('/:locale/password/reset/:token', { ...TOKEN_ROUTE, config: LINK_RATE }, async (req, reply) => {
    const check = await checkLinkToken(deps.database.db, req.params.token, 'password_reset', opts);
    if (check.state !== 'valid') return reply.page(<LinkProblemPage purpose="password_reset" state={check.state} />, check.state === 'unknown' ? 404 : 410);
    const form = parseForm(newPasswordSchema(check.user.email), req.body, req.tr);
    if (!form.ok) return reply.page(<ResetPasswordPage token={req.params.token} email={check.user.email} errors={form.errors} />, 422);
    try {
      await resetPassword(deps, req.actor, { token: req.params.token, password: form.data.password });
    } catch (e) {
      if (isAppError(e) && e.code === 'accounts.link.invalid') return reply.page(<LinkProblemPage purpose="password_reset" state="used" />, 410);
      throw e;
    }
    return reply.redirect(`/${req.locale}/login?reset=1`, 303);
  });
}
