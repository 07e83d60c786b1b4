/**
 * One report's indicators for the committee and ISU: for each indicator the automatic value and
 * where it came from, the structured answers and the narrative snippets behind it (hits marked,
 * negated hits shown but not counted), the reviewer's decision, and the form to confirm or
 * override it.
 */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Radios, SummaryList, Tag, TextArea } from '../../../platform/views/components.tsx';
import type { FormDef } from '../../../platform/forms/definition.ts';
import type { IndicatorEvidence } from '../schema.ts';
import type { ReportAnalysis } from '../indicators/indicators-queries.ts';
import { decisionDiffers, effectiveValue } from '../indicators/indicators-queries.ts';
import { FieldLabel, indicatorAnchor, LanguageName, Snippet, StructuredAnswer, useLocalized, ValueTag } from './indicators-shared.tsx';

/** Narrative snippets shown per indicator (the rest are counted). */
export const SHOWN_SNIPPETS = 12;

export interface DecisionFormState {
  indicatorId: string;
  /** What the reviewer submitted (kept when the page is shown again). */
  values: { decision?: string | undefined; note?: string | undefined };
  errors?: Record<string, string> | undefined;
  /** Somebody else changed the indicator first. */
  conflict?: boolean;
}

export interface ReportIndicatorsPageProps {
  analysis: ReportAnalysis;
  forms: FormDef[];
  canDecide: boolean;
  canReanalyse: boolean;
  /** The indicator just decided, and how. */
  decided?: { indicatorId: string; outcome: 'confirmed' | 'overridden' | 'cleared' } | undefined;
  analysed?: boolean;
  form?: DecisionFormState | undefined;
}

export const decisionField = (id: string) => `decision.${id}`;
export const noteField = (id: string) => `note.${id}`;

export function ReportIndicatorsPage({ analysis, forms, canDecide, canReanalyse, decided, analysed, form }: ReportIndicatorsPageProps) {
  const { t, locale } = usePage();
  const l = useLocalized();
  const { report, stateName, version } = analysis;
  const base = `/${locale}/analysis/reports/${report.id}`;
  const title = t('analysis.report.title', { state: stateName, year: report.year, kind: report.kind });
  const groups = (['cooperation', 'gender'] as const).map((g) => ({ group: g, items: analysis.items.filter((i) => i.indicator.group === g) }));
  const decidedItem = decided ? analysis.items.find((i) => i.indicator.id === decided.indicatorId) : undefined;
  const errorList = form?.errors ? Object.entries(form.errors).map(([field, message]) => ({ field, message })) : [];
  return (
    <Layout
      title={title}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('analysis.breadcrumbs.home') },
            { href: `/${locale}/analysis/reports?year=${report.year}`, label: t('analysis.reports.title') },
            { label: title },
          ]}
        />
      }
    >
      {errorList.length ? <ErrorSummary errors={errorList} /> : null}
      {decidedItem && decided ? (
        <NotificationBanner kind="success">
          <p>
            {t(`analysis.report.decided_${decided.outcome}`, { indicator: l(decidedItem.indicator.title) })}{' '}
            <a href={`#${indicatorAnchor(decided.indicatorId)}`}>{t('analysis.report.decided_link')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      {analysed ? (
        <NotificationBanner kind="success">
          <p>{t('analysis.report.analysed_banner')}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        <bdi>{title}</bdi>
      </h1>
      {report.isDemo ? (
        <p>
          <Tag tone="purple">{t('analysis.demo_tag')}</Tag> {t('analysis.report.demo_text')}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: t('analysis.report.state'), value: <bdi>{stateName}</bdi> },
          { key: t('analysis.report.version'), value: t('analysis.report.version_value', { version: version.versionNo }) },
          { key: t('analysis.report.submitted'), value: <DateText value={version.submittedAt} /> },
          { key: t('analysis.report.language'), value: <LanguageName code={report.language} /> },
          {
            key: t('analysis.report.analysed'),
            value: analysis.upToDate ? <DateTimeText value={latestAnalysis(analysis)} /> : <Tag tone="yellow">{t('analysis.report.pending')}</Tag>,
          },
        ]}
      />
      <p>
        <a href={`/${locale}/reports/${report.id}?version=${version.versionNo}`}>{t('analysis.report.read_report', { version: version.versionNo })}</a>
        {' · '}
        <a href={`/${locale}/analysis/terms`}>{t('analysis.report.terms_link')}</a>
      </p>
      {!analysis.upToDate ? (
        <NotificationBanner kind="warning">
          <p>{t('analysis.report.pending_text')}</p>
        </NotificationBanner>
      ) : null}
      {canReanalyse ? (
        <PostForm action={`${base}/analyse`}>
          <Button variant="secondary">{t('analysis.report.reanalyse')}</Button>
        </PostForm>
      ) : null}
      <nav class="contents" aria-labelledby="indicator-contents">
        <h2 id="indicator-contents">{t('analysis.report.contents')}</h2>
        <ul>
          {analysis.items.map((i) => (
            <li key={i.indicator.id}>
              <a href={`#${indicatorAnchor(i.indicator.id)}`}>{l(i.indicator.title)}</a> {i.value ? <ValueTag value={effectiveValue(i.value)} /> : null}
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.group} aria-labelledby={`group-${g.group}`}>
          <h2 id={`group-${g.group}`}>{t(`analysis.group.${g.group}`)}</h2>
          {g.items.map((item) => (
            <IndicatorSection key={item.indicator.id} item={item} analysis={analysis} forms={forms} canDecide={canDecide} form={form?.indicatorId === item.indicator.id ? form : undefined} action={`${base}/indicators/${item.indicator.id}`} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

function latestAnalysis(a: ReportAnalysis): Date | undefined {
  const dates = a.items.map((i) => i.value?.analysedAt).filter((d): d is Date => !!d);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined;
}

function IndicatorSection({
  item,
  analysis,
  forms,
  canDecide,
  form,
  action,
}: {
  item: ReportAnalysis['items'][number];
  analysis: ReportAnalysis;
  forms: FormDef[];
  canDecide: boolean;
  form: DecisionFormState | undefined;
  action: string;
}) {
  const { t } = usePage();
  const l = useLocalized();
  const { indicator, value } = item;
  const id = indicator.id;
  const anchor = indicatorAnchor(id);
  const structured = value?.evidence.filter((e) => e.source === 'structured') ?? [];
  const counted = value?.evidence.filter((e) => e.source === 'narrative' && !e.negated) ?? [];
  const cancelled = value?.evidence.filter((e) => e.source === 'narrative' && e.negated) ?? [];
  const staleDecision = value?.decision && value.decidedAt && value.decidedAt < analysis.version.submittedAt;
  return (
    <section class="form-section" id={anchor} aria-labelledby={`${anchor}-title`}>
      <h3 id={`${anchor}-title`}>{l(indicator.title)}</h3>
      <p class="muted">
        {indicator.description ? l(indicator.description) : null} {indicator.actionIds.length ? <bdi dir="ltr">({indicator.actionIds.join(', ')})</bdi> : null}
      </p>
      {!value ? (
        <p>{t('analysis.report.not_analysed')}</p>
      ) : (
        <>
          <SummaryList
            rows={[
              {
                key: t('analysis.report.auto_value'),
                value: (
                  <>
                    <ValueTag value={value.autoValue} /> {t(`analysis.source.${value.autoSource}`)}
                  </>
                ),
              },
              {
                key: t('analysis.report.decision'),
                value: value.decision ? (
                  <>
                    <ValueTag value={value.decision} /> {value.decidedAt ? t('analysis.report.decided_on', { date: value.decidedAt }) : null}
                    {value.decisionNote ? (
                      <p class="narrative" dir="auto">
                        {value.decisionNote}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <span class="muted">{t('analysis.report.no_decision')}</span>
                ),
              },
              { key: t('analysis.report.value_used'), value: <ValueTag value={effectiveValue(value)} /> },
            ]}
          />
          {decisionDiffers(value) ? (
            <p>
              <Tag tone="yellow">{t('analysis.report.differs_tag')}</Tag> {t('analysis.report.differs', { auto: t(`analysis.value.${value.autoValue}`), decision: t(`analysis.value.${value.decision!}`) })}
            </p>
          ) : null}
          {staleDecision ? <p class="muted">{t('analysis.report.decision_before_version', { version: analysis.version.versionNo })}</p> : null}
          <h4>{t('analysis.report.structured')}</h4>
          {structured.length ? (
            <ul class="compact-list">
              {structured.map((e, i) => (
                <li key={i}>
                  <StructuredAnswer e={e} forms={forms} snapshot={analysis.version.snapshot} />
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('analysis.report.no_structured')}</p>
          )}
          <h4>{t('analysis.report.narrative', { count: counted.length })}</h4>
          <EvidenceList items={counted} forms={forms} language={analysis.report.language} />
          {cancelled.length ? (
            <>
              <h4>{t('analysis.report.negated', { count: cancelled.length })}</h4>
              <p class="muted">{t('analysis.report.negated_hint')}</p>
              <EvidenceList items={cancelled} forms={forms} language={analysis.report.language} />
            </>
          ) : null}
        </>
      )}
      {value && canDecide ? <DecisionForm id={id} title={l(indicator.title)} autoValue={value.autoValue} decision={value.decision} version={value.version} action={action} form={form} /> : null}
    </section>
  );
}

function EvidenceList({ items, forms, language }: { items: IndicatorEvidence[]; forms: FormDef[]; language: string }) {
  const { t } = usePage();
  if (!items.length) return <p class="muted">{t('analysis.report.no_narrative')}</p>;
  const shown = items.slice(0, SHOWN_SNIPPETS);
  return (
    <>
      <ul class="compact-list">
        {shown.map((e, i) => (
          <li key={i}>
            <strong>
              <FieldLabel forms={forms} formId={e.formId} path={e.path} />
            </strong>
            <Snippet e={e} lang={language} />
            <span class="muted">
              {t('analysis.evidence.term', { term: e.term ?? '' })} {e.locale ? <LanguageName code={e.locale} /> : null}
            </span>{' '}
            {e.negated ? <Tag tone="grey">{t('analysis.evidence.negated')}</Tag> : null}
          </li>
        ))}
      </ul>
      {items.length > shown.length ? <p class="muted">{t('analysis.report.more_snippets', { count: items.length - shown.length })}</p> : null}
    </>
  );
}

function DecisionForm({
  id,
  title,
  autoValue,
  decision,
  version,
  action,
  form,
}: {
  id: string;
  title: string;
  autoValue: 'yes' | 'no' | 'unknown';
  decision: 'yes' | 'no' | null;
  version: number;
  action: string;
  form: DecisionFormState | undefined;
}) {
  const { t } = usePage();
  const dField = decisionField(id);
  const nField = noteField(id);
  const options = [
    { value: 'yes', label: t('analysis.decision.yes'), hint: autoValue === 'yes' ? t('analysis.decision.confirms') : t('analysis.decision.overrides') },
    { value: 'no', label: t('analysis.decision.no'), hint: autoValue === 'no' ? t('analysis.decision.confirms') : t('analysis.decision.overrides') },
    ...(decision ? [{ value: 'clear', label: t('analysis.decision.clear') }] : []),
  ];
  return (
    <PostForm action={action}>
      <input type="hidden" name="version" value={String(version)} />
      {form?.conflict ? (
        <NotificationBanner kind="warning" title={t('analysis.decision.conflict_title')}>
          <p>{t('analysis.decision.conflict_text')}</p>
        </NotificationBanner>
      ) : null}
      <Radios name={dField} legend={t('analysis.decision.legend', { indicator: title })} options={options} value={form?.values.decision ?? decision ?? undefined} error={form?.errors?.[dField]} />
      <TextArea name={nField} label={t('analysis.decision.note')} hint={t('analysis.decision.note_hint')} value={form?.values.note ?? ''} error={form?.errors?.[nField]} rows={3} maxLength={2000} />
      <Button>
        {t('analysis.decision.save')}
        <span class="visually-hidden"> — {title}</span>
      </Button>
    </PostForm>
  );
}
