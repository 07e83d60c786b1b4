/** Editing the action plans (ISU staff, administrators): every text in the six languages side by side. */
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, Button, DateText, ErrorSummary, NotificationBanner, PostForm, SelectField, Table, Tag, TextField } from '../../../platform/views/components.tsx';
import { TEXT_LOCALES, THEMES, type PlanText, type TextLocale, type TranslationGap } from '../plans.ts';
import type { PlanSummary, PlanTree } from '../plans-queries.ts';
import type { ActionRow, IndicatorRow, PlanRow, SectionRow } from '../plans-repository.ts';
import { SUMMARY_MAX, TITLE_MAX } from '../plan-forms.ts';
import { ConflictPanel, conflictRows, languageName, LocalText, MeasureText, MoveButtons, plainText, ThemeTags, themeLabel, TranslationTable } from './parts.tsx';
import { actionHref, DataNotices, planHref } from './public-pages.tsx';

type Values = Record<string, unknown>;
type Errors = Record<string, string>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function adminPlanHref(locale: string, planId: string): string {
  return `/${locale}/admin/plans/${planId}`;
}

function AdminCrumbs({ plan, extra, current }: { plan?: PlanRow; extra?: { href: string; label: ComponentChildren }[]; current: ComponentChildren }) {
  const { t, locale } = usePage();
  return (
    <Breadcrumbs
      items={[
        { href: `/${locale}/admin/plans`, label: t('plans.admin.title') },
        ...(plan ? [{ href: adminPlanHref(locale, plan.id), label: <LocalText text={plan.title} /> }] : []),
        ...(extra ?? []),
        { label: current },
      ]}
    />
  );
}

/* ---------- The list ---------- */

export function AdminPlansPage({ plans, missing }: { plans: PlanSummary[]; missing: Map<string, number> }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('plans.admin.title')} wide>
      <h1>{t('plans.admin.title')}</h1>
      <p class="lead">{t('plans.admin.lead')}</p>
      <Table
        caption={t('plans.list.caption', { count: plans.length })}
        rows={plans}
        empty={t('plans.list.empty')}
        columns={[
          {
            header: t('plans.list.col_plan'),
            cell: (p) => (
              <a href={adminPlanHref(locale, p.plan.id)}>
                <LocalText text={p.plan.title} />
              </a>
            ),
          },
          { header: t('plans.admin.col_sections'), numeric: true, cell: (p) => p.sections },
          { header: t('plans.list.col_actions'), numeric: true, cell: (p) => p.actions },
          {
            header: t('plans.admin.col_missing'),
            cell: (p) => {
              const n = missing.get(p.plan.id) ?? 0;
              return (
                <a href={`${adminPlanHref(locale, p.plan.id)}/translations`}>
                  {n ? <Tag tone="yellow">{t('plans.admin.missing_count', { count: n })}</Tag> : <Tag tone="green">{t('plans.admin.all_translated')}</Tag>}
                  <span class="visually-hidden">
                    {' '}
                    (<LocalText text={p.plan.title} />)
                  </span>
                </a>
              );
            },
          },
          {
            header: t('plans.admin.col_flags'),
            cell: (p) => (
              <>
                {p.toVerify ? <Tag tone="yellow">{t('plans.theme.to-verify')}</Tag> : null} {p.toComplete ? <Tag tone="yellow">{t('plans.theme.to-complete')}</Tag> : null}
              </>
            ),
          },
        ]}
      />
    </Layout>
  );
}

/* ---------- One plan: its structure ---------- */

export function AdminPlanPage({ tree, notice, orderConflict }: { tree: PlanTree; notice?: string | undefined; orderConflict?: boolean }) {
  const { t, locale } = usePage();
  const { plan } = tree;
  const base = adminPlanHref(locale, plan.id);
  const title = plainText(plan.title, locale);
  return (
    <Layout title={t('plans.admin.plan_title', { plan: title })} wide before={<AdminCrumbs current={<LocalText text={plan.title} />} />}>
      {orderConflict ? (
        <NotificationBanner kind="warning" title={t('plans.admin.order_conflict_title')}>
          <p>{t('plans.admin.order_conflict')}</p>
        </NotificationBanner>
      ) : null}
      {notice ? <NotificationBanner kind="success">{notice}</NotificationBanner> : null}
      <h1>
        <span class="caption">{t('plans.admin.plan_caption')}</span>
        <LocalText text={plan.title} />
      </h1>
      <DataNotices toVerify={tree.toVerify} toComplete={tree.toComplete} />
      <ul>
        <li>
          <a href={`${base}/edit`}>{t('plans.admin.edit_plan')}</a>
        </li>
        <li>
          <a href={`${base}/translations`}>{t('plans.admin.translations_link')}</a>
        </li>
        <li>
          <a href={`${base}/sections/new`}>{t('plans.admin.add_section')}</a>
        </li>
        <li>
          <a href={planHref(locale, plan.id)}>{t('plans.admin.public_link')}</a>
        </li>
      </ul>
      {tree.sections.map((s, si) => {
        const sectionName = `${t('plans.section.number', { number: s.section.number })}: ${plainText(s.section.title, locale)}`;
        return (
          <section key={s.section.id} class="form-section" aria-labelledby={`s-${si}-title`}>
            <h2 id={`s-${si}-title`}>
              <span class="caption">{t('plans.section.number', { number: s.section.number })}</span>
              <LocalText text={s.section.title} />
            </h2>
            <div class="button-group">
              <a href={`${base}/sections/${s.section.id}`}>
                {t('plans.admin.edit_section')}
                <span class="visually-hidden"> ({sectionName})</span>
              </a>
              <a href={`${base}/actions/new?section=${encodeURIComponent(s.section.id)}`}>
                {t('plans.admin.add_action')}
                <span class="visually-hidden"> ({sectionName})</span>
              </a>
              <MoveButtons action={`${base}/sections/${s.section.id}/move`} version={s.section.version} name={sectionName} first={si === 0} last={si === tree.sections.length - 1} />
            </div>
            <Table
              caption={t('plans.admin.actions_caption', { section: sectionName })}
              captionHidden
              rows={s.actions}
              empty={t('plans.plan.no_actions')}
              columns={[
                {
                  header: t('plans.admin.col_action'),
                  cell: ({ action }) => (
                    <a href={`${base}/actions/${action.id}`}>
                      {t('plans.action.number', { number: action.number })}: <LocalText text={action.title} />
                    </a>
                  ),
                },
                { header: t('plans.admin.col_indicators'), numeric: true, cell: ({ indicators }) => indicators.length },
                { header: t('plans.admin.col_themes'), cell: ({ action }) => <ThemeTags themes={action.themes} /> },
                {
                  header: t('plans.admin.col_order'),
                  cell: ({ action }) => {
                    const i = s.actions.findIndex((a) => a.action.id === action.id);
                    return <MoveButtons action={`${base}/actions/${action.id}/move`} version={action.version} name={t('plans.action.number', { number: action.number })} first={i === 0} last={i === s.actions.length - 1} />;
                  },
                },
              ]}
            />
          </section>
        );
      })}
    </Layout>
  );
}

/* ---------- The plan's own texts ---------- */

export function planValues(plan: PlanRow): Values {
  const v: Values = { version: plan.version, adoptedOn: plan.adoptedOn ?? '', periodStart: String(plan.periodStart), periodEnd: String(plan.periodEnd) };
  for (const l of TEXT_LOCALES) {
    v[`title.${l}`] = plan.title[l] ?? '';
    v[`adoptedAt.${l}`] = plan.adoptedAt?.[l] ?? '';
  }
  return v;
}

export function PlanFormPage({ plan, values, errors, saved, conflict }: { plan: PlanRow; values: Values; errors?: Errors | undefined; saved?: boolean; conflict?: boolean }) {
  const { t, locale } = usePage();
  const title = t('plans.plan_form.title', { plan: plainText(plan.title, locale) });
  return (
    <Layout title={title} wide before={<AdminCrumbs plan={plan} current={t('plans.plan_form.crumb')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {saved ? <NotificationBanner kind="success">{t('plans.plan_form.saved')}</NotificationBanner> : null}
      <h1>{title}</h1>
      {conflict ? (
        <ConflictPanel
          rows={conflictRows(
            t,
            locale,
            [
              { name: 'title', label: t('plans.plan_form.col_title'), localized: true },
              { name: 'adoptedAt', label: t('plans.plan_form.col_adopted_at'), localized: true },
              { name: 'adoptedOn', label: t('plans.plan.adopted_on') },
              { name: 'periodStart', label: t('plans.plan_form.period_start') },
              { name: 'periodEnd', label: t('plans.plan_form.period_end') },
            ],
            values,
            planValues(plan),
          )}
        />
      ) : null}
      <PostForm action={`${adminPlanHref(locale, plan.id)}/edit`}>
        <input type="hidden" name="version" value={String(conflict ? plan.version : str(values.version) || plan.version)} />
        <TranslationTable
          caption={t('plans.plan_form.texts_caption')}
          columns={[
            { name: 'title', label: t('plans.plan_form.col_title'), maxLength: TITLE_MAX },
            { name: 'adoptedAt', label: t('plans.plan_form.col_adopted_at'), maxLength: TITLE_MAX, optional: true },
          ]}
          values={values}
          errors={errors}
        />
        <TextField name="adoptedOn" type="date" width="medium" label={t('plans.plan.adopted_on')} hint={t('plans.form.date_hint')} value={str(values.adoptedOn)} error={errors?.adoptedOn} />
        <div class="inline-fields">
          <TextField name="periodStart" width="short" label={t('plans.plan_form.period_start')} value={str(values.periodStart)} error={errors?.periodStart} attrs={{ inputmode: 'numeric', maxLength: 4 }} />
          <TextField name="periodEnd" width="short" label={t('plans.plan_form.period_end')} value={str(values.periodEnd)} error={errors?.periodEnd} attrs={{ inputmode: 'numeric', maxLength: 4 }} />
        </div>
        <Button>{t('plans.form.save')}</Button>
      </PostForm>
    </Layout>
  );
}

/* ---------- Sections ---------- */

export function sectionValues(section: SectionRow): Values {
  const v: Values = { version: section.version, number: section.number };
  for (const l of TEXT_LOCALES) v[`title.${l}`] = section.title[l] ?? '';
  return v;
}

export function SectionFormPage({
  plan,
  section,
  values,
  errors,
  saved,
  conflict,
}: {
  plan: PlanRow;
  section?: SectionRow | undefined;
  values: Values;
  errors?: Errors | undefined;
  saved?: boolean;
  conflict?: boolean;
}) {
  const { t, locale } = usePage();
  const base = adminPlanHref(locale, plan.id);
  const title = section ? t('plans.section_form.edit_title', { number: section.number }) : t('plans.section_form.new_title');
  return (
    <Layout title={title} wide before={<AdminCrumbs plan={plan} current={title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {saved ? <NotificationBanner kind="success">{t('plans.section_form.saved')}</NotificationBanner> : null}
      <h1>{title}</h1>
      {conflict && section ? (
        <ConflictPanel
          rows={conflictRows(
            t,
            locale,
            [
              { name: 'number', label: t('plans.section_form.number') },
              { name: 'title', label: t('plans.section_form.col_title'), localized: true },
            ],
            values,
            sectionValues(section),
          )}
        />
      ) : null}
      <PostForm action={section ? `${base}/sections/${section.id}` : `${base}/sections/new`}>
        {section ? <input type="hidden" name="version" value={String(conflict ? section.version : str(values.version) || section.version)} /> : null}
        <TextField name="number" width="short" label={t('plans.section_form.number')} hint={t('plans.section_form.number_hint')} value={str(values.number)} error={errors?.number} attrs={{ maxLength: 10, spellcheck: false, autocomplete: 'off' }} />
        <TranslationTable caption={t('plans.section_form.texts_caption')} columns={[{ name: 'title', label: t('plans.section_form.col_title'), maxLength: TITLE_MAX }]} values={values} errors={errors} />
        <Button>{section ? t('plans.form.save') : t('plans.section_form.add')}</Button>
      </PostForm>
    </Layout>
  );
}

/* ---------- Actions ---------- */

export function actionValues(action: ActionRow): Values {
  const v: Values = { version: action.version, sectionId: action.sectionId, themes: action.themes };
  for (const l of TEXT_LOCALES) {
    v[`title.${l}`] = action.title[l] ?? '';
    v[`summary.${l}`] = action.summary?.[l] ?? '';
  }
  return v;
}

function ThemeChoices({ values, error }: { values: Values; error?: string | undefined }) {
  const { t } = usePage();
  const picked = new Set(Array.isArray(values.themes) ? (values.themes as unknown[]).map(String) : typeof values.themes === 'string' ? [values.themes] : []);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={`f-themes-hint${error ? ' f-themes-error' : ''}`}>
        <legend class="fieldset__legend">{t('plans.action_form.themes')}</legend>
        <div class="field__hint" id="f-themes-hint">
          {t('plans.action_form.themes_hint')}
        </div>
        {error ? (
          <p class="field__error" id="f-themes-error">
            {error}
          </p>
        ) : null}
        <div class="choices">
          {THEMES.map((th, i) => (
            <div class="checkbox" key={th}>
              <input class="checkbox__input" type="checkbox" id={i === 0 ? 'f-themes' : `f-themes-${i}`} name="themes" value={th} checked={picked.has(th)} />
              <label class="checkbox__label" for={i === 0 ? 'f-themes' : `f-themes-${i}`}>
                {themeLabel(t, th)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function ActionFormPage({
  plan,
  sections,
  action,
  indicators,
  values,
  errors,
  saved,
  conflict,
  orderConflict,
  notice,
}: {
  plan: PlanRow;
  sections: SectionRow[];
  action?: ActionRow | undefined;
  indicators?: IndicatorRow[];
  values: Values;
  errors?: Errors | undefined;
  saved?: boolean;
  conflict?: boolean;
  orderConflict?: boolean;
  notice?: string | undefined;
}) {
  const { t, locale } = usePage();
  const base = adminPlanHref(locale, plan.id);
  const title = action ? t('plans.action_form.edit_title', { number: action.number }) : t('plans.action_form.new_title');
  const sectionOptions = sections.map((s) => ({ value: s.id, label: `${t('plans.section.number', { number: s.number })}: ${plainText(s.title, locale)}` }));
  return (
    <Layout title={title} wide before={<AdminCrumbs plan={plan} current={action ? t('plans.action.number', { number: action.number }) : title} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {saved ? <NotificationBanner kind="success">{t('plans.action_form.saved')}</NotificationBanner> : null}
      {notice ? <NotificationBanner kind="success">{notice}</NotificationBanner> : null}
      {orderConflict ? (
        <NotificationBanner kind="warning" title={t('plans.admin.order_conflict_title')}>
          <p>{t('plans.admin.order_conflict')}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        {action ? <span class="caption">{action.id}</span> : null}
        {title}
      </h1>
      {action ? (
        <p>
          <a href={actionHref(locale, plan.id, action.id)}>{t('plans.action_form.public_link')}</a>
          {action.updatedAt ? (
            <span class="muted">
              {' · '}
              {t('plans.action_form.updated')} <DateText value={action.updatedAt} />
            </span>
          ) : null}
        </p>
      ) : null}
      {conflict && action ? (
        <ConflictPanel
          rows={conflictRows(
            t,
            locale,
            [
              { name: 'sectionId', label: t('plans.action_form.section'), show: (v) => sectionOptions.find((o) => o.value === v)?.label ?? v },
              { name: 'title', label: t('plans.action_form.col_title'), localized: true },
              { name: 'summary', label: t('plans.action_form.col_summary'), localized: true },
              { name: 'themes', label: t('plans.action_form.themes'), show: (v) => v.split(', ').map((th) => themeLabel(t, th)).join(', ') },
            ],
            values,
            actionValues(action),
          )}
        />
      ) : null}
      <PostForm action={action ? `${base}/actions/${action.id}` : `${base}/actions/new`}>
        {action ? <input type="hidden" name="version" value={String(conflict ? action.version : str(values.version) || action.version)} /> : null}
        {action ? null : (
          <TextField
            name="number"
            width="short"
            label={t('plans.action_form.number')}
            hint={t('plans.action_form.number_hint', { code: plan.code })}
            value={str(values.number)}
            error={errors?.number}
            attrs={{ inputmode: 'numeric', maxLength: 3, autocomplete: 'off' }}
          />
        )}
        <SelectField name="sectionId" label={t('plans.action_form.section')} value={str(values.sectionId)} options={sectionOptions} placeholder={t('plans.form.choose')} error={errors?.sectionId} />
        <TranslationTable
          caption={t('plans.action_form.texts_caption')}
          columns={[
            { name: 'title', label: t('plans.action_form.col_title'), maxLength: TITLE_MAX },
            { name: 'summary', label: t('plans.action_form.col_summary'), maxLength: SUMMARY_MAX, multiline: true, optional: true },
          ]}
          values={values}
          errors={errors}
        />
        <ThemeChoices values={values} error={errors?.themes} />
        <Button>{action ? t('plans.form.save') : t('plans.action_form.add')}</Button>
      </PostForm>
      {action && indicators ? (
        <section aria-labelledby="indicators-title">
          <h2 id="indicators-title">{t('plans.action.indicators')}</h2>
          <p>
            <a href={`${base}/actions/${action.id}/indicators/new`}>{t('plans.admin.add_indicator')}</a>
          </p>
          <Table
            caption={t('plans.action.indicators_caption', { count: indicators.length })}
            captionHidden
            rows={indicators}
            empty={t('plans.action.no_indicators')}
            columns={[
              {
                header: t('plans.action.col_indicator'),
                cell: (i) => (
                  <a href={`${base}/actions/${action.id}/indicators/${i.id}`}>
                    <LocalText text={i.title} />
                  </a>
                ),
              },
              { header: t('plans.action.col_reference'), cell: (i) => <code>{i.id}</code> },
              { header: t('plans.action.col_measure'), cell: (i) => <MeasureText measure={i.measure} /> },
              {
                header: t('plans.admin.col_order'),
                cell: (i) => {
                  const k = indicators.findIndex((x) => x.id === i.id);
                  return <MoveButtons action={`${base}/actions/${action.id}/indicators/${i.id}/move`} version={i.version} name={i.id} first={k === 0} last={k === indicators.length - 1} />;
                },
              },
            ]}
          />
        </section>
      ) : null}
    </Layout>
  );
}

/* ---------- Indicators ---------- */

export function indicatorValues(indicator: IndicatorRow): Values {
  const v: Values = { version: indicator.version, measure: indicator.measure ?? '' };
  for (const l of TEXT_LOCALES) v[`title.${l}`] = indicator.title[l] ?? '';
  return v;
}

export function IndicatorFormPage({
  plan,
  action,
  indicator,
  values,
  errors,
  saved,
  conflict,
}: {
  plan: PlanRow;
  action: ActionRow;
  indicator?: IndicatorRow | undefined;
  values: Values;
  errors?: Errors | undefined;
  saved?: boolean;
  conflict?: boolean;
}) {
  const { t, locale } = usePage();
  const base = `${adminPlanHref(locale, plan.id)}/actions/${action.id}`;
  const title = indicator ? t('plans.indicator_form.edit_title', { id: indicator.id }) : t('plans.indicator_form.new_title', { number: action.number });
  const measures = [
    { value: 'count', label: t('plans.measure.count') },
    { value: 'share', label: t('plans.measure.share') },
    { value: 'yesno', label: t('plans.measure.yesno') },
  ];
  return (
    <Layout title={title} wide before={<AdminCrumbs plan={plan} extra={[{ href: base, label: t('plans.action.number', { number: action.number }) }]} current={indicator ? indicator.id : t('plans.indicator_form.crumb_new')} />}>
      {errors ? <ErrorSummary errors={errors} /> : null}
      {saved ? <NotificationBanner kind="success">{t('plans.indicator_form.saved')}</NotificationBanner> : null}
      <h1>{title}</h1>
      {conflict && indicator ? (
        <ConflictPanel
          rows={conflictRows(
            t,
            locale,
            [
              { name: 'title', label: t('plans.indicator_form.col_title'), localized: true },
              { name: 'measure', label: t('plans.indicator_form.measure'), show: (v) => t(`plans.measure.${v}`) },
            ],
            values,
            indicatorValues(indicator),
          )}
        />
      ) : null}
      <PostForm action={indicator ? `${base}/indicators/${indicator.id}` : `${base}/indicators/new`}>
        {indicator ? <input type="hidden" name="version" value={String(conflict ? indicator.version : str(values.version) || indicator.version)} /> : null}
        <TranslationTable caption={t('plans.indicator_form.texts_caption')} columns={[{ name: 'title', label: t('plans.indicator_form.col_title'), maxLength: TITLE_MAX }]} values={values} errors={errors} />
        <SelectField name="measure" label={t('plans.indicator_form.measure')} hint={t('plans.indicator_form.measure_hint')} value={str(values.measure)} options={measures} placeholder={t('plans.measure.none')} error={errors?.measure} />
        <Button>{indicator ? t('plans.form.save') : t('plans.indicator_form.add')}</Button>
      </PostForm>
    </Layout>
  );
}

/* ---------- Translation status ---------- */

export interface GapRow extends TranslationGap {
  /** Where to correct it. */
  href: string;
  /** A readable name of the record: "Action 42", "Section VIII", "OAP-42.1". */
  owner: string;
}

export function TranslationsPage({
  plan,
  gaps,
  missingByLocale,
  total,
  language,
}: {
  plan: PlanRow;
  gaps: GapRow[];
  missingByLocale: Record<TextLocale, number>;
  total: number;
  language?: TextLocale | undefined;
}) {
  const { t, locale } = usePage();
  const shown = language ? gaps.filter((g) => g.missing.includes(language)) : gaps;
  const title = t('plans.translations.title', { plan: plainText(plan.title, locale) });
  const kindLabel = (k: PlanText['kind']) => t(`plans.translations.kind.${k}`);
  const here = `${adminPlanHref(locale, plan.id)}/translations`;
  return (
    <Layout title={title} wide before={<AdminCrumbs plan={plan} current={t('plans.translations.crumb')} />}>
      <h1>{title}</h1>
      <p class="lead">{t('plans.translations.lead', { total })}</p>
      <Table
        caption={t('plans.translations.by_language')}
        rows={[...TEXT_LOCALES]}
        columns={[
          { header: t('plans.form.col_language'), cell: (l) => <a href={`${here}?language=${l}`}>{languageName(l, locale)}</a> },
          { header: t('plans.translations.col_missing'), numeric: true, cell: (l) => missingByLocale[l] },
          { header: t('plans.form.col_status'), cell: (l) => (missingByLocale[l] ? <Tag tone="yellow">{t('plans.form.missing')}</Tag> : <Tag tone="green">{t('plans.form.complete')}</Tag>) },
        ]}
      />
      <form method="get" class="filters" action={here}>
        <SelectField
          name="language"
          label={t('plans.translations.filter')}
          value={language ?? ''}
          placeholder={t('plans.translations.all_languages')}
          options={TEXT_LOCALES.map((l) => ({ value: l, label: languageName(l, locale) }))}
        />
        <Button variant="secondary">{t('plans.translations.apply')}</Button>
      </form>
      <Table
        caption={language ? t('plans.translations.gaps_in', { count: shown.length, language: languageName(language, locale) }) : t('plans.translations.gaps', { count: shown.length })}
        rows={shown}
        empty={t('plans.translations.none')}
        columns={[
          {
            header: t('plans.translations.col_text'),
            cell: (g) => (
              <a href={g.href}>
                {kindLabel(g.kind)} <span class="muted">({g.owner})</span>
              </a>
            ),
          },
          {
            header: t('plans.translations.col_english'),
            cell: (g) =>
              g.text?.en ? (
                <bdi lang="en" dir="ltr">
                  {g.text.en}
                </bdi>
              ) : (
                <LocalText text={g.text} fallback={<span class="muted">—</span>} />
              ),
          },
          { header: t('plans.translations.col_missing_in'), cell: (g) => g.missing.map((l) => languageName(l, locale)).join(', ') },
        ]}
      />
    </Layout>
  );
}
