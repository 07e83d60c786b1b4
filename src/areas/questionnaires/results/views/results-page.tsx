/** The results of a questionnaire: response rates, a summary of every question, and answers compared across audiences. */
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, Checkbox, SummaryList, Table } from '../../../../platform/views/components.tsx';
import { usePage } from '../../../../platform/views/context.ts';
import { BarChart, ChartLegend, ChartTable, memoFormat, memoPercent, type ChartData } from '../../../analysis/coverage/index.ts';
import type { Column, Question } from '../../content.ts';
import {
  AUDIENCE_GROUPS,
  share,
  type AudienceGroup,
  type ChoiceSummary,
  type ColumnSummary,
  type CrossTab,
  type QuestionSummary,
  type ResponseRate,
} from '../summaries.ts';
import { Downloads, ResultsBreadcrumbs, ResultsNav, resultsBase, useText, type QuestionnaireHead } from './shared.tsx';

export interface ResultsPageProps {
  q: QuestionnaireHead;
  rates: ResponseRate[];
  summaries: QuestionSummary[];
  crossTabs: CrossTab[];
  groups: AudienceGroup[];
  counted: number;
  includeInProgress: boolean;
}

export function useFormats() {
  const { tr } = usePage();
  return {
    n: memoFormat((x) => tr.formatNumber(x)),
    pct: memoPercent((s) => tr.formatNumber(s, { style: 'percent', maximumFractionDigits: 0 })),
  };
}

function chartId(prefix: string, code: string): string {
  return `${prefix}-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function useOptionLabel(source: string) {
  const { t } = usePage();
  const text = useText();
  return (q: Question | Column, value: string, label: ChoiceSummary['options'][number]['label']) =>
    q.type === 'yesno' ? t(`questionnaires.results.${value === 'yes' ? 'yes' : value === 'no' ? 'no' : 'unknown_option'}`, { code: value }) : label ? text(label, source, value) : t('questionnaires.results.unknown_option', { code: value });
}

function ChoiceChart({ id, title, q, summary, source }: { id: string; title: string; q: Question | Column; summary: ChoiceSummary; source: string }) {
  const { t, dir } = usePage();
  const f = useFormats();
  const optionLabel = useOptionLabel(source);
  if (summary.answered === 0) return <p class="muted">{t('questionnaires.results.none_answered')}</p>;
  const data: ChartData = {
    id,
    title,
    description: t(summary.type === 'multiple' ? 'questionnaires.results.chart.description_multiple' : 'questionnaires.results.chart.description', { answered: summary.answered }),
    categoryHeader: t('questionnaires.results.chart.answer'),
    totalHeader: t('questionnaires.results.chart.answered'),
    series: [{ key: 'count', label: t('questionnaires.results.chart.responses') }],
    rows: summary.options.map((o) => ({ key: o.value, label: optionLabel(q, o.value, o.label), cells: [{ value: o.count }], total: { value: summary.answered } })),
  };
  return (
    <>
      <BarChart data={data} dir={dir} formatNumber={f.n} />
      <ChartTable data={data} formatNumber={f.n} formatPercent={f.pct} />
      {summary.type === 'multiple' ? <p class="muted">{t('questionnaires.results.multiple_note')}</p> : null}
    </>
  );
}

function ColumnText({ c, source }: { c: ColumnSummary; source: string }) {
  const { t, tr } = usePage();
  const f = useFormats();
  const optionLabel = useOptionLabel(source);
  const s = c.summary;
  switch (s.kind) {
    case 'choice':
      return <>{s.options.map((o) => `${optionLabel(c.column, o.value, o.label)}: ${f.n(o.count)}`).join(' · ')}</>;
    case 'number':
      return s.answered ? <>{t('questionnaires.results.column.number', { answered: s.answered, sum: tr.formatNumber(s.sum), median: tr.formatNumber(s.median ?? 0), min: tr.formatNumber(s.min ?? 0), max: tr.formatNumber(s.max ?? 0) })}</> : <>{t('questionnaires.results.none_answered')}</>;
    case 'date':
      return s.answered ? <>{t('questionnaires.results.column.date', { earliest: tr.formatDate(s.earliest!), latest: tr.formatDate(s.latest!) })}</> : <>{t('questionnaires.results.none_answered')}</>;
    default:
      return <>{t('questionnaires.results.answers_count', { count: s.answered })}</>;
  }
}

function QuestionBlock({ s, source, base }: { s: QuestionSummary; source: string; base: string }) {
  const { t, tr } = usePage();
  const text = useText();
  const f = useFormats();
  const label = text(s.question.label, source, s.code);
  const sum = s.summary;
  const headingId = chartId('h', s.code);
  let body;
  switch (sum.kind) {
    case 'choice':
      body = <ChoiceChart id={chartId('q', s.code)} title={label} q={s.question} summary={sum} source={source} />;
      break;
    case 'number': {
      const unit = text(s.question.unit, source);
      const fmt = (n: number | undefined) => (n === undefined ? '—' : `${tr.formatNumber(n)}${unit ? ` ${unit}` : ''}`);
      body = (
        <SummaryList
          rows={[
            { key: t('questionnaires.results.number.answered'), value: f.n(sum.answered) },
            { key: t('questionnaires.results.number.sum'), value: sum.answered ? fmt(sum.sum) : '—' },
            { key: t('questionnaires.results.number.median'), value: fmt(sum.median) },
            { key: t('questionnaires.results.number.min'), value: fmt(sum.min) },
            { key: t('questionnaires.results.number.max'), value: fmt(sum.max) },
          ]}
        />
      );
      break;
    }
    case 'date':
      body = (
        <SummaryList
          rows={[
            { key: t('questionnaires.results.number.answered'), value: f.n(sum.answered) },
            { key: t('questionnaires.results.date.earliest'), value: sum.earliest ? <time datetime={sum.earliest}>{tr.formatDate(sum.earliest)}</time> : '—' },
            { key: t('questionnaires.results.date.latest'), value: sum.latest ? <time datetime={sum.latest}>{tr.formatDate(sum.latest)}</time> : '—' },
          ]}
        />
      );
      break;
    case 'text':
      body = (
        <p>
          {t('questionnaires.results.answers_count', { count: sum.answered })}
          {sum.answered ? (
            <>
              {' · '}
              <a href={`${base}/answers?question=${encodeURIComponent(s.code)}`}>{t('questionnaires.results.read_answers')}</a>
            </>
          ) : null}
        </p>
      );
      break;
    case 'table':
      body = (
        <>
          <p>{t('questionnaires.results.table.rows', { rows: sum.rows, responses: sum.answered })}</p>
          {sum.rows ? (
            <Table
              caption={t('questionnaires.results.table.columns', { question: label })}
              rows={sum.columns}
              columns={[
                { header: t('questionnaires.results.table.column'), cell: (c: ColumnSummary) => <bdi>{text(c.column.label, source, c.column.id)}</bdi> },
                { header: t('questionnaires.results.table.summary'), cell: (c: ColumnSummary) => <ColumnText c={c} source={source} /> },
              ]}
            />
          ) : null}
          {sum.rows && (s.question.columns ?? []).some((c) => c.type === 'short_text') ? (
            <p>
              <a href={`${base}/answers?question=${encodeURIComponent(s.code)}`}>{t('questionnaires.results.read_answers')}</a>
            </p>
          ) : null}
        </>
      );
      break;
    default:
      body = <p>{t('questionnaires.results.files_count', { count: sum.answered })}</p>;
  }
  return (
    <section aria-labelledby={headingId} class="form-section">
      <h3 id={headingId}>
        <bdi>{label}</bdi>{' '}
        <code class="muted" dir="ltr">
          {s.code}
        </code>
      </h3>
      {body}
    </section>
  );
}

function CrossTabBlock({ x, groups, source }: { x: CrossTab; groups: AudienceGroup[]; source: string }) {
  const { t, dir } = usePage();
  const text = useText();
  const f = useFormats();
  const optionLabel = useOptionLabel(source);
  const label = text(x.question.label, source, x.code);
  const answered = groups.reduce((s, g) => s + x.answered[g], 0);
  const data: ChartData = {
    id: chartId('x', x.code),
    title: label,
    description: t('questionnaires.results.crosstab.description', { answered }),
    categoryHeader: t('questionnaires.results.chart.answer'),
    totalHeader: t('questionnaires.results.crosstab.total'),
    series: groups.map((g) => ({ key: g, label: t(`questionnaires.results.group.${g}`) })),
    rows: x.options.map((o) => ({ key: o.value, label: optionLabel(x.question, o.value, o.label), cells: groups.map((g) => ({ value: o.counts[g] })) })),
  };
  const headingId = chartId('xh', x.code);
  return (
    <section aria-labelledby={headingId} class="form-section">
      <h3 id={headingId}>
        <bdi>{label}</bdi>{' '}
        <code class="muted" dir="ltr">
          {x.code}
        </code>
      </h3>
      {answered === 0 ? (
        <p class="muted">{t('questionnaires.results.none_answered')}</p>
      ) : (
        <>
          <BarChart data={data} dir={dir} formatNumber={f.n} />
          <ChartLegend data={data} />
          <ChartTable data={data} formatNumber={f.n} formatPercent={f.pct} />
          <p class="muted">{t('questionnaires.results.crosstab.answered', { affected: x.answered.affected, donor: x.answered.donor, other: x.answered.other })}</p>
        </>
      )}
    </section>
  );
}

export function ResultsPage(p: ResultsPageProps) {
  const { t, locale } = usePage();
  const text = useText();
  const f = useFormats();
  const title = text(p.q.title, p.q.sourceLocale, p.q.id);
  const base = resultsBase(locale, p.q.id);
  const sections: { id: string; title: string; items: QuestionSummary[] }[] = [];
  for (const s of p.summaries) {
    let slot = sections.find((x) => x.id === s.section.id);
    if (!slot) sections.push((slot = { id: s.section.id, title: text(s.section.title, p.q.sourceLocale, s.section.id), items: [] }));
    slot.items.push(s);
  }
  const Rate = ({ part, whole }: { part: number; whole: number }) => (
    <>
      {f.n(part)} <span class="muted">({f.pct(share(part, whole))})</span>
    </>
  );
  return (
    <Layout title={t('questionnaires.results.title', { title })} wide before={<ResultsBreadcrumbs q={p.q} current={[{ label: t('questionnaires.results.nav.summary') }]} />}>
      <h1>
        {t('questionnaires.results.heading')}: <bdi>{title}</bdi>
      </h1>
      <ResultsNav q={p.q} active="summary" />

      <form method="get" action={base} class="filters">
        <Checkbox name="include" value="in_progress" checked={p.includeInProgress} label={t('questionnaires.results.filter.include_in_progress')} />
        <Button variant="secondary">{t('questionnaires.results.filter.apply')}</Button>
      </form>
      <p class="lead">{t(p.includeInProgress ? 'questionnaires.results.counted_all' : 'questionnaires.results.counted_submitted', { count: p.counted })}</p>

      <section aria-labelledby="rates-title">
        <h2 id="rates-title">{t('questionnaires.results.rates.title')}</h2>
        <Table
          caption={t('questionnaires.results.rates.caption')}
          captionHidden
          rows={p.rates}
          columns={[
            { header: t('questionnaires.results.rates.audience'), cell: (r: ResponseRate) => (r.audience === 'all' ? <strong>{t('questionnaires.results.rates.all')}</strong> : t(`questionnaires.results.audience.${r.audience}`)) },
            { header: t('questionnaires.results.rates.invited'), numeric: true, cell: (r: ResponseRate) => f.n(r.invited) },
            { header: t('questionnaires.results.rates.started'), numeric: true, cell: (r: ResponseRate) => <Rate part={r.started} whole={r.invited} /> },
            { header: t('questionnaires.results.rates.submitted'), numeric: true, cell: (r: ResponseRate) => <Rate part={r.submitted} whole={r.invited} /> },
          ]}
        />
        <p class="muted">{t('questionnaires.results.rates.note')}</p>
      </section>

      {p.summaries.length === 0 ? <p>{t('questionnaires.results.questions.none')}</p> : null}
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`}>
            <bdi>{s.title}</bdi>
          </h2>
          {s.items.map((item) => (
            <QuestionBlock key={item.code} s={item} source={p.q.sourceLocale} base={base} />
          ))}
        </section>
      ))}

      <section aria-labelledby="crosstab-title">
        <h2 id="crosstab-title">{t('questionnaires.results.crosstab.title')}</h2>
        <p>{t('questionnaires.results.crosstab.intro')}</p>
        {p.crossTabs.length === 0 || p.groups.length === 0 ? <p class="muted">{t('questionnaires.results.none_answered')}</p> : p.crossTabs.map((x) => <CrossTabBlock key={x.code} x={x} groups={p.groups} source={p.q.sourceLocale} />)}
      </section>

      <Downloads q={p.q} />
    </Layout>
  );
}
