import type { VNode } from 'preact';
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, DateText, SummaryList, Table, Tag, UserText } from '../../../platform/views/components.tsx';
import { localized, stateName } from '../names.ts';
import type { StateProfile } from '../states-queries.ts';
import { Article5Tag, languageName, StatusTag } from './labels.tsx';

export interface StatePageLinks {
  article5?: string | undefined;
  membership?: string | undefined;
  /** The internal page, for committee members and ISU. */
  internal?: string | undefined;
}

export function StatePage({ profile, admin, sections = [] }: { profile: StateProfile; admin: StatePageLinks; sections?: VNode[] }) {
  const { t, locale } = usePage();
  const { state } = profile;
  const name = stateName(state, locale);
  const consentType = t(`states.consent.${state.consentType}`);

  const membershipRows = [
    { key: t('states.state.status'), value: <StatusTag status={profile.status} /> },
    { key: t('states.state.signature'), value: state.signatureDate ? <DateText value={state.signatureDate} /> : <span class="muted">{t('states.state.not_signed')}</span> },
    {
      key: t('states.state.consent'),
      value: (
        <>
          <DateText value={state.consentDate} /> ({consentType})
        </>
      ),
    },
    { key: t('states.state.eif'), value: <DateText value={state.eifDate} /> },
    ...(state.withdrawalNotifiedDate ? [{ key: t('states.state.withdrawal_notified'), value: <DateText value={state.withdrawalNotifiedDate} /> }] : []),
    ...(state.withdrawalEffectiveDate ? [{ key: t('states.state.withdrawal_effective'), value: <DateText value={state.withdrawalEffectiveDate} /> }] : []),
    ...(state.suspensionNotifiedDate ? [{ key: t('states.state.suspension_notified'), value: <DateText value={state.suspensionNotifiedDate} /> }] : []),
    { key: t('states.state.initial_report'), value: <DateText value={profile.initialReportDue} /> },
    { key: t('states.state.reporting_language'), value: languageName(state.reportingLanguage, locale) },
    ...(state.note
      ? [
          {
            key: t('states.state.note'),
            value: (
              <span dir="auto">
                {state.note}
              </span>
            ),
          },
        ]
      : []),
  ];

  return (
    <Layout
      title={name}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('states.breadcrumb.home') },
            { href: `/${locale}/states`, label: t('states.list.title') },
            { label: name },
          ]}
        />
      }
    >
      <h1>{name}</h1>
      <p class="muted">
        {t('states.state.codes', { iso2: state.iso2, iso3: state.iso3 })} · {t(`states.region.${state.region}`)}
      </p>
      {admin.internal ? (
        <p>
          <a href={admin.internal}>{t('states.internal.link', { state: name })}</a>
        </p>
      ) : null}

      <h2>{t('states.state.membership_title')}</h2>
      <SummaryList rows={membershipRows} />

      <h2>{t('states.state.article5_title')}</h2>
      {profile.article5 ? (
        <>
          <SummaryList
            rows={[
              {
                key: t('states.state.article5_current'),
                value: (
                  <>
                    <DateText value={profile.article5.deadline} /> <Article5Tag status={profile.article5.status} />
                    {profile.article5Standing === 'expired' && profile.article5.status !== 'expired' ? (
                      <>
                        {' '}
                        <Tag tone="red">{t('states.state.article5_passed')}</Tag>
                      </>
                    ) : null}
                    {profile.article5.toVerify ? (
                      <>
                        {' '}
                        <Tag tone="grey">{t('states.state.to_verify')}</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
              ...(profile.article5.note
                ? [
                    {
                      key: t('states.state.note'),
                      value: (
                        <span dir="auto">
                          <UserText>{profile.article5.note}</UserText>
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Table
            caption={t('states.state.article5_history_caption')}
            rows={profile.article5History}
            columns={[
              { header: t('states.state.col_deadline'), cell: (a) => <DateText value={a.deadline} /> },
              { header: t('states.state.col_status'), cell: (a) => <Article5Tag status={a.status} /> },
              {
                header: t('states.state.col_recorded'),
                cell: (a) => (a.createdBy ? <DateText value={a.createdAt} style="medium" /> : <span class="muted">{t('states.state.reference_data')}</span>),
              },
              {
                header: t('states.state.col_note'),
                cell: (a) => (
                  <>
                    {a.note ? (
                      <span dir="auto">
                        <UserText>{a.note}</UserText>
                      </span>
                    ) : null}
                    {a.toVerify ? (
                      <>
                        {' '}
                        <Tag tone="grey">{t('states.state.to_verify')}</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </>
      ) : (
        <p>{t('states.state.article5_none')}</p>
      )}
      {admin.article5 ? (
        <p>
          <a href={admin.article5}>{t('states.state.record_article5')}</a>
        </p>
      ) : null}

      <h2>{t('states.state.committees_title')}</h2>
      {profile.committees.length ? (
        <Table
          caption={t('states.state.committees_caption', { name })}
          rows={profile.committees}
          columns={[
            { header: t('states.state.col_year'), cell: (m) => String(m.year) },
            { header: t('states.state.col_committee'), cell: (m) => localized(m.committeeNames, locale) },
            { header: t('states.state.col_role'), cell: (m) => t(`states.role.${m.role}`) },
          ]}
        />
      ) : (
        <p>{t('states.state.committees_none')}</p>
      )}

      {sections.length ? (
        sections
      ) : (
        <>
          <h2>{t('states.state.reports_title')}</h2>
          <p>{t('states.state.reports_none', { name })}</p>
        </>
      )}

      {admin.membership ? (
        <p>
          <a href={admin.membership}>{t('states.state.edit_membership')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
