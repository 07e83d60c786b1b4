import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { isAppError } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { clearSessionCookie, safeReturnTo, setSessionCookie } from '../../platform/http/cookies.ts';
import { LoginPage, TwoFactorPage } from './views/login.tsx';
import { signIn, signOut, verifySecondFactor } from './session-commands.ts';
import { codeField } from './account-forms.ts';
import { flag } from './route-helpers.ts';

const loginSchema = z.object({
  email: z.string({ error: 'accounts.login.email_required' }).trim().min(1, { error: 'accounts.login.email_required' }).max(320),
  password: z.string({ error: 'accounts.login.password_required' }).min(1, { error: 'accounts.login.password_required' }).max(1000),
  returnTo: z.string().max(500).optional(),
});

const codeSchema = z.object({ code: codeField, returnTo: z.string().max(500).optional() });

const LOGIN_RATE = { rateLimit: { max: 20, timeWindow: '1 minute' } };

function returnToParam(value: unknown): string | undefined {
  return safeReturnTo(value, '') || undefined;
}

export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Querystring: { returnTo?: string } }>('/:locale/login', async (req, reply) => {
    if (req.user) return reply.redirect(`/${req.locale}/`, 303);
    const notice = flag(req, 'reset') ? req.tr.t('accounts.login.notice_reset') : flag(req, 'signed_out') ? req.tr.t('accounts.login.notice_signed_out') : undefined;
    return reply.page(<LoginPage returnTo={returnToParam(req.query.returnTo)} notice={notice} />);
  });

  app.post('/:locale/login', { config: LOGIN_RATE }, async (req, reply) => {
    const form = parseForm(loginSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<LoginPage email={String(form.values.email ?? '').slice(0, 320)} errors={form.errors} returnTo={returnToParam(form.values.returnTo)} />, 422);
    const returnTo = returnToParam(form.data.returnTo);
    try {
      const result = await signIn(deps, req.actor, {
        email: form.data.email,
        password: form.data.password,
        userAgent: req.headers['user-agent'],
        previousSessionId: req.session?.id,
      });
      setSessionCookie(reply, deps.config, result.token);
      if (result.needsSecondFactor) return reply.redirect(`/${req.locale}/login/two-factor${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`, 303);
      return reply.redirect(returnTo ?? `/${req.locale}/`, 303);
    } catch (e) {
      if (isAppError(e) && (e.code === 'accounts.login.invalid' || e.code === 'accounts.login.locked')) {
        const status = e.code === 'accounts.login.locked' ? 429 : 422;
        return reply.page(<LoginPage email={form.data.email} errors={{ email: req.tr.t(`errors.${e.code}`) }} returnTo={returnTo} />, status);
      }
      throw e;
    }
  });

  app.get<{ Querystring: { returnTo?: string } }>('/:locale/login/two-factor', async (req, reply) => {
    if (!req.session) return reply.redirect(`/${req.locale}/login`, 303);
    if (req.user) return reply.redirect(`/${req.locale}/`, 303);
    return reply.page(<TwoFactorPage returnTo={returnToParam(req.query.returnTo)} />);
  });

  app.post('/:locale/login/two-factor', { config: LOGIN_RATE }, async (req, reply) => {
    const session = req.session;
    if (!session) return reply.redirect(`/${req.locale}/login`, 303);
    if (req.user) return reply.redirect(`/${req.locale}/`, 303);
    const form = parseForm(codeSchema, req.body, req.tr);
    const returnTo = returnToParam(form.ok ? form.data.returnTo : form.values.returnTo);
    if (!form.ok) return reply.page(<TwoFactorPage errors={form.errors} returnTo={returnTo} />, 422);
    try {
      const { token } = await verifySecondFactor(deps, { ...req.actor, userId: session.userId }, {
        sessionId: session.id,
        userId: session.userId,
        code: form.data.code,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(reply, deps.config, token);
      return reply.redirect(returnTo ?? `/${req.locale}/`, 303);
    } catch (e) {
      if (isAppError(e) && e.code === 'accounts.totp.invalid') return reply.page(<TwoFactorPage errors={{ code: req.tr.t('errors.accounts.totp.invalid') }} returnTo={returnTo} />, 422);
      if (isAppError(e) && (e.code === 'accounts.login.locked' || e.code === 'accounts.totp.not_enabled')) {
        clearSessionCookie(reply, deps.config);
        return reply.page(<LoginPage errors={{ email: req.tr.t(`errors.${e.code}`) }} />, e.code === 'accounts.login.locked' ? 429 : 403);
      }
      throw e;
    }
  });

  app.post('/:locale/logout', async (req, reply) => {
    if (req.session) await signOut(deps, req.actor, req.session.id);
    clearSessionCookie(reply, deps.config);
    return reply.redirect(`/${req.locale}/`, 303);
  });
}
