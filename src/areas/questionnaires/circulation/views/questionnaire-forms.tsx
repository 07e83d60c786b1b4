/** The forms about the questionnaire itself: dates and reminders, the circulation check, closing, reopening. */
import { Layout } from '../../../../platform/views/layout.tsx';
import { usePage } from '../../../../platform/views/context.ts';
import { Button, Checkbox, DateText, ErrorSummary, NotificationBanner, PostForm, SummaryList, TextField } from '../../../../platform/views/components.tsx';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import type { ContentProblem } from '../../content.ts';
import { LINK_GRACE_DAYS, REMINDER_MAX_DAYS, REMINDER_MIN_DAYS, lastDayOf, type Readiness } from '../circulation.ts';
import { circulationBase, CirculationBreadcrumbs, languageName, titleOf } from './shared.tsx';

export interface SettingsValues {
  opensOn: string;
  closesOn: string;
  reminderEveryDays: string;
  version: string;
}

export function settingsValuesOf(q: QuestionnaireRow): SettingsValues {
  return {
    opensOn: q.opensAt ? q.opensAt.toISOString().slice(0, 10) : '',
    closesOn: q.closesAt ? lastDayOf(q.closesAt) : '',
    reminderEveryDays: q.reminderEveryDays ? String(q.reminderEveryDays) : '',
    version: String(q.version),
  };
}

export function SettingsPage({ q, values, errors, conflictWith }: { q: QuestionnaireRow; values: SettingsValues; errors?: Record<string, string> | undefined; conflictWith?: SettingsValues | undefined }) {
  const { t, locale } = usePage();
  const title = t('questionnaires.circulation.settings.title');
  const base = circulationBase(locale, q);
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{title}</h1>
      {conflictWith ? (
        <NotificationBanner kind="warning" title={t('questionnaires.circulation.conflict.title')}>
          <p>{t('questionnaires.circulation.conflict.text')}</p>
          <SummaryList
            rows={[
              { key: t('questionnaires.circulation.settings.opens'), value: conflictWith.opensOn ? <DateText value={conflictWith.opensOn} /> : '—' },
              { key: t('questionnaires.circulation.settings.closes'), value: conflictWith.closesOn ? <DateText value={conflictWith.closesOn} /> : '—' },
              { key: t('questionnaires.circulation.settings.reminders'), value: conflictWith.reminderEveryDays || t('questionnaires.circulation.summary.reminders_none') },
            ]}
          />
        </NotificationBanner>
      ) : null}
      <PostForm action={`${base}/settings`}>
        <input type="hidden" name="version" value={values.version} />
        <TextField name="opensOn" type="date" width="medium" label={t('questionnaires.circulation.settings.opens')} hint={t('questionnaires.circulation.settings.opens_hint')} value={values.opensOn} error={errors?.opensOn} />
        <TextField
          name="closesOn"
          type="date"
          width="medium"
          label={t('questionnaires.circulation.settings.closes')}
          hint={t('questionnaires.circulation.settings.closes_hint', { days: LINK_GRACE_DAYS })}
          value={values.closesOn}
          error={errors?.closesOn}
        />
        <TextField
          name="reminderEveryDays"
          width="short"
          label={t('questionnaires.circulation.settings.reminders')}
          hint={t('questionnaires.circulation.settings.reminders_hint', { min: REMINDER_MIN_DAYS, max: REMINDER_MAX_DAYS })}
          value={values.reminderEveryDays}
          error={errors?.reminderEveryDays}
          attrs={{ inputmode: 'numeric' }}
        />
        <div class="button-group">
          <Button>{t('questionnaires.circulation.settings.save')}</Button>
          <a href={base}>{t('questionnaires.circulation.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

export interface CirculateCheckProps {
  q: QuestionnaireRow;
  draft: VersionRow | undefined;
  current: VersionRow | undefined;
  ready: Readiness | undefined;
  /** Invitations that will be e-mailed now. */
  pending: number;
  errors?: Record<string, string> | undefined;
}

function problemText(t: (k: string, v?: Record<string, string | number>) => string, p: ContentProblem): string {
  return `${p.path}: ${t(p.message, p.values)}`;
}

/** The check before circulating: what blocks it, what is only incomplete (confirm), what will happen. */
export function CirculateCheckPage({ q, draft, current, ready, pending, errors }: CirculateCheckProps) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = draft ? t('questionnaires.circulation.circulate.title', { number: draft.versionNo }) : t('questionnaires.circulation.circulate.title_none');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{title}</h1>
      {!draft || !ready ? (
        <p>{t('questionnaires.circulation.circulate.no_draft')}</p>
      ) : ready.blocking.length ? (
        <>
          <NotificationBanner kind="warning" title={t('questionnaires.circulation.circulate.blocked_title')}>
            <ul>
              {ready.blocking.map((b) => (
                <li key={b.code}>{t(b.code, { ...b.values, ...(b.values?.language ? { language: languageName(String(b.values.language), locale) } : {}) })}</li>
              ))}
            </ul>
            {ready.problems.length ? (
              <ul class="compact-list">
                {ready.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    <bdi dir="ltr">{problemText(t, p)}</bdi>
                  </li>
                ))}
              </ul>
            ) : null}
          </NotificationBanner>
          <p>
            <a href={`/${locale}/questionnaires/${q.id}/build`}>{t('questionnaires.circulation.circulate.to_builder')}</a>
          </p>
        </>
      ) : (
        <>
          {current ? <p>{t('questionnaires.circulation.circulate.new_version', { number: draft.versionNo, current: current.versionNo })}</p> : null}
          <SummaryList
            rows={[
              { key: t('questionnaires.circulation.summary.opens'), value: q.opensAt ? <DateText value={q.opensAt} /> : t('questionnaires.circulation.summary.opens_at_circulation') },
              { key: t('questionnaires.circulation.summary.closes'), value: q.closesAt ? <DateText value={lastDayOf(q.closesAt)} /> : t('questionnaires.circulation.summary.no_closing') },
              { key: t('questionnaires.circulation.circulate.pending'), value: t('questionnaires.circulation.circulate.pending_count', { count: pending }) },
            ]}
          />
          <PostForm action={`${base}/circulate`}>
            <input type="hidden" name="version" value={String(q.version)} />
            {ready.incomplete.length ? (
              <NotificationBanner kind="warning" title={t('questionnaires.circulation.circulate.incomplete_title')}>
                <ul>
                  {ready.incomplete.map((l) => (
                    <li key={l.locale}>{t('questionnaires.circulation.circulate.incomplete_language', { language: languageName(l.locale, locale), missing: l.missing, total: l.total })}</li>
                  ))}
                </ul>
                <p>{t('questionnaires.circulation.circulate.incomplete_text')}</p>
                <div class={errors?.confirm ? 'field field--error' : 'field'} id="f-confirm-field">
                  {errors?.confirm ? <p class="field__error">{errors.confirm}</p> : null}
                  <Checkbox name="confirm" value="yes" label={t('questionnaires.circulation.circulate.confirm')} />
                </div>
              </NotificationBanner>
            ) : null}
            <div class="button-group">
              <Button>{t('questionnaires.circulation.circulate.button', { number: draft.versionNo })}</Button>
              <a href={base}>{t('questionnaires.circulation.cancel')}</a>
            </div>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export function ClosePage({ q, errors }: { q: QuestionnaireRow; errors?: Record<string, string> | undefined }) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = t('questionnaires.circulation.close.title');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{title}</h1>
      <p>{t('questionnaires.circulation.close.text')}</p>
      <PostForm action={`${base}/close`}>
        <input type="hidden" name="version" value={String(q.version)} />
        <div class="button-group">
          <Button variant="warning">{t('questionnaires.circulation.close.button')}</Button>
          <a href={base}>{t('questionnaires.circulation.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

export function ReopenPage({ q, closesOn, errors }: { q: QuestionnaireRow; closesOn: string; errors?: Record<string, string> | undefined }) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = t('questionnaires.circulation.reopen.title');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{title}</h1>
      <p>{t('questionnaires.circulation.reopen.text')}</p>
      <PostForm action={`${base}/reopen`}>
        <input type="hidden" name="version" value={String(q.version)} />
        <TextField name="closesOn" type="date" width="medium" label={t('questionnaires.circulation.settings.closes')} hint={t('questionnaires.circulation.reopen.hint')} value={closesOn} error={errors?.closesOn} />
        <div class="button-group">
          <Button>{t('questionnaires.circulation.reopen.button')}</Button>
          <a href={base}>{t('questionnaires.circulation.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}
