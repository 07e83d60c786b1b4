/** Check your answers before submitting; the receipt; "already submitted". */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, Checkbox, DateTimeText, NotificationBanner, PostForm } from '../../../../platform/views/components.tsx';
import { textOf, type FormDef, type FormValues } from '../../../../platform/forms/definition.ts';
import { FormView, inputId, type References } from '../../../../platform/forms/render.tsx';
import { Content, RespondentCrumbs } from './shared.tsx';

export interface MissingItem {
  sectionId: string;
  path: string;
  message: string;
}

export interface HiddenItem {
  sectionId: string;
  question: string;
  condition: string;
}

export interface ReviewPageProps {
  base: string;
  title: { text: string; lang: string };
  def: FormDef;
  values: FormValues;
  references: References;
  missing: MissingItem[];
  hidden: HiddenItem[];
  versionToken: string;
  submitted: { at: Date; receipt: string | null } | undefined;
  canSubmit: boolean;
  confirmError?: string | undefined;
  notice?: string | undefined;
}

export function ReviewPage(p: ReviewPageProps) {
  const { t, locale } = usePage();
  const heading = t('questionnaires.answering.review.title');
  const problems = [...p.missing.map((m) => ({ href: `${p.base}/sections/${m.sectionId}#${inputId(m.path)}`, text: m.message })), ...(p.confirmError ? [{ href: '#f-confirm', text: p.confirmError }] : [])];
  return (
    <Layout title={`${heading} · ${p.title.text}`} before={<RespondentCrumbs base={p.base} title={p.title} here={heading} />}>
      {problems.length ? (
        <div class="error-summary" role="alert" tabindex={-1} data-module="error-summary" aria-labelledby="error-summary-title">
          <h2 class="error-summary__title" id="error-summary-title">
            {t('questionnaires.answering.review.missing_title')}
          </h2>
          <ul class="error-summary__list">
            {problems.map((m, i) => (
              <li key={i}>
                <a href={m.href}>{m.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.notice ? <NotificationBanner kind="warning">{t(`questionnaires.answering.notice.${p.notice}`)}</NotificationBanner> : null}
      {p.submitted ? (
        <NotificationBanner title={t('questionnaires.answering.submitted_banner.title')}>
          <p>
            {t('questionnaires.answering.submitted_banner.text', { receipt: p.submitted.receipt ?? '' })} <DateTimeText value={p.submitted.at} />
          </p>
          <p>{t('questionnaires.answering.submitted_banner.changes')}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption">
        <Content value={p.title} />
      </span>
      <h1>{heading}</h1>
      {p.def.sections.map((s) => (
        <div key={s.id} class="review-section">
          <FormView def={{ ...p.def, sections: [s] }} values={p.values} references={p.references} headingLevel={2} />
          {p.canSubmit || p.submitted ? (
            <p>
              <a href={`${p.base}/sections/${s.id}`}>
                {t('questionnaires.answering.review.change')}
                <span class="visually-hidden"> {textOf(s.title, locale, t)}</span>
              </a>
            </p>
          ) : null}
        </div>
      ))}
      {p.hidden.length ? (
        <section aria-labelledby="hidden-title">
          <h2 id="hidden-title">{t('questionnaires.answering.review.hidden_title')}</h2>
          <p>{t('questionnaires.answering.review.hidden_lead')}</p>
          <ul>
            {p.hidden.map((h, i) => (
              <li key={i}>
                {t('questionnaires.answering.review.hidden_item', { question: h.question, condition: h.condition })}{' '}
                <a href={`${p.base}/sections/${h.sectionId}`}>{t('questionnaires.answering.review.change')}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.canSubmit && !p.submitted ? (
        <PostForm action={`${p.base}/submit`}>
          <h2>{t('questionnaires.answering.review.submit_title')}</h2>
          <input type="hidden" name="_version" value={p.versionToken} />
          <div class={`field${p.confirmError ? ' field--error' : ''}`}>
            {p.confirmError ? (
              <p class="field__error" id="f-confirm-error">
                {p.confirmError}
              </p>
            ) : null}
            <Checkbox name="confirm" value="yes" label={t('questionnaires.answering.review.confirm')} />
          </div>
          <Button>{t('questionnaires.answering.review.submit')}</Button>
        </PostForm>
      ) : null}
    </Layout>
  );
}

export function ReceiptPage({ base, title, receipt, at, by }: { base: string; title: { text: string; lang: string }; receipt: string; at: Date; by: string | null }) {
  const { t } = usePage();
  return (
    <Layout title={`${t('questionnaires.answering.receipt.title')} · ${title.text}`}>
      <div class="panel--confirmation">
        <h1>{t('questionnaires.answering.receipt.title')}</h1>
        <p>
          {t('questionnaires.answering.receipt.reference')}
          <br />
          <strong dir="ltr">{receipt}</strong>
        </p>
      </div>
      <p>
        <Content value={title} />
      </p>
      <p>
        {t('questionnaires.answering.receipt.when')} <DateTimeText value={at} />
        {by ? (
          <>
            {' · '}
            <bdi>{by}</bdi>
          </>
        ) : null}
      </p>
      {by ? <p>{t('questionnaires.answering.receipt.email', { name: by })}</p> : null}
      <p>{t('questionnaires.answering.receipt.changes')}</p>
      <ul>
        <li>
          <a href={`${base}/review`}>{t('questionnaires.answering.receipt.see_answers')}</a>
        </li>
        <li>
          <a href={base}>{t('questionnaires.answering.receipt.back')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** A second submission (another tab, a colleague first): nothing sent twice. */
export function AlreadySubmittedPage({ base, title, at, receipt, by }: { base: string; title: { text: string; lang: string }; at: Date; receipt: string | null; by: string | null }) {
  const { t } = usePage();
  return (
    <Layout title={t('questionnaires.answering.already.title')} before={<RespondentCrumbs base={base} title={title} here={t('questionnaires.answering.already.title')} />}>
      <h1>{t('questionnaires.answering.already.title')}</h1>
      <p class="lead">
        {by ? t('questionnaires.answering.already.lead_by', { name: by, receipt: receipt ?? '' }) : t('questionnaires.answering.already.lead', { receipt: receipt ?? '' })} <DateTimeText value={at} />
      </p>
      <p>{t('questionnaires.answering.already.nothing')}</p>
      <p>
        <a href={`${base}/receipt`}>{t('questionnaires.answering.start.receipt')}</a>
      </p>
    </Layout>
  );
}
