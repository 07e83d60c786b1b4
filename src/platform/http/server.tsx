/**
 * The HTTP server. Hooks run in this order for every request (docs/architecture.md has the table):
 *  1. request id (genReqId)            5. CSRF check on state-changing form posts (preHandler)
 *  2. security headers and CSP (helmet) 6. route-level rate limits
 *  3. locale from the path              7. route: parse → authorise → command/query → render/redirect
 *  4. session and current user          8. error handler: AppError → status + translated page/problem
 */
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createRequire } from 'node:module';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import compress from '@fastify/compress';
import type { VNode } from 'preact';
import type { Config } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { mapDatabaseError } from '../db/constraints.ts';
import { AppError, isAppError } from '../errors.ts';
import { isLocale, negotiateLocale, PSEUDO_LOCALE } from '../i18n/locales.ts';
import type { Translator } from '../i18n/messages.ts';
import { findSession, type SessionPolicy } from '../auth/sessions.ts';
import { MessagePage } from '../views/layout.tsx';
import { csrfTokenFor, newCsrfCookieValue, verifyCsrf } from './csrf.ts';
import { decorateRender, pageContext, renderPage, renderShared, type RenderDeps } from './render.tsx';
import { isPageChangingWrite, type WriteClock } from './page-cache.ts';
import type { CurrentUser, NavItem } from './types.ts';
import './types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
  }
}

export const PUBLIC_DIR = fileURLToPath(new URL('../../../public', import.meta.url));

export interface HttpDeps {
  config: Config;
  database: Database;
  translator: (locale: string) => Translator;
  loadUser: (userId: string) => Promise<CurrentUser | undefined>;
  /** Resolves a personal API token (Authorization: Bearer) to its user, or undefined. */
  authenticateBearer: (token: string, req: FastifyRequest) => Promise<CurrentUser | undefined>;
  navigation: (req: FastifyRequest) => NavItem[];
  userContext: (req: FastifyRequest) => string | undefined;
  assets: { css: string; js: string };
  /** The OpenAPI document served at /api/openapi.json. */
  apiDocument: () => object;
  /** Area route registrations, in order. */
  areas: ((app: FastifyInstance) => Promise<void> | void)[];
  /** Accept the pseudo-locale in paths (tests only). */
  pseudoLocale?: boolean;
  logger?: boolean | object;
}

const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'body.password',
  'body.confirm',
  'body.current',
  'body.code',
  'body.secret',
  'body.signature',
  'body._csrf',
];

/** Tokens travel in some URLs (invitations, password resets, questionnaire links, calendar feeds): never write them to logs. */
export function maskUrl(url: string): string {
  return url.replace(/\/(invitation|reset|answer)\/[^/?#]+/g, '/$1/[redacted]').replace(/\/calendar\/[A-Za-z0-9_-]{20,100}\.ics/g, '/calendar/[redacted].ics');
}

export function cookieNames(tls: boolean) {
  return { session: tls ? '__Host-sid' : 'sid', csrf: tls ? '__Host-csrf' : 'csrf' };
}

const CSRF_REPLY = 'csrfReply';
const CSRF_TOKEN = 'csrfTokenValue';
type CsrfState = FastifyRequest & { [CSRF_REPLY]: FastifyReply | null; [CSRF_TOKEN]: string | undefined };

type HelmetMiddleware = (req: unknown, res: { setHeader(name: string, value: string): void; removeHeader(name: string): void }, next: (err?: unknown) => void) => void;

/**
 * The headers helmet sets for these options, computed once. helmet is @fastify/helmet's own
 * dependency (the Fastify plugin wraps it), so it is loaded from there.
 */
function staticSecurityHeaders(options: object): [string, string][] {
  const req = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'));
  const helmet = req('helmet') as (options: object) => HelmetMiddleware;
  const headers: [string, string][] = [];
  let failure: unknown;
  helmet(options)({}, { setHeader: (name, value) => void headers.push([name, String(value)]), removeHeader: () => undefined }, (err) => {
    failure = err;
  });
  if (failure || !headers.some(([name]) => name.toLowerCase() === 'content-security-policy')) throw new Error(`security headers could not be computed: ${String(failure)}`);
  return headers;
}

/** Whether an error (or one it wraps, as Drizzle does) means the database cannot be reached. */
function isDbUnavailable(e: unknown): boolean {
  const mapped = mapDatabaseError(e);
  if (isAppError(mapped) && mapped.kind === 'unavailable') return true;
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: string }).code;
    const msg = cur instanceof Error ? cur.message : '';
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE' || code === '57P01' || code === '08006' || code === '08001') return true;
    if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|PGlite is closed|Client has encountered a connection error/i.test(msg)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

export async function buildHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const names = cookieNames(config.tls);
  const sessionPolicy: SessionPolicy = { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs };
  const renderDeps: RenderDeps = { demoMode: config.demoMode, assets: deps.assets, navigation: deps.navigation, userContext: deps.userContext };

  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : (deps.logger as object | undefined) ?? {
            level: config.logLevel,
            redact: { paths: REDACT, censor: '[redacted]' },
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskUrl(req.url), remoteAddress: req.ip }),
            },
          },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  // 2. Security headers. CSP: no inline script or style, nothing from other origins. They are the
  //    same for every response, so helmet computes them once here (@fastify/helmet would rebuild
  //    its middleware, parsing the CSP, on every request).
  const securityHeaders = staticSecurityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.tls ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_req, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of securityHeaders) raw.setHeader(name, value);
    done();
  });
  // Brotli's default quality (11) is meant for static files; dynamic pages use a fast level.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
    zlibOptions: { level: 6 },
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: config.bodyLimit });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: 365 * 24 * 3600 * 1000, immutable: true, index: false });

  // Every route the app serves, for the authorisation sweep and page-weight tests.
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) routeList.push({ method, url: r.url });
  });

  app.decorateRequest('locale', 'en');
  app.decorateRequest('tr', null as unknown as Translator);
  app.decorateRequest('session', undefined);
  app.decorateRequest('user', undefined);
  // The CSRF token (and the cookie it is bound to) is made when a page first asks for it, i.e. when
  // it renders a form: pages without forms set no cookie, stay the same for every anonymous
  // reader (so they can be served from memory) and cost no random bytes or HMAC.
  app.decorateRequest(CSRF_REPLY, null);
  app.decorateRequest(CSRF_TOKEN, undefined);
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      const req = this as CsrfState;
      if (req[CSRF_TOKEN] !== undefined) return req[CSRF_TOKEN];
      const reply = req[CSRF_REPLY];
      // Requests that skipped the session hook (static files, probes, the API) have no token.
      if (!reply) return '';
      let cookieValue = req.cookies[names.csrf];
      if (!cookieValue) {
        cookieValue = newCsrfCookieValue();
        reply.setCookie(names.csrf, cookieValue, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.tls });
        req.cookies[names.csrf] = cookieValue;
      }
      return (req[CSRF_TOKEN] = csrfTokenFor(config.secret, cookieValue, req.session?.id));
    },
    setter(this: FastifyRequest, value: string) {
      (this as CsrfState)[CSRF_TOKEN] = value;
    },
  });
  app.decorateRequest('actor', null as unknown as FastifyRequest['actor']);
  app.decorateRequest('pathWithoutLocale', '/');
  app.decorateReply('page', function (this: FastifyReply, vnode: VNode, status?: number) {
    return decorateRender(this, renderDeps, vnode, status);
  });
  app.decorateReply('renderHtml', function (this: FastifyReply, vnode: VNode) {
    return renderPage(pageContext(this.request, renderDeps), vnode);
  });
  app.decorateReply('renderShared', function (this: FastifyReply, vnode: VNode) {
    return renderShared(this.request, renderDeps, vnode);
  });

  // 3. Locale from the path; `/` and locale-less pages negotiate from Accept-Language.
  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0] ?? '/';
    const first = path.split('/')[1] ?? '';
    if (isLocale(first) || (deps.pseudoLocale && first === PSEUDO_LOCALE)) {
      req.locale = first;
      req.pathWithoutLocale = path.slice(first.length + 1) || '/';
    } else {
      req.locale = negotiateLocale(req.headers['accept-language']);
      req.pathWithoutLocale = path;
    }
    req.tr = deps.translator(req.locale);
    req.actor = { userId: null, label: 'anonymous', ip: req.ip, requestId: req.id };
    if (req.routeOptions.url?.startsWith('/:locale') && req.locale !== first) {
      req.csrfToken = '';
      throw new AppError('not_found', 'not_found');
    }
    // Pages take what HTML forms send; JSON and other bodies belong to the API (/api/v1).
    if (req.routeOptions.url?.startsWith('/:locale') && req.method !== 'GET' && req.method !== 'HEAD' && req.headers['content-type'] !== undefined) {
      const type = req.headers['content-type'].split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') throw new AppError('unsupported_media', 'request.unsupported_media');
    }
  });

  // 4. Session and current user. Static files and probes skip the database. The JSON API ignores
  //    cookies and authenticates with personal API tokens only (so it needs no CSRF protection).
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url;
    if (path.startsWith('/static/') || path === '/healthz' || path === '/readyz') return;
    if (path.startsWith('/api/')) {
      const auth = req.headers.authorization;
      if (auth === undefined) return;
      const m = /^Bearer ([A-Za-z0-9_.-]{10,200})$/.exec(auth);
      let user: CurrentUser | undefined;
      try {
        user = m ? await deps.authenticateBearer(m[1]!, req) : undefined;
      } catch (e) {
        if (isDbUnavailable(e)) throw new AppError('unavailable', 'db.unavailable');
        throw e;
      }
      if (!user) throw new AppError('unauthenticated', 'api.token_invalid');
      req.user = user;
      req.actor = { userId: user.id, label: user.email, ip: req.ip, requestId: req.id };
      return;
    }
    const token = req.cookies[names.session];
    if (token) {
      try {
        const session = await findSession(database.db, token, sessionPolicy);
        if (session) {
          const user = await deps.loadUser(session.userId);
          if (user) {
            req.session = session;
            if (session.secondFactorDone) {
              req.user = user;
              req.actor = { userId: user.id, label: user.email, ip: req.ip, requestId: req.id };
            }
          }
        }
        if (!req.session) reply.clearCookie(names.session, { path: '/' });
      } catch (e) {
        if (isDbUnavailable(e)) throw new AppError('unavailable', 'db.unavailable');
        throw e;
      }
    }
    // A malformed CSRF cookie counts as none (a new one is issued with the next form).
    const csrfCookie = req.cookies[names.csrf];
    if (csrfCookie !== undefined && !/^[A-Za-z0-9_-]{20,64}$/.test(csrfCookie)) delete req.cookies[names.csrf];
    (req as CsrfState)[CSRF_REPLY] = reply;
  });

  // 5. CSRF on every state-changing request outside the bearer-token API.
  app.addHook('preHandler', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (req.url.startsWith('/api/')) return;
    const body = req.body as Record<string, unknown> | undefined;
    let submitted = (body && typeof body === 'object' ? body._csrf : undefined) ?? req.headers['x-csrf-token'];
    // Multipart forms (attachFieldsToBody) carry fields as { value } objects.
    if (submitted && typeof submitted === 'object' && typeof (submitted as { value?: unknown }).value === 'string') submitted = (submitted as { value: string }).value;
    if (!verifyCsrf(config.secret, req.cookies[names.csrf], req.session?.id, submitted)) {
      throw new AppError('forbidden', 'csrf.invalid');
    }
  });

  // A write through this instance makes its cached public pages check the database (page-cache.ts).
  const writeClock: WriteClock = { generation: 0 };
  app.decorate('writeClock', writeClock);
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.method !== 'GET' && isPageChangingWrite(req, reply.statusCode)) writeClock.generation++;
    done(null, payload);
  });

  app.get('/healthz', { logLevel: 'warn' }, async (_req, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_req, reply) => {
    const ok = await database.ping(2000);
    return reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ok ? 'ready' : 'unavailable', database: ok ? 'ok' : 'unreachable' });
  });
  let apiDoc: object | undefined;
  app.get('/api/openapi.json', async (_req, reply) => {
    apiDoc ??= deps.apiDocument();
    return reply.header('cache-control', 'public, max-age=300').send(apiDoc);
  });
  app.get('/', async (req, reply) => reply.redirect(`/${negotiateLocale(req.headers['accept-language'])}/`, 302));

  for (const register of deps.areas) await register(app);

  app.setNotFoundHandler(async (req, reply) => {
    if (wantsJson(req)) return problem(reply, req, 404, 'not_found');
    const t = req.tr;
    return reply.page(<MessagePage title={t.t('common.errors.not_found_title')} message={t.t('common.errors.not_found_text')} status={404} />, 404);
  });

  app.setErrorHandler(async (err, req, reply) => {
    const e = mapDatabaseError(err);
    let status = 500;
    let code = 'internal';
    let details: Record<string, unknown> | undefined;
    if (isAppError(e)) {
      status = e.status;
      code = e.code;
      details = e.details;
    } else if (isDbUnavailable(err)) {
      status = 503;
      code = 'db.unavailable';
    } else {
      const fe = err as { statusCode?: number; code?: string; validation?: unknown };
      if (fe.validation) {
        status = 400;
        code = 'request.invalid';
      } else if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
        status = 413;
        code = 'request.too_large';
      } else if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
        status = 415;
        code = 'request.unsupported_media';
      } else if (fe.statusCode === 429) {
        status = 429;
        code = 'request.too_many';
      } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
        status = fe.statusCode;
        code = 'request.invalid';
      }
    }
    if (status >= 500 && status !== 503) req.log.error({ err }, 'unhandled error');
    else if (status === 503) req.log.warn({ err: { message: (err as Error).message } }, 'service unavailable');
    // Every refusal is logged, with who asked for what, so probing for other States' drafts or
    // staff pages shows up in the logs (the audit log records state changes, not reads).
    else if (status === 403 || (isAppError(e) && e.denied)) req.log.warn({ denied: { code, method: req.method, url: req.url.slice(0, 400), userId: req.user?.id ?? null, role: req.user?.role ?? null, state: req.user?.stateIso2 ?? null } }, 'access denied');
    if (status === 429) reply.header('retry-after', '60');
    if (wantsJson(req)) return problem(reply, req, status, code, details);
    // A private page asked for without signing in: go to sign-in and come back afterwards.
    if (status === 401 && req.method === 'GET') {
      return reply.redirect(`/${req.locale ?? 'en'}/login?returnTo=${encodeURIComponent(req.url.slice(0, 400))}`, 303);
    }
    const t = req.tr ?? deps.translator('en');
    const titleKey = `common.errors.${status}_title`;
    const textKey = `errors.${code}`;
    if (!req.pathWithoutLocale) req.pathWithoutLocale = '/';
    return reply.page(
      <MessagePage
        title={t.has(titleKey) ? t.t(titleKey) : t.t('common.errors.generic_title')}
        message={t.has(textKey) ? t.t(textKey) : t.t(`common.errors.${status >= 500 ? 'server_text' : 'generic_text'}`)}
        status={status}
      />,
      status,
    );
  });

  return app;
}

export function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** RFC 9457 problem details with a stable code and a message in the request's language. */
export function problem(reply: FastifyReply, req: FastifyRequest, status: number, code: string, details?: Record<string, unknown>) {
  const t = req.tr;
  const key = `errors.${code}`;
  const title = t && t.has(key) ? t.t(key) : t?.t(`common.errors.${status}_title`) ?? 'Error';
  return reply
    .code(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ type: `about:blank#${code}`, title, status, code, ...(details ? { details } : {}) });
}
