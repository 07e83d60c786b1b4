/**
 * The question page: everything a question of its type has, in the source language. Option and
 * column rows are added and removed with submit buttons that come back to this page with the
 * values typed so far (no JavaScript needed); nothing is stored until "Save".
 */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, Checkbox, ErrorSummary, fieldId, NotificationBanner, PostForm, SelectField, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { COLUMN_TYPES, type QSection, type Question } from '../../content.ts';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import { conditionCandidates } from '../editing.ts';
import type { QuestionDraft } from '../question-form.ts';
import { ConditionText, ConflictNotice, plainText } from './build.tsx';
import { BuilderBreadcrumbs, FrozenNotice, languageName } from './shared.tsx';

export interface PlanChoice {
  id: string;
  title: string;
  actions: { id: string; number: number; title: string }[];
}

export interface QuestionPageProps {
  q: QuestionnaireRow;
  version: VersionRow;
  section: QSection;
  /** The question as stored (its type, its position for the condition's candidates). */
  question: Question;
  draft: QuestionDraft;
  base: string;
  plans: PlanChoice[];
  errors?: Record<string, string> | undefined;
  /** Someone saved this question meanwhile: what is stored now. */
  conflict?: Question | undefined;
  flash?: string | undefined;
}

function OptionRows({ draft, errors, disabled }: { draft: QuestionDraft; errors: Record<string, string>; disabled: boolean }) {
  const { t } = usePage();
  return (
    <fieldset class="fieldset" id={fieldId('options')}>
      <legend class="fieldset__legend">{t('questionnaires.builder.question.options')}</legend>
      <p class="field__hint">{t('questionnaires.builder.question.options_hint')}</p>
      {errors.options ? <p class="field__error">{errors.options}</p> : null}
      <ol class="table-rows">
        {draft.options.map((o, i) => (
          <li class="table-row" key={i}>
            <div class="inline-fields">
              <TextField name={`options.${i}.value`} label={t('questionnaires.builder.question.option_code', { number: i + 1 })} value={o.value} error={errors[`options.${i}.value`]} width="short" attrs={{ maxLength: 63, spellcheck: false }} />
              <TextField name={`options.${i}.label`} label={t('questionnaires.builder.question.option_label', { number: i + 1 })} value={o.label} error={errors[`options.${i}.label`]} width="medium" attrs={{ maxLength: 1000 }} />
            </div>
            {disabled ? null : (
              <button type="submit" class="button button--secondary button--small" name="_action" value={`remove_option:${i}`}>
                {t('questionnaires.builder.question.remove_option', { number: i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {disabled ? null : (
        <Button variant="secondary" name="_action" value="add_option">
          {t('questionnaires.builder.question.add_option')}
        </Button>
      )}
    </fieldset>
  );
}

function ColumnRows({ draft, errors, disabled }: { draft: QuestionDraft; errors: Record<string, string>; disabled: boolean }) {
  const { t } = usePage();
  return (
    <fieldset class="fieldset" id={fieldId('columns')}>
      <legend class="fieldset__legend">{t('questionnaires.builder.question.columns')}</legend>
      {errors.columns ? <p class="field__error">{errors.columns}</p> : null}
      <ol class="table-rows">
        {draft.columns.map((c, i) => (
          <li class="table-row" key={i}>
            <fieldset class="fieldset">
              <legend class="fieldset__legend">{t('questionnaires.builder.question.column', { number: i + 1 })}</legend>
              <div class="inline-fields">
                <TextField name={`columns.${i}.code`} label={t('questionnaires.builder.question.code')} value={c.code} error={errors[`columns.${i}.code`]} width="short" attrs={{ maxLength: 63, spellcheck: false }} />
                <SelectField
                  name={`columns.${i}.type`}
                  label={t('questionnaires.builder.question.column_type')}
                  value={c.type}
                  options={COLUMN_TYPES.map((ty) => ({ value: ty, label: t(`questionnaires.builder.type.${ty}`) }))}
                  error={errors[`columns.${i}.type`]}
                />
              </div>
              <TextField name={`columns.${i}.label`} label={t('questionnaires.builder.question.label')} value={c.label} error={errors[`columns.${i}.label`]} attrs={{ maxLength: 1000 }} />
              <TextArea name={`columns.${i}.options`} label={t('questionnaires.builder.question.column_options')} hint={t('questionnaires.builder.question.column_options_hint')} value={c.options} error={errors[`columns.${i}.options`]} rows={3} />
              {disabled ? null : (
                <button type="submit" class="button button--secondary button--small" name="_action" value={`remove_column:${i}`}>
                  {t('questionnaires.builder.question.remove_column', { number: i + 1 })}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {disabled ? null : (
        <Button variant="secondary" name="_action" value="add_column">
          {t('questionnaires.builder.question.add_column')}
        </Button>
      )}
    </fieldset>
  );
}

function ConditionFields({ q, section, question, draft, errors }: { q: QuestionnaireRow; section: QSection; question: Question; draft: QuestionDraft; errors: Record<string, string> }) {
  const { t } = usePage();
  const candidates = conditionCandidates(section, question.id);
  if (!candidates.length && !draft.condition) {
    return (
      <>
        <h2>{t('questionnaires.builder.question.condition')}</h2>
        <p class="muted">{t('questionnaires.builder.question.no_candidates')}</p>
      </>
    );
  }
  return (
    <>
      <h2>{t('questionnaires.builder.question.condition')}</h2>
      <SelectField
        name="condition"
        label={t('questionnaires.builder.question.condition_question')}
        hint={t('questionnaires.builder.question.condition_hint')}
        value={draft.condition}
        options={[
          { value: '', label: t('questionnaires.builder.question.always') },
          ...candidates.map((c) => ({ value: c.question.id, label: `${c.question.id} — ${plainText(c.question.label, q.sourceLocale) || c.question.id}` })),
          ...(draft.condition && !candidates.some((c) => c.question.id === draft.condition) ? [{ value: draft.condition, label: draft.condition }] : []),
        ]}
        error={errors.condition}
      />
      <div class={`field${errors.conditionValues ? ' field--error' : ''}`} id={fieldId('conditionValues')}>
        {errors.conditionValues ? <p class="field__error">{errors.conditionValues}</p> : null}
        {candidates.map((c) => (
          <fieldset class="fieldset" key={c.question.id}>
            <legend class="fieldset__legend">{t('questionnaires.builder.question.condition_answers', { question: c.question.id })}</legend>
            {c.answers.map((a) => {
              const value = `${c.question.id}=${a.value}`;
              const id = `f-cond-${c.question.id}-${a.value}`;
              return (
                <div class="checkbox" key={value}>
                  <input class="checkbox__input" type="checkbox" id={id} name="conditionValues" value={value} checked={draft.conditionValues.includes(value)} />
                  <label class="checkbox__label" for={id}>
                    {c.question.type === 'yesno' ? t(a.value === 'yes' ? 'common.yes' : 'common.no') : <bdi>{`${a.value} — ${plainText(a.label, q.sourceLocale) || a.value}`}</bdi>}
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
    </>
  );
}

/** Checkbox names must be unique ids: `actions` repeated, one id per action. */
function ActionChoices({ plans, chosen, error }: { plans: PlanChoice[]; chosen: string[]; error?: string | undefined }) {
  const { t } = usePage();
  return (
    <>
      <h2>{t('questionnaires.builder.question.actions')}</h2>
      <p class="field__hint">{t('questionnaires.builder.question.actions_hint')}</p>
      <div class={`field${error ? ' field--error' : ''}`} id={fieldId('actions')}>
        {error ? <p class="field__error">{error}</p> : null}
        {plans.map((plan) => {
          const picked = plan.actions.filter((a) => chosen.includes(a.id)).length;
          return (
            <details class="details" key={plan.id} open={picked > 0}>
              <summary class="details__summary">
                {plan.title} {picked ? `(${t('questionnaires.builder.question.actions_chosen', { count: picked })})` : null}
              </summary>
              <fieldset class="fieldset">
                <legend class="visually-hidden">{plan.title}</legend>
                {plan.actions.map((a) => (
                  <div class="checkbox" key={a.id}>
                    <input class="checkbox__input" type="checkbox" id={`f-action-${a.id}`} name="actions" value={a.id} checked={chosen.includes(a.id)} />
                    <label class="checkbox__label" for={`f-action-${a.id}`}>
                      {t('questionnaires.builder.question.action_label', { number: a.number })} <bdi>{a.title}</bdi>
                    </label>
                  </div>
                ))}
              </fieldset>
            </details>
          );
        })}
      </div>
    </>
  );
}

/**
 * The form's first submit button, so that pressing Enter in a text box saves instead of pressing
 * the first row's "remove" button. Hidden from sight and from the keyboard (the visible buttons
 * remain the way to act).
 */
export function DefaultSubmit({ value, label }: { value: string; label: string }) {
  return (
    <button type="submit" name="_action" value={value} class="visually-hidden" tabIndex={-1} aria-hidden="true">
      {label}
    </button>
  );
}

export function QuestionPage(p: QuestionPageProps) {
  const { t, locale } = usePage();
  const errors = p.errors ?? {};
  const base = `/${locale}/questionnaires/${p.q.id}/build`;
  const frozen = !!p.version.frozenAt;
  const type = p.question.type;
  const title = plainText(p.question.label, p.q.sourceLocale) || p.question.id;
  const lang = languageName(p.q.sourceLocale, locale);
  const sectionTitle = plainText(p.section.title, p.q.sourceLocale) || p.section.id;
  return (
    <Layout
      title={t('questionnaires.builder.question.title', { question: title })}
      before={<BuilderBreadcrumbs q={p.q} items={[{ href: base, label: t('questionnaires.builder.build.title') }, { href: `${base}#section-${p.section.id}`, label: sectionTitle }, { label: title }]} />}
    >
      {Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      {p.flash && !Object.keys(errors).length ? <NotificationBanner kind="success">{t(`questionnaires.builder.flash.${p.flash}`)}</NotificationBanner> : null}
      {p.conflict ? (
        <ConflictNotice>
          <p>
            {t('questionnaires.builder.conflict.saved_now')} <code>{p.conflict.id}</code> — <bdi>{plainText(p.conflict.label, p.q.sourceLocale)}</bdi>
            {p.conflict.showIf ? (
              <>
                {' · '}
                <ConditionText question={p.conflict} section={p.section} source={p.q.sourceLocale} />
              </>
            ) : null}
          </p>
          <p>{t('questionnaires.builder.conflict.save_again')}</p>
        </ConflictNotice>
      ) : null}
      {frozen ? <FrozenNotice q={p.q} version={p.version} canEdit /> : null}
      <span class="caption">
        {t(`questionnaires.builder.type.${type}`)} · <code>{`${p.section.id}.${p.question.id}`}</code>
      </span>
      <h1>{t('questionnaires.builder.question.title', { question: title })}</h1>
      <p>{t('questionnaires.builder.build.written_in', { language: lang })}</p>
      <PostForm action={`${base}/sections/${p.section.id}/questions/${p.question.id}`}>
        <input type="hidden" name="_version" value={String(p.version.version)} />
        <input type="hidden" name="_base" value={p.base} />
        {frozen ? null : <DefaultSubmit value="save" label={t('questionnaires.builder.save')} />}
        <TextField name="code" label={t('questionnaires.builder.question.code')} hint={t('questionnaires.builder.question.code_hint')} value={p.draft.code} error={errors.code} width="medium" attrs={{ maxLength: 63, spellcheck: false }} />
        <TextField name="label" label={t('questionnaires.builder.question.label')} value={p.draft.label} error={errors.label} attrs={{ maxLength: 1000 }} />
        <TextArea name="help" label={t('questionnaires.builder.question.help')} hint={t('questionnaires.builder.question.help_hint')} value={p.draft.help} error={errors.help} rows={3} maxLength={4000} />
        <Checkbox name="required" label={t('questionnaires.builder.question.required')} hint={t('questionnaires.builder.question.required_hint')} checked={p.draft.required} />
        {type === 'single' || type === 'multiple' ? <OptionRows draft={p.draft} errors={errors} disabled={frozen} /> : null}
        {type === 'number' ? (
          <>
            <TextField name="unit" label={t('questionnaires.builder.question.unit')} hint={t('questionnaires.builder.question.unit_hint')} value={p.draft.unit} error={errors.unit} width="short" attrs={{ maxLength: 40 }} />
            <div class="inline-fields">
              <TextField name="min" label={t('questionnaires.builder.question.min')} value={p.draft.min} error={errors.min} width="short" attrs={{ inputmode: 'decimal' }} />
              <TextField name="max" label={t('questionnaires.builder.question.max')} value={p.draft.max} error={errors.max} width="short" attrs={{ inputmode: 'decimal' }} />
              <TextField name="decimals" label={t('questionnaires.builder.question.decimals')} hint={t('questionnaires.builder.question.decimals_hint')} value={p.draft.decimals} error={errors.decimals} width="short" attrs={{ inputmode: 'numeric' }} />
            </div>
          </>
        ) : null}
        {type === 'short_text' || type === 'long_text' ? (
          <TextField name="maxLength" label={t('questionnaires.builder.question.max_length')} hint={t('questionnaires.builder.question.max_length_hint')} value={p.draft.maxLength} error={errors.maxLength} width="short" attrs={{ inputmode: 'numeric' }} />
        ) : null}
        {type === 'table' ? (
          <>
            <ColumnRows draft={p.draft} errors={errors} disabled={frozen} />
            <TextField name="maxRows" label={t('questionnaires.builder.question.max_rows')} value={p.draft.maxRows} error={errors.maxRows} width="short" attrs={{ inputmode: 'numeric' }} />
          </>
        ) : null}
        <ConditionFields q={p.q} section={p.section} question={p.question} draft={p.draft} errors={errors} />
        <ActionChoices plans={p.plans} chosen={p.draft.actions} error={errors.actions} />
        {frozen ? null : (
          <div class="button-group">
            <Button name="_action" value="save">
              {t('questionnaires.builder.save')}
            </Button>
            <a class="button button--secondary" href={`${base}#section-${p.section.id}`}>
              {t('questionnaires.builder.back_to_build')}
            </a>
          </div>
        )}
      </PostForm>
    </Layout>
  );
}
