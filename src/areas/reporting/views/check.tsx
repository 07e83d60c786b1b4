import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, Checkbox, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Radios, TextArea } from '../../../platform/views/components.tsx';
import { textOf, type FormDef } from '../../../platform/forms/definition.ts';
import { FormView, inputId, type References } from '../../../platform/forms/render.tsx';
import type { ReportCheck } from '../reports-commands.ts';
import type { ReportFormRow, ReportRow } from '../reports-repository.ts';
import { formStatusText, reportTitle } from './shared.tsx';

export interface CheckPageProps {
  report: ReportRow;
  stateName: string;
  forms: FormDef[];
  rows: ReportFormRow[];
  check: ReportCheck;
  canSubmit: boolean;
  references?: References;
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
}

export const explanationField = (formId: string, path: string) => `explain.${formId}:${path}`;

export function CheckPage(p: CheckPageProps) {
  const { t, locale } = usePage();
  const base = `/${locale}/reports/${p.report.id}`;
  const heading = reportTitle(t, p.report, p.stateName);
  const byId = Object.fromEntries(p.rows.map((r) => [r.formId, r]));
  const formTitle = (id: string) => textOf(p.forms.find((f) => f.id === id)?.title ?? id, locale, t);
  const blocked = p.check.unfinished.length > 0 || p.check.errors.length > 0;
  const v = p.values ?? {};
  return (
    <Layout title={t('reporting.check.title')} before={<Breadcrumbs items={[{ href: `/${locale}/my`, label: t('reporting.my.title') }, { href: `${base}/edit`, label: heading }, { label: t('reporting.check.title') }]} />}>
      {p.errors ? <ErrorSummary errors={p.errors} /> : null}
      <span class="caption">{heading}</span>
      <h1>{t('reporting.check.title')}</h1>
      <table class="table">
        <caption class="table__caption">{t('reporting.check.forms')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reporting.check.form')}</th>
            <th scope="col">{t('reporting.check.status')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('reporting.check.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.forms.map((f) => {
            const row = byId[f.id];
            return (
              <tr key={f.id}>
                <th scope="row">{formTitle(f.id)}</th>
                <td>{row ? formStatusText(t, row.status, row.unchangedSinceYear) : '—'}</td>
                <td>
                  <a href={`${base}/forms/${f.id}`}>
                    {t('common.actions.edit')}
                    <span class="visually-hidden"> {formTitle(f.id)}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {p.check.unfinished.length ? (
        <NotificationBanner kind="warning" title={t('reporting.check.unfinished_title')}>
          <ul>
            {p.check.unfinished.map((id) => (
              <li key={id}>
                <a href={`${base}/forms/${id}`}>{formTitle(id)}</a>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      {p.check.errors.length ? (
        <section aria-labelledby="errors-title">
          <h2 id="errors-title">{t('reporting.check.errors_title', { count: p.check.errors.length })}</h2>
          <ul>
            {p.check.errors.map((e, i) => (
              <li key={i}>
                <a href={`${base}/forms/${e.formId}#${inputId(e.path)}`}>
                  {formTitle(e.formId)}: {t(e.message, e.values)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="answers-title" class="check-answers">
        <h2 id="answers-title">{t('reporting.check.answers_title')}</h2>
        <p>{t('reporting.check.answers_intro')}</p>
        {p.forms.map((f) => {
          const row = byId[f.id];
          const filled = row && row.status !== 'not_applicable' && row.status !== 'not_started' && Object.keys(row.values ?? {}).length > 0;
          return (
            <section key={f.id} id={`answers-${f.id}`} class="report-form" aria-labelledby={`answers-${f.id}-title`}>
              <h3 id={`answers-${f.id}-title`}>{formTitle(f.id)}</h3>
              <p>
                {row ? formStatusText(t, row.status, row.unchangedSinceYear) : '—'} ·{' '}
                <a href={`${base}/forms/${f.id}`}>
                  {t('reporting.check.change')}
                  <span class="visually-hidden"> {formTitle(f.id)}</span>
                </a>
              </p>
              {filled ? <FormView def={f} values={row.values} references={p.references ?? {}} headingLevel={4} /> : null}
            </section>
          );
        })}
      </section>
      {blocked ? (
        <p>{t('reporting.check.blocked')}</p>
      ) : p.canSubmit ? (
        <PostForm action={`${base}/submit`}>
          <input type="hidden" name="_version" value={String(p.report.version)} />
          {p.check.warnings.length ? (
            <section aria-labelledby="warnings-title">
              <h2 id="warnings-title">{t('reporting.check.warnings_title', { count: p.check.warnings.length })}</h2>
              <p>{t('reporting.check.warnings_intro')}</p>
              {p.check.warnings.map((w) => (
                <TextArea
                  key={`${w.formId}:${w.path}`}
                  name={explanationField(w.formId, w.path)}
                  label={`${formTitle(w.formId)}: ${t(w.message, w.values)}`}
                  value={String(v[explanationField(w.formId, w.path)] ?? byId[w.formId]?.explanations[w.path] ?? '')}
                  error={p.errors?.[explanationField(w.formId, w.path)]}
                  rows={2}
                  maxLength={2000}
                />
              ))}
            </section>
          ) : null}
          {p.report.currentVersionNo > 0 ? <TextArea name="reason" label={t('reporting.check.reason')} hint={t('reporting.check.reason_hint')} value={String(v.reason ?? '')} error={p.errors?.reason} rows={3} maxLength={2000} /> : null}
          <Radios
            name="visibility"
            legend={t('reporting.check.visibility')}
            value={String(v.visibility ?? p.report.visibility)}
            error={p.errors?.visibility}
            options={[
              { value: 'public', label: t('reporting.visibility.public'), hint: t('reporting.visibility.public_hint') },
              { value: 'restricted', label: t('reporting.visibility.restricted'), hint: t('reporting.visibility.restricted_hint') },
            ]}
          />
          <h2>{t('reporting.check.declaration_title')}</h2>
          <Checkbox name="declaration" label={t('reporting.check.declaration')} checked={v.declaration === 'on'} />
          {p.errors?.declaration ? <p class="field__error">{p.errors.declaration}</p> : null}
          <Button>{t('reporting.check.submit')}</Button>
        </PostForm>
      ) : (
        <NotificationBanner>{t('reporting.check.approver_needed')}</NotificationBanner>
      )}
    </Layout>
  );
}

export function SubmittedPage({ report, stateName }: { report: ReportRow; stateName: string }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('reporting.submitted.title')}>
      <div class="panel panel--confirmation">
        <h1>{t('reporting.submitted.title')}</h1>
        <p>
          {reportTitle(t, report, stateName)} · {t('reporting.versions.item', { number: report.currentVersionNo })}
        </p>
        <p>{report.submittedAt ? <DateTimeText value={report.submittedAt} /> : null}</p>
      </div>
      <p>{t('reporting.submitted.next')}</p>
      <p>
        <a href={`/${locale}/reports/${report.id}/edit`}>{t('reporting.submitted.back')}</a>
      </p>
    </Layout>
  );
}
