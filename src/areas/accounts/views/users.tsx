/** User administration (staff), a State's focal points, and a State user's team. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  Breadcrumbs,
  Button,
  Checkbox,
  DateText,
  DateTimeText,
  ErrorSummary,
  NotificationBanner,
  Pagination,
  PostForm,
  SelectField,
  SummaryList,
  Table,
  TextField,
} from '../../../platform/views/components.tsx';
import { LANGUAGE_NAMES } from '../../../platform/i18n/locales.ts';
import type { NamedOption, UserListRow } from '../account-queries.ts';
import { userStatus } from '../user-status.ts';
import { BindingText, localized, PersonName, RoleText, StatusTag, type Errors } from './common.tsx';
import { languageOptions } from './account.tsx';

export interface Options {
  states: NamedOption[];
  committees: NamedOption[];
}

function useOptionLists(options: Options) {
  const { locale, tr } = usePage();
  const toOptions = (list: NamedOption[]) => list.map((o) => ({ value: o.id, label: localized(o.names, locale) })).sort((a, b) => tr.compare(a.label, b.label));
  return { states: toOptions(options.states), committees: toOptions(options.committees) };
}

function UsersCrumbs({ current }: { current: ComponentChildren }) {
  const { t, locale } = usePage();
  return <Breadcrumbs items={[{ href: `/${locale}/admin/users`, label: t('accounts.users.title') }, { label: current }]} />;
}

// ---- List ----------------------------------------------------------------------------------

export interface ListFilters {
  q?: string | undefined;
  role?: string | undefined;
  state?: string | undefined;
  disabled: boolean;
  page: number;
}

export function UsersListPage({
  rows,
  total,
  hasNext,
  filters,
  options,
  roles,
  canInvite,
}: {
  rows: UserListRow[];
  total: number;
  hasNext: boolean;
  filters: ListFilters;
  options: Options;
  roles: readonly string[];
  canInvite: boolean;
}) {
  const { t, locale } = usePage();
  const lists = useOptionLists(options);
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    if (filters.q) p.set('q', filters.q);
    if (filters.role) p.set('role', filters.role);
    if (filters.state) p.set('state', filters.state);
    if (filters.disabled) p.set('disabled', '1');
    if (page > 1) p.set('page', String(page));
    const qs = p.toString();
    return `/${locale}/admin/users${qs ? `?${qs}` : ''}`;
  };
  return (
    <Layout title={t('accounts.users.title')} wide>
      <h1>{t('accounts.users.title')}</h1>
      {canInvite ? (
        <p>
          <a class="button button--primary" href={`/${locale}/admin/users/new`}>
            {t('accounts.users.invite')}
          </a>
        </p>
      ) : null}
      <form method="get" action={`/${locale}/admin/users`} class="filters" role="search">
        <TextField name="q" type="search" label={t('accounts.users.search')} value={filters.q} width="medium" attrs={{ maxLength: 100 }} />
        <SelectField name="role" label={t('accounts.fields.role')} value={filters.role} placeholder={t('accounts.users.all_roles')} options={roles.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))} />
        <SelectField name="state" label={t('accounts.fields.state')} value={filters.state} placeholder={t('accounts.users.all_states')} options={lists.states} />
        <Checkbox name="disabled" value="1" label={t('accounts.users.include_disabled')} checked={filters.disabled} />
        <Button variant="secondary">{t('common.actions.filter')}</Button>
      </form>
      <p>{t('accounts.users.count', { count: total })}</p>
      {filters.state && options.states.some((s) => s.id === filters.state) ? (
        <p>
          <a href={`/${locale}/admin/states/${filters.state.toLowerCase()}/focal-points`}>
            {t('accounts.focal.title', { state: localized(options.states.find((s) => s.id === filters.state)!.names, locale) })}
          </a>
        </p>
      ) : null}
      <Table
        caption={t('accounts.users.caption')}
        captionHidden
        rows={rows}
        empty={t('accounts.users.none')}
        columns={[
          { header: t('accounts.fields.name'), cell: (u) => <PersonName name={u.name} isDemo={u.isDemo} href={`/${locale}/admin/users/${u.id}`} /> },
          { header: t('accounts.fields.email'), cell: (u) => <bdi>{u.email}</bdi> },
          { header: t('accounts.fields.role'), cell: (u) => <RoleText role={u.role} /> },
          { header: t('accounts.users.binding'), cell: (u) => <BindingText stateNames={u.stateNames} committeeNames={u.committeeNames} /> },
          { header: t('accounts.users.status'), cell: (u) => <StatusTag status={userStatus(u)} /> },
          { header: t('accounts.users.last_sign_in'), cell: (u) => (u.lastLoginAt ? <DateTimeText value={u.lastLoginAt} /> : t('accounts.users.never')) },
        ]}
      />
      <Pagination prevHref={filters.page > 1 ? pageHref(filters.page - 1) : undefined} nextHref={hasNext ? pageHref(filters.page + 1) : undefined} />
    </Layout>
  );
}

// ---- Forms ---------------------------------------------------------------------------------

export interface UserFormValues {
  name?: string | undefined;
  email?: string | undefined;
  role?: string | undefined;
  stateIso2?: string | null | undefined;
  committeeId?: string | null | undefined;
  locale?: string | undefined;
  organisation?: string | null | undefined;
  version?: string | number | undefined;
}

function UserFields({ values, errors, roles, options, withEmail }: { values: UserFormValues; errors: Errors; roles: readonly string[]; options: Options; withEmail: boolean }) {
  const { t } = usePage();
  const lists = useOptionLists(options);
  return (
    <>
      <TextField name="name" label={t('accounts.fields.name')} value={values.name} error={errors?.name} attrs={{ maxLength: 200, autocomplete: 'off' }} />
      {withEmail ? (
        <TextField name="email" type="email" label={t('accounts.fields.email')} hint={t('accounts.users.email_hint')} value={values.email} error={errors?.email} attrs={{ maxLength: 320, spellcheck: false, autocomplete: 'off' }} />
      ) : null}
      <SelectField
        name="role"
        label={t('accounts.fields.role')}
        hint={t('accounts.users.role_hint')}
        value={values.role}
        placeholder={t('accounts.users.choose')}
        options={roles.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
        error={errors?.role}
      />
      <SelectField name="stateIso2" label={t('accounts.fields.state')} hint={t('accounts.users.state_hint')} value={values.stateIso2 ?? ''} placeholder={t('accounts.users.none_option')} options={lists.states} error={errors?.stateIso2} />
      <SelectField
        name="committeeId"
        label={t('accounts.fields.committee')}
        hint={t('accounts.users.committee_hint')}
        value={values.committeeId ?? ''}
        placeholder={t('accounts.users.none_option')}
        options={lists.committees}
        error={errors?.committeeId}
      />
      <SelectField name="locale" label={t('accounts.fields.locale')} hint={t('accounts.users.locale_hint')} value={values.locale} options={languageOptions()} error={errors?.locale} />
      <TextField name="organisation" label={t('accounts.fields.organisation')} hint={t('accounts.fields.organisation_hint')} value={values.organisation ?? ''} error={errors?.organisation} attrs={{ maxLength: 200 }} />
    </>
  );
}

export function NewUserPage({ values, errors, roles, options }: { values: UserFormValues; errors?: Errors; roles: readonly string[]; options: Options }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('accounts.users.new_title')} before={<UsersCrumbs current={t('accounts.users.new_title')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('accounts.users.new_title')}</h1>
      <p>{t('accounts.users.new_intro')}</p>
      <PostForm action={`/${locale}/admin/users/new`}>
        <UserFields values={values} errors={errors} roles={roles} options={options} withEmail />
        <Button>{t('accounts.users.send_invitation')}</Button>
      </PostForm>
    </Layout>
  );
}

// ---- One user ------------------------------------------------------------------------------

export const USER_NOTICES = ['invited', 'saved', 'resent', 'disabled', 'enabled', 'unlocked'] as const;
export type UserNotice = (typeof USER_NOTICES)[number];

export interface UserPageProps {
  user: UserListRow;
  invitation?: { createdAt: Date; expiresAt: Date; usedAt: Date | null } | undefined;
  canManage: boolean;
  canDisable: boolean;
  roles: readonly string[];
  options: Options;
  values?: UserFormValues | undefined;
  errors?: Errors;
  notice?: UserNotice | undefined;
}

export function UserPage({ user, invitation, canManage, canDisable, roles, options, values, errors, notice }: UserPageProps) {
  const { t, locale } = usePage();
  const status = userStatus(user);
  const base = `/${locale}/admin/users/${user.id}`;
  const formValues: UserFormValues = values ?? {
    name: user.name,
    role: user.role,
    stateIso2: user.stateIso2,
    committeeId: user.committeeId,
    locale: user.locale,
    organisation: user.organisation,
    version: user.version,
  };
  return (
    <Layout title={user.name} before={<UsersCrumbs current={<bdi>{user.name}</bdi>} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {notice ? (
        <NotificationBanner kind="success">
          <p>{t(`accounts.users.notice.${notice}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        <PersonName name={user.name} isDemo={user.isDemo} />
      </h1>
      <SummaryList
        rows={[
          { key: t('accounts.users.status'), value: <StatusTag status={status} /> },
          { key: t('accounts.fields.email'), value: <bdi>{user.email}</bdi> },
          { key: t('accounts.fields.role'), value: <RoleText role={user.role} /> },
          {
            key: t('accounts.users.binding'),
            value: <BindingText stateNames={user.stateNames} committeeNames={user.committeeNames} />,
            action: user.stateIso2 ? (
              <a href={`/${locale}/admin/states/${user.stateIso2.toLowerCase()}/focal-points`}>{t('accounts.users.focal_points_link')}</a>
            ) : undefined,
          },
          { key: t('accounts.fields.locale'), value: LANGUAGE_NAMES[user.locale as keyof typeof LANGUAGE_NAMES] ?? user.locale },
          { key: t('accounts.fields.organisation'), value: user.organisation ? <bdi>{user.organisation}</bdi> : t('common.none') },
          { key: t('accounts.users.created'), value: <DateText value={user.createdAt} /> },
          { key: t('accounts.users.last_sign_in'), value: user.lastLoginAt ? <DateTimeText value={user.lastLoginAt} /> : t('accounts.users.never') },
          { key: t('accounts.totp.heading'), value: user.totpEnabled ? t('accounts.totp.on') : t('accounts.totp.off') },
          ...(invitation && !user.hasPassword
            ? [
                {
                  key: t('accounts.users.invitation'),
                  value: (
                    <>
                      {t('accounts.users.invitation_sent')} <DateTimeText value={invitation.createdAt} />
                      {' · '}
                      {invitation.expiresAt.getTime() > Date.now() ? (
                        <>
                          {t('accounts.users.invitation_valid_until')} <DateTimeText value={invitation.expiresAt} />
                        </>
                      ) : (
                        t('accounts.users.invitation_expired')
                      )}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage ? (
        <>
          <h2>{t('accounts.users.edit_heading')}</h2>
          <PostForm action={base}>
            <input type="hidden" name="version" value={String(formValues.version ?? user.version)} />
            <UserFields values={formValues} errors={errors} roles={roles} options={options} withEmail={false} />
            <Button>{t('common.actions.save')}</Button>
          </PostForm>
          <h2>{t('accounts.users.actions_heading')}</h2>
          <div class="button-group">
            {status === 'invited' ? (
              <PostForm action={`${base}/resend-invitation`} inline>
                <Button variant="secondary">{t('accounts.users.resend')}</Button>
              </PostForm>
            ) : null}
            {status === 'locked' ? (
              <PostForm action={`${base}/unlock`} inline>
                <Button variant="secondary">{t('accounts.users.unlock')}</Button>
              </PostForm>
            ) : null}
            {user.disabledAt ? (
              <PostForm action={`${base}/enable`} inline>
                <Button variant="secondary">{t('accounts.users.enable')}</Button>
              </PostForm>
            ) : canDisable ? (
              <PostForm action={`${base}/disable`} inline>
                <Button variant="warning">{t('accounts.users.disable')}</Button>
              </PostForm>
            ) : null}
          </div>
          {!user.disabledAt && canDisable ? <p class="muted">{t('accounts.users.disable_hint')}</p> : null}
        </>
      ) : (
        <p class="muted">{t('accounts.users.read_only')}</p>
      )}
    </Layout>
  );
}

// ---- Focal points and team -----------------------------------------------------------------

export function FocalPointsPage({ state, people, canInvite }: { state: NamedOption; people: UserListRow[]; canInvite: boolean }) {
  const { t, locale } = usePage();
  const name = localized(state.names, locale);
  return (
    <Layout title={t('accounts.focal.title', { state: name })} wide before={<UsersCrumbs current={t('accounts.focal.crumb', { state: name })} />}>
      <h1>{t('accounts.focal.title', { state: name })}</h1>
      <p>{t('accounts.focal.intro')}</p>
      <Table
        caption={t('accounts.focal.caption', { state: name })}
        captionHidden
        rows={people}
        empty={t('accounts.focal.none')}
        columns={[
          { header: t('accounts.fields.name'), cell: (u) => <PersonName name={u.name} isDemo={u.isDemo} href={`/${locale}/admin/users/${u.id}`} /> },
          { header: t('accounts.fields.email'), cell: (u) => <bdi>{u.email}</bdi> },
          { header: t('accounts.fields.role'), cell: (u) => <RoleText role={u.role} /> },
          { header: t('accounts.fields.organisation'), cell: (u) => (u.organisation ? <bdi>{u.organisation}</bdi> : '—') },
          { header: t('accounts.users.last_sign_in'), cell: (u) => (u.lastLoginAt ? <DateTimeText value={u.lastLoginAt} /> : t('accounts.users.never')) },
          { header: t('accounts.users.status'), cell: (u) => <StatusTag status={userStatus(u)} /> },
        ]}
      />
      {canInvite ? (
        <p>
          <a class="button button--primary" href={`/${locale}/admin/users/new?state=${state.id}&role=state_preparer`}>
            {t('accounts.focal.invite', { state: name })}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

export function TeamPage({ state, people, meId }: { state: NamedOption; people: UserListRow[]; meId: string }) {
  const { t, locale } = usePage();
  const name = localized(state.names, locale);
  return (
    <Layout title={t('accounts.team.title')} wide>
      <h1>{t('accounts.team.title')}</h1>
      <p class="lead">{t('accounts.team.intro', { state: name })}</p>
      <Table
        caption={t('accounts.team.caption', { state: name })}
        captionHidden
        rows={people}
        empty={t('accounts.team.none')}
        columns={[
          {
            header: t('accounts.fields.name'),
            cell: (u) => (
              <>
                <PersonName name={u.name} isDemo={u.isDemo} />
                {u.id === meId ? <span class="muted"> {t('accounts.team.you')}</span> : null}
              </>
            ),
          },
          { header: t('accounts.fields.email'), cell: (u) => <a href={`mailto:${u.email}`}>{<bdi>{u.email}</bdi>}</a> },
          { header: t('accounts.fields.role'), cell: (u) => <RoleText role={u.role} /> },
          { header: t('accounts.fields.organisation'), cell: (u) => (u.organisation ? <bdi>{u.organisation}</bdi> : '—') },
          { header: t('accounts.users.status'), cell: (u) => <StatusTag status={userStatus(u)} /> },
        ]}
      />
      <p class="muted">{t('accounts.team.changes')}</p>
    </Layout>
  );
}
