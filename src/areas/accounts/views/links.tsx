/** Pages reached from e-mailed links: accepting an invitation, forgotten and reset passwords. */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Button, ErrorSummary, PostForm, SummaryList, TextField } from '../../../platform/views/components.tsx';
import type { Errors } from './common.tsx';

/** New password + confirmation, with the rules in the hint. */
export function NewPasswordFields({ errors, label }: { errors: Errors; label?: string }) {
  const { t } = usePage();
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={label ?? t('accounts.password.new')}
        hint={t('accounts.password.rules')}
        error={errors?.password}
        attrs={{ autocomplete: 'new-password', maxLength: 400 }}
      />
      <TextField name="confirm" type="password" label={t('accounts.password.confirm')} error={errors?.confirm} attrs={{ autocomplete: 'new-password', maxLength: 400 }} />
    </>
  );
}

export function InvitationPage({ token, name, email, errors }: { token: string; name: string; email: string; errors?: Errors }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.invitation.title')}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.invitation.title')}</h1>
      <p class="lead">{t('accounts.invitation.intro')}</p>
      <SummaryList
        rows={[
          { key: t('accounts.fields.name'), value: <bdi>{name}</bdi> },
          { key: t('accounts.fields.email'), value: <bdi>{email}</bdi> },
        ]}
      />
      <PostForm action={`/${locale}/invitation/${token}`}>
        <input type="text" name="username" value={email} autocomplete="username" hidden readOnly />
        <NewPasswordFields errors={errors} label={t('accounts.invitation.password')} />
        <Button>{t('accounts.invitation.submit')}</Button>
      </PostForm>
    </Layout>
  );
}

/** An unknown (404), expired or used (410) link: say what happened and how to get a new one. */
export function LinkProblemPage({ purpose, state }: { purpose: 'invitation' | 'password_reset'; state: 'unknown' | 'expired' | 'used' }) {
  const { t, locale } = usePage();
  const base = purpose === 'invitation' ? 'accounts.invitation' : 'accounts.reset';
  return (
    <Layout title={t(`${base}.problem_title`)}>
      <h1>{t(`${base}.problem_title`)}</h1>
      <p class="lead">{t(`accounts.link.${state}`)}</p>
      <p>{t(`${base}.problem_next`)}</p>
      {purpose === 'password_reset' ? (
        <p>
          <a href={`/${locale}/password/forgot`}>{t('accounts.reset.request_new')}</a>
        </p>
      ) : (
        <p>
          <a href={`/${locale}/login`}>{t('accounts.login.title')}</a>
        </p>
      )}
    </Layout>
  );
}

export function ForgotPasswordPage({ email, errors }: { email?: string; errors?: Errors }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.forgot.title')}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('accounts.forgot.intro')}</p>
      <PostForm action={`/${locale}/password/forgot`}>
        <TextField name="email" type="email" label={t('accounts.fields.email')} value={email} error={errors?.email} attrs={{ autocomplete: 'username', spellcheck: false, maxLength: 320 }} />
        <Button>{t('accounts.forgot.submit')}</Button>
      </PostForm>
      <p>
        <a href={`/${locale}/login`}>{t('accounts.forgot.back_to_sign_in')}</a>
      </p>
    </Layout>
  );
}

/** The same answer whether or not an account exists. */
export function ForgotPasswordSentPage() {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.forgot.sent_title')}>
      <h1>{t('accounts.forgot.sent_title')}</h1>
      <p class="lead">{t('accounts.forgot.sent_text')}</p>
      <p>{t('accounts.forgot.sent_hint')}</p>
      <p>
        <a href={`/${locale}/login`}>{t('accounts.forgot.back_to_sign_in')}</a>
      </p>
    </Layout>
  );
}

export function ResetPasswordPage({ token, email, errors }: { token: string; email: string; errors?: Errors }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.reset.title')}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.reset.title')}</h1>
      <p>{t('accounts.reset.intro')}</p>
      <PostForm action={`/${locale}/password/reset/${token}`}>
        <input type="text" name="username" value={email} autocomplete="username" hidden readOnly />
        <NewPasswordFields errors={errors} />
        <Button>{t('accounts.reset.submit')}</Button>
      </PostForm>
    </Layout>
  );
}
