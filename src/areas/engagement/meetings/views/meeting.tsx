/**
 * One meeting: its details, participants, documents, outcomes and follow-up actions, the actions of
 * earlier meetings reviewed at it, and its evidence links — with the forms to change them for those
 * who may edit it.
 */
import { EvidenceSection } from '../../views/evidence.tsx';
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, ErrorSummary, NotificationBanner, PostForm, SelectField, SummaryList, Table, Tag, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { localized, type Committee } from '../../../states/index.ts';
import type { ResolvedLink } from '../../evidence-queries.ts';
import { textIn } from '../../texts.ts';
import type { ActionWithOwner, MeetingRow, ParticipantWithUser } from '../meetings-repository.ts';
import { isActionOverdue, wallClock } from '../meetings.ts';
import { ActionStatusTag, ConfidentialityTag, crumbs, MeetingStatusTag, Owner, When, whenText, Written } from './shared.tsx';

export const PARTICIPANT_ROLES = ['chair', 'presenter', 'participant', 'observer'] as const;
export const ACTION_KINDS = ['outcome', 'follow_up', 'commitment'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export const DOCUMENT_KINDS = ['agenda', 'presentation', 'profile', 'summary', 'report', 'other'] as const;

export type Person = { id: string; name: string };
export type StateOption = { iso2: string; name: string };
type Values = Record<string, string | string[]>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export interface DocumentItem {
  id: string;
  title: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

export interface MeetingPageProps {
  meeting: MeetingRow;
  committees: Committee[];
  participants: ParticipantWithUser[];
  documents: DocumentItem[];
  actions: ActionWithOwner[];
  reviewedHere: (ActionWithOwner & { meeting: MeetingRow })[];
  links: ResolvedLink[];
  /** Evidence links are the Committee's working notes: shown to committee members and ISU only. */
  showEvidence: boolean;
  stateNames: Map<string, string>;
  states: StateOption[];
  people: Person[];
  owners: Person[];
  canEdit: boolean;
  maxBytes: number;
  flash?: string | undefined;
  /** Errors of one of the forms, by form: participant, document, action, link. */
  form?: 'participant' | 'document' | 'action' | 'link' | undefined;
  errors?: Record<string, string> | undefined;
  values?: Values | undefined;
  problem?: string | undefined;
}

const today = () => new Date().toISOString().slice(0, 10);

export function ActionFields({ values, errors, owners, states, current }: { values: Values; errors: Record<string, string>; owners: Person[]; states: StateOption[]; current?: ActionWithOwner | undefined }) {
  const { t } = usePage();
  const ownerOptions = owners.map((o) => ({ value: o.id, label: o.name }));
  // An owner disabled since keeps their place on the action, marked.
  if (current?.ownerUserId && !owners.some((o) => o.id === current.ownerUserId)) ownerOptions.unshift({ value: current.ownerUserId, label: t('engagement.meetings.owner_disabled', { name: current.ownerName ?? '' }) });
  return (
    <>
      <SelectField name="kind" label={t('engagement.meetings.action.field.kind')} value={one(values.kind)} error={errors.kind} options={ACTION_KINDS.map((k) => ({ value: k, label: t(`engagement.meetings.action_kind.${k}`) }))} />
      <TextArea name="text" label={t('engagement.meetings.action.field.text')} value={one(values.text)} error={errors.text} rows={3} maxLength={5000} />
      <SelectField name="owner" label={t('engagement.meetings.action.field.owner')} hint={t('engagement.meetings.action.field.owner_hint')} value={one(values.owner)} error={errors.owner} placeholder={t('engagement.meetings.no_owner')} options={ownerOptions} />
      <TextField name="owner_label" label={t('engagement.meetings.action.field.owner_label')} hint={t('engagement.meetings.action.field.owner_label_hint')} value={one(values.owner_label)} error={errors.owner_label} width="medium" attrs={{ maxLength: 200 }} />
      <SelectField name="state" id="f-action-state" label={t('engagement.meetings.action.field.state')} hint={t('engagement.meetings.action.field.state_hint')} value={one(values.state)} error={errors.state} placeholder={t('engagement.meetings.action.no_state')} options={states.map((s) => ({ value: s.iso2, label: s.name }))} />
      <TextField name="due" type="date" label={t('engagement.meetings.action.field.due')} value={one(values.due)} error={errors.due} width="short" />
      <SelectField name="status" label={t('engagement.meetings.action.field.status')} value={one(values.status) || 'open'} error={errors.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`engagement.meetings.action_status.${s}`) }))} />
      <TextField name="actions" label={t('engagement.meetings.action.field.actions')} hint={t('engagement.meetings.action.field.actions_hint')} value={one(values.actions)} error={errors.actions} width="medium" attrs={{ maxLength: 500 }} />
    </>
  );
}

function ParticipantName({ p, stateNames }: { p: ParticipantWithUser; stateNames: Map<string, string> }) {
  const { t } = usePage();
  if (p.kind === 'state') return <bdi>{stateNames.get(p.stateIso2 ?? '') ?? p.stateIso2}</bdi>;
  if (p.kind === 'organisation') return <bdi>{p.organisation}</bdi>;
  return (
    <>
      <bdi>{p.userName ?? p.name}</bdi>
      {p.userId && p.userDisabled ? (
        <>
          {' '}
          <Tag tone="red">{t('engagement.meetings.owner_inactive_tag')}</Tag>
        </>
      ) : null}
    </>
  );
}

export function MeetingPage(p: MeetingPageProps) {
  const { t, locale, csrfToken } = usePage();
  const m = p.meeting;
  const base = `/${locale}/meetings/${m.id}`;
  const title = textIn(m.title, locale);
  const errs = p.errors ?? {};
  const vals = p.values ?? {};
  const formErr = (f: MeetingPageProps['form']) => (p.form === f ? errs : {});
  const formVal = (f: MeetingPageProps['form']) => (p.form === f ? vals : {});
  const committeeNames = m.committeeIds.map((id) => {
    const c = p.committees.find((x) => x.id === id);
    return c ? localized(c.names, locale) : id;
  });
  const now = today();
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t, [{ label: title }])} />}>
      {Object.keys(errs).length ? <ErrorSummary errors={errs} fieldIds={{ file: 'f-file', address: 'f-address', label: 'f-link-label', state: p.form === 'action' ? 'f-action-state' : 'f-state', organisation: 'f-organisation', person: 'f-person', name: 'f-person-name' }} /> : null}
      {p.problem ? (
        <NotificationBanner kind="warning">
          <p>{p.problem}</p>
        </NotificationBanner>
      ) : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.meetings.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption">{t(`engagement.meetings.kind.${m.kind}`)}</span>
      <h1>
        <Written texts={m.title} /> {m.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null}
      </h1>
      <SummaryList
        rows={[
          { key: t('engagement.meetings.field.when'), value: <When meeting={m} /> },
          { key: t('engagement.meetings.field.place'), value: <>{m.place ? <bdi>{m.place}</bdi> : null}{m.place && m.online ? ' · ' : null}{m.online ? t('engagement.meetings.online') : null}{!m.place && !m.online ? '—' : null}</> },
          { key: t('engagement.meetings.field.committees'), value: committeeNames.length ? committeeNames.join(t('engagement.meetings.list_separator')) : '—' },
          { key: t('engagement.meetings.field.with_presidency'), value: m.withPresidency ? t('engagement.meetings.yes') : t('engagement.meetings.no') },
          { key: t('engagement.meetings.field.confidentiality'), value: <ConfidentialityTag level={m.confidentiality} /> },
          { key: t('engagement.meetings.field.status'), value: <MeetingStatusTag status={m.status} /> },
          ...(m.agenda ? [{ key: t('engagement.meetings.field.agenda'), value: <div class="narrative" dir="auto">{m.agenda}</div> }] : []),
          ...(m.notes ? [{ key: t('engagement.meetings.field.notes'), value: <div class="narrative" dir="auto">{m.notes}</div> }] : []),
          ...(m.genderQuestions ? [{ key: t('engagement.meetings.field.gender_questions'), value: <div class="narrative" dir="auto">{m.genderQuestions}</div> }] : []),
        ]}
      />
      {p.canEdit ? (
        <p>
          <a href={`${base}/edit`}>{t('engagement.meetings.edit_link')}</a>
        </p>
      ) : null}

      <section aria-labelledby="participants">
        <h2 id="participants">{t('engagement.meetings.participants.title')}</h2>
        <Table
          caption={t('engagement.meetings.participants.caption', { count: p.participants.length })}
          captionHidden
          rows={p.participants}
          empty={t('engagement.meetings.participants.none')}
          columns={[
            { header: t('engagement.meetings.participants.col.who'), cell: (x) => <ParticipantName p={x} stateNames={p.stateNames} /> },
            { header: t('engagement.meetings.participants.col.kind'), cell: (x) => t(`engagement.meetings.participant_kind.${x.kind}`) },
            { header: t('engagement.meetings.participants.col.role'), cell: (x) => t(`engagement.meetings.role.${x.role}`) },
            ...(p.canEdit
              ? [
                  {
                    header: <span class="visually-hidden">{t('engagement.meetings.col.actions')}</span>,
                    cell: (x: ParticipantWithUser) => (
                      <PostForm action={`${base}/participants/${x.id}/delete`} inline>
                        <button type="submit" class="link-button">
                          {t('engagement.meetings.participants.remove')}
                          <span class="visually-hidden"> {x.kind === 'state' ? (p.stateNames.get(x.stateIso2 ?? '') ?? x.stateIso2) : (x.organisation ?? x.userName ?? x.name)}</span>
                        </button>
                      </PostForm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {p.canEdit ? <ParticipantForms base={base} states={p.states} people={p.people} errors={formErr('participant')} values={formVal('participant')} /> : null}
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">{t('engagement.meetings.documents.title')}</h2>
        <Table
          caption={t('engagement.meetings.documents.caption', { count: p.documents.length })}
          captionHidden
          rows={p.documents}
          empty={t('engagement.meetings.documents.none')}
          columns={[
            {
              header: t('engagement.meetings.documents.col.title'),
              cell: (d) => (
                <a href={`${base}/documents/${d.id}`}>
                  <bdi>{d.title}</bdi>
                </a>
              ),
            },
            { header: t('engagement.meetings.documents.col.kind'), cell: (d) => t(`engagement.meetings.document_kind.${d.kind}`) },
            { header: t('engagement.meetings.documents.col.file'), cell: (d) => <>{t('engagement.meetings.documents.format', { ext: (d.filename.split('.').pop() ?? '').toUpperCase(), size: Math.max(1, Math.round(d.size / 1024)) })}</> },
            { header: t('engagement.meetings.documents.col.added'), cell: (d) => <DateText value={d.createdAt} style="medium" /> },
            ...(p.canEdit
              ? [
                  {
                    header: <span class="visually-hidden">{t('engagement.meetings.col.actions')}</span>,
                    cell: (d: DocumentItem) => (
                      <PostForm action={`${base}/documents/${d.id}/delete`} inline>
                        <button type="submit" class="link-button">
                          {t('engagement.meetings.documents.remove')}
                          <span class="visually-hidden"> {d.title}</span>
                        </button>
                      </PostForm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {p.canEdit ? (
          <form method="post" action={`${base}/documents`} encType="multipart/form-data" class="form" novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <h3>{t('engagement.meetings.documents.add')}</h3>
            <div class={`field${formErr('document').file ? ' field--error' : ''}`}>
              <label class="field__label" for="f-file">
                {t('engagement.meetings.documents.file')}
              </label>
              <div class="field__hint" id="f-file-hint">
                {t('engagement.meetings.documents.hint', { max: Math.max(1, Math.round(p.maxBytes / 1024 / 1024)) })}
              </div>
              {formErr('document').file ? (
                <p class="field__error" id="f-file-error">
                  {formErr('document').file}
                </p>
              ) : null}
              <input class="file-input" type="file" id="f-file" name="file" aria-describedby={formErr('document').file ? 'f-file-hint f-file-error' : 'f-file-hint'} accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.xlsx,.ods,.docx,.odt,.csv" />
            </div>
            <TextField name="title" id="f-document-title" label={t('engagement.meetings.documents.field_title')} hint={t('engagement.meetings.documents.field_title_hint')} value={one(formVal('document').title)} width="medium" attrs={{ maxLength: 300 }} />
            <SelectField name="kind" id="f-document-kind" label={t('engagement.meetings.documents.col.kind')} value={one(formVal('document').kind) || 'other'} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`engagement.meetings.document_kind.${k}`) }))} />
            <Button variant="secondary">{t('engagement.meetings.documents.upload')}</Button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">{t('engagement.meetings.actions.title')}</h2>
        <Table
          caption={t('engagement.meetings.actions.caption', { count: p.actions.length })}
          captionHidden
          rows={p.actions}
          empty={t('engagement.meetings.actions.none')}
          columns={[
            { header: t('engagement.meetings.action.field.kind'), cell: (a) => t(`engagement.meetings.action_kind.${a.kind}`) },
            {
              header: t('engagement.meetings.action.field.text'),
              cell: (a) => (
                <a href={`${base}/actions/${a.id}`} id={`action-${a.id}`}>
                  <bdi>{a.text}</bdi>
                </a>
              ),
            },
            { header: t('engagement.meetings.action.field.owner'), cell: (a) => (a.kind === 'outcome' ? '—' : <Owner a={a} />) },
            { header: t('engagement.meetings.action.field.state'), cell: (a) => (a.stateIso2 ? <bdi>{p.stateNames.get(a.stateIso2) ?? a.stateIso2}</bdi> : '—') },
            {
              header: t('engagement.meetings.action.field.due'),
              cell: (a) => (
                <>
                  <DateText value={a.dueDate} style="medium" />
                  {isActionOverdue(a, now) ? (
                    <>
                      {' '}
                      <Tag tone="red">{t('engagement.meetings.overdue')}</Tag>
                    </>
                  ) : null}
                </>
              ),
            },
            { header: t('engagement.meetings.action.field.status'), cell: (a) => (a.kind === 'outcome' ? '—' : <ActionStatusTag status={a.status} />) },
            { header: t('engagement.meetings.action.field.actions'), cell: (a) => (a.actionIds.length ? <span dir="ltr">{a.actionIds.join(', ')}</span> : '—') },
          ]}
        />
        {p.canEdit ? (
          <>
            <h3>{t('engagement.meetings.actions.add')}</h3>
            <PostForm action={`${base}/actions`}>
              <ActionFields values={{ kind: 'follow_up', status: 'open', ...formVal('action') }} errors={formErr('action')} owners={p.owners} states={p.states} />
              <Button variant="secondary">{t('engagement.meetings.actions.add_button')}</Button>
            </PostForm>
          </>
        ) : null}
      </section>

      {p.reviewedHere.length ? (
        <section aria-labelledby="reviewed">
          <h2 id="reviewed">{t('engagement.meetings.reviewed.title')}</h2>
          <Table
            caption={t('engagement.meetings.reviewed.caption')}
            captionHidden
            rows={p.reviewedHere}
            columns={[
              {
                header: t('engagement.meetings.action.field.text'),
                cell: (a) => (
                  <a href={`/${locale}/meetings/${a.meeting.id}/actions/${a.id}`}>
                    <bdi>{a.text}</bdi>
                  </a>
                ),
              },
              { header: t('engagement.meetings.reviewed.from'), cell: (a) => <Written texts={a.meeting.title} /> },
              { header: t('engagement.meetings.action.field.status'), cell: (a) => <ActionStatusTag status={a.status} /> },
              { header: t('engagement.meetings.review.note'), cell: (a) => (a.reviewNote ? <bdi>{a.reviewNote}</bdi> : '—') },
            ]}
          />
        </section>
      ) : null}

      {p.showEvidence ? <EvidenceSection links={p.links} base={base} canEdit={p.canEdit} values={{ address: one(formVal('link').address), label: one(formVal('link').label) }} errors={formErr('link')} /> : null}
      <p>
        <a href={`/${locale}/calendar?month=${wallClock(m.startsAt, m.timeZone).date.slice(0, 7)}`}>{t('engagement.meetings.in_calendar')}</a>
      </p>
    </Layout>
  );
}

function ParticipantForms({ base, states, people, errors, values }: { base: string; states: StateOption[]; people: Person[]; errors: Record<string, string>; values: Values }) {
  const { t } = usePage();
  const roleOptions = PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`engagement.meetings.role.${r}`) }));
  const kind = one(values.kind);
  const role = (k: string) => (kind === k ? one(values.role) : '') || 'participant';
  return (
    <div class="cards">
      <PostForm action={`${base}/participants`}>
        <h3>{t('engagement.meetings.participants.add_state')}</h3>
        <input type="hidden" name="kind" value="state" />
        <SelectField name="state" id="f-state" label={t('engagement.meetings.participants.state')} value={kind === 'state' ? one(values.state) : ''} error={errors.state} placeholder={t('engagement.meetings.participants.choose_state')} options={states.map((s) => ({ value: s.iso2, label: s.name }))} />
        <SelectField name="role" id="f-state-role" label={t('engagement.meetings.participants.col.role')} value={role('state')} options={roleOptions} />
        <Button variant="secondary">{t('engagement.meetings.participants.add_state_button')}</Button>
      </PostForm>
      <PostForm action={`${base}/participants`}>
        <h3>{t('engagement.meetings.participants.add_organisation')}</h3>
        <input type="hidden" name="kind" value="organisation" />
        <TextField name="organisation" id="f-organisation" label={t('engagement.meetings.participants.organisation')} value={kind === 'organisation' ? one(values.organisation) : ''} error={errors.organisation} width="medium" attrs={{ maxLength: 200 }} />
        <SelectField name="role" id="f-organisation-role" label={t('engagement.meetings.participants.col.role')} value={role('organisation')} options={roleOptions} />
        <Button variant="secondary">{t('engagement.meetings.participants.add_organisation_button')}</Button>
      </PostForm>
      <PostForm action={`${base}/participants`}>
        <h3>{t('engagement.meetings.participants.add_person')}</h3>
        <input type="hidden" name="kind" value="person" />
        <SelectField name="user" id="f-person" label={t('engagement.meetings.participants.user')} hint={t('engagement.meetings.participants.user_hint')} value={kind === 'person' ? one(values.user) : ''} error={errors.person} placeholder={t('engagement.meetings.participants.no_user')} options={people.map((x) => ({ value: x.id, label: x.name }))} />
        <TextField name="name" id="f-person-name" label={t('engagement.meetings.participants.name')} value={kind === 'person' ? one(values.name) : ''} error={errors.name} width="medium" attrs={{ maxLength: 200 }} />
        <SelectField name="role" id="f-person-role" label={t('engagement.meetings.participants.col.role')} value={role('person')} options={roleOptions} />
        <Button variant="secondary">{t('engagement.meetings.participants.add_person_button')}</Button>
      </PostForm>
    </div>
  );
}

/* ---------------------------------------------------------------- one action */

export interface ActionPageProps {
  meeting: MeetingRow;
  action: ActionWithOwner;
  reviewedAt?: MeetingRow | undefined;
  laterMeetings: MeetingRow[];
  owners: Person[];
  states: StateOption[];
  stateNames: Map<string, string>;
  canEdit: boolean;
  flash?: string | undefined;
  form?: 'edit' | 'review' | undefined;
  errors?: Record<string, string> | undefined;
  values?: Values | undefined;
  problem?: string | undefined;
}

export function ActionPage(p: ActionPageProps) {
  const { t, locale } = usePage();
  const a = p.action;
  const meetingTitle = textIn(p.meeting.title, locale);
  const base = `/${locale}/meetings/${p.meeting.id}/actions/${a.id}`;
  const title = t(`engagement.meetings.action_kind.${a.kind}`);
  const errs = p.errors ?? {};
  const current: Values =
    p.form === 'edit' && p.values
      ? p.values
      : { kind: a.kind, text: a.text, owner: a.ownerUserId ?? '', owner_label: a.ownerLabel ?? '', state: a.stateIso2 ?? '', due: a.dueDate ?? '', status: a.status, actions: a.actionIds.join(', ') };
  const review: Values = p.form === 'review' && p.values ? p.values : { later: a.reviewedAtMeetingId ?? '', note: a.reviewNote ?? '', status: a.status };
  return (
    <Layout title={`${title} · ${meetingTitle}`} before={<Breadcrumbs items={crumbs(locale, t, [{ href: `/${locale}/meetings/${p.meeting.id}`, label: meetingTitle }, { label: title }])} />}>
      {Object.keys(errs).length ? <ErrorSummary errors={errs} fieldIds={p.form === 'review' ? { later: 'f-later', note: 'f-note', status: 'f-review-status' } : { state: 'f-action-state' }} /> : null}
      {p.problem ? (
        <NotificationBanner kind="warning">
          <p>{p.problem}</p>
        </NotificationBanner>
      ) : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.meetings.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption">
        <Written texts={p.meeting.title} />
      </span>
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: t('engagement.meetings.action.field.text'), value: <div class="narrative" dir="auto">{a.text}</div> },
          ...(a.kind !== 'outcome'
            ? [
                { key: t('engagement.meetings.action.field.owner'), value: <Owner a={a} /> },
                { key: t('engagement.meetings.action.field.due'), value: <DateText value={a.dueDate} /> },
                { key: t('engagement.meetings.action.field.status'), value: <ActionStatusTag status={a.status} /> },
              ]
            : []),
          ...(a.stateIso2 ? [{ key: t('engagement.meetings.action.field.state'), value: <bdi>{p.stateNames.get(a.stateIso2) ?? a.stateIso2}</bdi> }] : []),
          ...(a.actionIds.length
            ? [
                {
                  key: t('engagement.meetings.action.field.actions'),
                  value: (
                    <ul class="compact-list">
                      {a.actionIds.map((id) => (
                        <li key={id}>
                          <a href={`/${locale}/plans/actions/${id}`} dir="ltr">
                            {id}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          ...(a.doneAt ? [{ key: t('engagement.meetings.action.done_at'), value: <DateText value={a.doneAt} /> }] : []),
          ...(p.reviewedAt
            ? [
                {
                  key: t('engagement.meetings.review.reviewed_at'),
                  value: (
                    <>
                      <a href={`/${locale}/meetings/${p.reviewedAt.id}`}>
                        <Written texts={p.reviewedAt.title} />
                      </a>
                      {a.reviewNote ? (
                        <>
                          {' — '}
                          <bdi>{a.reviewNote}</bdi>
                        </>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {p.canEdit ? (
        <>
          {a.kind !== 'outcome' && a.status !== 'done' ? (
            <PostForm action={`${base}/done`}>
              <input type="hidden" name="version" value={String(a.version)} />
              <Button>{t('engagement.meetings.action.mark_done')}</Button>
            </PostForm>
          ) : null}
          <section aria-labelledby="edit-action">
            <h2 id="edit-action">{t('engagement.meetings.action.edit_title')}</h2>
            <PostForm action={base}>
              <input type="hidden" name="version" value={String(a.version)} />
              <ActionFields values={current} errors={p.form === 'edit' ? errs : {}} owners={p.owners} states={p.states} current={a} />
              <Button>{t('engagement.meetings.action.save')}</Button>
            </PostForm>
          </section>
          {a.kind !== 'outcome' ? (
            <section aria-labelledby="review-action">
              <h2 id="review-action">{t('engagement.meetings.review.title')}</h2>
              <p class="field__hint">{t('engagement.meetings.review.lead')}</p>
              {p.laterMeetings.length ? (
                <PostForm action={`${base}/review`}>
                  <input type="hidden" name="version" value={String(a.version)} />
                  <SelectField name="later" id="f-later" label={t('engagement.meetings.review.later')} value={one(review.later)} error={p.form === 'review' ? errs.later : undefined} placeholder={t('engagement.meetings.review.choose')} options={p.laterMeetings.map((x) => ({ value: x.id, label: `${textIn(x.title, locale)} — ${whenText(locale, x, 'medium')}` }))} />
                  <TextArea name="note" id="f-note" label={t('engagement.meetings.review.note')} value={one(review.note)} error={p.form === 'review' ? errs.note : undefined} rows={3} maxLength={5000} />
                  <SelectField name="status" id="f-review-status" label={t('engagement.meetings.action.field.status')} value={one(review.status)} options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`engagement.meetings.action_status.${s}`) }))} />
                  <Button variant="secondary">{t('engagement.meetings.review.save')}</Button>
                </PostForm>
              ) : (
                <p class="muted">{t('engagement.meetings.review.no_later')}</p>
              )}
            </section>
          ) : null}
        </>
      ) : null}
      <p>
        <a href={`/${locale}/meetings/${p.meeting.id}#actions`}>{t('engagement.meetings.action.back')}</a>
      </p>
    </Layout>
  );
}
