/**
 * A State's internal page, for committee members and ISU before a bilateral meeting: the key facts
 * (membership, Article 5 deadline, committees), then what each area keeps about the State
 * (contacts, meetings and commitments, follow-ups, indicators — the `state-internal` slot), then
 * what its public page shows (reports, compliance, published individualised-approach reports).
 */
import type { VNode } from 'preact';
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, DateText, SummaryList, Tag } from '../../../platform/views/components.tsx';
import { localized, stateName } from '../names.ts';
import type { StateProfile } from '../states-queries.ts';
import { Article5Tag, languageName, StatusTag } from './labels.tsx';

export function StateInternalPage({ profile, internal, sections }: { profile: StateProfile; internal: VNode[]; sections: VNode[] }) {
  const { t, locale } = usePage();
  const { state } = profile;
  const name = stateName(state, locale);
  const title = t('states.internal.title', { state: name });
  const latestCommittees = profile.committees.filter((c) => c.year === Math.max(...profile.committees.map((x) => x.year)));
  return (
    <Layout
      title={title}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('states.breadcrumb.home') },
            { href: `/${locale}/states`, label: t('states.list.title') },
            { href: `/${locale}/states/${state.iso2.toLowerCase()}`, label: name },
            { label: t('states.internal.crumb') },
          ]}
        />
      }
    >
      <h1>{title}</h1>
      <p class="lead">{t('states.internal.lead')}</p>
      <p>
        <Tag tone="purple">{t('states.internal.restricted')}</Tag> <a href={`/${locale}/states/${state.iso2.toLowerCase()}`}>{t('states.internal.public_link', { state: name })}</a>
      </p>
      <h2>{t('states.internal.key_facts')}</h2>
      <SummaryList
        rows={[
          { key: t('states.state.status'), value: <StatusTag status={profile.status} /> },
          { key: t('states.state.eif'), value: <DateText value={state.eifDate} /> },
          { key: t('states.state.reporting_language'), value: languageName(state.reportingLanguage, locale) },
          {
            key: t('states.state.article5_current'),
            value: profile.article5 ? (
              <>
                <DateText value={profile.article5.deadline} /> <Article5Tag status={profile.article5.status} />
                {profile.article5Standing === 'expired' && profile.article5.status !== 'expired' ? (
                  <>
                    {' '}
                    <Tag tone="red">{t('states.state.article5_passed')}</Tag>
                  </>
                ) : null}
              </>
            ) : (
              <span class="muted">{t('states.internal.no_article5')}</span>
            ),
          },
          {
            key: t('states.internal.committees'),
            value: latestCommittees.length ? latestCommittees.map((c) => `${localized(c.committeeNames, locale)} (${c.year}${c.role === 'chair' ? `, ${t('states.internal.chair')}` : ''})`).join('; ') : <span class="muted">{t('states.state.committees_none')}</span>,
          },
        ]}
      />
      {internal}
      {sections}
    </Layout>
  );
}
