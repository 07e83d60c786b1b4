/** Public pages of the action plans: the plans, one plan with its actions, one action. */
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, DateText, NotificationBanner, Pagination, SummaryList, Table, Tag } from '../../../platform/views/components.tsx';
import type { ActionLink } from '../action-links.ts';
import type { ActionView, PlanSummary, PlanTree } from '../plans-queries.ts';
import type { PlanRow } from '../plans-repository.ts';
import { LocalText, MeasureText, plainText, ThemeTags } from './parts.tsx';

export function planHref(locale: string, planId: string): string {
  return `/${locale}/plans/${planId}`;
}

export function actionHref(locale: string, planId: string, actionId: string): string {
  return `/${locale}/plans/${planId}/actions/${actionId}`;
}

function Period({ plan }: { plan: PlanRow }) {
  const { t } = usePage();
  return <>{t('plans.period', { start: String(plan.periodStart), end: String(plan.periodEnd) })}</>;
}

/** Notices about the state of a plan's data (derived from the flags its actions carry). */
export function DataNotices({ toVerify, toComplete }: { toVerify: boolean; toComplete: boolean }) {
  const { t } = usePage();
  return (
    <>
      {toVerify ? (
        <NotificationBanner kind="warning" title={t('plans.notice.to_verify_title')}>
          <p>{t('plans.notice.to_verify')}</p>
        </NotificationBanner>
      ) : null}
      {toComplete ? (
        <NotificationBanner kind="warning" title={t('plans.notice.to_complete_title')}>
          <p>{t('plans.notice.to_complete')}</p>
        </NotificationBanner>
      ) : null}
    </>
  );
}

export function PlansPage({ plans, canEdit }: { plans: PlanSummary[]; canEdit: boolean }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('plans.list.title')} wide>
      <h1>{t('plans.list.title')}</h1>
      <p class="lead">{t('plans.list.lead')}</p>
      <Table
        caption={t('plans.list.caption', { count: plans.length })}
        rows={plans}
        empty={t('plans.list.empty')}
        columns={[
          {
            header: t('plans.list.col_plan'),
            cell: (p) => (
              <a href={planHref(locale, p.plan.id)}>
                <LocalText text={p.plan.title} />
              </a>
            ),
          },
          { header: t('plans.list.col_period'), cell: (p) => <Period plan={p.plan} /> },
          { header: t('plans.list.col_adopted'), cell: (p) => <DateText value={p.plan.adoptedOn} /> },
          { header: t('plans.list.col_actions'), numeric: true, cell: (p) => t('plans.list.actions_count', { count: p.actions }) },
          {
            header: t('plans.list.col_status'),
            cell: (p) =>
              p.toVerify || p.toComplete ? (
                <>
                  {p.toVerify ? <Tag tone="yellow">{t('plans.theme.to-verify')}</Tag> : null} {p.toComplete ? <Tag tone="yellow">{t('plans.theme.to-complete')}</Tag> : null}
                </>
              ) : (
                <Tag tone="green">{t('plans.list.verified')}</Tag>
              ),
          },
        ]}
      />
      <p>
        {t('plans.list.api')} <a href="/api/v1/action-plans">
          <code>/api/v1/action-plans</code>
        </a>
      </p>
      {canEdit ? (
        <p>
          <a href={`/${locale}/admin/plans`}>{t('plans.list.edit_link')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

export function PlanPage({ tree, canEdit }: { tree: PlanTree; canEdit: boolean }) {
  const { t, locale } = usePage();
  const { plan } = tree;
  const actionCount = tree.sections.reduce((n, s) => n + s.actions.length, 0);
  return (
    <Layout
      title={plainText(plan.title, locale)}
      wide
      before={<Breadcrumbs items={[{ href: `/${locale}/plans`, label: t('plans.list.title') }, { label: <LocalText text={plan.title} /> }]} />}
    >
      <h1>
        <LocalText text={plan.title} />
      </h1>
      <DataNotices toVerify={tree.toVerify} toComplete={tree.toComplete} />
      <SummaryList
        rows={[
          { key: t('plans.plan.period'), value: <Period plan={plan} /> },
          { key: t('plans.plan.adopted_on'), value: <DateText value={plan.adoptedOn} /> },
          { key: t('plans.plan.adopted_at'), value: <LocalText text={plan.adoptedAt} fallback={<span class="muted">—</span>} /> },
          { key: t('plans.plan.code'), value: <code>{plan.code}</code> },
          { key: t('plans.plan.actions'), value: t('plans.list.actions_count', { count: actionCount }) },
        ]}
      />
      <nav class="contents" aria-labelledby="plan-contents">
        <h2 id="plan-contents">{t('plans.plan.contents')}</h2>
        <ul>
          {tree.sections.map((s) => (
            <li key={s.section.id}>
              <a href={`#section-${s.section.number}`}>
                {t('plans.section.number', { number: s.section.number })}: <LocalText text={s.section.title} />
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tree.sections.map((s) => (
        <section key={s.section.id} id={`section-${s.section.number}`} aria-labelledby={`section-${s.section.number}-title`} class="form-section">
          <h2 id={`section-${s.section.number}-title`}>
            <span class="caption">{t('plans.section.number', { number: s.section.number })}</span>
            <LocalText text={s.section.title} />
          </h2>
          {s.actions.length === 0 ? <p class="muted">{t('plans.plan.no_actions')}</p> : null}
          {s.actions.map(({ action, indicators }) => (
            <div key={action.id} id={action.id}>
              <h3>
                <a href={actionHref(locale, plan.id, action.id)}>
                  {t('plans.action.number', { number: action.number })}
                  {': '}
                  <LocalText text={action.title} />
                </a>
              </h3>
              <ThemeTags themes={action.themes} />
              {action.summary ? (
                <p>
                  <LocalText text={action.summary} />
                </p>
              ) : null}
              {indicators.length ? (
                <>
                  <p class="muted">{t('plans.plan.indicators', { count: indicators.length })}</p>
                  <ul>
                    {indicators.map((i) => (
                      <li key={i.id}>
                        <LocalText text={i.title} /> <span class="muted">({<MeasureText measure={i.measure} />})</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </section>
      ))}
      <p>
        {t('plans.plan.api')} <a href={`/api/v1/action-plans/${plan.id}`}>
          <code>{`/api/v1/action-plans/${plan.id}`}</code>
        </a>
      </p>
      {canEdit ? (
        <p>
          <a href={`/${locale}/admin/plans/${plan.id}`}>{t('plans.plan.edit_link')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

export function ActionPage({ view, links, canEdit }: { view: ActionView; links: ActionLink[]; canEdit: boolean }) {
  const { t, locale } = usePage();
  const { plan, section, action, indicators } = view;
  const numberText = t('plans.action.number', { number: action.number });
  const groups = [...new Set(links.map((l) => l.group))];
  return (
    <Layout
      title={`${numberText}: ${plainText(action.title, locale)}`}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/plans`, label: t('plans.list.title') },
            { href: planHref(locale, plan.id), label: <LocalText text={plan.title} /> },
            { label: numberText },
          ]}
        />
      }
    >
      <h1>
        <span class="caption">
          <LocalText text={plan.title} />
        </span>
        {numberText}
        {': '}
        <LocalText text={action.title} />
      </h1>
      <ThemeTags themes={action.themes} />
      {action.themes.includes('to-verify') ? <p class="muted">{t('plans.action.to_verify')}</p> : null}
      {action.themes.includes('to-complete') ? <p class="muted">{t('plans.action.to_complete')}</p> : null}
      {action.summary ? (
        <p class="lead">
          <LocalText text={action.summary} />
        </p>
      ) : null}
      <SummaryList
        rows={[
          {
            key: t('plans.action.section'),
            value: (
              <a href={`${planHref(locale, plan.id)}#section-${section.number}`}>
                {t('plans.section.number', { number: section.number })}: <LocalText text={section.title} />
              </a>
            ),
          },
          { key: t('plans.action.reference'), value: <code>{action.id}</code> },
          { key: t('plans.action.updated'), value: <DateText value={action.updatedAt} /> },
        ]}
      />
      <h2>{t('plans.action.indicators')}</h2>
      <Table
        caption={t('plans.action.indicators_caption', { count: indicators.length })}
        captionHidden
        rows={indicators}
        empty={t('plans.action.no_indicators')}
        columns={[
          { header: t('plans.action.col_reference'), cell: (i) => <code>{i.id}</code> },
          { header: t('plans.action.col_indicator'), cell: (i) => <LocalText text={i.title} /> },
          { header: t('plans.action.col_measure'), cell: (i) => <MeasureText measure={i.measure} /> },
        ]}
      />
      <h2>{t('plans.action.asked_title')}</h2>
      <p>{t('plans.action.asked_lead')}</p>
      {groups.length === 0 ? <p class="muted">{t('plans.action.asked_none')}</p> : null}
      {groups.map((g) => (
        <Table
          key={g}
          caption={g}
          rows={links.filter((l) => l.group === g)}
          columns={[
            { header: t('plans.action.col_where'), cell: (l) => l.context },
            { header: t('plans.action.col_item'), cell: (l) => (l.href ? <a href={l.href}>{l.label}</a> : l.label) },
            { header: t('plans.action.col_code'), cell: (l) => (l.code ? <code>{l.code}</code> : null) },
          ]}
        />
      ))}
      <Pagination
        label={t('plans.action.pagination')}
        prevHref={view.previous ? actionHref(locale, plan.id, view.previous.id) : undefined}
        nextHref={view.next ? actionHref(locale, plan.id, view.next.id) : undefined}
      />
      {canEdit ? (
        <p>
          <a href={`/${locale}/admin/plans/${plan.id}/actions/${action.id}`}>{t('plans.action.edit_link')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
