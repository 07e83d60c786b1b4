import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { isStateUser } from '../../accounts/index.ts';

export function HomePage() {
  const { t, locale, user } = usePage();
  // A State's own page: signing in leads there (returnTo); other signed-in roles have no report to prepare.
  const reportHref = !user || isStateUser(user) ? `/${locale}/my` : undefined;
  return (
    <Layout title={t('site.home.title')}>
      <h1>{t('site.home.title')}</h1>
      <p class="lead">{t('site.home.lead')}</p>
      <div class="cards">
        <section class="card">
          <h2>
            <a href={`/${locale}/states`}>{t('site.home.states_title')}</a>
          </h2>
          <p>{t('site.home.states_text')}</p>
        </section>
        <section class="card">
          <h2>{reportHref ? <a href={reportHref}>{t('site.home.report_title')}</a> : t('site.home.report_title')}</h2>
          <p>{t('site.home.report_text')}</p>
        </section>
      </div>
    </Layout>
  );
}

export function AccessibilityPage() {
  const { t } = usePage();
  return (
    <Layout title={t('site.accessibility.title')}>
      <h1>{t('site.accessibility.title')}</h1>
      <p>{t('site.accessibility.p1')}</p>
      <p>{t('site.accessibility.p2')}</p>
    </Layout>
  );
}
