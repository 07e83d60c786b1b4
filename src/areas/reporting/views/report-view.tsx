import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, DateText, DateTimeText, NotificationBanner, SummaryList, Table, Tag } from '../../../platform/views/components.tsx';
import { textOf, type FormDef } from '../../../platform/forms/definition.ts';
import { FormView, type References } from '../../../platform/forms/render.tsx';
import type { ReportRow, ReportVersionRow } from '../reports-repository.ts';
import type { ReportSnapshot } from '../reports-commands.ts';
import { ReportStatusTag, formStatusText, reportTitle } from './shared.tsx';
import { BulkDownloadLink, Downloads } from './downloads.tsx';

export interface ReportViewProps {
  report: ReportRow;
  stateName: string;
  stateIso2: string;
  version: ReportVersionRow;
  versions: ReportVersionRow[];
  forms: FormDef[];
  references: References;
  otherYears: ReportRow[];
  internal: boolean;
}

export function ReportViewPage(p: ReportViewProps) {
  const { t, locale } = usePage();
  const heading = reportTitle(t, p.report, p.stateName);
  const snapshot = p.version.snapshot as unknown as ReportSnapshot;
  const base = `/${locale}/reports/${p.report.id}`;
  const isLatestPublished = p.report.publishedVersionNo === p.version.versionNo;
  return (
    <Layout
      title={heading}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/reports`, label: t('reporting.public.title') },
            { href: `/${locale}/states/${p.stateIso2.toLowerCase()}`, label: p.stateName },
            { label: heading },
          ]}
        />
      }
    >
      <h1>{heading}</h1>
      {!isLatestPublished && p.report.publishedVersionNo !== null && !p.internal ? (
        <NotificationBanner kind="warning">
          <a href={base}>{t('reporting.view.newer_version')}</a>
        </NotificationBanner>
      ) : null}
      {p.report.isDemo ? <p><Tag tone="yellow">{t('reporting.view.demo')}</Tag></p> : null}
      <SummaryList
        rows={[
          { key: t('reporting.view.state'), value: <a href={`/${locale}/states/${p.stateIso2.toLowerCase()}`}><bdi>{p.stateName}</bdi></a> },
          { key: t('reporting.tasks.period'), value: <><DateText value={p.report.periodStart} style="medium" /> – <DateText value={p.report.periodEnd} style="medium" /></> },
          { key: t('reporting.view.version'), value: t('reporting.versions.item', { number: p.version.versionNo }) },
          { key: t('reporting.tasks.submitted'), value: <DateTimeText value={p.version.submittedAt} /> },
          ...(p.version.publishedAt ? [{ key: t('reporting.view.published'), value: <DateTimeText value={p.version.publishedAt} /> }] : []),
          { key: t('reporting.view.language'), value: t(`reporting.opt.language.${p.version.language}`) },
          { key: t('reporting.view.visibility'), value: t(`reporting.visibility.${p.version.visibility}`) },
          ...(p.internal ? [{ key: t('reporting.tasks.status'), value: <ReportStatusTag status={p.report.status} correcting={p.report.currentVersionNo > 0} /> }] : []),
          ...(p.version.reason ? [{ key: t('reporting.view.reason'), value: <bdi>{p.version.reason}</bdi> }] : []),
          ...(p.version.nothingNew ? [{ key: t('reporting.view.nothing_new'), value: t('common.yes') }] : []),
        ]}
      />
      <Downloads reportId={p.report.id} version={p.version.versionNo} />
      <p class="muted">{t('reporting.view.content_language')}</p>
      <nav aria-labelledby="contents-title" class="contents">
        <h2 id="contents-title">{t('reporting.view.contents')}</h2>
        <ol>
          {p.forms.map((f) => (
            <li key={f.id}>
              <a href={`#form-${f.id}`}>{textOf(f.title, locale, t)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {p.forms.map((f) => {
        const fs = snapshot.forms[f.id];
        return (
          <section key={f.id} id={`form-${f.id}`} class="report-form" aria-labelledby={`form-${f.id}-title`}>
            <h2 id={`form-${f.id}-title`}>{textOf(f.title, locale, t)}</h2>
            {fs?.status === 'not_applicable' ? (
              <p class="muted">{t('reporting.form_status.not_applicable')}</p>
            ) : (
              <>
                {fs?.status === 'unchanged' ? <p><Tag tone="purple">{formStatusText(t, 'unchanged', fs.unchangedSinceYear)}</Tag></p> : null}
                <FormView def={f} values={fs?.values ?? {}} references={p.references} headingLevel={3} anchors />
                {fs && Object.keys(fs.explanations ?? {}).length ? (
                  <div class="explanations">
                    <h3>{t('reporting.view.explanations')}</h3>
                    <ul>
                      {Object.entries(fs.explanations).map(([path, text]) => (
                        <li key={path} dir="auto">
                          {text}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </>
            )}
          </section>
        );
      })}
      <h2>{t('reporting.versions.title')}</h2>
      <ul>
        {p.versions.map((v) => (
          <li key={v.versionNo}>
            {v.versionNo === p.version.versionNo ? (
              <strong>{t('reporting.versions.item', { number: v.versionNo })}</strong>
            ) : (
              <a href={`${base}?version=${v.versionNo}`}>{t('reporting.versions.item', { number: v.versionNo })}</a>
            )}{' '}
            · <DateTimeText value={v.submittedAt} />
            {v.reason ? <> · <bdi>{v.reason}</bdi></> : null}
            {p.versions.some((x) => x.versionNo < v.versionNo) ? (
              <>
                {' '}
                · <a href={`${base}/compare?to=${v.versionNo}&from=${p.versions.filter((x) => x.versionNo < v.versionNo).at(-1)!.versionNo}`}>{t('reporting.versions.compare')}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {p.report.kind === 'annual' && p.otherYears.some((r) => r.kind === 'annual' && r.year === p.report.year - 1) ? (
        <p>
          <a href={`${base}/compare?with=previous-year`}>{t('reporting.view.compare_year')}</a>
        </p>
      ) : null}
      {p.otherYears.length ? (
        <>
          <h2>{t('reporting.view.other_years')}</h2>
          <ul>
            {p.otherYears.map((r) => (
              <li key={r.id}>
                <a href={`/${locale}/reports/${r.id}`}>{reportTitle(t, r, p.stateName)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export interface PublicListRow {
  report: ReportRow;
  stateName: string;
}

export function PublicReportsPage({ rows, years, filters, statesOptions }: { rows: PublicListRow[]; years: number[]; filters: { state?: string | undefined; year?: number | undefined }; statesOptions: { value: string; label: string }[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('reporting.public.title')} wide>
      <h1>{t('reporting.public.title')}</h1>
      <p class="lead">{t('reporting.public.lead')}</p>
      <form method="get" action={`/${locale}/reports`} class="filters" role="search">
        <div class="field">
          <label class="field__label" for="f-state">
            {t('reporting.public.filter_state')}
          </label>
          <select class="select" id="f-state" name="state">
            <option value="">{t('reporting.public.all_states')}</option>
            {statesOptions.map((o) => (
              <option value={o.value} selected={o.value === filters.state} key={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="f-year">
            {t('reporting.public.filter_year')}
          </label>
          <select class="select" id="f-year" name="year">
            <option value="">{t('reporting.public.all_years')}</option>
            {years.map((y) => (
              <option value={String(y)} selected={y === filters.year} key={y}>
                {String(y)}
              </option>
            ))}
          </select>
        </div>
        <button class="button button--secondary" type="submit">
          {t('common.actions.filter')}
        </button>
      </form>
      {filters.year ? (
        <p>
          <BulkDownloadLink year={filters.year} />
        </p>
      ) : null}
      <Table
        caption={t('reporting.public.count', { count: rows.length })}
        rows={rows}
        empty={t('reporting.public.none')}
        columns={[
          { header: t('reporting.view.state'), cell: (r) => <bdi>{r.stateName}</bdi> },
          { header: t('reporting.public.col_report'), cell: (r) => <a href={`/${locale}/reports/${r.report.id}`}>{reportTitle(t, r.report, r.stateName)}</a> },
          { header: t('reporting.view.published'), cell: (r) => (r.report.publishedAt ? <DateText value={r.report.publishedAt} style="medium" /> : '—') },
          { header: t('reporting.view.visibility'), cell: (r) => t(`reporting.visibility.${r.report.visibility}`) },
        ]}
      />
    </Layout>
  );
}
