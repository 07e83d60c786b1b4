import type { ComponentChildren } from 'preact';
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import {
  Breadcrumbs,
  Button,
  Checkbox,
  DateText,
  ErrorSummary,
  NotificationBanner,
  PostForm,
  SelectField,
  Table,
  TextArea,
  TextField,
  UserText,
} from '../../../platform/views/components.tsx';
import { eifFromDeposit, isIsoDate } from '../membership.ts';
import { stateName } from '../names.ts';
import type { Article5Deadline, State, StateListItem } from '../states-queries.ts';
import { Article5Tag, article5StatusOptions, consentTypeOptions, languageOptions, regionOptions, StatusTag } from './labels.tsx';

type Values = Record<string, unknown>;
type Errors = Record<string, string>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function AdminCrumbs({ current, state }: { current: ComponentChildren; state?: State }) {
  const { t, locale } = usePage();
  return (
    <Breadcrumbs
      items={[
        { href: `/${locale}/admin/states`, label: t('states.admin.title') },
        ...(state ? [{ href: `/${locale}/states/${state.iso2.toLowerCase()}`, label: stateName(state, locale) }] : []),
        { label: current },
      ]}
    />
  );
}

export function AdminStatesPage({ items, canEdit, canAdd, notice }: { items: StateListItem[]; canEdit: boolean; canAdd: boolean; notice?: string | undefined }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('states.admin.title')} wide>
      {notice ? <NotificationBanner kind="success">{notice}</NotificationBanner> : null}
      <h1>{t('states.admin.title')}</h1>
      <p class="lead">{t('states.admin.lead')}</p>
      {canAdd ? (
        <p>
          <a class="button button--secondary" href={`/${locale}/admin/states/new`}>
            {t('states.admin.add')}
          </a>
        </p>
      ) : null}
      <Table
        caption={t('states.admin.caption', { count: items.length })}
        rows={items}
        columns={[
          { header: t('states.list.col_name'), cell: (i) => <a href={`/${locale}/states/${i.state.iso2.toLowerCase()}`}>{stateName(i.state, locale)}</a> },
          { header: t('states.admin.col_code'), cell: (i) => i.state.iso2 },
          { header: t('states.list.col_status'), cell: (i) => <StatusTag status={i.status} /> },
          {
            header: t('states.list.col_article5'),
            cell: (i) =>
              i.article5 ? (
                <>
                  <DateText value={i.article5.deadline} style="medium" /> <Article5Tag status={i.article5.status} />
                </>
              ) : (
                <span class="muted">{t('states.list.no_deadline')}</span>
              ),
          },
          {
            header: t('states.admin.col_actions'),
            cell: (i) => {
              const name = stateName(i.state, locale);
              const base = `/${locale}/admin/states/${i.state.iso2.toLowerCase()}`;
              return (
                <>
                  <a href={`${base}/article5`}>
                    {t('states.admin.article5_link')}
                    <span class="visually-hidden"> ({name})</span>
                  </a>
                  {canEdit ? (
                    <>
                      {' · '}
                      <a href={`${base}/membership`}>
                        {t('states.admin.membership_link')}
                        <span class="visually-hidden"> ({name})</span>
                      </a>
                    </>
                  ) : null}
                </>
              );
            },
          },
        ]}
      />
    </Layout>
  );
}

export function Article5FormPage({ state, history, values, errors, saved }: { state: State; history: Article5Deadline[]; values?: Values; errors?: Errors; saved?: boolean }) {
  const { t, locale } = usePage();
  const name = stateName(state, locale);
  const v = values ?? {};
  const title = t('states.article5_form.title', { name });
  return (
    <Layout title={title} before={<AdminCrumbs state={state} current={t('states.article5_form.crumb')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {saved ? <NotificationBanner kind="success">{t('states.article5_form.saved')}</NotificationBanner> : null}
      <h1>{title}</h1>
      <p>{t('states.article5_form.intro')}</p>
      <PostForm action={`/${locale}/admin/states/${state.iso2.toLowerCase()}/article5`}>
        <TextField name="deadline" type="date" width="medium" label={t('states.article5_form.deadline')} hint={t('states.form.date_hint')} value={str(v.deadline)} error={errors?.deadline} />
        <SelectField name="status" label={t('states.article5_form.status')} value={str(v.status)} options={article5StatusOptions(t)} placeholder={t('states.form.choose')} error={errors?.status} />
        <TextArea name="note" label={t('states.article5_form.note')} hint={t('states.article5_form.note_hint')} value={str(v.note)} rows={3} maxLength={1000} error={errors?.note} />
        <Checkbox name="toVerify" label={t('states.article5_form.to_verify')} checked={v.toVerify === 'on' || v.toVerify === true} />
        <Button>{t('states.article5_form.submit')}</Button>
      </PostForm>
      <Table
        caption={t('states.state.article5_history_caption')}
        rows={history}
        empty={t('states.state.article5_none')}
        columns={[
          { header: t('states.state.col_deadline'), cell: (a) => <DateText value={a.deadline} /> },
          { header: t('states.state.col_status'), cell: (a) => <Article5Tag status={a.status} /> },
          { header: t('states.state.col_recorded'), cell: (a) => (a.createdBy ? <DateText value={a.createdAt} style="medium" /> : <span class="muted">{t('states.state.reference_data')}</span>) },
          { header: t('states.state.col_note'), cell: (a) => (a.note ? <UserText>{a.note}</UserText> : null) },
        ]}
      />
    </Layout>
  );
}

/** The fields of a State's membership (shared by the edit and add forms). */
function MembershipFields({ v, errors, withWithdrawal }: { v: Values; errors?: Errors | undefined; withWithdrawal: boolean }) {
  const { t, tr } = usePage();
  const consent = str(v.consentDate);
  const suggestion = isIsoDate(consent) ? eifFromDeposit(consent) : undefined;
  return (
    <>
      <TextField name="signatureDate" type="date" width="medium" label={t('states.membership_form.signature')} hint={t('states.membership_form.signature_hint')} value={str(v.signatureDate)} error={errors?.signatureDate} />
      <SelectField name="consentType" label={t('states.membership_form.consent_type')} value={str(v.consentType)} options={consentTypeOptions(t)} placeholder={t('states.form.choose')} error={errors?.consentType} />
      <TextField name="consentDate" type="date" width="medium" label={t('states.membership_form.consent_date')} hint={t('states.form.date_hint')} value={consent} error={errors?.consentDate} />
      <TextField
        name="eifDate"
        type="date"
        width="medium"
        label={t('states.membership_form.eif')}
        hint={suggestion ? t('states.membership_form.eif_hint_computed', { date: tr.formatDate(suggestion) }) : t('states.membership_form.eif_hint')}
        value={str(v.eifDate)}
        error={errors?.eifDate}
      />
      {withWithdrawal ? (
        <>
          <TextField name="withdrawalNotifiedDate" type="date" width="medium" label={t('states.membership_form.withdrawal_notified')} hint={t('states.membership_form.withdrawal_hint')} value={str(v.withdrawalNotifiedDate)} error={errors?.withdrawalNotifiedDate} />
          <TextField name="withdrawalEffectiveDate" type="date" width="medium" label={t('states.membership_form.withdrawal_effective')} value={str(v.withdrawalEffectiveDate)} error={errors?.withdrawalEffectiveDate} />
          <TextField name="suspensionNotifiedDate" type="date" width="medium" label={t('states.membership_form.suspension_notified')} value={str(v.suspensionNotifiedDate)} error={errors?.suspensionNotifiedDate} />
        </>
      ) : null}
      <TextArea name="note" label={t('states.membership_form.note')} value={str(v.note)} rows={3} maxLength={1000} error={errors?.note} />
    </>
  );
}

/** Values of a saved State as the form shows them. */
export function membershipValues(state: State): Values {
  return {
    version: state.version,
    signatureDate: state.signatureDate ?? '',
    consentType: state.consentType,
    consentDate: state.consentDate,
    eifDate: state.eifDate,
    withdrawalNotifiedDate: state.withdrawalNotifiedDate ?? '',
    withdrawalEffectiveDate: state.withdrawalEffectiveDate ?? '',
    suspensionNotifiedDate: state.suspensionNotifiedDate ?? '',
    note: state.note ?? '',
  };
}

const COMPARED = ['signatureDate', 'consentType', 'consentDate', 'eifDate', 'withdrawalNotifiedDate', 'withdrawalEffectiveDate', 'suspensionNotifiedDate', 'note'] as const;
const FIELD_LABEL: Record<(typeof COMPARED)[number], string> = {
  signatureDate: 'states.membership_form.signature',
  consentType: 'states.membership_form.consent_type',
  consentDate: 'states.membership_form.consent_date',
  eifDate: 'states.membership_form.eif',
  withdrawalNotifiedDate: 'states.membership_form.withdrawal_notified',
  withdrawalEffectiveDate: 'states.membership_form.withdrawal_effective',
  suspensionNotifiedDate: 'states.membership_form.suspension_notified',
  note: 'states.membership_form.note',
};

/**
 * The membership edit form. With `conflict`, the saved values differ from those the user started
 * from: the page shows both side by side, keeps the user's input in the form and carries the saved
 * version, so saving again is a deliberate choice.
 */
export function MembershipFormPage({ state, values, errors, saved, conflict }: { state: State; values: Values; errors?: Errors; saved?: boolean; conflict?: boolean }) {
  const { t, locale } = usePage();
  const name = stateName(state, locale);
  const title = t('states.membership_form.title', { name });
  const current = membershipValues(state);
  const display = (field: (typeof COMPARED)[number], value: unknown) => {
    const s = str(value);
    if (!s) return <span class="muted">—</span>;
    if (field === 'consentType') return t(`states.consent.${s}`);
    if (field === 'note') return <UserText>{s}</UserText>;
    return isIsoDate(s) ? <DateText value={s} /> : <UserText>{s}</UserText>;
  };
  return (
    <Layout title={conflict ? t('states.membership_form.conflict_title') : title} before={<AdminCrumbs state={state} current={t('states.membership_form.crumb')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {saved ? <NotificationBanner kind="success">{t('states.membership_form.saved')}</NotificationBanner> : null}
      {conflict ? (
        <>
          <h1>{t('states.membership_form.conflict_title')}</h1>
          <NotificationBanner kind="warning">{t('states.membership_form.conflict_text', { name })}</NotificationBanner>
          <Table
            caption={t('states.membership_form.conflict_caption')}
            rows={COMPARED.filter((f) => str(values[f]) !== str(current[f]))}
            empty={t('states.membership_form.conflict_same')}
            columns={[
              { header: t('states.membership_form.col_field'), cell: (f) => t(FIELD_LABEL[f]) },
              { header: t('states.membership_form.col_yours'), cell: (f) => display(f, values[f]) },
              { header: t('states.membership_form.col_saved'), cell: (f) => display(f, current[f]) },
            ]}
          />
          <h2>{t('states.membership_form.conflict_again')}</h2>
        </>
      ) : (
        <>
          <h1>{title}</h1>
          <p>{t('states.membership_form.intro')}</p>
        </>
      )}
      <PostForm action={`/${locale}/admin/states/${state.iso2.toLowerCase()}/membership`}>
        <input type="hidden" name="version" value={String(conflict ? state.version : str(values.version) || state.version)} />
        <MembershipFields v={values} errors={errors} withWithdrawal />
        <Button>{t('states.membership_form.submit')}</Button>
      </PostForm>
    </Layout>
  );
}

export function NewStatePage({ values, errors }: { values?: Values; errors?: Errors }) {
  const { t, locale } = usePage();
  const v = values ?? {};
  const names = [
    ['nameAr', 'ar'],
    ['nameZh', 'zh'],
    ['nameEn', 'en'],
    ['nameFr', 'fr'],
    ['nameRu', 'ru'],
    ['nameEs', 'es'],
  ] as const;
  const langs = languageOptions(locale);
  return (
    <Layout title={t('states.new.title')} before={<AdminCrumbs current={t('states.new.title')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('states.new.title')}</h1>
      <p>{t('states.new.intro')}</p>
      <PostForm action={`/${locale}/admin/states/new`}>
        <TextField name="iso2" width="short" label={t('states.new.iso2')} hint={t('states.new.iso2_hint')} value={str(v.iso2)} error={errors?.iso2} attrs={{ maxLength: 2, spellcheck: false, autocomplete: 'off' }} />
        <TextField name="iso3" width="short" label={t('states.new.iso3')} hint={t('states.new.iso3_hint')} value={str(v.iso3)} error={errors?.iso3} attrs={{ maxLength: 3, spellcheck: false, autocomplete: 'off' }} />
        {names.map(([field, lang]) => (
          <TextField key={field} name={field} label={t('states.new.name_in', { language: langs.find((l) => l.value === lang)?.label ?? lang })} value={str(v[field])} error={errors?.[field]} attrs={{ maxLength: 200 }} />
        ))}
        <SelectField name="region" label={t('states.new.region')} value={str(v.region)} options={regionOptions(t)} placeholder={t('states.form.choose')} error={errors?.region} />
        <SelectField name="reportingLanguage" label={t('states.new.reporting_language')} value={str(v.reportingLanguage)} options={langs} placeholder={t('states.form.choose')} error={errors?.reportingLanguage} />
        <MembershipFields v={v} errors={errors} withWithdrawal={false} />
        <Button>{t('states.new.submit')}</Button>
      </PostForm>
    </Layout>
  );
}
