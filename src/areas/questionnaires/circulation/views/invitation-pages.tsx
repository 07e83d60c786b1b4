/** Inviting people (one, a group, a pasted list) and one invitation's page (revoke, new link). */
import { Layout } from '../../../../platform/views/layout.tsx';
import { usePage } from '../../../../platform/views/context.ts';
import { Button, NotificationBanner, DateText, DateTimeText, ErrorSummary, PostForm, SelectField, SummaryList, Tag, TextArea, TextField, UserText, fieldId } from '../../../../platform/views/components.tsx';
import { LOCALES } from '../../../../platform/i18n/locales.ts';
import type { QuestionnaireRow } from '../../questionnaires-repository.ts';
import type { InvitationRow } from '../../respondents.ts';
import { AUDIENCES } from '../../schema.ts';
import { MAX_PASTED_LINES, type TrackingStatus } from '../circulation.ts';
import type { StateOption } from '../circulation-queries.ts';
import { circulationBase, CirculationBreadcrumbs, languageName, ResponseTag, titleOf } from './shared.tsx';

export interface PersonValues {
  audience?: string;
  stateIso2?: string;
  name?: string;
  email?: string;
  organisation?: string;
  locale?: string;
}

function AudienceSelect({ value, error, name = 'audience' }: { value: string | undefined; error?: string | undefined; name?: string }) {
  const { t } = usePage();
  return (
    <SelectField
      name={name}
      label={t('questionnaires.circulation.col.audience')}
      value={value ?? ''}
      placeholder={t('questionnaires.circulation.form.choose')}
      error={error}
      options={AUDIENCES.map((a) => ({ value: a, label: t(`questionnaires.circulation.audience.${a}`) }))}
    />
  );
}

export function InvitePage({ q, states, values, errors }: { q: QuestionnaireRow; states: StateOption[]; values: PersonValues; errors?: Record<string, string> | undefined }) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = t('questionnaires.circulation.invite.one');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{title}</h1>
      <p>{q.circulatedAt ? t('questionnaires.circulation.invite.sent_at_once') : t('questionnaires.circulation.invite.sent_at_circulation')}</p>
      <PostForm action={`${base}/invitations/new`}>
        <AudienceSelect value={values.audience} error={errors?.audience} />
        <SelectField
          name="stateIso2"
          label={t('questionnaires.circulation.form.state')}
          hint={t('questionnaires.circulation.form.state_hint')}
          value={values.stateIso2 ?? ''}
          placeholder={t('questionnaires.circulation.form.no_state')}
          error={errors?.stateIso2}
          options={states.map((s) => ({ value: s.iso2, label: s.name }))}
        />
        <TextField name="name" label={t('questionnaires.circulation.form.name')} value={values.name} error={errors?.name} attrs={{ autocomplete: 'off', maxLength: 200 }} />
        <TextField name="email" type="email" label={t('questionnaires.circulation.form.email')} value={values.email} error={errors?.email} attrs={{ autocomplete: 'off', spellcheck: false, maxLength: 320 }} />
        <TextField name="organisation" label={t('questionnaires.circulation.form.organisation')} hint={t('questionnaires.circulation.form.optional')} value={values.organisation} error={errors?.organisation} attrs={{ maxLength: 200 }} />
        <SelectField
          name="locale"
          label={t('questionnaires.circulation.form.language')}
          hint={t('questionnaires.circulation.form.language_hint')}
          value={values.locale ?? ''}
          placeholder={t('questionnaires.circulation.form.choose')}
          error={errors?.locale}
          options={LOCALES.map((l) => ({ value: l, label: languageName(l, locale) }))}
        />
        <div class="button-group">
          <Button>{t('questionnaires.circulation.invite.add')}</Button>
          <a href={base}>{t('questionnaires.circulation.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

export function GroupPage({ q, states, chosen, errors }: { q: QuestionnaireRow; states: StateOption[]; chosen: string[]; errors?: Record<string, string> | undefined }) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = t('questionnaires.circulation.invite.group');
  const affected = states.filter((s) => s.affected);
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={title} />}>
      {errors ? <ErrorSummary errors={errors} fieldIds={{ states: `${fieldId('states')}-0` }} /> : null}
      <h1>{title}</h1>
      <p>{t('questionnaires.circulation.group.lead')}</p>

      <section aria-labelledby="g-directors">
        <h2 id="g-directors">{t('questionnaires.circulation.group.directors')}</h2>
        <p>{t('questionnaires.circulation.group.directors_text', { count: affected.length })}</p>
        <PostForm action={`${base}/invitations/group`}>
          <input type="hidden" name="group" value="directors" />
          <Button variant="secondary">{t('questionnaires.circulation.group.directors_button')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="g-donors">
        <h2 id="g-donors">{t('questionnaires.circulation.group.donors')}</h2>
        <PostForm action={`${base}/invitations/group`}>
          <input type="hidden" name="group" value="donors" />
          <div class={`field${errors?.states ? ' field--error' : ''}`}>
            <fieldset class="fieldset">
              <legend class="fieldset__legend">{t('questionnaires.circulation.group.donors_legend')}</legend>
              <div class="field__hint">{t('questionnaires.circulation.group.donors_hint')}</div>
              {errors?.states ? <p class="field__error">{errors.states}</p> : null}
              {states.map((s, i) => (
                <div class="checkbox" key={s.iso2}>
                  <input class="checkbox__input" type="checkbox" id={`${fieldId('states')}-${i}`} name="states" value={s.iso2} checked={chosen.includes(s.iso2)} />
                  <label class="checkbox__label" for={`${fieldId('states')}-${i}`}>
                    {s.name}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <Button variant="secondary">{t('questionnaires.circulation.group.donors_button')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="g-committee">
        <h2 id="g-committee">{t('questionnaires.circulation.group.committee')}</h2>
        <p>{t('questionnaires.circulation.group.committee_text')}</p>
        <PostForm action={`${base}/invitations/group`}>
          <input type="hidden" name="group" value="committee" />
          <Button variant="secondary">{t('questionnaires.circulation.group.committee_button')}</Button>
        </PostForm>
      </section>
      <p>
        <a href={base}>{t('questionnaires.circulation.back')}</a>
      </p>
    </Layout>
  );
}

export function PastePage({ q, values, errors, lineErrors }: { q: QuestionnaireRow; values: { audience?: string; list?: string }; errors?: Record<string, string> | undefined; lineErrors?: string[] | undefined }) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = t('questionnaires.circulation.invite.paste');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{title}</h1>
      <p>{t('questionnaires.circulation.paste.lead')}</p>
      <p>
        <code dir="ltr">{t('questionnaires.circulation.paste.format')}</code>
      </p>
      <p class="muted">{t('questionnaires.circulation.paste.example_label')}</p>
      <pre dir="ltr">{t('questionnaires.circulation.paste.example')}</pre>
      {lineErrors?.length ? (
        <div class="field field--error">
          <p class="field__error">{t('questionnaires.circulation.paste.nothing_added')}</p>
          <ul>
            {lineErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <PostForm action={`${base}/invitations/paste`}>
        <AudienceSelect value={values.audience} error={errors?.audience} />
        <TextArea name="list" rows={12} label={t('questionnaires.circulation.paste.label')} hint={t('questionnaires.circulation.paste.hint', { max: MAX_PASTED_LINES })} value={values.list} error={errors?.list} />
        <div class="button-group">
          <Button>{t('questionnaires.circulation.paste.button')}</Button>
          <a href={base}>{t('questionnaires.circulation.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

export interface InvitationPageProps {
  q: QuestionnaireRow;
  invitation: InvitationRow;
  stateName: string | undefined;
  status: TrackingStatus;
  linkProblem: 'revoked' | 'expired' | null;
  canAct: boolean;
  flash?: string | undefined;
}

export function InvitationPage({ q, invitation: inv, stateName, status, linkProblem, canAct, flash }: InvitationPageProps) {
  const { t, tr, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = t('questionnaires.circulation.invitation.title');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={<UserText>{inv.name}</UserText>} />}>
      {flash ? (
        <NotificationBanner kind="success">
          <p>{t(`questionnaires.circulation.flash.${flash}`, { count: 1 })}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        <span class="caption">{title}</span>
        <UserText>{inv.name}</UserText>
      </h1>
      <SummaryList
        rows={[
          { key: t('questionnaires.circulation.form.email'), value: <bdi dir="ltr">{inv.email}</bdi> },
          { key: t('questionnaires.circulation.form.organisation'), value: inv.organisation ? <UserText>{inv.organisation}</UserText> : '—' },
          { key: t('questionnaires.circulation.col.state'), value: stateName ? <bdi>{stateName}</bdi> : '—' },
          { key: t('questionnaires.circulation.col.audience'), value: t(`questionnaires.circulation.audience.${inv.audience}`) },
          { key: t('questionnaires.circulation.col.language'), value: languageName(inv.locale, locale) },
          { key: t('questionnaires.circulation.invitation.account'), value: inv.userId ? t('questionnaires.circulation.invitation.has_account') : t('questionnaires.circulation.invitation.no_account') },
          { key: t('questionnaires.circulation.col.sent'), value: inv.sentAt ? <DateTimeText value={inv.sentAt} /> : t('questionnaires.circulation.not_sent') },
          { key: t('questionnaires.circulation.col.reminders'), value: tr.formatNumber(inv.remindersSent) },
          { key: t('questionnaires.circulation.invitation.last_reminded'), value: inv.lastRemindedAt ? <DateTimeText value={inv.lastRemindedAt} /> : '—' },
          { key: t('questionnaires.circulation.col.opened'), value: inv.lastUsedAt ? <DateTimeText value={inv.lastUsedAt} /> : t('questionnaires.circulation.never') },
          { key: t('questionnaires.circulation.col.response'), value: <ResponseTag status={status} /> },
          {
            key: t('questionnaires.circulation.col.link'),
            value: linkProblem ? (
              <Tag tone="red">{t(`questionnaires.circulation.link.${linkProblem}`)}</Tag>
            ) : (
              <>
                <Tag tone="green">{t('questionnaires.circulation.link.active')}</Tag> {t('questionnaires.circulation.invitation.expires')} <DateText value={inv.expiresAt} />
              </>
            ),
          },
        ]}
      />
      {canAct ? (
        <>
          <p>
            <a href={`${base}/invitations/${inv.id}/edit`}>{t('questionnaires.circulation.edit.link')}</a>
          </p>
          <h2>{t('questionnaires.circulation.invitation.new_link')}</h2>
          <p>{t('questionnaires.circulation.invitation.new_link_text')}</p>
          <PostForm action={`${base}/invitations/${inv.id}/new-link`}>
            <Button variant="secondary">{t('questionnaires.circulation.invitation.new_link_button')}</Button>
          </PostForm>
          {!inv.revokedAt ? (
            <>
              <h2>{t('questionnaires.circulation.invitation.revoke')}</h2>
              <p>{t('questionnaires.circulation.invitation.revoke_text')}</p>
              <PostForm action={`${base}/invitations/${inv.id}/revoke`}>
                <Button variant="warning">{t('questionnaires.circulation.invitation.revoke_button')}</Button>
              </PostForm>
            </>
          ) : null}
        </>
      ) : null}
      <p>
        <a href={base}>{t('questionnaires.circulation.back')}</a>
      </p>
    </Layout>
  );
}

export function EditInvitationPage({ q, invitation: inv, values, errors }: { q: QuestionnaireRow; invitation: InvitationRow; values: PersonValues; errors?: Record<string, string> | undefined }) {
  const { t, locale } = usePage();
  const base = circulationBase(locale, q);
  const title = t('questionnaires.circulation.edit.title');
  return (
    <Layout title={`${title} — ${titleOf(q, locale)}`} before={<CirculationBreadcrumbs q={q} page={<UserText>{inv.name}</UserText>} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{title}</h1>
      <p>{t('questionnaires.circulation.edit.lead')}</p>
      <PostForm action={`${base}/invitations/${inv.id}/edit`}>
        <TextField name="name" label={t('questionnaires.circulation.form.name')} value={values.name} error={errors?.name} attrs={{ autocomplete: 'off', maxLength: 200 }} />
        <TextField name="email" type="email" label={t('questionnaires.circulation.form.email')} hint={t('questionnaires.circulation.edit.email_hint')} value={values.email} error={errors?.email} attrs={{ autocomplete: 'off', spellcheck: false, maxLength: 320 }} />
        <TextField name="organisation" label={t('questionnaires.circulation.form.organisation')} hint={t('questionnaires.circulation.form.optional')} value={values.organisation} error={errors?.organisation} attrs={{ maxLength: 200 }} />
        <SelectField
          name="locale"
          label={t('questionnaires.circulation.form.language')}
          hint={t('questionnaires.circulation.form.language_hint')}
          value={values.locale ?? ''}
          placeholder={t('questionnaires.circulation.form.choose')}
          error={errors?.locale}
          options={LOCALES.map((l) => ({ value: l, label: languageName(l, locale) }))}
        />
        <div class="button-group">
          <Button>{t('questionnaires.circulation.edit.save')}</Button>
          <a href={`${base}/invitations/${inv.id}`}>{t('questionnaires.circulation.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}
