import type { ComponentChildren } from 'preact';
import { LOCALES, LANGUAGE_NAMES } from '../i18n/locales.ts';
import { usePage } from './context.ts';
import { CsrfField } from './components.tsx';

export interface LayoutProps {
  /** Page name; the <title> is "page name · platform name". */
  title: string;
  children: ComponentChildren;
  /** Content placed above the <h1> (breadcrumbs, back link). */
  before?: ComponentChildren;
  /** Wider main column for tables and dashboards. */
  wide?: boolean;
  /** Pages that must not be indexed or cached by intermediaries (forms, private data). */
  noindex?: boolean;
}

export function Layout({ title, children, before, wide }: LayoutProps) {
  const ctx = usePage();
  const { t, locale, dir, user, path, search, nav, assets, demoMode } = ctx;
  const platform = t('common.platform_name');
  return (
    <html lang={locale === 'qps' ? 'en' : locale} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${platform}`}</title>
        <link rel="stylesheet" href={assets.css} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {LOCALES.map((l) => (
          <link rel="alternate" hreflang={l} href={`/${l}${path}`} key={l} />
        ))}
        <script type="module" src={assets.js} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('common.skip_to_content')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand" href={`/${locale}/`}>
              <span class="site-header__logo" aria-hidden="true">
                ◆
              </span>
              {platform}
            </a>
            <nav class="language-switcher" aria-label={t('common.language_switcher')}>
              <ul>
                {LOCALES.map((l) => (
                  <li key={l}>
                    {l === locale ? (
                      <span aria-current="true" lang={l} class="language-switcher__current">
                        {LANGUAGE_NAMES[l]}
                      </span>
                    ) : (
                      <a href={`/${l}${path}${search}`} lang={l} hreflang={l}>
                        {LANGUAGE_NAMES[l]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <div class="site-header__account">
              {user ? (
                <>
                  <span class="site-header__user">
                    <bdi>{user.name}</bdi>
                    {ctx.userContext ? (
                      <span class="site-header__context">
                        {' · '}
                        <bdi>{ctx.userContext}</bdi>
                      </span>
                    ) : null}
                  </span>
                  <a href={`/${locale}/account`}>{t('common.nav.account')}</a>
                  <form method="post" action={`/${locale}/logout`} class="form--inline">
                    <CsrfField />
                    <button type="submit" class="link-button">
                      {t('common.nav.sign_out')}
                    </button>
                  </form>
                </>
              ) : (
                <a href={`/${locale}/login`}>{t('common.nav.sign_in')}</a>
              )}
            </div>
          </div>
          {nav.length ? (
            <nav class="site-nav" aria-label={t('common.nav.label')}>
              <ul>
                {nav.map((item) => {
                  const current = item.match ? path === item.match || path.startsWith(`${item.match}/`) : path === item.href;
                  return (
                    <li key={item.href}>
                      <a href={`/${locale}${item.href}`} aria-current={current ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
        </header>
        {demoMode ? (
          <div class="demo-banner" role="note">
            <strong>{t('common.demo.label')}</strong> {t('common.demo.text')}
          </div>
        ) : null}
        <div class={`page${wide ? ' page--wide' : ''}`}>
          {before}
          <main id="main" tabindex={-1}>
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="site-footer__inner">
            <p>{t('common.footer.about')}</p>
            <ul>
              <li>
                <a href={`/${locale}/data`}>{t('common.footer.data')}</a>
              </li>
              <li>
                <a href="/api/openapi.json">{t('common.footer.api')}</a>
              </li>
              <li>
                <a href={`/${locale}/accessibility`}>{t('common.footer.accessibility')}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A simple page for errors (404, 403, 500, 503): a heading, a sentence and a way on. */
export function MessagePage({ title, message, status, children }: { title: string; message: string; status?: number; children?: ComponentChildren }) {
  const { t, locale } = usePage();
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      {children}
      <p>
        <a href={`/${locale}/`}>{t('common.errors.go_home')}</a>
      </p>
      {status ? <p class="muted">{t('common.errors.status', { status })}</p> : null}
    </Layout>
  );
}
