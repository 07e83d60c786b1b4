/** The signed-in user's own account: overview, profile, password, sessions, API tokens. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  Breadcrumbs,
  Button,
  DateText,
  DateTimeText,
  ErrorSummary,
  NotificationBanner,
  PostForm,
  SelectField,
  SummaryList,
  Table,
  Tag,
  TextField,
} from '../../../platform/views/components.tsx';
import { LANGUAGE_NAMES, LOCALES } from '../../../platform/i18n/locales.ts';
import type { AccountOverview } from '../account-queries.ts';
import { BindingText, RoleText, type Errors } from './common.tsx';
import { NewPasswordFields } from './links.tsx';

export const ACCOUNT_NOTICES = ['welcome', 'profile', 'password', 'totp_on', 'totp_off', 'sessions', 'token_revoked'] as const;
export type AccountNotice = (typeof ACCOUNT_NOTICES)[number];

export function languageOptions() {
  return LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));
}

function AccountCrumbs({ current }: { current: string }) {
  const { t, locale } = usePage();
  return <Breadcrumbs items={[{ href: `/${locale}/account`, label: t('accounts.account.title') }, { label: current }]} />;
}

export function AccountPage({ data, notice, canDisableTotp }: { data: AccountOverview; notice?: AccountNotice | undefined; canDisableTotp: boolean }) {
  const { t, locale, tr } = usePage();
  const { user, sessions, tokens, recoveryCodesLeft } = data;
  const change = (href: string, what: string) => (
    <a href={href}>
      {t('common.actions.edit')}
      <span class="visually-hidden"> {what}</span>
    </a>
  );
  const now = Date.now();
  return (
    <Layout title={t('accounts.account.title')} wide>
      {notice ? (
        <NotificationBanner kind="success">
          <p>{t(`accounts.account.notice.${notice}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('accounts.account.title')}</h1>
      <SummaryList
        rows={[
          { key: t('accounts.fields.name'), value: <bdi>{user.name}</bdi>, action: change(`/${locale}/account/profile`, t('accounts.fields.name')) },
          { key: t('accounts.fields.email'), value: <bdi>{user.email}</bdi> },
          { key: t('accounts.fields.role'), value: <RoleText role={user.role} /> },
          ...(user.stateNames
            ? [{ key: t('accounts.fields.state'), value: <BindingText stateNames={user.stateNames} committeeNames={null} /> }]
            : user.committeeNames
              ? [{ key: t('accounts.fields.committee'), value: <BindingText stateNames={null} committeeNames={user.committeeNames} /> }]
              : []),
          {
            key: t('accounts.fields.locale'),
            value: <span lang={user.locale}>{LANGUAGE_NAMES[user.locale as keyof typeof LANGUAGE_NAMES] ?? user.locale}</span>,
            action: change(`/${locale}/account/profile`, t('accounts.fields.locale')),
          },
          {
            key: t('accounts.fields.organisation'),
            value: user.organisation ? <bdi>{user.organisation}</bdi> : t('common.none'),
            action: change(`/${locale}/account/profile`, t('accounts.fields.organisation')),
          },
        ]}
      />

      <h2>{t('accounts.account.password_heading')}</h2>
      <p>{t('accounts.account.password_text')}</p>
      <p>
        <a href={`/${locale}/account/password`}>{t('accounts.password.change_title')}</a>
      </p>

      <h2>{t('accounts.totp.heading')}</h2>
      {user.totpEnabledAt ? (
        <>
          <p>
            <Tag tone="green">{t('accounts.totp.on')}</Tag> {t('accounts.totp.on_since', { date: tr.formatDate(user.totpEnabledAt) })}
          </p>
          <p>{t('accounts.totp.codes_left', { count: recoveryCodesLeft })}</p>
          {canDisableTotp ? (
            <p>
              <a href={`/${locale}/account/two-step/remove`}>{t('accounts.totp.remove_title')}</a>
            </p>
          ) : (
            <p class="muted">{t('accounts.totp.required_for_role')}</p>
          )}
        </>
      ) : (
        <>
          <p>
            <Tag tone="grey">{t('accounts.totp.off')}</Tag> {t('accounts.totp.off_text')}
          </p>
          <p>
            <a href={`/${locale}/account/two-step`}>{t('accounts.totp.setup_title')}</a>
          </p>
        </>
      )}

      <h2>{t('accounts.sessions.heading')}</h2>
      <p>{t('accounts.sessions.count', { count: sessions })}</p>
      <div class="button-group">
        {sessions > 1 ? (
          <PostForm action={`/${locale}/account/sessions/others`} inline>
            <Button variant="secondary">{t('accounts.sessions.end_others')}</Button>
          </PostForm>
        ) : null}
        <PostForm action={`/${locale}/account/sessions/all`} inline>
          <Button variant="warning">{t('accounts.sessions.end_all')}</Button>
        </PostForm>
      </div>

      <h2>{t('accounts.tokens.heading')}</h2>
      <p>{t('accounts.tokens.intro')}</p>
      <Table
        caption={t('accounts.tokens.caption')}
        captionHidden
        rows={tokens}
        empty={t('accounts.tokens.none')}
        columns={[
          { header: t('accounts.tokens.name'), cell: (r) => <bdi>{r.name}</bdi> },
          { header: t('accounts.tokens.prefix'), cell: (r) => <code dir="ltr">{`apmbc_${r.prefix}_…`}</code> },
          { header: t('accounts.tokens.created'), cell: (r) => <DateText value={r.createdAt} style="medium" /> },
          { header: t('accounts.tokens.last_used'), cell: (r) => (r.lastUsedAt ? <DateTimeText value={r.lastUsedAt} /> : t('accounts.tokens.never_used')) },
          {
            header: t('accounts.tokens.expires'),
            cell: (r) =>
              r.expiresAt ? (
                r.expiresAt.getTime() <= now ? (
                  <Tag tone="red">{t('accounts.tokens.expired')}</Tag>
                ) : (
                  <DateText value={r.expiresAt} style="medium" />
                )
              ) : (
                t('accounts.tokens.no_expiry')
              ),
          },
          {
            header: <span class="visually-hidden">{t('accounts.tokens.actions')}</span>,
            cell: (r) => (
              <PostForm action={`/${locale}/account/api-tokens/${r.id}/revoke`} inline>
                <button type="submit" class="link-button">
                  {t('accounts.tokens.revoke')}
                  <span class="visually-hidden">
                    {' '}
                    <bdi>{r.name}</bdi>
                  </span>
                </button>
              </PostForm>
            ),
          },
        ]}
      />
      <p>
        <a href={`/${locale}/account/api-tokens/new`}>{t('accounts.tokens.new_title')}</a>
      </p>
    </Layout>
  );
}

export interface ProfileValues {
  name?: string | undefined;
  locale?: string | undefined;
  organisation?: string | null | undefined;
  version?: number | string | undefined;
}

export function ProfilePage({ values, errors }: { values: ProfileValues; errors?: Errors }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.profile.title')} before={<AccountCrumbs current={t('accounts.profile.title')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.profile.title')}</h1>
      <PostForm action={`/${locale}/account/profile`}>
        <input type="hidden" name="version" value={String(values.version ?? '')} />
        <TextField name="name" label={t('accounts.fields.name')} value={values.name} error={errors?.name} attrs={{ autocomplete: 'name', maxLength: 200 }} />
        <SelectField name="locale" label={t('accounts.fields.locale')} hint={t('accounts.fields.locale_hint')} value={values.locale} options={languageOptions()} error={errors?.locale} />
        <TextField
          name="organisation"
          label={t('accounts.fields.organisation')}
          hint={t('accounts.fields.organisation_hint')}
          value={values.organisation ?? ''}
          error={errors?.organisation}
          attrs={{ autocomplete: 'organization', maxLength: 200 }}
        />
        <Button>{t('common.actions.save')}</Button>
      </PostForm>
    </Layout>
  );
}

export function ChangePasswordPage({ email, errors }: { email: string; errors?: Errors }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.password.change_title')} before={<AccountCrumbs current={t('accounts.password.change_title')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.password.change_title')}</h1>
      <p>{t('accounts.password.change_intro')}</p>
      <PostForm action={`/${locale}/account/password`}>
        <input type="text" name="username" value={email} autocomplete="username" hidden readOnly />
        <TextField name="current" type="password" label={t('accounts.password.current')} error={errors?.current} attrs={{ autocomplete: 'current-password', maxLength: 400 }} />
        <NewPasswordFields errors={errors} />
        <Button>{t('accounts.password.change_submit')}</Button>
      </PostForm>
    </Layout>
  );
}

/** One row of a conflict: what the person submitted and what is saved now. */
export interface ConflictRow {
  label: string;
  yours: ComponentChildren;
  current: ComponentChildren;
}

/**
 * Someone saved the record after this form was opened. Shows both values side by side; the person
 * can keep their version (sent again with the current version) or start again from the saved one.
 */
export function ConflictPage({
  rows,
  action,
  resubmit,
  reloadHref,
  before,
}: {
  rows: ConflictRow[];
  action: string;
  resubmit: Record<string, string>;
  reloadHref: string;
  before?: ComponentChildren;
}) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.conflict.title')} before={before}>
      <h1>{t('accounts.conflict.title')}</h1>
      <p class="lead">{t('accounts.conflict.intro')}</p>
      <Table
        caption={t('accounts.conflict.caption')}
        rows={rows}
        columns={[
          { header: t('accounts.conflict.field'), cell: (r) => r.label },
          { header: t('accounts.conflict.yours'), cell: (r) => r.yours },
          { header: t('accounts.conflict.current'), cell: (r) => r.current },
        ]}
      />
      <PostForm action={action}>
        {Object.entries(resubmit).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <div class="button-group">
          <Button>{t('accounts.conflict.keep_mine')}</Button>
          <a href={reloadHref}>{t('accounts.conflict.use_current')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}
