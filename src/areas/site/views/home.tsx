import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';

export function HomePage() {
  const { t, locale } = usePage();
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
          <h2>
            <a href={`/${locale}/login`}>{t('site.home.report_title')}</a>
          </h2>
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
