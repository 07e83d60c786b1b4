/** One section of the questionnaire to answer, and the conflict page when a colleague saved it first. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, CsrfField, DateTimeText, ErrorSummary, NotificationBanner } from '../../../../platform/views/components.tsx';
import { textOf, type FormDef, type FormValues, type Issue } from '../../../../platform/forms/definition.ts';
import { FormEditor, FormView, issueFieldIds, issueItems, type References } from '../../../../platform/forms/render.tsx';
import { Content, RespondentCrumbs } from './shared.tsx';

export interface SectionPageProps {
  base: string;
  title: { text: string; lang: string };
  def: FormDef;
  number: number;
  total: number;
  values: FormValues;
  raw?: Record<string, string> | undefined;
  issues?: Issue[] | undefined;
  references: References;
  versionToken: string;
  submittedAt: Date | null;
  hasFileQuestions: boolean;
  isLast: boolean;
  flash?: string | undefined;
}

export function SectionPage(p: SectionPageProps) {
  const { t, locale } = usePage();
  const section = p.def.sections[0]!;
  const sectionTitle = textOf(section.title, locale, t);
  const action = `${p.base}/sections/${section.id}`;
  const errors = (p.issues ?? []).filter((i) => i.severity === 'error');
  return (
    <Layout title={`${sectionTitle} · ${p.title.text}`} before={<RespondentCrumbs base={p.base} title={p.title} here={sectionTitle} />}>
      {errors.length ? <ErrorSummary errors={issueItems(errors, t)} fieldIds={issueFieldIds(errors)} /> : null}
      {p.flash ? <NotificationBanner kind="success">{t(`questionnaires.answering.flash.${p.flash}`)}</NotificationBanner> : null}
      {p.submittedAt ? (
        <NotificationBanner title={t('questionnaires.answering.submitted_banner.title')}>
          <p>
            {t('questionnaires.answering.section.late_change')} <DateTimeText value={p.submittedAt} />
          </p>
        </NotificationBanner>
      ) : null}
      <span class="caption">
        <Content value={p.title} />
      </span>
      <h1>{t('questionnaires.answering.section.heading', { number: p.number, total: p.total })}</h1>
      <form
        method="post"
        action={action}
        class="form"
        novalidate
        data-module="autosave"
        data-autosave-url={action}
        data-text-saving={t('questionnaires.answering.section.autosave_saving')}
        data-text-saved={t('questionnaires.answering.section.autosave_saved')}
        data-text-conflict={t('questionnaires.answering.section.autosave_conflict')}
      >
        <CsrfField />
        <input type="hidden" name="_version" value={p.versionToken} />
        <FormEditor def={p.def} values={p.values} raw={p.raw ?? {}} issues={p.issues ?? []} references={p.references} />
        {p.hasFileQuestions ? (
          <p class="field__hint">
            {t('questionnaires.answering.section.files_hint')} <a href={`${p.base}/files`}>{t('questionnaires.answering.files.title')}</a>
          </p>
        ) : null}
        <p class="autosave-status" role="status" aria-live="polite" data-autosave-status />
        <div class="button-group">
          <Button name="_action" value="continue">
            {p.isLast ? t('questionnaires.answering.section.save_review') : t('questionnaires.answering.section.save_continue')}
          </Button>
          <Button variant="secondary" name="_action" value="later">
            {t('questionnaires.answering.section.save_later')}
          </Button>
        </div>
      </form>
    </Layout>
  );
}

/** A colleague saved this section since the page was shown: both answers of each differing question, to choose from. */
export function ConflictPage({ base, title, def, theirs, mine, changed, versionToken, body, references, theirsBy, theirsAt }: { base: string; title: { text: string; lang: string }; def: FormDef; theirs: FormValues; mine: FormValues; changed: string[]; versionToken: string; body: Record<string, unknown>; references: References; theirsBy: string | null; theirsAt: Date }) {
  const { t, locale } = usePage();
  const section = def.sections[0]!;
  const only = (path: string): FormDef => {
    const fid = path.split('.')[1];
    return { ...def, sections: [{ ...section, fields: section.fields.filter((f) => f.id === fid).map((f) => ({ ...f, showIf: undefined })) as typeof section.fields }] };
  };
  const label = (path: string) => {
    const f = section.fields.find((x) => x.id === path.split('.')[1]);
    return f ? textOf(f.label, locale, t) : path;
  };
  return (
    <Layout title={t('questionnaires.answering.conflict.title')} before={<RespondentCrumbs base={base} title={title} here={textOf(section.title, locale, t)} />}>
      <h1>{t('questionnaires.answering.conflict.title')}</h1>
      <p class="lead">
        {theirsBy ? t('questionnaires.answering.conflict.lead_by', { name: theirsBy }) : t('questionnaires.answering.conflict.lead')} <DateTimeText value={theirsAt} />
      </p>
      <p>{t('questionnaires.answering.conflict.choose')}</p>
      <form method="post" action={`${base}/sections/${section.id}/resolve`} class="form" novalidate>
        <CsrfField />
        <input type="hidden" name="_version" value={versionToken} />
        {Object.entries(body)
          .filter(([k]) => k.startsWith('s.'))
          .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x, i) => <input type="hidden" name={k} value={String(x)} key={`${k}-${i}`} />) : [<input type="hidden" name={k} value={String(v ?? '')} key={k} />]))}
        {changed.map((path, i) => (
          <fieldset class="fieldset conflict" key={path}>
            <legend class="fieldset__legend">{t('questionnaires.answering.conflict.question', { number: i + 1, label: label(path) })}</legend>
            <div class="conflict__sides">
              <div class="conflict__side">
                <h2 class="conflict__label">{t('questionnaires.answering.conflict.theirs')}</h2>
                <FormView def={only(path)} values={theirs} references={references} headingLevel={3} />
                <div class="radio">
                  <input class="radio__input" type="radio" id={`keep-${i}-theirs`} name={`keep.${path}`} value="theirs" checked />
                  <label class="radio__label" for={`keep-${i}-theirs`}>
                    {t('questionnaires.answering.conflict.keep_theirs')}
                  </label>
                </div>
              </div>
              <div class="conflict__side">
                <h2 class="conflict__label">{t('questionnaires.answering.conflict.mine')}</h2>
                <FormView def={only(path)} values={mine} references={references} headingLevel={3} />
                <div class="radio">
                  <input class="radio__input" type="radio" id={`keep-${i}-mine`} name={`keep.${path}`} value="mine" />
                  <label class="radio__label" for={`keep-${i}-mine`}>
                    {t('questionnaires.answering.conflict.keep_mine')}
                  </label>
                </div>
              </div>
            </div>
          </fieldset>
        ))}
        <Button>{t('questionnaires.answering.conflict.save')}</Button>
      </form>
      <p>
        <a href={`${base}/sections/${section.id}`}>{t('questionnaires.answering.conflict.discard')}</a>
      </p>
    </Layout>
  );
}
