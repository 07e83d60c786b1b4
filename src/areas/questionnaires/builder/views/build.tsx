/**
 * The build page (the latest version's sections and questions in the source language, with their
 * type, whether required, condition and linked actions), the section page, the details page and
 * the delete confirmations. Everything works without JavaScript: moves and deletions are forms.
 */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, ErrorSummary, NotificationBanner, PostForm, SelectField, Tag, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { ActionLinks } from '../../../../platform/forms/render.tsx';
import { QUESTION_TYPES, type QSection, type Question } from '../../content.ts';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import { fingerprint } from '../editing.ts';
import { BuilderBreadcrumbs, ContentText, FrozenNotice, languageName, VersionTag } from './shared.tsx';

export interface BuildPageProps {
  q: QuestionnaireRow;
  version: VersionRow;
  canEdit: boolean;
  flash?: string | undefined;
  /** A failed structural edit (move, add) shown on the page. */
  errors?: Record<string, string> | undefined;
  values?: Record<string, string> | undefined;
}

function Hidden({ version }: { version: VersionRow }) {
  return <input type="hidden" name="_version" value={String(version.version)} />;
}

/** A one-button form (move up/down). */
function MoveButtons({ action, version, index, count, label }: { action: string; version: VersionRow; index: number; count: number; label: string }) {
  const { t } = usePage();
  return (
    <>
      {index > 0 ? (
        <PostForm action={action} inline>
          <Hidden version={version} />
          <button type="submit" class="button button--secondary button--small" name="direction" value="up">
            {t('questionnaires.builder.build.move_up')}
            <span class="visually-hidden">: {label}</span>
          </button>
        </PostForm>
      ) : null}
      {index < count - 1 ? (
        <PostForm action={action} inline>
          <Hidden version={version} />
          <button type="submit" class="button button--secondary button--small" name="direction" value="down">
            {t('questionnaires.builder.build.move_down')}
            <span class="visually-hidden">: {label}</span>
          </button>
        </PostForm>
      ) : null}
    </>
  );
}

export function plainText(texts: Question['label'] | undefined, lang: string): string {
  return texts?.[lang as 'en']?.trim() || Object.values(texts ?? {}).find((v) => v?.trim()) || '';
}

/** One line on a question's condition: "Shown only if “q1” is: Yes". */
export function ConditionText({ question, section, source }: { question: Question; section: QSection; source: string }) {
  const { t } = usePage();
  if (!question.showIf) return null;
  const target = section.questions.find((x) => x.id === question.showIf!.question);
  const answer = (v: string) => (target?.type === 'yesno' ? t(v === 'yes' ? 'common.yes' : 'common.no') : plainText(target?.options?.find((o) => o.value === v)?.label, source) || v);
  return (
    <>
      {t('questionnaires.builder.build.condition', { question: target ? plainText(target.label, source) || target.id : question.showIf.question, answers: question.showIf.in.map(answer).join(' / ') })}
    </>
  );
}

function QuestionRow({ q, question, section, index, version, canEdit, base }: { q: QuestionnaireRow; question: Question; section: QSection; index: number; version: VersionRow; canEdit: boolean; base: string }) {
  const { t } = usePage();
  const href = `${base}/sections/${section.id}/questions/${question.id}`;
  const label = plainText(question.label, q.sourceLocale) || question.id;
  return (
    <li class="task-list__item">
      <div class="task-list__name">
        <a href={href}>
          <ContentText texts={question.label} source={q.sourceLocale} lang={q.sourceLocale} fallback={question.id} />
        </a>
        <div class="field__hint">
          <code>{`${section.id}.${question.id}`}</code> · {t(`questionnaires.builder.type.${question.type}`)}
          {question.required ? <> · {t('questionnaires.builder.build.required')}</> : null}
          {question.type === 'single' || question.type === 'multiple' ? <> · {t('questionnaires.builder.build.options', { count: question.options?.length ?? 0 })}</> : null}
          {question.type === 'table' ? <> · {t('questionnaires.builder.build.columns', { count: question.columns?.length ?? 0 })}</> : null}
          {question.showIf ? (
            <>
              <br />
              <ConditionText question={question} section={section} source={q.sourceLocale} />
            </>
          ) : null}
          {question.actions?.length ? (
            <>
              <br />
              <ActionLinks actions={question.actions} />
            </>
          ) : null}
        </div>
        {canEdit ? (
          <div class="button-group">
            <MoveButtons action={`${href}/move`} version={version} index={index} count={section.questions.length} label={label} />
            <a class="button button--secondary button--small" href={`${href}/delete`}>
              {t('questionnaires.builder.build.delete')}
              <span class="visually-hidden">: {label}</span>
            </a>
          </div>
        ) : null}
      </div>
      <div class="task-list__status">{question.required ? <Tag tone="blue">{t('questionnaires.builder.build.required')}</Tag> : null}</div>
    </li>
  );
}

function SectionBlock({ q, section, index, count, version, canEdit, base, errors, values }: { q: QuestionnaireRow; section: QSection; index: number; count: number; version: VersionRow; canEdit: boolean; base: string; errors?: Record<string, string> | undefined; values?: Record<string, string> | undefined }) {
  const { t, locale } = usePage();
  const href = `${base}/sections/${section.id}`;
  const title = plainText(section.title, q.sourceLocale) || section.id;
  const mine = values?._section === section.id;
  return (
    <section class="form-section" id={`section-${section.id}`} aria-labelledby={`section-${section.id}-title`}>
      <h2 id={`section-${section.id}-title`}>
        <ContentText texts={section.title} source={q.sourceLocale} lang={q.sourceLocale} fallback={section.id} />
      </h2>
      <p class="field__hint">
        <code>{section.id}</code>
        {section.intro ? (
          <>
            {' · '}
            <ContentText texts={section.intro} source={q.sourceLocale} lang={q.sourceLocale} />
          </>
        ) : null}
      </p>
      {canEdit ? (
        <div class="button-group">
          <a class="button button--secondary button--small" href={href}>
            {t('questionnaires.builder.build.edit_section')}
            <span class="visually-hidden">: {title}</span>
          </a>
          <MoveButtons action={`${href}/move`} version={version} index={index} count={count} label={title} />
          <a class="button button--secondary button--small" href={`${href}/delete`}>
            {t('questionnaires.builder.build.delete_section')}
            <span class="visually-hidden">: {title}</span>
          </a>
        </div>
      ) : null}
      {section.questions.length ? (
        <ol class="task-list">
          {section.questions.map((question, i) => (
            <QuestionRow key={question.id} q={q} question={question} section={section} index={i} version={version} canEdit={canEdit} base={base} />
          ))}
        </ol>
      ) : (
        <p class="muted">{t('questionnaires.builder.build.no_questions')}</p>
      )}
      {canEdit ? (
        <details class="details" open={mine || section.questions.length === 0}>
          <summary class="details__summary">
            {t('questionnaires.builder.build.add_question')}
            <span class="visually-hidden">: {title}</span>
          </summary>
          <PostForm action={`${href}/questions`} id={`add-${section.id}`}>
            <Hidden version={version} />
            <SelectField
              name="type"
              id={`f-type-${section.id}`}
              label={t('questionnaires.builder.build.question_type')}
              value={mine ? values?.type : 'yesno'}
              options={QUESTION_TYPES.map((ty) => ({ value: ty, label: t(`questionnaires.builder.type.${ty}`) }))}
              error={mine ? errors?.type : undefined}
            />
            <TextField
              name="label"
              id={`f-label-${section.id}`}
              label={t('questionnaires.builder.build.question_label', { language: languageName(q.sourceLocale, locale) })}
              value={mine ? values?.label : ''}
              error={mine ? errors?.label : undefined}
              attrs={{ maxLength: 1000 }}
            />
            <Button variant="secondary">{t('questionnaires.builder.build.add_question_submit')}</Button>
          </PostForm>
        </details>
      ) : null}
    </section>
  );
}

export function BuildPage(p: BuildPageProps) {
  const { t, locale } = usePage();
  const base = `/${locale}/questionnaires/${p.q.id}/build`;
  const frozen = !!p.version.frozenAt;
  const canEdit = p.canEdit && !frozen;
  const content = p.version.content;
  const sectionErrors = p.values?._section ? {} : p.errors;
  const summary = p.errors ? Object.fromEntries(Object.entries(p.errors).map(([k, v]) => [p.values?._section && k !== '_form' ? `${k}-${p.values._section}` : k, v])) : undefined;
  return (
    <Layout title={t('questionnaires.builder.build.title')} before={<BuilderBreadcrumbs q={p.q} items={[{ label: t('questionnaires.builder.build.title') }]} />}>
      {summary ? <ErrorSummary errors={summary} /> : null}
      {p.flash ? <NotificationBanner kind="success">{t(`questionnaires.builder.flash.${p.flash}`)}</NotificationBanner> : null}
      {frozen && p.canEdit ? <FrozenNotice q={p.q} version={p.version} canEdit={p.canEdit} /> : null}
      {!p.canEdit ? <NotificationBanner kind="info">{t('questionnaires.builder.build.read_only')}</NotificationBanner> : null}
      <span class="caption">
        <ContentText texts={p.q.title} source={p.q.sourceLocale} />
      </span>
      <h1>{t('questionnaires.builder.build.title')}</h1>
      <p>
        {t('questionnaires.builder.build.version', { number: p.version.versionNo })} <VersionTag version={p.version} /> · {t('questionnaires.builder.build.written_in', { language: languageName(p.q.sourceLocale, locale) })}
        {canEdit ? (
          <>
            {' · '}
            <a href={`${base}/details`}>{t('questionnaires.builder.build.edit_details')}</a>
          </>
        ) : null}
        {' · '}
        <a href={`/${locale}/questionnaires/${p.q.id}/preview`}>{t('questionnaires.builder.overview.preview')}</a>
      </p>
      {content.sections.length === 0 ? <p class="muted">{t('questionnaires.builder.build.no_sections')}</p> : null}
      {content.sections.map((s, i) => (
        <SectionBlock key={s.id} q={p.q} section={s} index={i} count={content.sections.length} version={p.version} canEdit={canEdit} base={base} errors={p.errors} values={p.values} />
      ))}
      {canEdit ? (
        <section aria-labelledby="add-section-title">
          <h2 id="add-section-title">{t('questionnaires.builder.build.add_section')}</h2>
          <PostForm action={`${base}/sections`}>
            <Hidden version={p.version} />
            <TextField
              name="title"
              label={t('questionnaires.builder.section.title_field', { language: languageName(p.q.sourceLocale, locale) })}
              value={p.values?._section ? '' : p.values?.title}
              error={sectionErrors?.title}
              attrs={{ maxLength: 1000 }}
            />
            <TextArea name="intro" label={t('questionnaires.builder.section.intro')} value={p.values?._section ? '' : p.values?.intro} error={sectionErrors?.intro} rows={3} maxLength={4000} />
            <Button variant="secondary">{t('questionnaires.builder.build.add_section_submit')}</Button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}

export interface SectionValues {
  id: string;
  title: string;
  intro: string;
}

/** Edits a section's code, title and intro. */
export function SectionPage({ q, version, section, values, errors, conflict }: { q: QuestionnaireRow; version: VersionRow; section: QSection; values: SectionValues; errors?: Record<string, string> | undefined; conflict?: boolean }) {
  const { t, locale } = usePage();
  const base = `/${locale}/questionnaires/${q.id}/build`;
  const frozen = !!version.frozenAt;
  const title = plainText(section.title, q.sourceLocale) || section.id;
  return (
    <Layout title={t('questionnaires.builder.section.title', { section: title })} before={<BuilderBreadcrumbs q={q} items={[{ href: base, label: t('questionnaires.builder.build.title') }, { label: title }]} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {conflict ? <ConflictNotice /> : null}
      {frozen ? <FrozenNotice q={q} version={version} canEdit /> : null}
      <h1>{t('questionnaires.builder.section.title', { section: title })}</h1>
      <PostForm action={`${base}/sections/${section.id}`}>
        <input type="hidden" name="_version" value={String(version.version)} />
        <input type="hidden" name="_base" value={sectionBase(section)} />
        <TextField name="id" label={t('questionnaires.builder.section.code')} hint={t('questionnaires.builder.section.code_hint')} value={values.id} error={errors?.id} width="medium" attrs={{ maxLength: 63, spellcheck: false }} />
        <TextField name="title" label={t('questionnaires.builder.section.title_field', { language: languageName(q.sourceLocale, locale) })} value={values.title} error={errors?.title} attrs={{ maxLength: 1000 }} />
        <TextArea name="intro" label={t('questionnaires.builder.section.intro')} value={values.intro} error={errors?.intro} rows={4} maxLength={4000} />
        {frozen ? null : <Button>{t('questionnaires.builder.save')}</Button>}
      </PostForm>
      <p>
        <a href={`${base}#section-${section.id}`}>{t('questionnaires.builder.back_to_build')}</a>
      </p>
    </Layout>
  );
}

/** What a section form was shown with (its code, title and intro): another person's edit elsewhere does not conflict with it. */
export function sectionBase(section: QSection): string {
  return fingerprint({ id: section.id, title: section.title, intro: section.intro ?? null });
}

export function ConflictNotice({ children }: { children?: ComponentChildren }) {
  const { t } = usePage();
  return (
    <NotificationBanner kind="warning" title={t('questionnaires.builder.conflict.title')}>
      <p>{t('questionnaires.builder.conflict.text')}</p>
      {children}
    </NotificationBanner>
  );
}

/** "Delete …?" with what goes with it; works without JavaScript. */
export function ConfirmDeletePage({ q, version, title, what, consequences, action, back }: { q: QuestionnaireRow; version: VersionRow; title: string; what: ComponentChildren; consequences: string[]; action: string; back: string }) {
  const { t, locale } = usePage();
  return (
    <Layout title={title} before={<BuilderBreadcrumbs q={q} items={[{ href: `/${locale}/questionnaires/${q.id}/build`, label: t('questionnaires.builder.build.title') }, { label: title }]} />}>
      <h1>{title}</h1>
      <p class="lead">{what}</p>
      {consequences.length ? (
        <ul>
          {consequences.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : null}
      <PostForm action={action}>
        <input type="hidden" name="_version" value={String(version.version)} />
        <div class="button-group">
          <Button variant="warning">{t('questionnaires.builder.delete.confirm')}</Button>
          <a class="button button--secondary" href={back}>
            {t('questionnaires.builder.delete.cancel')}
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}

/** Title and description in the source language. */
export function DetailsPage({ q, values, errors, conflict }: { q: QuestionnaireRow; values: { title: string; description: string }; errors?: Record<string, string> | undefined; conflict?: boolean }) {
  const { t, locale } = usePage();
  const base = `/${locale}/questionnaires/${q.id}/build`;
  return (
    <Layout title={t('questionnaires.builder.details.title')} before={<BuilderBreadcrumbs q={q} items={[{ href: base, label: t('questionnaires.builder.build.title') }, { label: t('questionnaires.builder.details.title') }]} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {conflict ? <ConflictNotice /> : null}
      <h1>{t('questionnaires.builder.details.title')}</h1>
      <PostForm action={`${base}/details`}>
        <input type="hidden" name="_version" value={String(q.version)} />
        <TextField name="title" label={t('questionnaires.builder.new.title_field')} hint={t('questionnaires.builder.build.written_in', { language: languageName(q.sourceLocale, locale) })} value={values.title} error={errors?.title} attrs={{ maxLength: 300 }} />
        <TextArea name="description" label={t('questionnaires.builder.new.description')} value={values.description} error={errors?.description} rows={4} maxLength={4000} />
        <Button>{t('questionnaires.builder.save')}</Button>
      </PostForm>
    </Layout>
  );
}
