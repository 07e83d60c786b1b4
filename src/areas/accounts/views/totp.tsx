/** Two-step verification pages: set-up (secret and otpauth link as text), recovery codes, removal. */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, ErrorSummary, NotificationBanner, PostForm, SummaryList, TextField } from '../../../platform/views/components.tsx';
import type { Errors } from './common.tsx';

function TotpCrumbs({ current }: { current: string }) {
  const { t, locale } = usePage();
  return <Breadcrumbs items={[{ href: `/${locale}/account`, label: t('accounts.account.title') }, { label: current }]} />;
}

export function TotpSetupPage({
  secret,
  groupedSecret,
  uri,
  signature,
  required,
  errors,
}: {
  secret: string;
  groupedSecret: string;
  uri: string;
  signature: string;
  required: boolean;
  errors?: Errors;
}) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.totp.setup_title')} before={required ? undefined : <TotpCrumbs current={t('accounts.totp.setup_title')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {required ? (
        <NotificationBanner kind="warning">
          <p>{t('accounts.totp.required_banner')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('accounts.totp.setup_title')}</h1>
      <p>{t('accounts.totp.setup_intro')}</p>
      <ol>
        <li>
          <p>{t('accounts.totp.step_app')}</p>
        </li>
        <li>
          <p>{t('accounts.totp.step_key')}</p>
          <p>
            <code dir="ltr">
              {groupedSecret}
            </code>
          </p>
          <p class="muted">{t('accounts.totp.key_details')}</p>
          <p>{t('accounts.totp.step_uri')}</p>
          <p>
            <code dir="ltr">{uri}</code>
          </p>
        </li>
        <li>
          <p>{t('accounts.totp.step_code')}</p>
        </li>
      </ol>
      <PostForm action={`/${locale}/account/two-step`}>
        <input type="hidden" name="secret" value={secret} />
        <input type="hidden" name="signature" value={signature} />
        <TextField
          name="code"
          label={t('accounts.totp.code')}
          hint={t('accounts.totp.code_hint')}
          width="short"
          error={errors?.code}
          attrs={{ autocomplete: 'one-time-code', inputmode: 'numeric', spellcheck: false, maxLength: 20 }}
        />
        <Button>{t('accounts.totp.setup_submit')}</Button>
      </PostForm>
    </Layout>
  );
}

/** Shown once, right after two-step verification is turned on. */
export function RecoveryCodesPage({ codes }: { codes: string[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.totp.codes_title')}>
      <NotificationBanner kind="success">
        <p>{t('accounts.account.notice.totp_on')}</p>
      </NotificationBanner>
      <h1>{t('accounts.totp.codes_title')}</h1>
      <p class="lead">{t('accounts.totp.codes_intro')}</p>
      <p>{t('accounts.totp.codes_once')}</p>
      <ol dir="ltr">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <a href={`/${locale}/account`}>{t('accounts.totp.codes_done')}</a>
      </p>
    </Layout>
  );
}

/** Two-step verification is already on. */
export function TotpStatusPage({ since, codesLeft, canDisable }: { since: Date; codesLeft: number; canDisable: boolean }) {
  const { t, locale, tr } = usePage();
  return (
    <Layout title={t('accounts.totp.heading')} before={<TotpCrumbs current={t('accounts.totp.heading')} />}>
      <h1>{t('accounts.totp.heading')}</h1>
      <SummaryList
        rows={[
          { key: t('accounts.totp.status'), value: t('accounts.totp.on_since', { date: tr.formatDate(since) }) },
          { key: t('accounts.totp.codes_title'), value: t('accounts.totp.codes_left', { count: codesLeft }) },
        ]}
      />
      {canDisable ? (
        <p>
          <a href={`/${locale}/account/two-step/remove`}>{t('accounts.totp.remove_title')}</a>
        </p>
      ) : (
        <p class="muted">{t('accounts.totp.required_for_role')}</p>
      )}
    </Layout>
  );
}

export function TotpRemovePage({ email, errors }: { email: string; errors?: Errors }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.totp.remove_title')} before={<TotpCrumbs current={t('accounts.totp.remove_title')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.totp.remove_title')}</h1>
      <p>{t('accounts.totp.remove_intro')}</p>
      <PostForm action={`/${locale}/account/two-step/remove`}>
        <input type="text" name="username" value={email} autocomplete="username" hidden readOnly />
        <TextField name="password" type="password" label={t('accounts.password.current')} error={errors?.password} attrs={{ autocomplete: 'current-password', maxLength: 400 }} />
        <Button variant="warning">{t('accounts.totp.remove_submit')}</Button>
      </PostForm>
    </Layout>
  );
}
