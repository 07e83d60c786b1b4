/**
 * The follow-up pages: the candidates of a year with the gaps a reviewer chooses and the
 * follow-ups already drafted or sent; one follow-up with its letter (editable while a draft),
 * its recipients and its tracking; and ISU's letter templates with a preview.
 */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, ErrorSummary, NotificationBanner, PostForm, SelectField, SummaryList, Table, Tag, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { LANGUAGE_NAMES, LOCALES } from '../../../../platform/i18n/locales.ts';
import { localized, type LocalizedText } from '../../../states/index.ts';
import type { FollowUpStatus } from '../../schema.ts';
import type { FollowUpCandidate, FollowUpSummary } from '../followups-queries.ts';
import type { FollowUpListRow } from '../followups-repository.ts';
import { COOPERATION_WITHOUT_GENDER, GAP_KEYS } from '../gaps.ts';
import { BODY_MAX, PLACEHOLDERS, SUBJECT_MAX, TEMPLATE_KEYS, type Recipient } from '../letters.ts';

const STATUS_TONE: Record<FollowUpStatus, 'grey' | 'blue' | 'green' | 'purple'> = { draft: 'grey', sent: 'blue', answered: 'green', closed: 'purple' };

export function StatusTag({ status }: { status: FollowUpStatus }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`analysis.followups.status.${status}`)}</Tag>;
}

/** How a gap is named on the pages: the main question, or the indicator's title. */
export function useGapLabel(titles: Map<string, LocalizedText>) {
  const { t, locale } = usePage();
  return (gap: string) => (gap === COOPERATION_WITHOUT_GENDER ? t('analysis.followups.gap.cooperation_without_gender') : titles.has(gap) ? localized(titles.get(gap)!, locale) : gap);
}

function GapList({ gaps, label }: { gaps: string[]; label: (g: string) => string }) {
  return (
    <ul class="compact-list">
      {gaps.map((g) => (
        <li key={g}>{label(g)}</li>
      ))}
    </ul>
  );
}

function crumbs(locale: string, t: (k: string) => string, last?: { href?: string; label: string }[]) {
  return [{ href: `/${locale}/`, label: t('analysis.breadcrumbs.home') }, { href: `/${locale}/analysis/reports`, label: t('analysis.reports.title') }, ...(last ?? [])];
}

function NextReportText({ f }: { f: Pick<FollowUpSummary, 'nextReport'> }) {
  const { t, locale } = usePage();
  const n = f.nextReport;
  if (!n) return <span class="muted">{t('analysis.followups.next.none')}</span>;
  return (
    <>
      <a href={`/${locale}/analysis/reports/${n.id}`}>{t('analysis.followups.next.report', { year: String(n.year), kind: n.kind })}</a>{' '}
      {!n.analysed ? <Tag tone="grey">{t('analysis.followups.next.not_analysed')}</Tag> : n.addressesGender ? <Tag tone="green">{t('analysis.followups.next.gender_yes')}</Tag> : <Tag tone="red">{t('analysis.followups.next.gender_no')}</Tag>}
    </>
  );
}

/* ---------------------------------------------------------------- the list */

export interface FollowUpsPageProps {
  years: number[];
  year: number;
  chosenGaps: string[];
  candidates: FollowUpCandidate[];
  followUps: FollowUpSummary[];
  titles: Map<string, LocalizedText>;
  canManage: boolean;
  canEditTemplates: boolean;
  errors?: Record<string, string> | undefined;
}

export function FollowUpsPage(p: FollowUpsPageProps) {
  const { t, locale, tr } = usePage();
  const base = `/${locale}/analysis/follow-ups`;
  const label = useGapLabel(p.titles);
  const title = t('analysis.followups.title');
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t, [{ label: title }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} /> : null}
      <h1>{title}</h1>
      <p class="lead">{t('analysis.followups.lead')}</p>
      {p.canEditTemplates ? (
        <p>
          <a href={`${base}/templates`}>{t('analysis.followups.templates_link')}</a>
        </p>
      ) : null}
      <form method="get" action={base} class="filters" role="search" aria-label={t('analysis.followups.filters')}>
        <SelectField name="year" label={t('analysis.followups.filter.year')} value={String(p.year)} error={p.errors?.year} options={(p.years.length ? p.years : [p.year]).map((y) => ({ value: String(y), label: String(y) }))} />
        <div class={`field${p.errors?.gap ? ' field--error' : ''}`}>
          <fieldset class="fieldset" aria-describedby="gaps-hint">
            <legend class="fieldset__legend">{t('analysis.followups.filter.gaps')}</legend>
            <div class="field__hint" id="gaps-hint">
              {t('analysis.followups.filter.gaps_hint')}
            </div>
            {p.errors?.gap ? (
              <p class="field__error" id="f-gap">
                {p.errors.gap}
              </p>
            ) : null}
            <input type="hidden" name="chosen" value="1" />
            {GAP_KEYS.map((g, i) => (
              <div class="checkbox" key={g}>
                <input class="checkbox__input" type="checkbox" id={i === 0 ? 'f-gap-first' : `f-gap-${i}`} name="gap" value={g} checked={p.chosenGaps.includes(g)} />
                <label class="checkbox__label" for={i === 0 ? 'f-gap-first' : `f-gap-${i}`}>
                  {label(g)}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <Button variant="secondary">{t('common.actions.filter')}</Button>
      </form>

      <h2>{t('analysis.followups.candidates_heading')}</h2>
      <Table<FollowUpCandidate>
        caption={t('analysis.followups.candidates_caption', { year: String(p.year), count: p.candidates.length })}
        rows={p.candidates}
        empty={t('analysis.followups.candidates_empty')}
        columns={[
          {
            header: t('analysis.followups.col.state'),
            cell: (c) => (
              <a href={`/${locale}/analysis/reports/${c.reportId}`}>
                <bdi>{localized(c.stateNames, locale)}</bdi>
              </a>
            ),
          },
          { header: t('analysis.followups.col.gaps'), cell: (c) => <GapList gaps={c.gaps} label={label} /> },
          {
            header: t('analysis.followups.col.follow_up'),
            cell: (c) =>
              c.followUp ? (
                <>
                  <StatusTag status={c.followUp.status} /> <a href={`${base}/${p.year}/${c.stateIso2.toLowerCase()}`}>{t('analysis.followups.open', { state: localized(c.stateNames, locale) })}</a>
                </>
              ) : p.canManage ? (
                <PostForm action={base} inline>
                  <input type="hidden" name="state" value={c.stateIso2} />
                  <input type="hidden" name="year" value={String(p.year)} />
                  {c.gaps.map((g) => (
                    <input type="hidden" name="gap" value={g} key={g} />
                  ))}
                  <Button variant="secondary">
                    {t('analysis.followups.draft')}
                    <span class="visually-hidden"> — {localized(c.stateNames, locale)}</span>
                  </Button>
                </PostForm>
              ) : (
                <span class="muted">{t('analysis.followups.none_yet')}</span>
              ),
          },
        ]}
      />

      <h2>{t('analysis.followups.list_heading')}</h2>
      <Table<FollowUpSummary>
        caption={t('analysis.followups.list_caption', { year: String(p.year), count: p.followUps.length })}
        rows={p.followUps}
        empty={t('analysis.followups.list_empty')}
        columns={[
          {
            header: t('analysis.followups.col.state'),
            cell: (f) => (
              <a href={`${base}/${f.year}/${f.stateIso2.toLowerCase()}`}>
                <bdi>{localized(f.stateNames, locale)}</bdi>
              </a>
            ),
          },
          { header: t('analysis.followups.col.gaps'), cell: (f) => <GapList gaps={f.gaps} label={label} /> },
          { header: t('analysis.followups.col.status'), cell: (f) => <StatusTag status={f.status} /> },
          { header: t('analysis.followups.col.language'), cell: (f) => <span lang={f.locale}>{LANGUAGE_NAMES[f.locale as keyof typeof LANGUAGE_NAMES] ?? f.locale}</span> },
          {
            header: t('analysis.followups.col.dates'),
            cell: (f) => (
              <ul class="compact-list">
                <li>
                  {t('analysis.followups.date.drafted_key')} <DateText value={f.createdAt} style="medium" />
                </li>
                {f.sentAt ? (
                  <li>
                    {t('analysis.followups.date.sent_key')} <DateText value={f.sentAt} style="medium" />
                  </li>
                ) : null}
                {f.answeredAt ? (
                  <li>
                    {t('analysis.followups.date.answered_key')} <DateText value={f.answeredAt} style="medium" />
                  </li>
                ) : null}
                {f.closedAt ? (
                  <li>
                    {t('analysis.followups.date.closed_key')} <DateText value={f.closedAt} style="medium" />
                  </li>
                ) : null}
              </ul>
            ),
          },
          { header: t('analysis.followups.col.next_report'), cell: (f) => <NextReportText f={f} /> },
        ]}
      />
    </Layout>
  );
}

/* ---------------------------------------------------------------- one follow-up */

export type FollowUpFlash = 'drafted' | 'exists' | 'saved' | 'redrafted' | 'sent' | 'answered' | 'closed';

export interface FollowUpPageProps {
  followUp: FollowUpListRow;
  titles: Map<string, LocalizedText>;
  recipients: Recipient[];
  canManage: boolean;
  flash?: FollowUpFlash | undefined;
  /** What the user typed, kept when it could not be saved. */
  letter?: { subject: string; body: string } | undefined;
  answerNote?: string | undefined;
  errors?: Record<string, string> | undefined;
  /** A refusal to explain at the top (stale version, no recipients, already sent). */
  problem?: string | undefined;
  defaultReplyBy: string;
  /** Earlier (closed) follow-ups of the same State and year. */
  history: FollowUpListRow[];
}

export function FollowUpPage(p: FollowUpPageProps) {
  const { t, locale, tr } = usePage();
  const f = p.followUp;
  const base = `/${locale}/analysis/follow-ups`;
  const label = useGapLabel(p.titles);
  const state = localized(f.stateNames, locale);
  const title = t('analysis.followups.one.title', { state, year: String(f.year) });
  const letter = p.letter ?? { subject: f.subject, body: f.body };
  const draft = f.status === 'draft';
  return (
    <Layout title={title} before={<Breadcrumbs items={crumbs(locale, t, [{ href: `${base}?year=${f.year}`, label: t('analysis.followups.title') }, { label: state }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} /> : null}
      {p.problem ? (
        <NotificationBanner kind="warning" title={t('analysis.followups.problem_title')}>
          <p>{p.problem}</p>
        </NotificationBanner>
      ) : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`analysis.followups.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        <bdi>{title}</bdi>
      </h1>
      <SummaryList
        rows={[
          { key: t('analysis.followups.col.state'), value: <bdi>{state}</bdi> },
          { key: t('analysis.followups.one.year'), value: String(f.year) },
          { key: t('analysis.followups.one.report'), value: f.reportId ? <a href={`/${locale}/analysis/reports/${f.reportId}`}>{t('analysis.followups.one.report_link', { year: String(f.year) })}</a> : <span class="muted">—</span> },
          { key: t('analysis.followups.col.gaps'), value: <GapList gaps={f.gaps} label={label} /> },
          { key: t('analysis.followups.col.status'), value: <StatusTag status={f.status} /> },
          { key: t('analysis.followups.col.language'), value: <span lang={f.locale}>{LANGUAGE_NAMES[f.locale as keyof typeof LANGUAGE_NAMES] ?? f.locale}</span> },
          { key: t('analysis.followups.date.drafted_key'), value: <DateText value={f.createdAt} /> },
          ...(f.sentAt ? [{ key: t('analysis.followups.date.sent_key'), value: <DateText value={f.sentAt} /> }] : []),
          ...(f.answeredAt ? [{ key: t('analysis.followups.date.answered_key'), value: <DateText value={f.answeredAt} /> }] : []),
          ...(f.answerNote ? [{ key: t('analysis.followups.one.answer_note'), value: <p class="email-body" dir="auto">{f.answerNote}</p> }] : []),
          ...(f.closedAt ? [{ key: t('analysis.followups.date.closed_key'), value: <DateText value={f.closedAt} /> }] : []),
          { key: t('analysis.followups.col.next_report'), value: <NextReportText f={f} /> },
        ]}
      />

      <h2>{t('analysis.followups.one.letter')}</h2>
      {draft && p.canManage ? (
        <>
          <PostForm action={`${base}/${f.id}`}>
            <input type="hidden" name="version" value={String(f.version)} />
            <TextField name="subject" label={t('analysis.followups.one.subject')} value={letter.subject} error={p.errors?.subject} attrs={{ maxLength: SUBJECT_MAX }} />
            <TextArea name="body" label={t('analysis.followups.one.body')} value={letter.body} error={p.errors?.body} rows={18} maxLength={BODY_MAX} />
            <Button variant="secondary">{t('analysis.followups.one.save')}</Button>
          </PostForm>

          <h3>{t('analysis.followups.one.language_heading')}</h3>
          <PostForm action={`${base}/${f.id}/language`}>
            <input type="hidden" name="version" value={String(f.version)} />
            <SelectField name="locale" label={t('analysis.followups.one.language')} hint={t('analysis.followups.one.language_hint')} value={f.locale} error={p.errors?.locale} options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
            <TextField name="reply_by" type="date" width="medium" label={t('analysis.followups.one.reply_by')} value={p.defaultReplyBy} error={p.errors?.reply_by} attrs={{ inputmode: 'numeric' }} />
            <Button variant="secondary">{t('analysis.followups.one.redraft')}</Button>
          </PostForm>

          <h3>{t('analysis.followups.one.recipients')}</h3>
          {p.recipients.length ? (
            <ul class="compact-list">
              {p.recipients.map((r) => (
                <li key={r.email}>
                  {r.name ? (
                    <>
                      <bdi>{r.name}</bdi>{' '}
                    </>
                  ) : null}
                  <bdi dir="ltr">{r.email}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('analysis.followups.one.no_recipients')}</p>
          )}
          <PostForm action={`${base}/${f.id}/send`}>
            <input type="hidden" name="version" value={String(f.version)} />
            <p class="muted">{t('analysis.followups.one.send_hint', { count: p.recipients.length })}</p>
            <Button>{t('analysis.followups.one.send')}</Button>
          </PostForm>
        </>
      ) : (
        <div lang={f.locale} dir={f.locale === 'ar' ? 'rtl' : 'ltr'}>
          <p>
            <strong>
              <bdi>{f.subject}</bdi>
            </strong>
          </p>
          <div class="email-body">{f.body}</div>
        </div>
      )}

      {p.canManage && f.status === 'sent' ? (
        <>
          <h2>{t('analysis.followups.one.answer_heading')}</h2>
          <PostForm action={`${base}/${f.id}/answer`}>
            <input type="hidden" name="version" value={String(f.version)} />
            <TextArea name="note" label={t('analysis.followups.one.answer_note')} hint={t('analysis.followups.one.answer_hint')} value={p.answerNote} error={p.errors?.note} rows={4} maxLength={2000} />
            <Button>{t('analysis.followups.one.mark_answered')}</Button>
          </PostForm>
        </>
      ) : null}
      {p.canManage && f.status !== 'closed' ? (
        <>
          <h2>{t('analysis.followups.one.close_heading')}</h2>
          <PostForm action={`${base}/${f.id}/close`}>
            <input type="hidden" name="version" value={String(f.version)} />
            <p class="muted">{t(draft ? 'analysis.followups.one.close_draft_hint' : 'analysis.followups.one.close_hint')}</p>
            <Button variant="warning">{t('analysis.followups.one.close')}</Button>
          </PostForm>
        </>
      ) : null}
      {p.history.length ? (
        <>
          <h2>{t('analysis.followups.one.history')}</h2>
          {p.history.map((h) => (
            <details class="details" key={h.id}>
              <summary class="details__summary">
                <bdi>{h.subject}</bdi> — {t(`analysis.followups.status.${h.status}`)}, <DateText value={h.createdAt} style="medium" />
              </summary>
              <div lang={h.locale} class="email-body">
                {h.body}
              </div>
              {h.answerNote ? (
                <p dir="auto">
                  {t('analysis.followups.one.answer_note')}: {h.answerNote}
                </p>
              ) : null}
            </details>
          ))}
        </>
      ) : null}
      <p>
        <a href={`${base}?year=${f.year}`}>{t('analysis.followups.back')}</a>
      </p>
    </Layout>
  );
}

/** A State and year without any follow-up: its gaps that year, and the draft button for ISU. */
export function NoFollowUpPage(p: { stateNames: LocalizedText; iso2: string; year: number; candidate: FollowUpCandidate | undefined; titles: Map<string, LocalizedText>; canManage: boolean }) {
  const { t, locale } = usePage();
  const base = `/${locale}/analysis/follow-ups`;
  const label = useGapLabel(p.titles);
  const state = localized(p.stateNames, locale);
  const title = t('analysis.followups.one.title', { state, year: String(p.year) });
  const main = p.candidate?.gaps.filter((g) => g === COOPERATION_WITHOUT_GENDER) ?? [];
  return (
    <Layout title={title} before={<Breadcrumbs items={crumbs(locale, t, [{ href: `${base}?year=${p.year}`, label: t('analysis.followups.title') }, { label: state }])} />}>
      <h1>
        <bdi>{title}</bdi>
      </h1>
      <p>{t('analysis.followups.none.lead')}</p>
      {p.candidate ? (
        <>
          <h2>{t('analysis.followups.none.gaps')}</h2>
          <GapList gaps={p.candidate.gaps} label={label} />
          {p.canManage ? (
            <PostForm action={base}>
              <input type="hidden" name="state" value={p.iso2} />
              <input type="hidden" name="year" value={String(p.year)} />
              {(main.length ? main : p.candidate.gaps).map((g) => (
                <input type="hidden" name="gap" value={g} key={g} />
              ))}
              <Button>{t('analysis.followups.draft')}</Button>
            </PostForm>
          ) : null}
        </>
      ) : (
        <p class="muted">{t('analysis.followups.none.no_report')}</p>
      )}
      <p>
        <a href={`${base}?year=${p.year}`}>{t('analysis.followups.back')}</a>
      </p>
    </Layout>
  );
}

/* ---------------------------------------------------------------- templates */

export interface TemplateRowView {
  key: string;
  locale: string;
  subject: string;
  body: string;
  version: number;
  updatedAt: Date;
}

export interface TemplatesPageProps {
  templates: TemplateRowView[];
  selected?: TemplateRowView | undefined;
  values?: { subject: string; body: string } | undefined;
  preview?: { subject: string; body: string; locale: string } | undefined;
  samples: { iso2: string; name: string }[];
  sample: string;
  saved?: boolean;
  conflict?: boolean;
  errors?: Record<string, string> | undefined;
}

export function TemplatesPage(p: TemplatesPageProps) {
  const { t, locale, tr } = usePage();
  const base = `/${locale}/analysis/follow-ups/templates`;
  const title = t('analysis.followups.templates.title');
  const s = p.selected;
  const values = p.values ?? (s ? { subject: s.subject, body: s.body } : undefined);
  const link = (key: string, lang: string) => `${base}?${new URLSearchParams({ key, lang, sample: p.sample }).toString()}`;
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t, [{ href: `/${locale}/analysis/follow-ups`, label: t('analysis.followups.title') }, { label: title }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} /> : null}
      {p.conflict ? (
        <NotificationBanner kind="warning" title={t('analysis.followups.problem_title')}>
          <p>{t('errors.analysis.followups.stale')}</p>
        </NotificationBanner>
      ) : null}
      {p.saved ? (
        <NotificationBanner kind="success">
          <p>{t('analysis.followups.templates.saved')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{t('analysis.followups.templates.lead')}</p>
      <Table<TemplateRowView>
        caption={t('analysis.followups.templates.caption')}
        rows={p.templates}
        empty={t('analysis.followups.templates.empty')}
        columns={[
          { header: t('analysis.followups.templates.col.key'), cell: (r) => t(`analysis.followups.templates.key.${r.key}`) },
          { header: t('analysis.followups.col.language'), cell: (r) => <span lang={r.locale}>{LANGUAGE_NAMES[r.locale as keyof typeof LANGUAGE_NAMES] ?? r.locale}</span> },
          {
            header: t('analysis.followups.one.subject'),
            cell: (r) => (
              <a href={link(r.key, r.locale)} lang={r.locale}>
                <bdi>{r.subject}</bdi>
              </a>
            ),
          },
          { header: t('analysis.followups.templates.col.updated'), cell: (r) => <DateText value={r.updatedAt} style="medium" /> },
        ]}
      />
      {s && values ? (
        <>
          <h2>{t('analysis.followups.templates.edit_heading', { key: t(`analysis.followups.templates.key.${s.key}`), language: LANGUAGE_NAMES[s.locale as keyof typeof LANGUAGE_NAMES] ?? s.locale })}</h2>
          <p class="muted">{t('analysis.followups.templates.placeholders', { list: PLACEHOLDERS.map((x) => `{${x}}`).join(' ') })}</p>
          <PostForm action={`${base}/${s.key}/${s.locale}?sample=${p.sample}`}>
            <input type="hidden" name="version" value={String(s.version)} />
            <TextField name="subject" label={t('analysis.followups.one.subject')} value={values.subject} error={p.errors?.subject} attrs={{ maxLength: SUBJECT_MAX }} />
            <TextArea name="body" label={t('analysis.followups.one.body')} value={values.body} error={p.errors?.body} rows={18} maxLength={BODY_MAX} />
            <Button>{t('analysis.followups.templates.save')}</Button>
          </PostForm>
          <h2>{t('analysis.followups.templates.preview')}</h2>
          <form method="get" action={base} class="filters">
            <input type="hidden" name="key" value={s.key} />
            <input type="hidden" name="lang" value={s.locale} />
            <SelectField name="sample" label={t('analysis.followups.templates.sample')} value={p.sample} options={p.samples.map((x) => ({ value: x.iso2, label: x.name }))} />
            <Button variant="secondary">{t('analysis.followups.templates.show_preview')}</Button>
          </form>
          {p.preview ? (
            <div lang={p.preview.locale} dir={p.preview.locale === 'ar' ? 'rtl' : 'ltr'}>
              <p>
                <strong>
                  <bdi>{p.preview.subject}</bdi>
                </strong>
              </p>
              <div class="email-body">{p.preview.body}</div>
            </div>
          ) : null}
        </>
      ) : (
        <p>{t('analysis.followups.templates.choose')}</p>
      )}
    </Layout>
  );
}

export const TEMPLATE_KEY_LIST = TEMPLATE_KEYS;
