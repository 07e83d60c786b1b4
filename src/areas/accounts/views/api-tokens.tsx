/** Creating a personal API token; the token itself is shown once. */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, ErrorSummary, NotificationBanner, PostForm, TextField } from '../../../platform/views/components.tsx';
import type { Errors } from './common.tsx';

function TokenCrumbs({ current }: { current: string }) {
  const { t, locale } = usePage();
  return <Breadcrumbs items={[{ href: `/${locale}/account`, label: t('accounts.account.title') }, { label: current }]} />;
}

export function NewApiTokenPage({ values, errors }: { values?: { name?: string; expiresInDays?: string }; errors?: Errors }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.tokens.new_title')} before={<TokenCrumbs current={t('accounts.tokens.new_title')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.tokens.new_title')}</h1>
      <p>{t('accounts.tokens.new_intro')}</p>
      <PostForm action={`/${locale}/account/api-tokens/new`}>
        <TextField name="name" label={t('accounts.tokens.name')} hint={t('accounts.tokens.name_hint')} value={values?.name} error={errors?.name} attrs={{ maxLength: 100 }} />
        <TextField
          name="expiresInDays"
          label={t('accounts.tokens.expiry_days')}
          hint={t('accounts.tokens.expiry_hint')}
          value={values?.expiresInDays}
          error={errors?.expiresInDays}
          width="short"
          attrs={{ inputmode: 'numeric', maxLength: 4 }}
        />
        <Button>{t('accounts.tokens.create')}</Button>
      </PostForm>
    </Layout>
  );
}

export function ApiTokenCreatedPage({ name, token, expiresAt }: { name: string; token: string; expiresAt: Date | null }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.tokens.created_title')}>
      <NotificationBanner kind="success">
        <p>
          {t('accounts.tokens.created_banner')} <bdi>{name}</bdi>
        </p>
      </NotificationBanner>
      <h1>{t('accounts.tokens.created_title')}</h1>
      <p class="lead">{t('accounts.tokens.created_once')}</p>
      <p>
        <code dir="ltr" id="api-token">
          {token}
        </code>
      </p>
      <p>
        {expiresAt ? (
          <>
            {t('accounts.tokens.expires')}: <DateText value={expiresAt} />
          </>
        ) : (
          t('accounts.tokens.no_expiry')
        )}
      </p>
      <h2>{t('accounts.tokens.usage_heading')}</h2>
      <p>{t('accounts.tokens.usage_text')}</p>
      <pre dir="ltr">
        <code>{`curl -H "Authorization: Bearer ${token}" /api/v1/me`}</code>
      </pre>
      <p>
        <a href={`/${locale}/account`}>{t('accounts.tokens.back')}</a>
      </p>
    </Layout>
  );
}
