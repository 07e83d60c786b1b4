/** Free-text answers: filter by question, search, filter by tag; tag answers. */
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, Checkbox, ErrorSummary, NotificationBanner, Pagination, PostForm, SelectField, TextField, fieldId } from '../../../../platform/views/components.tsx';
import { usePage } from '../../../../platform/views/context.ts';
import type { CatalogueEntry } from '../summaries.ts';
import type { TaggedAnswer } from '../results-queries.ts';
import { LanguageName, ResultsBreadcrumbs, ResultsNav, resultsBase, useText, type QuestionnaireHead } from './shared.tsx';

export interface AnswersFilter {
  question?: string | undefined;
  q?: string | undefined;
  tag?: string | undefined;
  include?: 'in_progress' | undefined;
  page: number;
}

export interface AnswersPageProps {
  q: QuestionnaireHead;
  questions: CatalogueEntry[];
  answers: (TaggedAnswer & { stateName: string })[];
  total: number;
  tagCounts: { tag: string; count: number }[];
  filter: AnswersFilter;
  pageSize: number;
  canTag: boolean;
  flash?: 'added' | 'removed' | 'exists' | undefined;
  /** A tag form that failed: the answer's key, what was typed and the message. */
  tagError?: { key: string; typed: string; message: string } | undefined;
  filterErrors?: Record<string, string> | undefined;
}

/** A stable, HTML-safe key of an answer (response and path). */
export function answerKey(a: { responseId: string; path: string }): string {
  return `${a.responseId.slice(0, 8)}-${a.path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function filterQuery(f: AnswersFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.question) p.set('question', f.question);
  if (f.q) p.set('q', f.q);
  if (f.tag) p.set('tag', f.tag);
  if (f.include) p.set('include', f.include);
  if (f.page > 1) p.set('page', String(f.page));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The current filter as hidden fields, so a tag form brings the reader back to the same list. */
function FilterFields({ f }: { f: AnswersFilter }) {
  return (
    <>
      {f.question ? <input type="hidden" name="f_question" value={f.question} /> : null}
      {f.q ? <input type="hidden" name="f_q" value={f.q} /> : null}
      {f.tag ? <input type="hidden" name="f_tag" value={f.tag} /> : null}
      {f.include ? <input type="hidden" name="f_include" value={f.include} /> : null}
      {f.page > 1 ? <input type="hidden" name="f_page" value={String(f.page)} /> : null}
    </>
  );
}

export function AnswersPage(p: AnswersPageProps) {
  const { t, locale } = usePage();
  const text = useText();
  const base = resultsBase(locale, p.q.id);
  const title = text(p.q.title, p.q.sourceLocale, p.q.id);
  const src = p.q.sourceLocale;
  const byCode = new Map(p.questions.map((e) => [e.code, e]));
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const errors = { ...(p.filterErrors ?? {}), ...(p.tagError ? { [`tag-${p.tagError.key}`]: p.tagError.message } : {}) };
  return (
    <Layout title={t('questionnaires.results.answers.title', { title })} wide before={<ResultsBreadcrumbs q={p.q} current={[{ href: base, label: t('questionnaires.results.nav.summary') }, { label: t('questionnaires.results.nav.answers') }]} />}>
      <ErrorSummary errors={errors} />
      {p.flash ? <NotificationBanner kind="success">{t(`questionnaires.results.answers.flash_${p.flash}`)}</NotificationBanner> : null}
      <h1>
        {t('questionnaires.results.nav.answers')}: <bdi>{title}</bdi>
      </h1>
      <ResultsNav q={p.q} active="answers" />

      <form method="get" action={`${base}/answers`} class="filters" role="search">
        <SelectField
          name="question"
          label={t('questionnaires.results.answers.question')}
          value={p.filter.question}
          placeholder={t('questionnaires.results.answers.all_questions')}
          options={p.questions.map((e) => ({ value: e.code, label: `${e.code} — ${text(e.question.label, src, e.code)}` }))}
          error={p.filterErrors?.question}
        />
        <TextField name="q" label={t('questionnaires.results.answers.search')} value={p.filter.q} width="medium" type="search" attrs={{ maxLength: 200 }} error={p.filterErrors?.q} />
        <SelectField
          name="tag"
          label={t('questionnaires.results.answers.tag')}
          value={p.filter.tag}
          placeholder={t('questionnaires.results.answers.all_tags')}
          options={p.tagCounts.map((c) => ({ value: c.tag, label: c.tag }))}
          error={p.filterErrors?.tag}
        />
        <Checkbox name="include" value="in_progress" checked={p.filter.include === 'in_progress'} label={t('questionnaires.results.filter.include_in_progress')} />
        <Button variant="secondary">{t('questionnaires.results.answers.filter')}</Button>
      </form>

      {p.tagCounts.length ? (
        <section aria-labelledby="tags-title">
          <h2 id="tags-title">{t('questionnaires.results.answers.tags_title')}</h2>
          <ul class="compact-list">
            {p.tagCounts.map((c) => (
              <li key={c.tag}>
                <a href={`${base}/answers${filterQuery({ ...p.filter, tag: c.tag, page: 1 })}`}>
                  <bdi>{c.tag}</bdi>
                </a>{' '}
                <span class="muted">({t('questionnaires.results.answers_count', { count: c.count })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2 id="answers-title">{t('questionnaires.results.answers.found', { count: p.total })}</h2>
      {p.answers.length === 0 ? <p>{t('questionnaires.results.answers.none')}</p> : null}
      <ul class="thread__list" aria-labelledby="answers-title">
        {p.answers.map((a) => {
          const entry = byCode.get(a.code);
          const key = answerKey(a);
          const qLabel = entry ? text(entry.question.label, src, a.code) : a.code;
          const colLabel = a.column ? text(a.column.label, src, a.column.id) : undefined;
          const failed = p.tagError?.key === key ? p.tagError : undefined;
          return (
            <li class={`thread__item${a.response.audience === 'mine_action_director' ? ' thread__item--state' : ''}`} key={key} id={`a-${key}`}>
              <p class="thread__meta">
                <strong>{a.response.stateIso2 ? <bdi>{a.stateName}</bdi> : <code dir="ltr">{a.response.respondentKey}</code>}</strong>
                {' · '}
                {t(`questionnaires.results.audience.${a.response.audience}`)}
                {' · '}
                <LanguageName code={a.response.locale} />
                {a.response.status !== 'submitted' ? <> · {t('questionnaires.results.status.in_progress')}</> : null}
                <br />
                <bdi>{qLabel}</bdi>
                {colLabel ? (
                  <>
                    {' — '}
                    {t('questionnaires.results.answers.cell', { column: colLabel, row: a.rowNo ?? 0 })}
                  </>
                ) : null}{' '}
                <code dir="ltr">{a.code}</code>
              </p>
              <p class="thread__body" lang={a.response.locale} dir="auto">
                {a.text}
              </p>
              {a.tags.length ? (
                <ul class="compact-list" aria-label={t('questionnaires.results.answers.tags_of')}>
                  {a.tags.map((tag) => (
                    <li key={tag}>
                      <strong class="tag tag--purple">
                        <bdi>{tag}</bdi>
                      </strong>{' '}
                      {p.canTag ? (
                        <PostForm action={`${base}/answers/tags/remove`} inline>
                          <input type="hidden" name="response" value={a.responseId} />
                          <input type="hidden" name="path" value={a.path} />
                          <input type="hidden" name="tag" value={tag} />
                          <FilterFields f={p.filter} />
                          <button type="submit" class="link-button">
                            {t('questionnaires.results.answers.remove_tag', { tag })}
                          </button>
                        </PostForm>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {p.canTag ? (
                <PostForm action={`${base}/answers/tags`}>
                  <input type="hidden" name="response" value={a.responseId} />
                  <input type="hidden" name="path" value={a.path} />
                  <FilterFields f={p.filter} />
                  <div class="inline-fields">
                    <TextField
                      name="tag"
                      id={fieldId(`tag-${key}`)}
                      label={t('questionnaires.results.answers.add_tag')}
                      width="medium"
                      value={failed?.typed}
                      error={failed?.message}
                      attrs={{ maxLength: 60, autocomplete: 'off' }}
                    />
                    <Button variant="secondary">{t('questionnaires.results.answers.add')}</Button>
                  </div>
                </PostForm>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Pagination
        prevHref={p.filter.page > 1 ? `${base}/answers${filterQuery({ ...p.filter, page: p.filter.page - 1 })}` : undefined}
        nextHref={p.filter.page < pages ? `${base}/answers${filterQuery({ ...p.filter, page: p.filter.page + 1 })}` : undefined}
      />
    </Layout>
  );
}
