/** Recording a meeting, and editing its details (in the editor's language; the title's other languages are kept). */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, Checkbox, ErrorSummary, NotificationBanner, PostForm, Radios, SelectField, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { localized, type Committee } from '../../../states/index.ts';
import { CONFIDENTIALITY, MEETING_KINDS } from '../../schema.ts';
import type { MeetingRow } from '../meetings-repository.ts';
import { textIn } from '../../texts.ts';
import { crumbs } from './shared.tsx';

export type MeetingFormValues = Record<string, string | string[]>;

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
function one(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export interface MeetingFormPageProps {
  meeting?: MeetingRow | undefined;
  committees: Committee[];
  values: MeetingFormValues;
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
}

export function MeetingFormPage(p: MeetingFormPageProps) {
  const { t, locale } = usePage();
  const v = p.values;
  const e = p.errors ?? {};
  const title = p.meeting ? t('engagement.meetings.edit_title') : t('engagement.meetings.new_title');
  const chosen = list(v.committees);
  const rest = p.meeting ? [{ href: `/${locale}/meetings/${p.meeting.id}`, label: textIn(p.meeting.title, locale) }, { label: title }] : [{ label: title }];
  return (
    <Layout title={title} before={<Breadcrumbs items={crumbs(locale, t, rest)} />}>
      {Object.keys(e).length ? <ErrorSummary errors={e} fieldIds={{ committees: 'f-committees-0', confidentiality: 'f-confidentiality' }} /> : null}
      {p.problem ? (
        <NotificationBanner kind="warning">
          <p>{p.problem}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p class="field__hint">{t('engagement.meetings.language_note', { language: t(`engagement.language.${locale}`) })}</p>
      <PostForm action={p.meeting ? `/${locale}/meetings/${p.meeting.id}` : `/${locale}/meetings`}>
        {p.meeting ? <input type="hidden" name="version" value={String(p.meeting.version)} /> : null}
        <SelectField name="kind" label={t('engagement.meetings.field.kind')} value={one(v.kind)} error={e.kind} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`engagement.meetings.kind.${k}`) }))} />
        <TextField name="title" label={t('engagement.meetings.field.title')} value={one(v.title)} error={e.title} attrs={{ maxLength: 300 }} />
        <fieldset class="fieldset form-section">
          <legend class="fieldset__legend">{t('engagement.meetings.field.when')}</legend>
          <Checkbox name="all_day" label={t('engagement.meetings.field.all_day')} checked={one(v.all_day) === 'on'} hint={t('engagement.meetings.field.all_day_hint')} />
          <div class="inline-fields">
            <TextField name="start_date" type="date" label={t('engagement.meetings.field.start_date')} value={one(v.start_date)} error={e.start_date} width="short" />
            <TextField name="start_time" type="time" label={t('engagement.meetings.field.start_time')} value={one(v.start_time)} error={e.start_time} width="short" />
          </div>
          <div class="inline-fields">
            <TextField name="end_date" type="date" label={t('engagement.meetings.field.end_date')} hint={t('engagement.meetings.field.end_date_hint')} value={one(v.end_date)} error={e.end_date} width="short" />
            <TextField name="end_time" type="time" label={t('engagement.meetings.field.end_time')} value={one(v.end_time)} error={e.end_time} width="short" />
          </div>
          <TextField name="time_zone" label={t('engagement.meetings.field.time_zone')} hint={t('engagement.meetings.field.time_zone_hint')} value={one(v.time_zone)} error={e.time_zone} width="medium" attrs={{ spellcheck: false, autocomplete: 'off' }} />
        </fieldset>
        <TextField name="place" label={t('engagement.meetings.field.place')} value={one(v.place)} error={e.place} width="medium" attrs={{ maxLength: 300 }} />
        <Checkbox name="online" label={t('engagement.meetings.field.online')} checked={one(v.online) === 'on'} />
        <div class={`field${e.committees ? ' field--error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={e.committees ? 'f-committees-error' : undefined}>
            <legend class="fieldset__legend">{t('engagement.meetings.field.committees')}</legend>
            {e.committees ? (
              <p class="field__error" id="f-committees-error">
                {e.committees}
              </p>
            ) : null}
            {p.committees.map((c, i) => (
              <div class="checkbox" key={c.id}>
                <input class="checkbox__input" type="checkbox" id={`f-committees-${i}`} name="committees" value={c.id} checked={chosen.includes(c.id)} />
                <label class="checkbox__label" for={`f-committees-${i}`}>
                  {localized(c.names, locale)}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <Checkbox name="with_presidency" label={t('engagement.meetings.field.with_presidency')} checked={one(v.with_presidency) === 'on'} />
        <Radios name="confidentiality" legend={t('engagement.meetings.field.confidentiality')} value={one(v.confidentiality)} error={e.confidentiality} options={CONFIDENTIALITY.map((c) => ({ value: c, label: t(`engagement.meetings.confidentiality.${c}`), hint: t(`engagement.meetings.confidentiality_hint.${c}`) }))} />
        <SelectField name="status" label={t('engagement.meetings.field.status')} hint={t('engagement.meetings.field.status_hint')} value={one(v.status)} error={e.status} options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`engagement.meetings.status.${s}`) }))} />
        <TextArea name="agenda" label={t('engagement.meetings.field.agenda')} value={one(v.agenda)} error={e.agenda} rows={4} maxLength={10000} />
        <TextArea name="notes" label={t('engagement.meetings.field.notes')} value={one(v.notes)} error={e.notes} rows={6} maxLength={20000} />
        <TextArea name="gender_questions" label={t('engagement.meetings.field.gender_questions')} hint={t('engagement.meetings.field.gender_questions_hint')} value={one(v.gender_questions)} error={e.gender_questions} rows={4} maxLength={10000} />
        <Button>{p.meeting ? t('engagement.meetings.save') : t('engagement.meetings.create')}</Button>
      </PostForm>
    </Layout>
  );
}
