import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translator } from '../i18n/messages.ts';
import type { CurrentUser, NavItem } from '../http/types.ts';

/** Everything a page needs to know about the request it renders for. */
export interface PageCtx {
  locale: string;
  dir: 'ltr' | 'rtl';
  tr: Translator;
  t: Translator['t'];
  user: CurrentUser | undefined;
  /** Text under the user's name: their State or committee. */
  userContext?: string | undefined;
  csrfToken: string;
  /** Current path without the locale prefix, e.g. `/states/sn`. */
  path: string;
  /** Query string including `?`, or empty. */
  search: string;
  nav: NavItem[];
  demoMode: boolean;
  assets: { css: string; js: string };
}

export const PageContext = createContext<PageCtx | null>(null);

export function usePage(): PageCtx {
  const ctx = useContext(PageContext);
  if (!ctx) throw new Error('usePage() outside a page render');
  return ctx;
}

/** Builds a localised href: `href('/states')` → `/ar/states`. */
export function localeHref(locale: string, path: string): string {
  return `/${locale}${path.startsWith('/') ? path : `/${path}`}`.replace(/\/$/, '') || '/';
}
