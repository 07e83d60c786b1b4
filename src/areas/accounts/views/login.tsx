import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Button, ErrorSummary, NotificationBanner, PostForm, TextField } from '../../../platform/views/components.tsx';

export function LoginPage({ email, errors, returnTo, notice }: { email?: string; errors?: Record<string, string>; returnTo?: string | undefined; notice?: string | undefined }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.login.title')}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {notice ? <NotificationBanner kind="success">{notice}</NotificationBanner> : null}
      <h1>{t('accounts.login.title')}</h1>
      <p>{t('accounts.login.intro')}</p>
      <PostForm action={`/${locale}/login`}>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <TextField name="email" type="email" label={t('accounts.login.email')} value={email} error={errors?.email} attrs={{ autocomplete: 'username', spellcheck: false }} />
        <TextField name="password" type="password" label={t('accounts.login.password')} error={errors?.password} attrs={{ autocomplete: 'current-password' }} />
        <Button>{t('accounts.login.submit')}</Button>
      </PostForm>
      <p>
        <a href={`/${locale}/password/forgot`}>{t('accounts.login.forgot')}</a>
      </p>
    </Layout>
  );
}

export function TwoFactorPage({ errors, returnTo }: { errors?: Record<string, string>; returnTo?: string | undefined }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.totp.challenge_title')}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.totp.challenge_title')}</h1>
      <p>{t('accounts.totp.challenge_intro')}</p>
      <PostForm action={`/${locale}/login/two-factor`}>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <TextField
          name="code"
          label={t('accounts.totp.code')}
          hint={t('accounts.totp.challenge_hint')}
          width="medium"
          error={errors?.code}
          attrs={{ autocomplete: 'one-time-code', spellcheck: false, maxLength: 20 }}
        />
        <Button>{t('accounts.totp.verify')}</Button>
      </PostForm>
    </Layout>
  );
}
