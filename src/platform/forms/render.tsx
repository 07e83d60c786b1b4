/**
 * HTML for a form definition: the editor (works without JavaScript: repeating rows are added and
 * removed with buttons that save and come back) and the read-only view used by check-your-answers,
 * public report pages and reviewers.
 */
import type { ComponentChildren } from 'preact';
import { usePage } from '../views/context.ts';
import { fieldId, TableWrap } from '../views/components.tsx';
import {
  AGES,
  SEXES,
  textOf,
  type FieldDef,
  type FormDef,
  type FormValues,
  type Issue,
  type MoneyValue,
  type Option,
  type PeopleValue,
  type ScalarFieldDef,
  type TableFieldDef,
  type Text,
} from './definition.ts';
import { isVisible } from './validate.ts';
import { peopleTotals } from './values.ts';

/** Options of reference fields (e.g. the mine-type catalogue), by source name. */
export type References = Record<string, Option[]>;

export interface EditorProps {
  def: FormDef;
  values: FormValues;
  raw?: Record<string, string>;
  issues?: Issue[];
  references?: References;
}

function useText() {
  const { locale, t } = usePage();
  return (text: Text | undefined) => textOf(text, locale, t);
}

export function inputId(path: string): string {
  return fieldId(`s.${path}`);
}

/** Issues as error-summary items: message translated, linked to the input. */
export function issueItems(issues: Issue[], t: (k: string, v?: Record<string, string | number>) => string) {
  return issues.map((i) => ({ field: i.path, message: t(i.message, i.values) }));
}

export function issueFieldIds(issues: Issue[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [i.path, inputId(i.path)]));
}

function messageFor(path: string, issues: Issue[] | undefined, t: (k: string, v?: Record<string, string | number>) => string): string | undefined {
  const found = issues?.find((i) => i.path === path);
  return found ? t(found.message, found.values) : undefined;
}

function numberText(v: unknown): string {
  return typeof v === 'number' ? String(v) : '';
}

export function FormEditor({ def, values, raw = {}, issues = [], references = {} }: EditorProps) {
  const text = useText();
  return (
    <div class="form-engine" data-module="show-if">
      {def.sections.map((section) => {
        const sv = values[section.id] ?? {};
        return (
          <section class="form-section" key={section.id} id={`section-${section.id}`} aria-labelledby={`section-${section.id}-title`}>
            <h2 id={`section-${section.id}-title`}>{text(section.title)}</h2>
            {section.intro ? <p class="field__hint">{text(section.intro)}</p> : null}
            {section.fields.map((field) => (
              <div key={field.id} {...showIfAttributes(field, `s.${section.id}`)}>
                {field.type === 'table' ? (
                  <TableEditor field={field} path={`${section.id}.${field.id}`} rows={(sv[field.id] as Record<string, unknown>[] | undefined) ?? []} raw={raw} issues={issues} references={references} />
                ) : (
                  <ScalarEditor field={field} path={`${section.id}.${field.id}`} value={sv[field.id]} raw={raw} issues={issues} references={references} />
                )}
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

interface ScalarProps {
  field: ScalarFieldDef;
  path: string;
  value: unknown;
  raw: Record<string, string>;
  issues: Issue[];
  references: References;
  /** Label shown visually hidden (inside tables). */
  compact?: boolean;
}

function Shell({ id, label, hint, error, children, unit }: { id: string; label: string; hint?: ComponentChildren; error?: string | undefined; children: ComponentChildren; unit?: string }) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {unit ? (
        <div class="input-with-unit">
          {children}
          <span class="input-unit">{unit}</span>
        </div>
      ) : (
        children
      )}
    </div>
  );
}

/** A field's hint and error, with the ids its input's aria-describedby points at. */
function HintAndError({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string | undefined }) {
  const { t } = usePage();
  return (
    <>
      {hint ? (
        <div class="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t('common.errors.prefix')} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * The action-plan actions a field gives evidence for, as links to their pages: "Oslo Action Plan:
 * #42 #45". The plan names and link texts are the plans area's messages; the links go to
 * /{locale}/plans/actions/{id}, which leads to the action's page.
 */
export function ActionLinks({ actions }: { actions?: string[] | undefined }) {
  const { t, tr, locale } = usePage();
  const groups = new Map<string, number[]>();
  for (const a of actions ?? []) {
    const m = /^([A-Z][A-Z0-9]{0,9})-([1-9][0-9]{0,2})$/.exec(a);
    if (m) groups.set(m[1]!, [...(groups.get(m[1]!) ?? []), Number(m[2])]);
  }
  if (!groups.size) return null;
  const msg = (key: string, values: Record<string, string | number>, fallback: string) => (tr.has(key) ? t(key, values) : fallback);
  return (
    <span>
      {[...groups].map(([code, numbers], i) => {
        const plan = msg(`plans.field_links.plan_${code}`, {}, code);
        return (
          <span key={code}>
            {i ? ' · ' : null}
            {msg('plans.field_links.label', { plan }, `${plan}:`)}
            {numbers.map((n) => (
              <span key={n}>
                {' '}
                <a href={`/${locale}/plans/actions/${code}-${n}`}>
                  <span class="visually-hidden">{plan} </span>
                  {msg('plans.field_links.action', { number: n }, `#${n}`)}
                </a>
              </span>
            ))}
          </span>
        );
      })}
    </span>
  );
}

/** A field's hint followed by the links to the actions it gives evidence for. */
function withActionLinks(hint: string | undefined, actions: string[] | undefined): ComponentChildren {
  if (!actions?.length) return hint;
  return (
    <>
      {hint}
      {hint ? <br /> : null}
      <ActionLinks actions={actions} />
    </>
  );
}

function describedBy(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function ScalarEditor({ field, path, value, raw, issues, references }: ScalarProps) {
  const { t } = usePage();
  const text = useText();
  const id = inputId(path);
  const name = `s.${path}`;
  const label = text(field.label) + (field.required ? '' : ` ${t('forms.optional')}`);
  const hint = withActionLinks(field.hint ? text(field.hint) : undefined, field.actions);
  const error = messageFor(path, issues, t);
  const common = { id, name, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': describedBy(id, hint, error) };
  switch (field.type) {
    case 'text':
      return (
        <Shell id={id} label={label} hint={hint} error={error}>
          <input class="input input--full" type="text" dir="auto" maxLength={field.maxLength ?? 500} value={raw[path] ?? (typeof value === 'string' ? value : '')} {...common} />
        </Shell>
      );
    case 'narrative':
      return (
        <Shell id={id} label={label} hint={hint} error={error}>
          <textarea class="textarea" dir="auto" rows={field.rows ?? 6} maxLength={field.maxLength ?? 20000} {...common}>
            {raw[path] ?? (typeof value === 'string' ? value : '')}
          </textarea>
        </Shell>
      );
    case 'integer':
    case 'decimal':
      return (
        <Shell id={id} label={label} hint={hint} error={error} unit={field.unit ? text(field.unit) : undefined}>
          <input class="input input--short" type="text" inputMode={field.type === 'integer' ? 'numeric' : 'decimal'} dir="ltr" spellcheck={false} value={raw[path] ?? numberText(value)} {...common} />
        </Shell>
      );
    case 'date':
      return (
        <Shell id={id} label={label} hint={hint ?? t('forms.date_hint')} error={error}>
          <input class="input input--medium" type="date" dir="ltr" value={raw[path] ?? (typeof value === 'string' ? value : '')} {...common} />
        </Shell>
      );
    case 'reference':
    case 'choice': {
      const options = field.type === 'reference' ? references[field.source] ?? [] : field.options;
      if (field.type === 'choice' && (field.display === 'radios' || (!field.display && options.length <= 5))) {
        return (
          <ChoiceGroup id={id} name={name} legend={label} hint={hint} error={error} type="radio" options={options.map((o) => ({ value: o.value, label: text(o.label), checked: value === o.value }))} />
        );
      }
      return (
        <Shell id={id} label={label} hint={hint} error={error}>
          <select class="select" {...common}>
            <option value="">{t('forms.choose')}</option>
            {options.map((o) => (
              <option value={o.value} selected={value === o.value} key={o.value}>
                {text(o.label)}
              </option>
            ))}
          </select>
        </Shell>
      );
    }
    case 'multichoice': {
      const picked = Array.isArray(value) ? (value as string[]) : [];
      return <ChoiceGroup id={id} name={name} legend={label} hint={hint} error={error} type="checkbox" options={field.options.map((o) => ({ value: o.value, label: text(o.label), checked: picked.includes(o.value) }))} />;
    }
    case 'yesno':
      return (
        <ChoiceGroup
          id={id}
          name={name}
          legend={label}
          hint={hint}
          error={error}
          type="radio"
          inline
          options={[
            { value: 'yes', label: t('common.yes'), checked: value === true },
            { value: 'no', label: t('common.no'), checked: value === false },
          ]}
        />
      );
    case 'money': {
      const m = (value ?? {}) as Partial<MoneyValue>;
      const aErr = messageFor(`${path}.amount`, issues, t);
      const cErr = messageFor(`${path}.currency`, issues, t);
      return (
        <fieldset class={`fieldset field${aErr || cErr ? ' field--error' : ''}`} aria-describedby={hint ? `${id}-hint` : undefined}>
          <legend class="fieldset__legend">{label}</legend>
          {hint ? (
            <div class="field__hint" id={`${id}-hint`}>
              {hint}
            </div>
          ) : null}
          {aErr ? <p class="field__error">{aErr}</p> : null}
          {cErr ? <p class="field__error">{cErr}</p> : null}
          <div class="inline-fields">
            <div>
              <label class="field__label" for={inputId(`${path}.amount`)}>
                {t('forms.money.amount')}
              </label>
              <input class="input input--medium" id={inputId(`${path}.amount`)} name={`${name}.amount`} type="text" inputMode="decimal" dir="ltr" value={raw[`${path}.amount`] ?? numberText(m.amount)} aria-invalid={aErr ? 'true' : undefined} />
            </div>
            <div>
              <label class="field__label" for={inputId(`${path}.currency`)}>
                {t('forms.money.currency')}
              </label>
              <input class="input input--short" id={inputId(`${path}.currency`)} name={`${name}.currency`} type="text" dir="ltr" maxLength={3} autocomplete="off" spellcheck={false} value={m.currency ?? ''} aria-describedby={`${id}-cur-hint`} aria-invalid={cErr ? 'true' : undefined} />
              <div class="field__hint" id={`${id}-cur-hint`}>
                {t('forms.money.currency_hint')}
              </div>
            </div>
          </div>
        </fieldset>
      );
    }
    case 'people':
      return <PeopleEditor id={id} name={name} path={path} label={label} hint={hint} value={(value ?? {}) as PeopleValue} raw={raw} issues={issues} />;
    case 'file':
      return (
        <Shell id={id} label={label} hint={hint ?? t('forms.file_hint')} error={error}>
          <select class="select" {...common}>
            <option value="">{t('forms.no_file')}</option>
            {(references.__attachments ?? []).map((o) => (
              <option value={o.value} selected={value === o.value} key={o.value}>
                {text(o.label)}
              </option>
            ))}
          </select>
        </Shell>
      );
  }
}

function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  error,
  type,
  options,
  inline,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string; checked: boolean }[];
  inline?: boolean;
}) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="fieldset__legend">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div class={inline ? 'choices choices--inline' : 'choices'}>
          {options.map((o, i) => {
            const oid = i === 0 ? id : `${id}-${i}`;
            return (
              <div class={type} key={o.value}>
                <input class={`${type}__input`} type={type} id={oid} name={name} value={o.value} checked={o.checked} />
                <label class={`${type}__label`} for={oid}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Column headers of a people table: age bands, total, persons with disabilities. */
function PeopleHead() {
  const { t } = usePage();
  return (
    <thead>
      <tr>
        <td />
        {AGES.map((a) => (
          <th scope="col" key={a}>
            {t(`forms.people.age_${a}`)}
          </th>
        ))}
        <th scope="col">{t('forms.people.total')}</th>
        <th scope="col">{t('forms.people.disability')}</th>
      </tr>
    </thead>
  );
}

/** The totals row of a people table (derived, never typed). */
function PeopleFoot({ totals }: { totals: ReturnType<typeof peopleTotals> }) {
  const { t, tr } = usePage();
  return (
    <tfoot>
      <tr>
        <th scope="row">{t('forms.people.total')}</th>
        {AGES.map((a) => (
          <td class="num" key={a}>
            {tr.formatNumber(totals.byAge[a])}
          </td>
        ))}
        <td class="num" data-people-total="all">
          <strong>{tr.formatNumber(totals.total)}</strong>
        </td>
        <td class="num">{tr.formatNumber(totals.disability)}</td>
      </tr>
    </tfoot>
  );
}

function PeopleEditor({ id, name, path, label, hint, value, raw, issues }: { id: string; name: string; path: string; label: string; hint?: ComponentChildren; value: PeopleValue; raw: Record<string, string>; issues: Issue[] }) {
  const { t, tr } = usePage();
  const totals = peopleTotals(value);
  const errs = issues.filter((i) => i.path.startsWith(`${path}.`));
  const cell = (key: keyof PeopleValue, rowLabel: string, colLabel: string) => {
    const p = `${path}.${key}`;
    const bad = errs.some((e) => e.path === p);
    return (
      <td>
        <input
          class="input input--cell"
          id={inputId(p)}
          name={`${name}.${key}`}
          type="text"
          inputMode="numeric"
          dir="ltr"
          aria-label={`${label}: ${rowLabel}, ${colLabel}`}
          aria-invalid={bad ? 'true' : undefined}
          value={raw[p] ?? numberText(value[key])}
          data-people-cell={key}
        />
      </td>
    );
  };
  return (
    <div class={`field${errs.length ? ' field--error' : ''}`} data-module="people-totals">
      <fieldset class="fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend class="fieldset__legend">{label}</legend>
        {hint ? (
          <div class="field__hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {errs.map((e) => (
          <p class="field__error" key={e.path}>
            {t(e.message, e.values)}
          </p>
        ))}
        <div class="table-wrap">
          <table class="table table--people">
            <caption class="visually-hidden">{label}</caption>
            <PeopleHead />
            <tbody>
              {SEXES.map((s) => (
                <tr key={s}>
                  <th scope="row">{t(`forms.people.sex_${s}`)}</th>
                  {AGES.map((a) => cell(`${s}_${a}` as keyof PeopleValue, t(`forms.people.sex_${s}`), t(`forms.people.age_${a}`)))}
                  <td class="num" data-people-total={s}>
                    {tr.formatNumber(totals.bySex[s])}
                  </td>
                  {cell(`disability_${s}` as keyof PeopleValue, t(`forms.people.sex_${s}`), t('forms.people.disability'))}
                </tr>
              ))}
            </tbody>
            <PeopleFoot totals={totals} />
          </table>
        </div>
      </fieldset>
    </div>
  );
}

/**
 * A conditional field: shown to everyone without JavaScript (so nobody must save to discover a
 * follow-up question), hidden and revealed on the fly by the `show-if` client module. Answers to a
 * question whose condition is false are ignored by validation either way.
 */
function showIfAttributes(field: { showIf?: { field: string; in: (string | boolean)[] } }, parentName: string): Record<string, string> {
  if (!field.showIf) return {};
  const inputValue = (v: string | boolean) => (v === true ? 'yes' : v === false ? 'no' : v);
  return { 'data-show-if-name': `${parentName}.${field.showIf.field}`, 'data-show-if-values': field.showIf.in.map(inputValue).join(' ') };
}

/** Placeholders of a table's new-row template, replaced by the `repeating` client module. */
const ROW_INDEX = '__i__';
const ROW_NUMBER = '__n__';

interface RowProps {
  field: TableFieldDef;
  path: string;
  label: string;
  index: number | string;
  number: number | string;
  row: Record<string, unknown>;
  raw: Record<string, string>;
  issues: Issue[];
  references: References;
}

function TableRow({ field, path, label, index, number, row, raw, issues, references }: RowProps) {
  const { t } = usePage();
  const rowPath = `${path}.${index}`;
  const key = String(row._id ?? index);
  return (
    <li class="table-row" id={`row-${key}`}>
      <fieldset class="fieldset">
        <legend class="fieldset__legend" data-row-legend="">
          {t('forms.table.row', { label, number })}
        </legend>
        <input type="hidden" name={`s.${rowPath}._id`} value={String(row._id ?? '')} />
        <div class="table-row__fields">
          {field.columns.map((col) => (
            <div key={col.id} class={`table-row__cell table-row__cell--${col.type}`} {...showIfAttributes(col, `s.${rowPath}`)}>
              <ScalarEditor field={col} path={`${rowPath}.${col.id}`} value={row[col.id]} raw={raw} issues={issues} references={references} />
            </div>
          ))}
        </div>
        <button type="submit" class="button button--secondary button--small" name="_action" value={`remove:${path}:${key}`} data-row-remove="">
          {t('forms.table.remove', { number })}
        </button>
      </fieldset>
    </li>
  );
}

function TableEditor({ field, path, rows, raw, issues, references }: { field: TableFieldDef; path: string; rows: Record<string, unknown>[]; raw: Record<string, string>; issues: Issue[]; references: References }) {
  const { t } = usePage();
  const text = useText();
  const label = text(field.label);
  const error = messageFor(path, issues, t);
  const rowProps = { field, path, label, raw, issues, references };
  return (
    <div
      class={`field table-field${error ? ' field--error' : ''}`}
      id={inputId(path)}
      data-module="repeating"
      data-path={path}
      data-max-rows={field.maxRows === undefined ? undefined : String(field.maxRows)}
      data-legend={t('forms.table.row', { label, number: ROW_NUMBER })}
      data-remove-label={t('forms.table.remove', { number: ROW_NUMBER })}
      data-text-added={t('forms.table.added', { label })}
      data-text-removed={t('forms.table.removed', { label })}
    >
      <h3 class="table-field__title">{label}</h3>
      {field.hint ? <p class="field__hint">{text(field.hint)}</p> : null}
      {error ? <p class="field__error">{error}</p> : null}
      {rows.length === 0 ? <p class="muted table-field__empty">{t('forms.table.no_rows')}</p> : null}
      <ol class="table-rows">
        {rows.map((row, i) => (
          <TableRow key={String(row._id ?? i)} {...rowProps} index={i} number={i + 1} row={row} />
        ))}
      </ol>
      {/* The markup of a new row, for adding rows without a round trip when JavaScript runs. */}
      <template data-row-template="">
        <TableRow {...rowProps} raw={{}} issues={[]} index={ROW_INDEX} number={ROW_NUMBER} row={{}} />
      </template>
      <p class="visually-hidden" role="status" aria-live="polite" data-row-status=""></p>
      <button type="submit" class="button button--secondary" name="_action" value={`add:${path}`} data-row-add="">
        {field.addLabel ? text(field.addLabel) : t('forms.table.add')}
      </button>
    </div>
  );
}

/* ---------- Read-only view ---------- */

function formatScalar(field: ScalarFieldDef, v: unknown, ctx: { t: (k: string, v?: Record<string, string | number>) => string; text: (x: Text | undefined) => string; tr: ReturnType<typeof usePage>['tr']; references: References }): ComponentChildren {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return <span class="muted">{ctx.t('forms.not_answered')}</span>;
  switch (field.type) {
    case 'text':
      return <bdi>{String(v)}</bdi>;
    case 'narrative':
      return (
        <div class="narrative" dir="auto">
          {String(v)
            .split(/\n{2,}/)
            .map((p, i) => (
              <p key={i}>{p}</p>
            ))}
        </div>
      );
    case 'integer':
    case 'decimal':
      return `${ctx.tr.formatNumber(v as number)}${field.unit ? ` ${ctx.text(field.unit)}` : ''}`;
    case 'date':
      return <time datetime={String(v)}>{ctx.tr.formatDate(String(v))}</time>;
    case 'choice':
      return ctx.text(field.options.find((o) => o.value === v)?.label) || String(v);
    case 'reference':
      return ctx.text(ctx.references[field.source]?.find((o) => o.value === v)?.label) || String(v);
    case 'multichoice':
      return (v as string[]).map((x) => ctx.text(field.options.find((o) => o.value === x)?.label) || x).join('; ');
    case 'yesno':
      return v ? ctx.t('common.yes') : ctx.t('common.no');
    case 'money': {
      const m = v as MoneyValue;
      if (m.amount === null) return m.currency ?? '';
      try {
        return ctx.tr.formatNumber(m.amount, m.currency ? { style: 'currency', currency: m.currency } : {});
      } catch {
        return `${ctx.tr.formatNumber(m.amount)} ${m.currency ?? ''}`;
      }
    }
    case 'people':
      return <PeopleView value={v as PeopleValue} />;
    case 'file':
      return ctx.text(ctx.references.__attachments?.find((o) => o.value === v)?.label) || ctx.t('forms.file_attached');
  }
}

function PeopleView({ value }: { value: PeopleValue }) {
  const { t, tr } = usePage();
  const totals = peopleTotals(value);
  const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : tr.formatNumber(x));
  return (
    <table class="table table--people table--compact">
      <PeopleHead />
      <tbody>
        {SEXES.map((s) => (
          <tr key={s}>
            <th scope="row">{t(`forms.people.sex_${s}`)}</th>
            {AGES.map((a) => (
              <td class="num" key={a}>
                {n(value[`${s}_${a}` as keyof PeopleValue])}
              </td>
            ))}
            <td class="num">{tr.formatNumber(totals.bySex[s])}</td>
            <td class="num">{n(value[`disability_${s}` as keyof PeopleValue])}</td>
          </tr>
        ))}
      </tbody>
      <PeopleFoot totals={totals} />
    </table>
  );
}

/**
 * The id of a field's read-only block (or of a table cell, for a path `section.table.row.column`) on
 * a page that shows each form once, e.g. `f-A-general-narrative`: a valid HTML id that links (search
 * results) can point at.
 */
export function fieldAnchor(formId: string, path: string): string {
  return `f-${formId}-${path}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** `anchors`: give each shown field its `fieldAnchor` id (only where the form appears once on the page). */
export function FormView({ def, values, references = {}, headingLevel = 2, anchors = false }: { def: FormDef; values: FormValues; references?: References; headingLevel?: 2 | 3 | 4; anchors?: boolean }) {
  const { t, tr } = usePage();
  const anchor = (path: string) => (anchors ? fieldAnchor(def.id, path) : undefined);
  const text = useText();
  const ctx = { t, text, tr, references };
  const H = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  const Sub = (['h3', 'h4', 'h5'] as const)[headingLevel - 2]!;
  return (
    <div class="form-view">
      {def.sections.map((section) => {
        const sv = values[section.id] ?? {};
        return (
          <section key={section.id} class="form-view__section">
            <H>{text(section.title)}</H>
            {section.fields.map((field: FieldDef) => {
              if (!isVisible(field, sv)) return null;
              if (field.type === 'table') {
                const rows = (sv[field.id] as Record<string, unknown>[] | undefined) ?? [];
                return (
                  <div key={field.id} id={anchor(`${section.id}.${field.id}`)}>
                    <Sub>{text(field.label)}</Sub>
                    {rows.length === 0 ? (
                      <p class="muted">{t('forms.table.no_rows')}</p>
                    ) : (
                      <TableWrap label={text(field.label)}>
                        <table class="table">
                          <caption class="visually-hidden">{text(field.label)}</caption>
                          <thead>
                            <tr>
                              {field.columns.map((c) => (
                                <th scope="col" key={c.id} class={c.type === 'integer' || c.type === 'decimal' ? 'num' : undefined}>
                                  {text(c.label)}
                                  {c.actions?.length ? (
                                    <div class="field__hint">
                                      <ActionLinks actions={c.actions} />
                                    </div>
                                  ) : null}
                                </th>
                              ))}
                            </tr>
                          </thead>
                          <tbody>
                            {rows.map((row, i) => (
                              <tr key={String(row._id ?? i)}>
                                {field.columns.map((c) => (
                                  <td key={c.id} id={isVisible(c, row) ? anchor(`${section.id}.${field.id}.${i}.${c.id}`) : undefined} class={c.type === 'integer' || c.type === 'decimal' ? 'num' : undefined}>
                                    {isVisible(c, row) ? formatScalar(c, row[c.id], ctx) : null}
                                  </td>
                                ))}
                              </tr>
                            ))}
                          </tbody>
                          {field.totals?.length ? (
                            <tfoot>
                              <tr>
                                {field.columns.map((c, i) => (
                                  <td key={c.id} class="num">
                                    {field.totals!.includes(c.id)
                                      ? tr.formatNumber(rows.reduce((a, r) => a + (typeof r[c.id] === 'number' ? (r[c.id] as number) : 0), 0))
                                      : i === 0
                                        ? <strong>{t('forms.people.total')}</strong>
                                        : null}
                                  </td>
                                ))}
                              </tr>
                            </tfoot>
                          ) : null}
                        </table>
                      </TableWrap>
                    )}
                  </div>
                );
              }
              return (
                <dl class="summary-list" key={field.id} id={anchor(`${section.id}.${field.id}`)}>
                  <div class="summary-list__row">
                    <dt class="summary-list__key">
                      {text(field.label)}
                      {field.actions?.length ? (
                        <div class="field__hint">
                          <ActionLinks actions={field.actions} />
                        </div>
                      ) : null}
                    </dt>
                    <dd class="summary-list__value">{formatScalar(field, sv[field.id], ctx)}</dd>
                  </div>
                </dl>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

/** One answer, formatted for reading (used by version comparisons). */
export function ScalarValue({ field, value, references = {} }: { field: ScalarFieldDef; value: unknown; references?: References }) {
  const { t, tr } = usePage();
  const text = useText();
  return <>{formatScalar(field, value, { t, text, tr, references })}</>;
}
