/**
 * The committee's search across the reports' narratives: a GET form (works without JavaScript),
 * filters, the results best first with the matches marked, and pagination.
 */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, ErrorSummary, NotificationBanner, Pagination, PostForm, SelectField, TextField } from '../../../../platform/views/components.tsx';
import { fieldAnchor } from '../../../../platform/forms/render.tsx';
import { textOf, type FormDef } from '../../../../platform/forms/definition.ts';
import { PAGE_SIZE, type SearchFacets, type SearchPage as Results, type SearchResult } from '../search-queries.ts';
import { MAX_QUERY_LENGTH } from '../text.ts';

export interface SearchFormValues {
  q?: string | undefined;
  year?: string | undefined;
  state?: string | undefined;
  form?: string | undefined;
  action?: string | undefined;
}

export interface SearchPageProps {
  values: SearchFormValues;
  facets: SearchFacets;
  forms: FormDef[];
  actions: string[];
  errors?: Record<string, string> | undefined;
  /** A message instead of results (e.g. "type a word"). */
  notice?: string | undefined;
  results?: Results | undefined;
  /** The public search (published public reports only) or the committee's. */
  mode?: 'committee' | 'public';
  /** The "Re-index all reports" button (ISU staff and administrators, committee search only). */
  canReindex?: boolean | undefined;
  /** How many reports were just indexed again (the banner after the button). */
  reindexed?: number | undefined;
}

/** "Form J › Cooperation › Narrative", "Form J › Assistance received › Row 3 › In kind". */
export function fieldLabel(forms: FormDef[], formId: string, path: string, locale: string, t: (k: string, v?: Record<string, string | number>) => string): string {
  const def = forms.find((f) => f.id === formId);
  if (!def) return `${formId} ${path}`;
  const [sectionId, fieldId, row, columnId] = path.split('.');
  const section = def.sections.find((s) => s.id === sectionId);
  const field = section?.fields.find((f) => f.id === fieldId);
  const column = field?.type === 'table' && columnId ? field.columns.find((c) => c.id === columnId) : undefined;
  const tr = (k: string) => t(k);
  const parts = [textOf(def.title, locale, tr)];
  if (section) parts.push(textOf(section.title, locale, tr));
  if (field) parts.push(textOf(field.label, locale, tr));
  if (row !== undefined && /^\d+$/.test(row)) parts.push(t('analysis.search.row', { n: Number(row) + 1 }));
  if (column) parts.push(textOf(column.label, locale, tr));
  return parts.join(' › ');
}

function ResultItem({ r, forms }: { r: SearchResult; forms: FormDef[] }) {
  const { t, locale } = usePage();
  const href = `/${locale}/reports/${r.reportId}?version=${r.versionNo}#${fieldAnchor(r.formId, r.path)}`;
  return (
    <li class="search-result">
      <h3>
        <a href={href}>
          {t('analysis.search.result_title', { state: r.stateName, year: String(r.year), kind: r.kind })}
        </a>
      </h3>
      <p class="muted">
        {fieldLabel(forms, r.formId, r.path, locale, t)} · {t('analysis.search.version', { version: r.versionNo })}
      </p>
      <p class="narrative" dir="auto" lang={r.lang}>
        {r.parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
      </p>
    </li>
  );
}

export function SearchPage({ values, facets, forms, actions, errors, notice, results, mode = 'committee', canReindex, reindexed }: SearchPageProps) {
  const { t, locale, tr } = usePage();
  const base = mode === 'public' ? `/${locale}/search` : `/${locale}/analysis/search`;
  const title = t(mode === 'public' ? 'analysis.public_search.title' : 'analysis.search.title');
  const actionLabel = (id: string) => {
    const m = /^([A-Z]+)-(\d+)$/.exec(id);
    return m ? t('analysis.search.action_option', { plan: m[1]!, number: Number(m[2]) }) : id;
  };
  const pageLink = (page: number) => {
    const qs = new URLSearchParams();
    for (const k of ['q', 'year', 'state', 'form', 'action'] as const) if (values[k]) qs.set(k, values[k]!);
    if (page > 1) qs.set('page', String(page));
    return `${base}?${qs.toString()}`;
  };
  return (
    <Layout title={title} before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('analysis.search.home') }, { label: title }]} />}>
      {errors && Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      {reindexed !== undefined ? (
        <NotificationBanner kind="success">
          <p>{t('analysis.search.reindex.done', { count: reindexed, shown: tr.formatNumber(reindexed) })}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{t(mode === 'public' ? 'analysis.public_search.lead' : 'analysis.search.lead')}</p>
      <form method="get" action={base} role="search" aria-label={t('analysis.search.form_label')}>
        <TextField name="q" type="search" label={t('analysis.search.query')} hint={t('analysis.search.query_hint', { max: MAX_QUERY_LENGTH })} value={values.q} error={errors?.q} />
        <div class="filters">
          <SelectField name="year" label={t('analysis.search.filter.year')} value={values.year} placeholder={t('analysis.search.filter.any_year')} error={errors?.year} options={facets.years.map((y) => ({ value: String(y), label: String(y) }))} />
          <SelectField name="state" label={t('analysis.search.filter.state')} value={values.state?.toUpperCase()} placeholder={t('analysis.search.filter.any_state')} error={errors?.state} options={facets.states.map((s) => ({ value: s.iso2, label: s.name }))} />
          <SelectField
            name="form"
            label={t('analysis.search.filter.form')}
            value={values.form}
            placeholder={t('analysis.search.filter.any_form')}
            error={errors?.form}
            options={forms.map((f) => ({ value: f.id, label: textOf(f.title, locale, (k) => t(k)) }))}
          />
          <SelectField name="action" label={t('analysis.search.filter.action')} value={values.action} placeholder={t('analysis.search.filter.any_action')} error={errors?.action} options={actions.map((a) => ({ value: a, label: actionLabel(a) }))} />
        </div>
        <Button>{t('analysis.search.submit')}</Button>
      </form>

      {notice ? (
        <p class="lead" role="status">
          {notice}
        </p>
      ) : null}

      {results ? (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title">
            <span role="status">{results.total ? t('analysis.search.count', { count: results.total, shown: tr.formatNumber(results.total) }) : t('analysis.search.none')}</span>
          </h2>
          {results.total > 0 && results.results.length === 0 ? <p>{t('analysis.search.past_end')}</p> : null}
          {results.results.length ? (
            <>
              {results.pages > 1 ? <p class="muted">{t('analysis.search.page_of', { page: tr.formatNumber(results.page), pages: tr.formatNumber(results.pages) })}</p> : null}
              <ol class="search-results" start={(results.page - 1) * PAGE_SIZE + 1}>
                {results.results.map((r) => (
                  <ResultItem key={r.id} r={r} forms={forms} />
                ))}
              </ol>
            </>
          ) : null}
          <Pagination label={t('analysis.search.pagination')} prevHref={results.page > 1 ? pageLink(Math.min(results.page - 1, results.pages)) : undefined} nextHref={results.page < results.pages ? pageLink(results.page + 1) : undefined} />
        </section>
      ) : null}

      {canReindex ? (
        <section aria-labelledby="search-reindex-title">
          <h2 id="search-reindex-title">{t('analysis.search.reindex.title')}</h2>
          <p>{t('analysis.search.reindex.lead')}</p>
          <PostForm action={`/${locale}/analysis/search/reindex`}>
            <Button variant="secondary">{t('analysis.search.reindex.submit')}</Button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}
