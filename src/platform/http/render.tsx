import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageContext, type PageCtx } from '../views/context.ts';
import { direction } from '../i18n/locales.ts';
import type { NavItem } from './types.ts';

export interface RenderDeps {
  demoMode: boolean;
  assets: { css: string; js: string };
  navigation: (req: FastifyRequest) => NavItem[];
  userContext: (req: FastifyRequest) => string | undefined;
}

export function pageContext(req: FastifyRequest, deps: RenderDeps): PageCtx {
  const q = req.url.indexOf('?');
  return {
    locale: req.locale,
    dir: direction(req.locale),
    tr: req.tr,
    t: req.tr.t,
    user: req.user,
    userContext: req.user ? deps.userContext(req) : undefined,
    // Read only when a form is rendered: that is when the CSRF cookie is issued.
    get csrfToken() {
      return req.csrfToken;
    },
    path: req.pathWithoutLocale,
    search: q >= 0 ? req.url.slice(q).slice(0, 500) : '',
    nav: deps.navigation(req),
    demoMode: deps.demoMode,
    assets: deps.assets,
  };
}

export function renderPage(ctx: PageCtx, vnode: VNode): string {
  return `<!doctype html>${renderToString(<PageContext.Provider value={ctx}>{vnode}</PageContext.Provider>)}`;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page component (which uses <Layout>) as the response. */
    page(vnode: VNode, status?: number): FastifyReply;
    /** Renders a page component to HTML without sending it (for cached pages). */
    renderHtml(vnode: VNode): string;
    /**
     * Renders a page and tells whether it is the same for every anonymous reader: false when the
     * request has a user or the page asked for the CSRF token (it has a form).
     */
    renderShared(vnode: VNode): { html: string; shared: boolean };
  }
}

export function decorateRender(reply: FastifyReply, deps: RenderDeps, vnode: VNode, status?: number): FastifyReply {
  const html = renderPage(pageContext(reply.request, deps), vnode);
  if (status) reply.code(status);
  return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', reply.getHeader('cache-control') ?? 'no-store').send(html);
}

export function renderShared(req: FastifyRequest, deps: RenderDeps, vnode: VNode): { html: string; shared: boolean } {
  let shared = !req.user;
  const ctx = pageContext(req, deps);
  Object.defineProperty(ctx, 'csrfToken', {
    enumerable: true,
    get() {
      shared = false;
      return req.csrfToken;
    },
  });
  const html = renderPage(ctx, vnode);
  return { html, shared };
}
