import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, CsrfField, DateTimeText, ErrorSummary, NotificationBanner, PostForm, TextArea } from '../../../platform/views/components.tsx';
import { textOf, type FormDef, type FormValues, type Issue } from '../../../platform/forms/definition.ts';
import { FormEditor, FormView, issueFieldIds, issueItems, type References } from '../../../platform/forms/render.tsx';
import type { CommentRow, ReportFormRow, ReportRow } from '../reports-repository.ts';
import { CommentList, formStatusText, reportTitle } from './shared.tsx';

export interface FormPageProps {
  report: ReportRow;
  stateName: string;
  def: FormDef;
  row: ReportFormRow;
  values: FormValues;
  raw?: Record<string, string>;
  issues?: Issue[];
  references: References;
  comments: CommentRow[];
  canEdit: boolean;
  canComment: boolean;
  hasPrevious: boolean;
  flash?: string | undefined;
}

function Thread({ comments, action, canComment }: { comments: CommentRow[]; action: string; canComment: boolean }) {
  const { t } = usePage();
  if (!comments.length && !canComment) return null;
  return (
    <section class="thread" aria-labelledby="thread-title">
      <h2 id="thread-title">{t('reporting.thread.title')}</h2>
      {comments.length === 0 ? <p class="muted">{t('reporting.thread.empty')}</p> : null}
      <CommentList comments={comments} />
      {canComment ? (
        <PostForm action={action}>
          <TextArea name="body" label={t('reporting.thread.reply')} rows={3} maxLength={5000} />
          <Button variant="secondary">{t('reporting.thread.send')}</Button>
        </PostForm>
      ) : null}
    </section>
  );
}

export function FormPage(p: FormPageProps) {
  const { t, locale } = usePage();
  const formTitle = textOf(p.def.title, locale, t);
  const base = `/${locale}/reports/${p.report.id}`;
  const heading = reportTitle(t, p.report, p.stateName);
  const errors = (p.issues ?? []).filter((i) => i.severity === 'error');
  return (
    <Layout
      title={`${formTitle} · ${heading}`}
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/my`, label: t('reporting.my.title') },
            { href: `${base}/edit`, label: heading },
            { label: formTitle },
          ]}
        />
      }
    >
      {errors.length ? <ErrorSummary errors={issueItems(errors, t)} fieldIds={issueFieldIds(errors)} /> : null}
      {p.flash ? <NotificationBanner kind="success">{t(`reporting.flash.${p.flash}`)}</NotificationBanner> : null}
      <span class="caption">{heading}</span>
      <h1>{formTitle}</h1>
      {p.def.intro ? <p class="lead">{textOf(p.def.intro, locale, t)}</p> : null}
      <p>
        {t('reporting.form.status')}: <strong>{formStatusText(t, p.row.status, p.row.unchangedSinceYear)}</strong>
        {p.row.updatedAt ? (
          <>
            {' '}
            · {t('reporting.form.last_saved')} <DateTimeText value={p.row.updatedAt} />
          </>
        ) : null}
      </p>
      <Thread comments={p.comments} action={`${base}/forms/${p.def.id}/comments`} canComment={p.canComment} />
      {p.canEdit ? (
        <>
          {p.row.status === 'unchanged' ? <NotificationBanner>{t('reporting.form.unchanged_banner', { year: p.row.unchangedSinceYear ?? '' })}</NotificationBanner> : null}
          {p.row.status === 'not_applicable' ? <NotificationBanner>{t('reporting.form.na_banner')}</NotificationBanner> : null}
          <form method="post" action={`${base}/forms/${p.def.id}`} class="form" novalidate data-module="autosave" data-autosave-url={`${base}/forms/${p.def.id}`} data-text-saving={t('reporting.form.autosave_saving')} data-text-saved={t('reporting.form.autosave_saved')} data-text-conflict={t('reporting.form.autosave_conflict')}>
            <CsrfField />
            <input type="hidden" name="_version" value={String(p.row.version)} />
            <FormEditor def={p.def} values={p.values} raw={p.raw ?? {}} issues={p.issues ?? []} references={p.references} />
            <p class="autosave-status" role="status" aria-live="polite" data-autosave-status />
            <div class="button-group">
              <Button name="_action" value="complete">
                {t('reporting.form.save_complete')}
              </Button>
              <Button variant="secondary" name="_action" value="save">
                {t('reporting.form.save_later')}
              </Button>
            </div>
          </form>
          {p.def.id !== 'cover' ? (
            <section aria-labelledby="shortcuts-title" class="shortcuts">
              <h2 id="shortcuts-title">{t('reporting.form.shortcuts')}</h2>
              {p.hasPrevious ? (
                <PostForm action={`${base}/forms/${p.def.id}/unchanged`} inline>
                  <input type="hidden" name="_version" value={String(p.row.version)} />
                  <Button variant="secondary">{t('reporting.form.mark_unchanged')}</Button>
                </PostForm>
              ) : null}
              <PostForm action={`${base}/forms/${p.def.id}/not-applicable`} inline>
                <input type="hidden" name="_version" value={String(p.row.version)} />
                <Button variant="secondary">{t('reporting.form.mark_na')}</Button>
              </PostForm>
            </section>
          ) : null}
        </>
      ) : (
        <FormView def={p.def} values={p.values} references={p.references} />
      )}
    </Layout>
  );
}

/** Someone saved this form first: show both versions of each differing question and let the user choose. */
export function ConflictPage({ report, stateName, def, theirs, mine, changed, currentVersion, body, references }: { report: ReportRow; stateName: string; def: FormDef; theirs: FormValues; mine: FormValues; changed: string[]; currentVersion: number; body: Record<string, unknown>; references: References }) {
  const { t, locale } = usePage();
  const formTitle = textOf(def.title, locale, t);
  const base = `/${locale}/reports/${report.id}`;
  const only = (values: FormValues, path: string): FormDef => {
    const [sid, fid] = path.split('.');
    const section = def.sections.find((s) => s.id === sid)!;
    return { ...def, sections: [{ ...section, fields: section.fields.filter((f) => f.id === fid) }] };
  };
  return (
    <Layout title={t('reporting.conflict.title')}>
      <h1>{t('reporting.conflict.title')}</h1>
      <p class="lead">{t('reporting.conflict.lead', { form: formTitle, report: reportTitle(t, report, stateName) })}</p>
      <form method="post" action={`${base}/forms/${def.id}/resolve`} class="form" novalidate>
        <CsrfField />
        <input type="hidden" name="_version" value={String(currentVersion)} />
        {Object.entries(body)
          .filter(([k]) => k.startsWith('s.'))
          .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x, i) => <input type="hidden" name={k} value={String(x)} key={`${k}-${i}`} />) : [<input type="hidden" name={k} value={String(v ?? '')} key={k} />]))}
        {changed.map((path) => (
          <fieldset class="fieldset conflict" key={path}>
            <legend class="fieldset__legend">{t('reporting.conflict.question', { number: changed.indexOf(path) + 1 })}</legend>
            <div class="conflict__sides">
              <div class="conflict__side">
                <h2 class="conflict__label">{t('reporting.conflict.theirs')}</h2>
                <FormView def={only(theirs, path)} values={theirs} references={references} headingLevel={3} />
                <div class="radio">
                  <input class="radio__input" type="radio" id={`keep-${path}-theirs`} name={`keep.${path}`} value="theirs" checked />
                  <label class="radio__label" for={`keep-${path}-theirs`}>
                    {t('reporting.conflict.keep_theirs')}
                  </label>
                </div>
              </div>
              <div class="conflict__side">
                <h2 class="conflict__label">{t('reporting.conflict.mine')}</h2>
                <FormView def={only(mine, path)} values={mine} references={references} headingLevel={3} />
                <div class="radio">
                  <input class="radio__input" type="radio" id={`keep-${path}-mine`} name={`keep.${path}`} value="mine" />
                  <label class="radio__label" for={`keep-${path}-mine`}>
                    {t('reporting.conflict.keep_mine')}
                  </label>
                </div>
              </div>
            </div>
          </fieldset>
        ))}
        <Button>{t('reporting.conflict.save')}</Button>
      </form>
      <p>
        <a href={`${base}/forms/${def.id}`}>{t('reporting.conflict.discard')}</a>
      </p>
    </Layout>
  );
}
