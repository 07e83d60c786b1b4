/**
 * Individualised approach pages: the records (with the form to record a State's interest), one
 * record with its steps, the pages that edit each step, and the public page of a published final
 * report.
 */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, Checkbox, DateText, ErrorSummary, NotificationBanner, PostForm, Radios, SelectField, SummaryList, Table, Tag, TaskList, TextArea, TextField, type TaskItem } from '../../../../platform/views/components.tsx';
import { LOCALES, LANGUAGE_NAMES } from '../../../../platform/i18n/locales.ts';
import type { Texts } from '../../schema.ts';
import { langOf, textIn } from '../../texts.ts';
import { FIGURE_KEYS, FIGURE_SOURCES, IA_STATUSES, PROFILE_SECTIONS, REGION_FIGURES, regionFigures, writtenLanguages, type IaStatus } from '../individualised.ts';
import type { CommitmentRow, IaRow, MeetingSummary } from '../individualised-repository.ts';
import type { PublishedIaReport } from '../individualised-queries.ts';

type Errors = Record<string, string> | undefined;
type Values = Record<string, string> | undefined;

const STATUS_TONE: Record<IaStatus, 'grey' | 'blue' | 'green' | 'yellow' | 'purple'> = { interest: 'grey', preparation: 'blue', meeting: 'blue', summary: 'yellow', published: 'green', closed: 'purple' };

export function IaStatusTag({ status }: { status: IaStatus }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`engagement.individualised.status.${status}`)}</Tag>;
}

/** User-written text over several paragraphs, with its language. */
function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  return (
    <div class="narrative" lang={lang} dir="auto">
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </div>
  );
}

function Written({ texts }: { texts: Texts }) {
  const { locale } = usePage();
  const text = textIn(texts, locale);
  return text ? <Paragraphs text={text} lang={langOf(texts, locale)} /> : null;
}

function crumbs(locale: string, t: (k: string) => string, rest: { href?: string; label: string }[] = []) {
  return [{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, { href: `/${locale}/individualised-approach`, label: t('engagement.individualised.list_title') }, ...rest];
}

function Flash({ flash, problem }: { flash?: string | undefined; problem?: string | undefined }) {
  const { t } = usePage();
  return (
    <>
      {problem ? (
        <NotificationBanner kind="warning">
          <p>{problem}</p>
        </NotificationBanner>
      ) : null}
      {flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.individualised.flash.${flash}`)}</p>
        </NotificationBanner>
      ) : null}
    </>
  );
}

function MeetingLabel({ m }: { m: MeetingSummary }) {
  const { locale } = usePage();
  return (
    <>
      <bdi lang={langOf(m.title, locale)}>{textIn(m.title, locale)}</bdi> · <DateText value={m.startsAt} style="medium" />
    </>
  );
}

/* ---------------------------------------------------------------- the list */

export interface ListPageProps {
  rows: IaRow[];
  stateNames: Map<string, string>;
  states: { iso2: string; name: string }[];
  filter: { status?: string | undefined; state?: string | undefined };
  canCreate: boolean;
  errors?: Errors;
  values?: Values;
  today: string;
}

export function IaListPage(p: ListPageProps) {
  const { t, locale } = usePage();
  const title = t('engagement.individualised.list_title');
  const name = (iso2: string) => p.stateNames.get(iso2) ?? iso2;
  return (
    <Layout title={title} wide before={<Breadcrumbs items={[crumbs(locale, t)[0]!, { label: title }]} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} /> : null}
      <h1>{title}</h1>
      <p class="lead">{t('engagement.individualised.lead')}</p>
      <form class="filters" method="get" action={`/${locale}/individualised-approach`}>
        <SelectField name="status" id="filter-status" label={t('engagement.individualised.filter_status')} value={p.filter.status ?? ''} placeholder={t('engagement.individualised.all_statuses')} options={IA_STATUSES.map((s) => ({ value: s, label: t(`engagement.individualised.status.${s}`) }))} />
        {p.canCreate ? (
          <SelectField name="state" id="filter-state" label={t('engagement.individualised.filter_state')} value={p.filter.state ?? ''} placeholder={t('engagement.individualised.all_states')} options={[...new Set(p.rows.map((r) => r.stateIso2).concat(p.filter.state ? [p.filter.state] : []))].map((iso2) => ({ value: iso2, label: name(iso2) })).sort((a, b) => a.label.localeCompare(b.label, locale))} />
        ) : null}
        <Button variant="secondary">{t('engagement.individualised.filter_apply')}</Button>
      </form>
      <Table
        caption={t('engagement.individualised.table_caption')}
        rows={p.rows}
        empty={t('engagement.individualised.none')}
        columns={[
          {
            header: t('engagement.individualised.col.state'),
            cell: (r) => (
              <a href={`/${locale}/individualised-approach/${r.id}`}>
                <bdi>{name(r.stateIso2)}</bdi>
              </a>
            ),
          },
          { header: t('engagement.individualised.col.interest_on'), cell: (r) => <DateText value={r.interestOn} style="medium" /> },
          { header: t('engagement.individualised.col.intended_event'), cell: (r) => (r.intendedEvent ? <bdi>{r.intendedEvent}</bdi> : '—') },
          { header: t('engagement.individualised.col.status'), cell: (r) => <IaStatusTag status={r.status} /> },
          { header: t('engagement.individualised.col.published'), cell: (r) => (r.publishedAt ? <DateText value={r.publishedAt} style="medium" /> : '—') },
          { header: t('engagement.individualised.col.demo'), cell: (r) => (r.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null) },
        ]}
      />
      {p.canCreate ? (
        <section aria-labelledby="new-interest">
          <h2 id="new-interest">{t('engagement.individualised.new_title')}</h2>
          <PostForm action={`/${locale}/individualised-approach`}>
            <InterestFields states={p.states} values={p.values ?? { interest_on: p.today }} errors={p.errors} />
            <Button>{t('engagement.individualised.create')}</Button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}

function InterestFields({ states, values, errors }: { states: { iso2: string; name: string }[]; values: Record<string, string>; errors: Errors }) {
  const { t } = usePage();
  return (
    <>
      <SelectField name="state" label={t('engagement.individualised.field.state')} value={values.state ?? ''} error={errors?.state} placeholder={t('engagement.individualised.choose_state')} options={states.map((s) => ({ value: s.iso2, label: s.name }))} />
      <TextField name="interest_on" type="date" label={t('engagement.individualised.field.interest_on')} hint={t('engagement.individualised.field.interest_on_hint')} value={values.interest_on ?? ''} error={errors?.interest_on} width="short" />
      <TextField name="intended_event" label={t('engagement.individualised.field.intended_event')} hint={t('engagement.individualised.field.intended_event_hint')} value={values.intended_event ?? ''} error={errors?.intended_event} width="medium" attrs={{ maxLength: 300 }} />
    </>
  );
}

/* ---------------------------------------------------------------- one record */

export interface RecordPageProps {
  record: IaRow;
  stateName: string;
  meeting: MeetingSummary | undefined;
  /** The linked meeting exists but this reader may not read it. */
  meetingHidden: boolean;
  commitments: CommitmentRow[];
  nextSteps: IaStatus[];
  canEdit: boolean;
  profileLanguage: string | undefined;
  newerReport: { year: number; versionNo: number } | undefined;
  flash?: string | undefined;
  problem?: string | undefined;
  errors?: Errors;
}

function stepTone(done: boolean, current: boolean): TaskItem['tone'] {
  return done ? 'green' : current ? 'blue' : 'grey';
}

export function IaRecordPage(p: RecordPageProps) {
  const { t, locale, tr } = usePage();
  const r = p.record;
  const base = `/${locale}/individualised-approach/${r.id}`;
  const title = t('engagement.individualised.record_title', { state: p.stateName });
  const order: IaStatus[] = ['interest', 'preparation', 'meeting', 'summary', 'published'];
  const at = r.status === 'closed' ? (r.publishedAt ? 5 : -1) : order.indexOf(r.status);
  const step = (i: number, key: string, href: string | undefined, hint?: ComponentChildren): TaskItem => ({
    href: p.canEdit ? href : undefined,
    title: t(`engagement.individualised.step.${key}`),
    hint,
    status: t(at > i ? 'engagement.individualised.step_done' : at === i ? 'engagement.individualised.step_current' : 'engagement.individualised.step_todo'),
    tone: stepTone(at > i, at === i),
  });
  const profile = r.profile;
  const finalLangs = writtenLanguages(r.finalReport);
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t, [{ label: p.stateName }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} fieldIds={{ to: 'f-to', publish: 'publication', withdraw: 'publication' }} /> : null}
      <Flash flash={p.flash} problem={p.problem} />
      <h1>
        {title} {r.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null}
      </h1>
      <p>
        {t('engagement.individualised.current_status')} <IaStatusTag status={r.status} />
      </p>
      <h2>{t('engagement.individualised.steps_title')}</h2>
      <TaskList
        items={[
          step(0, 'interest', `${base}/interest`),
          step(1, 'profile', `${base}/profile`),
          step(2, 'meeting', `${base}/meeting`),
          step(3, 'summary', `${base}/summary`),
          step(3, 'final_report', `${base}/final-report`, finalLangs.length ? t('engagement.individualised.languages_written', { languages: finalLangs.map((l) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l).join(', ') }) : undefined),
          step(4, 'publication', '#publication'),
        ]}
      />

      <h2 id="interest">{t('engagement.individualised.step.interest')}</h2>
      <SummaryList
        rows={[
          { key: t('engagement.individualised.field.state'), value: <bdi>{p.stateName}</bdi> },
          { key: t('engagement.individualised.field.interest_on'), value: <DateText value={r.interestOn} /> },
          { key: t('engagement.individualised.field.intended_event'), value: r.intendedEvent ? <bdi>{r.intendedEvent}</bdi> : '—' },
        ]}
      />

      <h2 id="profile">{t('engagement.individualised.step.profile')}</h2>
      <ProfileSource profile={profile} newer={p.newerReport} />
      <FiguresView figures={profile.figures} />
      {PROFILE_SECTIONS.filter((s) => profile.sections[s]?.trim()).map((s) => (
        <section key={s} aria-labelledby={`section-${s}`}>
          <h3 id={`section-${s}`}>{t(`engagement.individualised.section.${s}`)}</h3>
          <Paragraphs text={profile.sections[s]!} lang={p.profileLanguage} />
        </section>
      ))}

      <h2 id="meeting">{t('engagement.individualised.step.meeting')}</h2>
      {p.meeting ? (
        <p>
          <a href={`/${locale}/meetings/${p.meeting.id}`}>
            <MeetingLabel m={p.meeting} />
          </a>
        </p>
      ) : (
        <p class="muted">{t(p.meetingHidden ? 'engagement.individualised.meeting_hidden' : 'engagement.individualised.no_meeting')}</p>
      )}

      <h2 id="summary">{t('engagement.individualised.step.summary')}</h2>
      {writtenLanguages(r.summary).length ? <Written texts={r.summary} /> : <p class="muted">{t('engagement.individualised.no_summary')}</p>}
      <h3 id="commitments">{t('engagement.individualised.commitments_title')}</h3>
      <CommitmentsTable rows={p.commitments} hasMeeting={!!p.meeting} />

      <h2 id="final-report">{t('engagement.individualised.step.final_report')}</h2>
      {finalLangs.length ? <Written texts={r.finalReport} /> : <p class="muted">{t('engagement.individualised.no_final_report')}</p>}

      <section aria-labelledby="publication-title" id="publication">
        <h2 id="publication-title">{t('engagement.individualised.step.publication')}</h2>
        {r.publishedAt ? (
          <p>
            {t('engagement.individualised.published_on')} <DateText value={r.publishedAt} />
            {' · '}
            <a href={`/${locale}/states/${r.stateIso2.toLowerCase()}/individualised-approach/${r.id}`}>{t('engagement.individualised.public_link')}</a>
          </p>
        ) : (
          <p class="muted">{t('engagement.individualised.not_published')}</p>
        )}
        {p.canEdit ? (
          r.publishedAt ? (
            <PostForm action={`${base}/withdraw`}>
              <input type="hidden" name="version" value={String(r.version)} />
              <Button variant="warning">{t('engagement.individualised.withdraw')}</Button>
            </PostForm>
          ) : r.status === 'summary' ? (
            <PostForm action={`${base}/publish`}>
              <input type="hidden" name="version" value={String(r.version)} />
              <p class="field__hint">{t('engagement.individualised.publish_hint')}</p>
              <Button>{t('engagement.individualised.publish')}</Button>
            </PostForm>
          ) : (
            <p class="field__hint">{t('engagement.individualised.publish_when_summary')}</p>
          )
        ) : null}
      </section>

      {p.canEdit && p.nextSteps.length ? (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t('engagement.individualised.status_title')}</h2>
          <PostForm action={`${base}/status`}>
            <input type="hidden" name="version" value={String(r.version)} />
            <SelectField name="to" label={t('engagement.individualised.field.to')} error={p.errors?.to} options={p.nextSteps.map((s) => ({ value: s, label: t(`engagement.individualised.move_to.${s}`) }))} />
            <Button variant="secondary">{t('engagement.individualised.status_save')}</Button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}

function ProfileSource({ profile, newer }: { profile: IaRow['profile']; newer: { year: number; versionNo: number } | undefined }) {
  const { t, tr } = usePage();
  const y = (n: number) => tr.formatNumber(n, { useGrouping: false });
  return (
    <>
      {profile.source ? (
        <p>
          <a href={`/${usePage().locale}/reports/${profile.source.reportId}`}>{t('engagement.individualised.source', { year: y(profile.source.year), version: y(profile.source.versionNo) })}</a>
        </p>
      ) : (
        <p class="muted">{t('engagement.individualised.no_source')}</p>
      )}
      {newer ? <p>{t('engagement.individualised.newer_report', { year: y(newer.year), version: y(newer.versionNo) })}</p> : null}
    </>
  );
}

function figureValue(tr: ReturnType<typeof usePage>['tr'], t: (k: string) => string, key: string, v: number | string): ComponentChildren {
  if (typeof v === 'number') return tr.formatNumber(v);
  if (v === 'yes' || v === 'no') return t(`engagement.individualised.answer.${v}`);
  if (key === 'article5_deadline' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return <DateText value={v} />;
  const money = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(v);
  if (money) {
    try {
      return tr.formatNumber(Number(money[1]), { style: 'currency', currency: money[2]!, maximumFractionDigits: 0 });
    } catch {
      return v;
    }
  }
  return <bdi>{v}</bdi>;
}

/** The figures taken from the report, each with the form it comes from, and the regions' table. */
export function FiguresView({ figures }: { figures: Record<string, number | string> | undefined }) {
  const { t, tr, locale } = usePage();
  const keys = FIGURE_KEYS.filter((k) => figures?.[k] !== undefined);
  const regions = [...regionFigures(figures)];
  if (!keys.length && !regions.length) return <p class="muted">{t('engagement.individualised.no_figures')}</p>;
  return (
    <>
      <Table
        caption={t('engagement.individualised.figures_caption')}
        rows={keys}
        columns={[
          { header: t('engagement.individualised.col.figure'), cell: (k) => t(`engagement.individualised.figure.${k}`) },
          { header: t('engagement.individualised.col.value'), numeric: true, cell: (k) => figureValue(tr, t, k, figures![k]!) },
          { header: t('engagement.individualised.col.source'), cell: (k) => t(`engagement.individualised.figure_source.${FIGURE_SOURCES[k]}`) },
        ]}
      />
      {regions.length ? (
        <Table
          caption={t('engagement.individualised.regions_caption')}
          rows={regions.sort((a, b) => a[0].localeCompare(b[0], locale))}
          columns={[
            { header: t('engagement.individualised.col.region'), cell: ([name]) => <bdi>{name}</bdi> },
            ...REGION_FIGURES.map((f) => ({ header: t(`engagement.individualised.figure.${f}`), numeric: true, cell: ([, v]: [string, Record<string, number>]) => (v[f] !== undefined ? tr.formatNumber(v[f]!) : '—') })),
          ]}
        />
      ) : null}
    </>
  );
}

function CommitmentsTable({ rows, hasMeeting }: { rows: CommitmentRow[]; hasMeeting: boolean }) {
  const { t, locale } = usePage();
  if (!hasMeeting) return <p class="muted">{t('engagement.individualised.commitments_need_meeting')}</p>;
  return (
    <Table
      caption={t('engagement.individualised.commitments_caption')}
      captionHidden
      rows={rows}
      empty={t('engagement.individualised.no_commitments')}
      columns={[
        { header: t('engagement.individualised.col.commitment'), cell: (c) => <span dir="auto">{c.text}</span> },
        { header: t('engagement.individualised.col.owner'), cell: (c) => (c.ownerLabel ? <bdi>{c.ownerLabel}</bdi> : '—') },
        { header: t('engagement.individualised.col.due'), cell: (c) => <DateText value={c.dueDate} style="medium" /> },
        { header: t('engagement.individualised.col.status'), cell: (c) => <Tag tone={c.status === 'done' ? 'green' : c.status === 'dropped' ? 'purple' : c.status === 'in_progress' ? 'blue' : 'grey'}>{t(`engagement.individualised.action_status.${c.status}`)}</Tag> },
        {
          header: t('engagement.individualised.col.reviewed'),
          cell: (c) =>
            c.reviewedAt ? (
              <>
                <a href={`/${locale}/meetings/${c.reviewedAt.id}`}>
                  <MeetingLabel m={c.reviewedAt} />
                </a>
                {c.reviewNote ? (
                  <>
                    {' — '}
                    <span dir="auto">{c.reviewNote}</span>
                  </>
                ) : null}
              </>
            ) : (
              <span class="muted">{t('engagement.individualised.not_reviewed')}</span>
            ),
        },
      ]}
    />
  );
}

/* ---------------------------------------------------------------- step pages */

interface StepShellProps {
  record: IaRow;
  stateName: string;
  step: string;
  errors?: Errors;
  problem?: string | undefined;
  fieldIds?: Record<string, string>;
  children: ComponentChildren;
}

function StepShell(p: StepShellProps) {
  const { t, locale } = usePage();
  const title = t(`engagement.individualised.step.${p.step}`);
  const recordTitle = t('engagement.individualised.record_title', { state: p.stateName });
  return (
    <Layout title={`${title} · ${p.stateName}`} before={<Breadcrumbs items={crumbs(locale, t, [{ href: `/${locale}/individualised-approach/${p.record.id}`, label: p.stateName }, { label: title }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} {...(p.fieldIds ? { fieldIds: p.fieldIds } : {})} /> : null}
      <Flash problem={p.problem} />
      <span class="caption">
        <bdi>{recordTitle}</bdi>
      </span>
      <h1>{title}</h1>
      {p.children}
      <p>
        <a href={`/${locale}/individualised-approach/${p.record.id}`}>{t('engagement.individualised.back_to_record')}</a>
      </p>
    </Layout>
  );
}

export function InterestPage(p: { record: IaRow; stateName: string; states: { iso2: string; name: string }[]; errors?: Errors; values?: Values; problem?: string | undefined }) {
  const { t, locale } = usePage();
  const r = p.record;
  return (
    <StepShell record={r} stateName={p.stateName} step="interest" errors={p.errors} problem={p.problem}>
      <PostForm action={`/${locale}/individualised-approach/${r.id}/interest`}>
        <input type="hidden" name="version" value={String(r.version)} />
        <InterestFields states={p.states} values={p.values ?? { state: r.stateIso2, interest_on: r.interestOn, intended_event: r.intendedEvent ?? '' }} errors={p.errors} />
        <Button>{t('engagement.individualised.save')}</Button>
      </PostForm>
    </StepShell>
  );
}

export function ProfilePage(p: { record: IaRow; stateName: string; latest: { year: number; versionNo: number } | undefined; newer: boolean; profileLanguage: string | undefined; errors?: Errors; values?: Values; problem?: string | undefined }) {
  const { t, locale, tr } = usePage();
  const r = p.record;
  const base = `/${locale}/individualised-approach/${r.id}/profile`;
  const y = (n: number) => tr.formatNumber(n, { useGrouping: false });
  return (
    <StepShell record={r} stateName={p.stateName} step="profile" errors={p.errors} problem={p.problem} fieldIds={{ prefill: 'prefill' }}>
      <p class="lead">{t('engagement.individualised.profile_lead')}</p>
      <section aria-labelledby="prefill" id="prefill">
        <h2 id="prefill-title">{t('engagement.individualised.prefill_title')}</h2>
        <ProfileSource profile={r.profile} newer={undefined} />
        {p.latest ? (
          <PostForm action={`${base}/prefill`}>
            <input type="hidden" name="version" value={String(r.version)} />
            <p>{t(p.newer ? 'engagement.individualised.prefill_available' : 'engagement.individualised.prefill_current', { year: y(p.latest.year), version: y(p.latest.versionNo) })}</p>
            {r.profile.source ? <Checkbox name="replace" value="yes" label={t('engagement.individualised.prefill_replace')} hint={t('engagement.individualised.prefill_replace_hint')} /> : null}
            <Button variant="secondary">{t(r.profile.source ? 'engagement.individualised.prefill_refresh' : 'engagement.individualised.prefill')}</Button>
          </PostForm>
        ) : (
          <p class="muted">{t('engagement.individualised.no_report_yet')}</p>
        )}
      </section>
      <h2>{t('engagement.individualised.figures_title')}</h2>
      <FiguresView figures={r.profile.figures} />
      <h2>{t('engagement.individualised.texts_title')}</h2>
      <PostForm action={base}>
        <input type="hidden" name="version" value={String(r.version)} />
        {PROFILE_SECTIONS.map((s) => (
          <TextArea key={s} name={s} label={t(`engagement.individualised.section.${s}`)} value={p.values ? p.values[s] : (r.profile.sections[s] ?? '')} error={p.errors?.[s]} rows={5} maxLength={10000} lang={p.profileLanguage} />
        ))}
        <Button>{t('engagement.individualised.save')}</Button>
      </PostForm>
    </StepShell>
  );
}

export function MeetingPage(p: { record: IaRow; stateName: string; meetings: MeetingSummary[]; errors?: Errors; values?: Values; problem?: string | undefined }) {
  const { t, locale, tr } = usePage();
  const r = p.record;
  const chosen = p.values?.meeting ?? r.meetingId ?? 'none';
  return (
    <StepShell record={r} stateName={p.stateName} step="meeting" errors={p.errors} problem={p.problem}>
      <p>{t('engagement.individualised.meeting_lead')}</p>
      <PostForm action={`/${locale}/individualised-approach/${r.id}/meeting`}>
        <input type="hidden" name="version" value={String(r.version)} />
        <Radios
          name="meeting"
          legend={t('engagement.individualised.field.meeting')}
          value={chosen}
          error={p.errors?.meeting}
          options={[
            ...p.meetings.map((m) => {
              const label = `${textIn(m.title, locale)} · ${tr.formatDate(m.startsAt, 'medium')}`;
              return m.facts.participantStates.includes(r.stateIso2) ? { value: m.id, label, hint: t('engagement.individualised.meeting_with_state', { state: p.stateName }) } : { value: m.id, label };
            }),
            { value: 'none', label: t('engagement.individualised.meeting_none') },
          ]}
        />
        <Button>{t('engagement.individualised.save')}</Button>
      </PostForm>
      <p>
        <a href={`/${locale}/meetings/new`}>{t('engagement.individualised.meeting_create')}</a>
      </p>
    </StepShell>
  );
}

/** The summary or the final report: one box per language, each in its language and direction. */
export function TextsPage(p: { record: IaRow; stateName: string; which: 'summary' | 'final_report'; errors?: Errors; values?: Values; problem?: string | undefined }) {
  const { t, locale } = usePage();
  const r = p.record;
  const texts = (p.which === 'summary' ? r.summary : r.finalReport) as Record<string, string | undefined>;
  const ordered = [locale, ...LOCALES.filter((l) => l !== locale)];
  return (
    <StepShell record={r} stateName={p.stateName} step={p.which} errors={p.errors} problem={p.problem}>
      <p>{t(p.which === 'summary' ? 'engagement.individualised.summary_lead' : 'engagement.individualised.final_report_lead')}</p>
      {p.which === 'final_report' && r.publishedAt ? (
        <NotificationBanner kind="info">
          <p>{t('engagement.individualised.editing_published')}</p>
        </NotificationBanner>
      ) : null}
      <PostForm action={`/${locale}/individualised-approach/${r.id}/${p.which === 'summary' ? 'summary' : 'final-report'}`}>
        <input type="hidden" name="version" value={String(r.version)} />
        {ordered.map((l) => (
          <div key={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
            <TextArea name={`text-${l}`} label={<span lang={locale} dir="auto">{t(`engagement.language.${l}`)}</span>} value={p.values ? p.values[`text-${l}`] : (texts[l] ?? '')} error={p.errors?.[`text-${l}`]} rows={l === locale ? 12 : 6} maxLength={50000} lang={l} />
          </div>
        ))}
        <Button>{t('engagement.individualised.save')}</Button>
      </PostForm>
    </StepShell>
  );
}

/* ---------------------------------------------------------------- the public page */

export function PublicReportPage(p: { report: PublishedIaReport; stateName: string; shown: string; requested: string | undefined }) {
  const { t, locale } = usePage();
  const r = p.report;
  const title = t('engagement.individualised.public_title', { state: p.stateName });
  const text = (r.finalReport as Record<string, string | undefined>)[p.shown] ?? '';
  const stateHref = `/${locale}/states/${r.stateIso2.toLowerCase()}`;
  const self = `${stateHref}/individualised-approach/${r.id}`;
  return (
    <Layout title={title} before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, { href: `/${locale}/states`, label: t('engagement.individualised.states') }, { href: stateHref, label: p.stateName }, { label: t('engagement.individualised.public_crumb') }]} />}>
      <h1>
        {title} {r.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null}
      </h1>
      <SummaryList
        rows={[
          ...(r.meetingOn ? [{ key: t('engagement.individualised.public_meeting_on'), value: <DateText value={r.meetingOn} /> }] : []),
          { key: t('engagement.individualised.published_on'), value: <DateText value={r.publishedAt} /> },
          {
            key: t('engagement.individualised.public_languages'),
            value: (
              <ul class="compact-list">
                {r.languages.map((l) => (
                  <li key={l}>
                    {l === p.shown ? (
                      <span lang={l} aria-current="true">
                        {LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l}
                      </span>
                    ) : (
                      <a href={l === locale ? self : `${self}?text=${l}`} lang={l} hreflang={l}>
                        {LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {p.shown !== locale && p.requested !== p.shown ? (
        <NotificationBanner kind="info">
          <p>{t('engagement.individualised.public_fallback', { language: t(`engagement.language.${p.shown}`) })}</p>
        </NotificationBanner>
      ) : null}
      <section aria-labelledby="final-report-text">
        <h2 id="final-report-text">{t('engagement.individualised.step.final_report')}</h2>
        <Paragraphs text={text} lang={p.shown} />
      </section>
      <p>
        <a href={stateHref}>{t('engagement.individualised.public_back', { state: p.stateName })}</a>
      </p>
    </Layout>
  );
}

/** The State page's section listing its published individualised-approach reports. */
export function StatePageSection({ reports, stateName }: { reports: PublishedIaReport[]; stateName: string }) {
  const { t, locale } = usePage();
  const name = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l;
  return (
    <section aria-labelledby="state-ia-title">
      <h2 id="state-ia-title">{t('engagement.individualised.state_section_title')}</h2>
      <ul>
        {reports.map((r) => (
          <li key={r.id}>
            <a href={`/${locale}/states/${r.stateIso2.toLowerCase()}/individualised-approach/${r.id}`}>{t('engagement.individualised.state_section_item', { state: stateName })}</a>
            {' · '}
            {r.meetingOn ? t('engagement.individualised.public_meeting_on') : t('engagement.individualised.published_on')} <DateText value={r.meetingOn ?? r.publishedAt} />
            {' · '}
            <span class="muted">{r.languages.map(name).join(', ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
