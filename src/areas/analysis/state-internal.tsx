/**
 * What the committee's analysis knows about a State, on the State's internal page (states area,
 * `state-internal` slot): the indicators of its latest submitted report and its follow-up letters.
 */
import type { AppDeps } from '../../platform/deps.ts';
import { usePage } from '../../platform/views/context.ts';
import { DateText, Table } from '../../platform/views/components.tsx';
import { localized } from '../states/index.ts';
import { getReportAnalysis, type ReportAnalysis } from './indicators/indicators-queries.ts';
import { listSubmittedReports } from './indicators/indicators-repository.ts';
import { effectiveValue } from './indicators/indicators-queries.ts';
import { listFollowUpRows, type FollowUpListRow } from './followups/followups-repository.ts';
import { canUseAnalysis } from './policy.ts';
import { canViewFollowUps } from './followups/index.ts';
import { ValueTag } from './views/indicators-shared.tsx';
import { StatusTag } from './followups/views/followups.tsx';

function StateAnalysisSection({ analysis, followUps }: { analysis: ReportAnalysis | undefined; followUps: FollowUpListRow[] | undefined }) {
  const { t, locale } = usePage();
  return (
    <section aria-labelledby="state-analysis">
      <h2 id="state-analysis">{t('analysis.state_internal.title')}</h2>
      {analysis ? (
        <>
          <p>
            <a href={`/${locale}/analysis/reports/${analysis.report.id}`}>{t('analysis.state_internal.report', { year: String(analysis.report.year), version: analysis.version.versionNo })}</a>
          </p>
          <Table
            caption={t('analysis.state_internal.indicators_caption', { year: String(analysis.report.year) })}
            rows={analysis.items}
            columns={[
              { header: t('analysis.state_internal.col.indicator'), cell: (i) => localized(i.indicator.title, locale) },
              { header: t('analysis.state_internal.col.value'), cell: (i) => (i.value ? <ValueTag value={effectiveValue(i.value)} /> : <span class="muted">{t('analysis.state_internal.not_analysed')}</span>) },
            ]}
          />
        </>
      ) : (
        <p class="muted">{t('analysis.state_internal.no_report')}</p>
      )}
      {followUps ? (
        <Table
          caption={t('analysis.state_internal.follow_ups_caption')}
          rows={followUps}
          empty={t('analysis.state_internal.no_follow_up')}
          columns={[
            { header: t('analysis.state_internal.col.year'), cell: (f) => <a href={`/${locale}/analysis/follow-ups/${f.year}/${f.stateIso2.toLowerCase()}`}>{String(f.year)}</a> },
            { header: t('analysis.state_internal.col.status'), cell: (f) => <StatusTag status={f.status} /> },
            { header: t('analysis.state_internal.col.sent'), cell: (f) => <DateText value={f.sentAt} style="medium" /> },
            { header: t('analysis.state_internal.col.subject'), cell: (f) => <bdi>{f.subject}</bdi> },
          ]}
        />
      ) : null}
    </section>
  );
}

/** Contributes the indicators and follow-ups to the State's internal page. */
export function provideStateAnalysis(deps: AppDeps): void {
  deps.slots.provide('state-internal', async (req, { iso2 }) => {
    if (!canUseAnalysis(req.user)) return null;
    const db = deps.database.db;
    const submitted = (await listSubmittedReports(db, { stateIso2: iso2 })).sort((a, b) => b.year - a.year);
    const latest = submitted[0];
    const [analysis, followUps] = await Promise.all([latest ? getReportAnalysis(db, latest, req.locale) : undefined, canViewFollowUps(req.user) ? listFollowUpRows(db, { stateIso2: iso2 }) : undefined]);
    return <StateAnalysisSection analysis={analysis} followUps={followUps} />;
  });
}
