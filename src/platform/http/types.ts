import type { Translator } from '../i18n/messages.ts';
import type { SessionRecord } from '../auth/sessions.ts';
import type { Actor } from '../audit/audit.ts';

/**
 * The signed-in user as the HTTP layer knows it. The accounts area widens this interface
 * (declaration merging) with role, State and committee.
 */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface NavItem {
  href: string;
  label: string;
  /** Path prefix that marks this item as the current section. */
  match?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Locale from the URL path (or negotiated where the path has none). */
    locale: string;
    tr: Translator;
    session: SessionRecord | undefined;
    user: CurrentUser | undefined;
    /** The CSRF token to embed in forms rendered for this request. */
    csrfToken: string;
    actor: Actor;
    /** Path without the locale prefix, for the language switcher. */
    pathWithoutLocale: string;
  }
}
